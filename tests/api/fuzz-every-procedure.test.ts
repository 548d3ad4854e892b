// Every procedure of the app router, found by walking the router itself (a new procedure is
// covered without editing this file), called over real HTTP with inputs no honest client
// sends: wrong types, ids past 32 and 64 bits, NUL bytes, lone surrogates, 100 kB strings,
// dates PostgreSQL cannot hold, cursors carrying them, null, arrays, nested objects, each
// as the whole input and in place of each field of a valid input derived from the
// procedure's schema. As a plain member and as a superuser, on a real database holding a
// character's mail, contracts and wallet. No answer may be a 5xx or carry Prisma, SQL or
// stack text (issue 11, finding 1).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { appRouter } from "~/server/api/root";
import type { CurrentUser } from "~/server/auth/session";
import { signInWithCharacter } from "~/server/characters/registration";
import type { EveIdentity } from "~/server/identity/eve-jwt";
import { contracts } from "~/server/sections/contracts";
import { mails } from "~/server/sections/mails";
import { DEFAULT_SECTION_SETTINGS } from "~/server/sections/settings";
import { walletJournal } from "~/server/sections/wallet-journal";
import { updateDepsFrom } from "~/server/updates/update-deps";
import { updateSection } from "~/server/updates/update-section";
import type { Simulator } from "~/simulator/server";
import { testAppDeps } from "../support/app-deps";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { cipher, makeClient, registerWithToken, startSim } from "../support/simulator";
import { startTrpcServer, type TrpcAnswer, type TrpcHttpServer } from "../support/trpc-http";
import { mergedSample, pathsOf, withValueAt } from "../support/zod-samples";
import { captureLogs } from "../support/log-capture";

const CHARACTER = 2112000004;
const SUPERUSER = 90000001;
const SECTIONS = [mails, contracts, walletJournal];
const CALLERS = ["superuser", "member"] as const;
const CONCURRENCY = 4;
const LEAK = /prisma|invocation|SELECT |INSERT |at .*\.ts:|\bstack\b/i;

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key), "utf8").toString("base64url");

const HUGE = "x".repeat(100_000);
const WRONG_TYPES: unknown[] = [null, "abc", { a: { b: { c: 1 } } }];
const NUMBERS: unknown[] = [2147483648, 2147483647, 9007199254740991, -1, 1.5, 1e300, Number.NaN, 2n ** 70n];
const TEXTS: unknown[] = ["a\u0000b", "\ud800x", "x\udc00", HUGE, "", "99999999999999999999"];
const DATES: unknown[] = [new Date(-8.64e15), new Date(8.64e15), new Date(Number.NaN), "-271821-04-20T00:00:00.000Z"];
const CURSORS: unknown[] = [
  cursorOf(["-271821-04-20T00:00:00.000Z", "1"]),
  cursorOf(["+275760-09-13T00:00:00.000Z", "1"]),
  cursorOf(["2026-01-01T00:00:00.000Z", "99999999999999999999"]),
  cursorOf([0, 2147483648, "x"]),
  cursorOf([2147483648, 0, 0]),
  cursorOf(null),
  "a\u0000b",
  HUGE,
];

/** Sent as the whole input of every procedure. */
const WHOLE_INPUTS: unknown[] = [
  undefined,
  ...WRONG_TYPES,
  [],
  1e300,
  "a\u0000b",
  HUGE,
  new Date(Number.NaN),
  2n ** 70n,
];

/** What replaces one field of a valid input: values of the field's own kind that do not fit, and other kinds. */
function badValuesFor(key: string | number, sample: unknown): unknown[] {
  if (key === "cursor") return [...CURSORS, ...WRONG_TYPES, 1];
  if (sample instanceof Date) return [...DATES, ...WRONG_TYPES, 0];
  if (typeof sample === "number") return [...NUMBERS, ...WRONG_TYPES, "1"];
  if (typeof sample === "string") return [...TEXTS, ...DATES.slice(3), ...WRONG_TYPES.slice(0, 1), 1, 2147483648];
  if (typeof sample === "boolean") return [...WRONG_TYPES, "true", 1];
  if (Array.isArray(sample)) return [...WRONG_TYPES, [2147483648], ["a\u0000b"], Array(1000).fill(1)];
  return [...WRONG_TYPES, 1, "a\u0000b"];
}

/** Input texts no superjson client produces: broken JSON, superjson meta naming odd types. */
const RAW_INPUTS = [
  "{",
  "null",
  '{"json":"x","meta":{"values":["Date"]}}',
  '{"json":{"characterId":"1"},"meta":{"values":{"characterId":["bigint"]}}}',
  '{"json":{"characterId":"99999999999999999999999"},"meta":{"values":{"characterId":["bigint"]}}}',
  '{"json":{"__proto__":{"x":1}}}',
];

interface Procedure {
  path: string;
  kind: "query" | "mutation";
  sample: Record<string, unknown> | undefined;
}

type Sent = { value: unknown } | { raw: string };

interface Failure {
  as: string;
  path: string;
  input: string;
  status: number;
  body: string;
}

function procedures(): Procedure[] {
  const record = appRouter._def.procedures as unknown as Record<
    string,
    { _def: { type: string; inputs: z.ZodType[] } }
  >;
  return Object.entries(record).map(([path, procedure]) => {
    const kind = procedure._def.type as Procedure["kind"];
    const sample = mergedSample(procedure._def.inputs);
    // Queries on the seeded character reach the domain code; mutations keep the derived (unknown) ids.
    if (sample && kind === "query" && "characterId" in sample) sample.characterId = CHARACTER;
    // A cursor is opaque (no schema derives one): absent in the sample, fuzzed like any field.
    if (sample && "cursor" in sample) sample.cursor = undefined;
    return { path, kind, sample };
  });
}

