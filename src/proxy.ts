// Every answer (pages, API, static files) leaves with the security headers; pages also
// get a per-request nonce that Next stamps on its inline scripts (see src/web/security-headers.ts).
import { randomBytes } from "node:crypto";
import { type NextRequest, NextResponse } from "next/server";
import { env } from "~/env";
import { securityHeaders } from "~/web/security-headers";

export function proxy(request: NextRequest): NextResponse {
  const nonce = randomBytes(16).toString("base64");
  const settings = env();
  const headers = securityHeaders(
    {
      appUrl: settings.appUrl,
      imageBaseUrl: settings.imageBaseUrl,
      development: process.env.NODE_ENV === "development",
    },
    nonce,
  );
  const forwarded = new Headers(request.headers);
  // Next reads the nonce from the request's policy while rendering.
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  forwarded.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

// All paths, static files included: nosniff and frame-ancestors matter for them too.
export const config = { matcher: "/:path*" };
