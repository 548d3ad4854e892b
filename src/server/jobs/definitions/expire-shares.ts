import type { Db } from "~/server/db/client";
import { expireShares } from "~/server/sharing/shares";
import { defineJob } from "../job";

/** Every 15 minutes: ends shares past the timeout or whose owner lost share_characters. */
export const expireSharesJob = (deps: () => { db: Db }, settings: { sharingTimeoutMinutes: number }) =>
  defineJob({
    id: "expire-shares",
    trigger: { cron: "*/15 * * * *" },
    retries: 2,
    handler: ({ step }) => step.run("expire-shares", () => expireShares(deps().db, settings.sharingTimeoutMinutes)),
  });