const describeInput = (value: unknown) => {
  const text =
    typeof value === "string" ? value : JSON.stringify(value, (_, v) => (typeof v === "bigint" ? `${v}n` : v));
  return text === undefined ? "undefined" : text.length > 120 ? `${text.slice(0, 120)}… (${text.length} chars)` : text;
};

function badInputs(sample: Record<string, unknown> | undefined): unknown[] {
  const inputs: unknown[] = [...WHOLE_INPUTS];
  if (!sample) return inputs;
  for (const path of pathsOf(sample)) {
    const original = path.reduce<any>((value, key) => value[key], sample);
    for (const bad of badValuesFor(path.at(-1)!, original)) inputs.push(withValueAt(sample, path, bad));
  }
  return inputs;
}

async function inPool<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

const identity = (id: number): EveIdentity => ({
  characterId: id,
  characterName: `P${id}`,
  ownerHash: `owner-${id}`,
  scopes: [],
  expiresAt: new Date(),
});

let t: TestDatabase;
let sim: Simulator;
let server: TrpcHttpServer;
let closeEsi: () => Promise<void>;

beforeAll(async () => {
  t = await createTestDatabase();
  const started = await startSim();
  sim = started.sim;
  const users: Record<string, CurrentUser> = {};
  // The first user of an install is superuser.
  for (const [caller, id] of [
    ["superuser", SUPERUSER],
    ["member", CHARACTER],
  ] as const) {
    const { userId } = await signInWithCharacter({ db: t.db, cipher }, identity(id));
    users[caller] = (await t.db.user.findUniqueOrThrow({
      where: { id: userId },
      include: { mainCharacter: true },
    })) as CurrentUser;
  }
  await registerWithToken(t.db, started.url, CHARACTER, { scopes: [...new Set(SECTIONS.flatMap((s) => s.scopes))] });
  const esi = makeClient(t.db, started.url);
  closeEsi = () => esi.close();
  for (const section of SECTIONS) {
    const outcome = await updateSection(updateDepsFrom({ db: t.db, esi }), CHARACTER, section, {
      settings: DEFAULT_SECTION_SETTINGS,
    });
    expect(outcome.status, JSON.stringify(outcome)).toBe("updated");
  }
  server = await startTrpcServer(testAppDeps({ db: t.db, cipher, esi, sso: { baseUrl: started.url } }), users);
}, 240_000);

afterAll(async () => {
  await server?.close();
  await closeEsi?.();
  await sim?.close();
  await t?.drop();
});

describe("every tRPC procedure, fuzzed", () => {
  it("answers every bad input with a 4xx (or a 200), never a 5xx, and never with Prisma, SQL or stack text", async () => {
    const logs = captureLogs();
    const all = procedures();
    const failures: Failure[] = [];
    let requests = 0;
    const statuses: Record<string, Record<number, number>> = { superuser: {}, member: {} };
    const check = (as: string, path: string, input: string, answer: TrpcAnswer) => {
      requests++;
      statuses[as]![answer.status] = (statuses[as]![answer.status] ?? 0) + 1;
      if (answer.status >= 500 || LEAK.test(answer.text))
        failures.push({ as, path, input, status: answer.status, body: answer.text.slice(0, 300) });
    };

    // Both callers probe every procedure with its valid sample. A caller refused before the
    // input is read (401/403) gets a few whole inputs, to show the refusal holds for them; the
    // callers that reach the schema take the other cases in turn, which keeps the run short.
    await inPool(all, async ({ path, kind, sample }) => {
      const send = async (as: string, input: Sent) => {
        const answer =
          "raw" in input
            ? await server.callRaw(as, path, kind, input.raw)
            : await server.call(as, path, kind, input.value);
        check(as, path, "raw" in input ? `raw ${input.raw}` : describeInput(input.value), answer);
        return answer;
      };
      const reaching: string[] = [];
      for (const as of CALLERS) {
        const probe = await send(as, { value: sample });
        if (probe.status !== 401 && probe.status !== 403) reaching.push(as);
        else for (const value of WHOLE_INPUTS.slice(0, 3)) await send(as, { value });
      }
      const cases: Sent[] = [...badInputs(sample).map((value) => ({ value })), ...RAW_INPUTS.map((raw) => ({ raw }))];
      if (reaching.length > 0)
        for (const [i, input] of cases.entries()) await send(reaching[i % reaching.length]!, input);
    });

    const fiveHundreds = failures.filter((f) => f.status >= 500).length;
    console.info(
      `fuzz: ${all.length} procedures, ${requests} requests, ${fiveHundreds} answered 5xx, ${failures.length} failed; ${JSON.stringify(statuses)}`,
    );
    expect(all.length).toBeGreaterThan(50);
    // Both callers got past sign-in into the procedures (answers and schema refusals), so the run proved something.
    for (const as of CALLERS) {
      expect(statuses[as]![200], `${as}: ${JSON.stringify(statuses[as])}`).toBeGreaterThan(30);
      expect(statuses[as]![400], `${as}: ${JSON.stringify(statuses[as])}`).toBeGreaterThan(300);
    }
    expect(
      failures.slice(0, 40).map((f) => `${f.as} ${f.path} ${f.input} -> ${f.status} ${f.body}`),
      `${failures.length} of ${requests} requests failed`,
    ).toEqual([]);
    // Nothing reached the unexpected-error log either: every refusal was a coded answer.
    logs.restore();
    expect(
      logs.entries
        .filter((e) => e.level === "error")
        .map((e) => e.msg)
        .slice(0, 10),
    ).toEqual([]);
  }, 240_000);
});
