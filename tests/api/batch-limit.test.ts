import { describe, expect, it } from "vitest";
import { batchCallCount, MAX_BATCH_CALLS, refuseLargeBatch } from "~/server/api/batch-limit";

const url = (calls: number) =>
  `http://localhost:3000/api/trpc/${Array.from({ length: calls }, () => "sheet.overview.get").join(",")}?batch=1&input={}`;

describe("tRPC batch size limit", () => {
  it("counts the calls named in the path, batched or not", () => {
    expect(batchCallCount(url(1), "/api/trpc")).toBe(1);
    expect(batchCallCount(url(7), "/api/trpc")).toBe(7);
    expect(batchCallCount("http://x/api/trpc/a%2Cb%2Cc?batch=1", "/api/trpc")).toBe(3);
  });

  it("lets a batch of up to 50 calls through", () => {
    expect(MAX_BATCH_CALLS).toBe(50);
    expect(refuseLargeBatch(url(50), "/api/trpc")).toBeNull();
  });

  it("answers 413 with a JSON error above 50 calls", async () => {
    const answer = refuseLargeBatch(url(51), "/api/trpc");
    expect(answer?.status).toBe(413);
    expect(answer?.headers.get("content-type")).toContain("application/json");
    const body = await answer?.json();
    expect(body.error).toMatchObject({ code: "BAD_INPUT", reason: "batch-too-large" });
    expect(body.error.message).toContain("at most 50 calls");
    expect(refuseLargeBatch(url(850), "/api/trpc")?.status).toBe(413);
  });
});
