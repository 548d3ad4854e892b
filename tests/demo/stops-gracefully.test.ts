// `npm run demo` stopped as a process manager stops it (SIGTERM to the whole process group):
// the Next server's own start-up hook handles the signal (the launcher sets
// NEXT_MANUAL_SIG_HANDLE), stops the embedded runner and closes its pools before the launcher
// stops the embedded database; the demo's log lines are readable text, not JSON.
// What the stop does with runs in hand is tests/jobs/sigterm-during-update.test.ts.
import { describe, expect, it, vi } from "vitest";
import { startDemoApp } from "../support/demo-app";

vi.setConfig({ testTimeout: 420_000 });

describe("the demo app on SIGTERM", () => {
  it("stops its job runner and pools through the app's handler, logging text lines", async () => {
    const app = await startDemoApp();
    await app.stop();
    const lines = app.output().split("\n");
    const stopping = lines.findIndex((l) => /^\d\d:\d\d:\d\d\.\d{3} INFO {2}SIGTERM: stopping/.test(l));
    const runner = lines.findIndex((l) => / INFO {2}job runner stopped: \d+ run\(s\) given back to the queue/.test(l));
    const stopped = lines.findIndex((l) => / INFO {2}stopped( |$)/.test(l));
    expect(stopping, app.output().slice(-3000)).toBeGreaterThanOrEqual(0);
    expect(runner).toBeGreaterThan(stopping);
    expect(stopped).toBeGreaterThan(runner);
    expect(app.output()).not.toContain("exiting without waiting");
    expect(app.output()).not.toContain('{"level"');
  });
});
