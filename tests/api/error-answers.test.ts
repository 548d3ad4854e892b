// The one error map: what a caller of the tRPC API or of a route handler gets back when
// a procedure fails. AppErrors keep their code and message; schema refusals name the
// fields; anything else is a generic INTERNAL answer with a reference, whose details
// reach only the server log.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { publicProcedure, router } from "~/server/api/trpc";
import { AppError, invalidInput } from "~/server/errors/app-error";
import { withErrorResponse } from "~/server/errors/http";
import { captureLogs } from "../support/log-capture";

const SQL_FAULT = 'Invalid `prisma.user.findMany()` invocation: relation "User" does not exist: SELECT * FROM "User"';

const testRouter = router({
  missing: publicProcedure.query(() => {
    throw new AppError("NOT_FOUND", "Character 7 not found.");
  }),
  badCursor: publicProcedure.query(() => {
    throw invalidInput("cursor", "The cursor is malformed.");
  }),
  fault: publicProcedure.query(() => {
    throw new Error(SQL_FAULT);
  }),
  typed: publicProcedure.input(z.object({ id: z.number().int() })).query(({ input }) => input.id),
});

async function call(path: string, input?: unknown) {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://x/api/trpc/${path}${query}`),
    router: testRouter,
    createContext: async () => ({ deps: {} as never, user: null }),
  });
  const text = await response.text();
  const body = JSON.parse(text) as { error?: { json: { message: string; data: Record<string, unknown> } } };
  return { status: response.status, text, error: body.error?.json };
}

afterEach(() => vi.restoreAllMocks());

describe("tRPC error answers", () => {
  it("keep an AppError's code and message", async () => {
    const answer = await call("missing");
    expect(answer.status).toBe(404);
    expect(answer.error?.message).toBe("Character 7 not found.");
    expect(answer.error?.data.code).toBe("NOT_FOUND");
  });

  it("name the field of a bad input, from the schema or from domain code", async () => {
    const typed = await call("typed", { id: "seven" });
    expect([typed.status, typed.error?.data.fields]).toEqual([400, ["id"]]);
    expect(typed.error?.message).toMatch(/^Invalid input: id: /);
    const cursor = await call("badCursor");
    expect([cursor.status, cursor.error?.data.fields]).toEqual([400, ["cursor"]]);
    expect(cursor.error?.message).toBe("Invalid input: cursor: The cursor is malformed.");
  });

  it("answer our own faults with a reference only, and log the details under it", async () => {
    const logs = captureLogs();
    const answer = await call("fault");
    logs.restore();
    expect(answer.status).toBe(500);
    const reference = answer.error?.data.reference as string;
    expect(reference).toMatch(/^[0-9a-f]{12}$/);
    expect(answer.error?.message).toBe(`Something went wrong on our side (reference ${reference}).`);
    for (const leak of ["prisma", "SELECT", "does not exist", "stack", "error-answers.test"]) {
      expect(answer.text).not.toContain(leak);
    }
    const errors = logs.entries.filter((e) => e.level === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toContain(reference);
    expect((errors[0]!.err as { message: string }).message).toContain(SQL_FAULT);
  });

  it("give in-process callers the same codes", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const caller = testRouter.createCaller({ deps: {} as never, user: null });
    await expect(caller.missing()).rejects.toMatchObject({ code: "NOT_FOUND", message: "Character 7 not found." });
    await expect(caller.fault()).rejects.toMatchObject({ code: "INTERNAL_SERVER_ERROR" });
  });
});

describe("route handler error answers", () => {
  it("answer as JSON with the code's status, and never with the fault's text", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const missing = await withErrorResponse("GET /x", async () => {
      throw new AppError("FORBIDDEN", "Not yours.");
    })();
    expect(missing.status).toBe(403);
    expect(await missing.json()).toEqual({ error: { code: "FORBIDDEN", message: "Not yours." } });
    const fault = await withErrorResponse("GET /x", async () => {
      throw new Error(SQL_FAULT);
    })();
    expect(fault.status).toBe(500);
    const body = (await fault.json()) as { error: { code: string; message: string; reference: string } };
    expect(body.error.code).toBe("INTERNAL");
    expect(body.error.message).not.toContain("prisma");
    expect(body.error.message).toContain(body.error.reference);
  });
});
