// Ids in sheet page paths and query strings: the API's bounded types decide, and an id
// the database cannot hold is Next's 404, like a missing character, never a 500 from
// the query it would have reached (issue 11, finding 1).
import { describe, expect, it } from "vitest";
import { characterIdParam, optionalId64Param } from "~/web/sheet";

/** What Next's notFound() throws: an error whose digest the router answers as 404. */
function statusOf(read: () => unknown): number | "ok" {
  try {
    read();
    return "ok";
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return 404;
    throw error;
  }
}

describe("sheet page ids", () => {
  it("reads a character id that fits the 32-bit column", () => {
    expect(characterIdParam("2112000004")).toBe(2112000004);
    expect(characterIdParam("2147483647")).toBe(2147483647);
  });

  it("answers 404 for ids past 32 bits, not decimal, zero, signed or padded", () => {
    for (const bad of [
      "2147483648",
      "9007199254740991",
      "99999999999999999999",
      "abc",
      "0",
      "-1",
      "1e3",
      " 12",
      "12.0",
      "",
    ]) {
      expect(
        statusOf(() => characterIdParam(bad)),
        bad,
      ).toBe(404);
    }
  });

  it("reads a 64-bit mail id from the query string, and answers 404 for one no BigInt column holds", () => {
    expect(optionalId64Param(undefined)).toBeUndefined();
    expect(optionalId64Param("9223372036854775807")).toBe("9223372036854775807");
    for (const bad of ["99999999999999999999", "9223372036854775808", "abc", "-1", "", ["1", "2"]]) {
      expect(
        statusOf(() => optionalId64Param(bad)),
        String(bad),
      ).toBe(404);
    }
  });
});
