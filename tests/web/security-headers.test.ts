// The header policy as a plain function: the CSP's sources, framing, and HSTS only over https.
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "~/web/security-headers";

const demo = { appUrl: "http://localhost:3000", imageBaseUrl: "http://127.0.0.1:4010/images" };
const prod = { appUrl: "https://audit.example.org", imageBaseUrl: "https://images.evetech.net" };

const directive = (csp: string, name: string) =>
  csp
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.slice(name.length + 1);

describe("security headers", () => {
  it("allow scripts only with the request's nonce and images only from the app and the image server", () => {
    const csp = contentSecurityPolicy(prod, "abc123");
    expect(directive(csp, "script-src")).toBe("'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(csp, "img-src")).toBe("'self' data: https://images.evetech.net");
    expect(directive(csp, "frame-ancestors")).toBe("'none'");
    expect(directive(csp, "object-src")).toBe("'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(directive(contentSecurityPolicy(demo, "n"), "img-src")).toBe("'self' data: http://127.0.0.1:4010");
  });

  it("forbid framing, sniffing and indexing, trim referrers, and send HSTS only over https", () => {
    const plain = securityHeaders(demo, "n");
    expect(plain).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Robots-Tag": "noindex, nofollow",
    });
    expect(plain["Strict-Transport-Security"]).toBeUndefined();
    expect(securityHeaders(prod, "n")["Strict-Transport-Security"]).toMatch(/^max-age=\d+/);
  });
});
