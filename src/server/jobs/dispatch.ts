// Sending job events: to Inngest when a server is configured, else to the embedded runner.
import { createJobs } from "@inngest-fns/index";
import { inngest } from "@inngest-fns/client";
import { env } from "~/env";
import { appDeps } from "~/server/deps";
import { EmbeddedRunner } from "./embedded-runner";
import type { JobEventPayload } from "./job";

const holder = globalThis as unknown as { __memberauditRunner?: EmbeddedRunner };

export function embeddedRunner(): EmbeddedRunner {
  holder.__memberauditRunner ??= new EmbeddedRunner(createJobs(appDeps, env()), {
    // Two at a time even on the one-connection embedded database: their queries interleave, so a quick
    // job (a new character's public details) need not wait for a long one (a full section update).
    maxConcurrency: 2,
    log: (line) => console.warn(`[jobs] ${line}`),
  });
  return holder.__memberauditRunner;
}

export async function sendJobEvents(events: JobEventPayload | JobEventPayload[]): Promise<void> {
  if (env().inngest.enabled) {
    await inngest.send(events);
  } else {
    await embeddedRunner().send(events);
  }
}
