// The add-character marker (bound to one session and one SSO state), `__Host-` cookie
// names under https, and next-auth's logger counting bad-cookie errors instead of printing stacks.
import { describe, expect, it } from "vitest";
import { addMarker, addMarkerMatches, hostOnlyCookies } from "~/server/auth/add-marker";
import { throttledAuthLogger } from "~/server/auth/throttled-logger";

describe("the add-character marker", () => {
  const marker = addMarker("secret", "session-a", "state-1");
  it("matches only its own session and state, under the app's secret", () => {
    expect(addMarkerMatches("secret", "session-a", "state-1", marker)).toBe(true);
    expect(addMarkerMatches("secret", "session-b", "state-1", marker)).toBe(false);
    expect(addMarkerMatches("secret", "session-a", "state-2", marker)).toBe(false);
    expect(addMarkerMatches("other", "session-a", "state-1", marker)).toBe(false);
    expect(addMarkerMatches("secret", "session-a", "state-1", undefined)).toBe(false);
    expect(addMarkerMatches("secret", undefined, "state-1", marker)).toBe(false);
    expect(addMarkerMatches("secret", "session-a", "state-1", `${marker}x`)).toBe(false);
  });
});

describe("next-auth cookies", () => {
  it("are __Host- under https and next-auth's defaults over http", () => {
    const cookies = hostOnlyCookies(true)!;
    for (const cookie of Object.values(cookies)) {
      expect(cookie.name).toMatch(/^__Host-next-auth\./);
      expect(cookie.options).toMatchObject({ path: "/", secure: true, httpOnly: true });
      expect(cookie.options).not.toHaveProperty("domain");
    }
    expect(Object.keys(cookies)).toContain("sessionToken");
    expect(hostOnlyCookies(false)).toBeUndefined();
  });
});

describe("next-auth's logger", () => {
  it("prints a bad session cookie once a minute with a count, never its stack", () => {
    const lines: string[] = [];
    let clock = 0;
    const sink = { warn: (l: string) => lines.push(l), error: (l: string) => lines.push(l) };
    const logger = throttledAuthLogger(sink, () => clock);
    const decodeError = new Error("Invalid Compact JWE");
    for (let i = 0; i < 500; i++) {
      clock += 50; // 500 requests over 25 s
      logger.error!("JWT_SESSION_ERROR", decodeError);
    }
    expect(lines).toEqual(["next-auth JWT_SESSION_ERROR: Invalid Compact JWE"]);
    clock += 60_000;
    logger.error!("JWT_SESSION_ERROR", { error: decodeError, message: "x" } as never);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe("next-auth JWT_SESSION_ERROR: Invalid Compact JWE (499 more in the previous minute)");
    expect(lines.join("\n")).not.toContain("    at ");
  });
});
