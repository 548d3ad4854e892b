// Job events are checked against their schemas when domain code sends them, whichever
// driver delivers them; a refused batch delivers nothing.
import { describe, expect, it } from "vitest";
import { checkedSender, type JobEvent } from "~/server/jobs/events";
import type { JobEventPayload } from "~/server/jobs/job";
import { RetryLaterError, retryAfterMs } from "~/server/jobs/job";

function sender() {
  const delivered: JobEventPayload[][] = [];
  return { delivered, send: checkedSender(async (events) => void delivered.push(events)) };
}

describe("checked job events", () => {
  it("delivers valid events as one batch, with their ids", async () => {
    const { delivered, send } = sender();
    await send([
      { name: "memberaudit/character.update", data: { characterId: 7, sections: ["skills", "assets"] }, id: "u-7" },
      { name: "memberaudit/character.public.refresh", data: { characterIds: [7, 8] } },
    ]);
    expect(delivered).toEqual([
      [
        { name: "memberaudit/character.update", data: { characterId: 7, sections: ["skills", "assets"] }, id: "u-7" },
        { name: "memberaudit/character.public.refresh", data: { characterIds: [7, 8] } },
      ],
    ]);
  });

  it("refuses an unknown section, a bad id or an unknown event, and delivers none of the batch", async () => {
    const { delivered, send } = sender();
    const good: JobEvent = { name: "memberaudit/character.public.refresh", data: { characterIds: [1] } };
    await expect(
      send([good, { name: "memberaudit/character.update", data: { characterId: 7, sections: ["skils" as "skills"] } }]),
    ).rejects.toThrow(/sections/);
    await expect(send({ name: "memberaudit/character.update", data: { characterId: -1 } })).rejects.toThrow();
    await expect(send({ name: "memberaudit/nope", data: {} } as unknown as JobEvent)).rejects.toThrow(
      "unknown job event memberaudit/nope",
    );
    expect(delivered).toEqual([]);
  });

  it("say when to retry after an ESI limit, for the embedded runner", () => {
    const at = new Date(Date.now() + 30_000);
    const wait = retryAfterMs(new RetryLaterError("limited", at));
    expect(wait).toBeGreaterThan(29_000);
    expect(wait).toBeLessThanOrEqual(30_000);
    expect(retryAfterMs(new Error("other"))).toBeUndefined();
  });
});
