// The client address believed for throttles, tokens and the audit log: the hop the app's own
// proxy appended, never one the client wrote in front of it.
import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "~/server/identity/client-address";

describe("client address", () => {
  it("takes the last X-Forwarded-For hop, so a client cannot choose its address by sending the header", () => {
    expect(clientAddressFrom("203.0.113.9, 198.51.100.4", null)).toBe("198.51.100.4");
    expect(clientAddressFrom(["203.0.113.9", "198.51.100.5"], null)).toBe("198.51.100.5");
  });

  it("falls back to X-Real-IP, then to nothing, and bounds what it keeps", () => {
    expect(clientAddressFrom(null, "192.0.2.1")).toBe("192.0.2.1");
    expect(clientAddressFrom(" , ", undefined)).toBeNull();
    expect(clientAddressFrom("x".repeat(500), null)).toHaveLength(64);
  });
});
