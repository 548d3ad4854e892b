import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "~/server/errors/app-error";
import { bigintId, decodeCursor, encodeCursor, isoDate } from "~/server/paging/cursor";

const dateIdCursor = z.tuple([isoDate, bigintId]);

function refusal(cursor: string): AppError {
  try {
    decodeCursor(cursor, dateIdCursor);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("the cursor was accepted");
}

describe("paging cursors are validated when decoded", () => {
  it("decodes a cursor it encoded", () => {
    const key = ["2026-11-30T12:00:00.000Z", "9223372036854775807"];
    expect(decodeCursor(encodeCursor(key), dateIdCursor)).toEqual(key);
  });

  it.each([
    ["a date out of range", ["-271821-04-20T00:00:00.000Z", "1"]],
    ["a date 200 years ahead", ["2226-01-01T00:00:00.000Z", "1"]],
    ["a date that is not one", ["yesterday", "1"]],
    ["an id above 64 bits", ["2026-11-30T12:00:00.000Z", "99999999999999999999"]],
    ["an id that is not a number", ["2026-11-30T12:00:00.000Z", "-1"]],
    ["the wrong shape", { date: "2026-11-30T12:00:00.000Z", id: "1" }],
    ["too few elements", ["2026-11-30T12:00:00.000Z"]],
  ])("refuses %s as BAD_INPUT naming cursor", (_, key) => {
    const error = refusal(encodeCursor(key));
    expect(error.code).toBe("BAD_INPUT");
    expect(error.status).toBe(400);
    expect(error.details.fields).toEqual(["cursor"]);
  });

  it("refuses text that is not base64url JSON", () => {
    expect(refusal("%%%not-a-cursor").details.fields).toEqual(["cursor"]);
    expect(refusal(Buffer.from("{", "utf8").toString("base64url")).code).toBe("BAD_INPUT");
  });
});
