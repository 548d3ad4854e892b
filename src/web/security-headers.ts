// The security headers every answer carries (pages, API, static files), built from the
// settings by a plain function so the policy can be tested without a server.
//
// Scripts: Next's App Router streams inline <script> tags (the RSC payload) whose text
// differs per request, so hashes cannot cover them; 'unsafe-inline' would let any injected
// markup run. A fresh nonce per request (src/proxy.ts) is the only tight option: Next reads
// it from the request's Content-Security-Policy header and stamps its own scripts with it.
// 'strict-dynamic' lets those scripts load the chunks they import.
// Styles: Next and React set inline `style` attributes (e.g. the route announcer, progress
// widths) that a nonce cannot cover, so styles allow 'unsafe-inline'; CSS cannot run code.
// Images: only the app itself and the EVE image server (the simulator's in the demo).

export interface HeaderSettings {
  appUrl: string;
  imageBaseUrl: string;
  /** next dev evaluates code with eval for fast refresh; production never does. */
  development?: boolean;
}

export function contentSecurityPolicy(settings: HeaderSettings, nonce: string): string {
  const imageOrigin = new URL(settings.imageBaseUrl).origin;
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${settings.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${imageOrigin}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  if (settings.appUrl.startsWith("https:")) directives.push("upgrade-insecure-requests");
  return directives.join("; ");
}

export function securityHeaders(settings: HeaderSettings, nonce: string): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(settings, nonce),
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    // An install holds private character data: search engines keep out of every answer, not only the pages
    // robots.txt (public/) names, and follow no link from one.
    "X-Robots-Tag": "noindex, nofollow",
  };
  // Over plain http (the demo, localhost) HSTS would be ignored at best and pin a dev host at worst.
  if (settings.appUrl.startsWith("https:"))
    headers["Strict-Transport-Security"] = "max-age=63072000; includeSubDomains";
  return headers;
}
