// Simulated browser users reading character sheets over loopback HTTP: each loops over
// a random character's tab page or a batch of the sheet's tRPC queries, with a think
// time in between, and every answer is counted by status. An answer that never came
// (the app was down) is counted apart from the answers the app gave.
import type { Jar } from "./sessions";

export const SHEET_TABS = [
  "",
  "/assets",
  "/bio",
  "/calendar",
  "/clones",
  "/contacts",
  "/contracts",
  "/corporation",
  "/fittings",
  "/industry",
  "/killmails",
  "/mail",
  "/mining",
  "/planets",
  "/skill-queue",
  "/skill-sets",
  "/skills",
  "/standings",
  "/wallet",
] as const;

const TRPC_QUERIES = ["sheet.overview.get", "sheet.skills.queue", "sheet.skills.list", "sheet.wallet.balance"];

export interface LoadCounters {
  /** Answers the app gave, by status. */
  byStatus: Map<number, number>;
  /** Requests that got no answer (refused or reset while the app was down, or over 60 s). */
  unanswered: number;
  /** The first few 5xx answers: what and where. */
  serverErrors: string[];
  pages: number;
  trpc: number;
}

export function newCounters(): LoadCounters {
  return { byStatus: new Map(), unanswered: 0, serverErrors: [], pages: 0, trpc: 0 };
}

export function answered(c: LoadCounters): number {
  return [...c.byStatus.values()].reduce((a, b) => a + b, 0);
}

export function fiveHundreds(c: LoadCounters): number {
  return [...c.byStatus].filter(([s]) => s >= 500).reduce((n, [, count]) => n + count, 0);
}

function trpcUrl(appUrl: string, characterId: number): string {
  const picked = TRPC_QUERIES.filter(() => Math.random() < 0.6);
  const calls = picked.length > 0 ? picked : [TRPC_QUERIES[0]!];
  const input = Object.fromEntries(calls.map((_, i) => [String(i), { json: { characterId } }]));
  return `${appUrl}/api/trpc/${calls.join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`;
}

/** Runs `jars.length` users until `stop()` resolves; resolves when every user has finished its request. */
export async function runUsers(
  appUrl: string,
  jars: Jar[],
  characterIds: number[],
  counters: LoadCounters,
  running: () => boolean,
): Promise<void> {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!;
  await Promise.all(
    jars.map(async (jar) => {
      // Spread the first requests over a second instead of 50 at once.
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      while (running()) {
        const characterId = pick(characterIds);
        const page = Math.random() < 0.75;
        const url = page ? `${appUrl}/characters/${characterId}${pick(SHEET_TABS)}` : trpcUrl(appUrl, characterId);
        try {
          const response = await fetch(url, {
            headers: { cookie: jar.header() },
            redirect: "manual",
            signal: AbortSignal.timeout(60_000),
          });
          const body = await response.text();
          counters.byStatus.set(response.status, (counters.byStatus.get(response.status) ?? 0) + 1);
          if (page) counters.pages += 1;
          else counters.trpc += 1;
          if (response.status >= 500 && counters.serverErrors.length < 10) {
            counters.serverErrors.push(`${response.status} ${url.slice(appUrl.length, 140)}: ${body.slice(0, 200)}`);
          }
        } catch {
          counters.unanswered += 1;
          // Down: a browser user would wait a moment before trying again.
          await new Promise((r) => setTimeout(r, 1000));
        }
        await new Promise((r) => setTimeout(r, 500 + Math.random() * 1500));
      }
    }),
  );
}
