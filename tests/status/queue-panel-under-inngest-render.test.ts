// /admin/status's queue panel as rendered from what status.overview hands it. Under
// Inngest: the link to Inngest's dashboard, the app's run records per function (rows
// named by the function, as row headers) and their last failures, and no pg-boss table
// even when pg-boss's tables are still installed. On the embedded runner: pg-boss's
// figures, as before, and no run records.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { QueuePanel } from "~/components/status/status-dashboard";
import { render, text } from "../support/render-in-providers";

const at = new Date("2026-12-07T12:00:00Z");
const pgBoss = {
  available: true,
  functions: [
    { name: "expire-shares", waiting: 4, delayed: 0, running: 1, retrying: 0, failed: 0, oldestWaitingSeconds: 90 },
  ],
  failures: [],
};

describe("the queue panel", () => {
  it("under Inngest links to the dashboard and shows the app's run records with their failures", () => {
    const html = render(
      createElement(QueuePanel, {
        engine: { kind: "inngest", dashboardUrl: "https://inngest.example.org" },
        queue: pgBoss,
        runs: {
          functions: [
            { name: "update-character", running: 2, retrying: 1, completed24h: 37, failed24h: 3, lastEndedAt: at },
          ],
          failures: [
            { id: "01RUN", name: "update-character", state: "failed", attempts: 4, at, reason: "ESI answered 503" },
          ],
        },
      }),
    );
    expect(html).toMatch(/<a [^>]*href="https:\/\/inngest.example.org"[^>]*>Inngest dashboard<\/a>/);
    const shown = text(html);
    expect(shown).toContain("|Function|Running|Retrying|Completed 24 h|Failed 24 h|Last ended|");
    expect(shown).toContain("|update-character|2|1|37|3|2026-12-07 12:00 ET|");
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*>update-character<\/th>/);
    expect(shown).toContain("|update-character|failed|4|ESI answered 503|");
    // pg-boss's figures are the embedded runner's: not shown beside Inngest's.
    expect(shown).not.toContain("expire-shares");
    expect(shown).not.toContain("Oldest waiting");
  });

  it("under Inngest with no runs yet says so", () => {
    const shown = text(
      render(
        createElement(QueuePanel, {
          engine: { kind: "inngest", dashboardUrl: "https://app.inngest.com" },
          queue: { available: false, functions: [], failures: [] },
          runs: { functions: [], failures: [] },
        }),
      ),
    );
    expect(shown).toContain("No runs recorded yet.");
    expect(shown).toContain("No failed runs.");
  });

  it("on the embedded runner shows pg-boss's figures and no run records", () => {
    const shown = text(render(createElement(QueuePanel, { engine: { kind: "embedded" }, queue: pgBoss, runs: null })));
    expect(shown).toContain("|expire-shares|4|0|1|0|0|");
    expect(shown).not.toContain("Completed 24 h");
    expect(shown).not.toContain("Inngest");
  });
});
