// A typed client for Member Audit's tRPC API (docs/api.md): plain @trpc/client on the
// app's exported AppRouter type, authenticated by an API token. The test suite runs it
// against a real server (tests/api-tokens/example-client-calls-the-api.test.ts).
//
//   MEMBERAUDIT_URL=https://audit.example.org MEMBERAUDIT_TOKEN=ma_… npx tsx examples/api-client.ts [characterId…]
//
// prints one line per character: its id and its industry tab as JSON. Without ids it reads the
// token holder's own characters; with ids, those characters (as far as the holder may see them).
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "../src/server/api/root";

export function memberAuditClient(baseUrl: string, token: string) {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${baseUrl.replace(/\/$/, "")}/api/trpc`,
        // The app's wire format: Dates and BigInts survive the trip.
        transformer: superjson,
        headers: { authorization: `Bearer ${token}` },
      }),
    ],
  });
}

/**
 * Characters with their industry tab, one query per character, typed end to end: the given ids, or
 * else the token holder's own characters.
 */
export async function charactersWithIndustry(baseUrl: string, token: string, characterIds?: number[]) {
  const client = memberAuditClient(baseUrl, token);
  const ids = characterIds?.length ? characterIds : (await client.characters.mine.query()).map((c) => c.id);
  return Promise.all(
    ids.map(async (id) => ({ id, industry: await client.sheet.industry.get.query({ characterId: id }) })),
  );
}

async function main() {
  const url = process.env.MEMBERAUDIT_URL;
  const token = process.env.MEMBERAUDIT_TOKEN;
  if (!url || !token) {
    console.error("set MEMBERAUDIT_URL and MEMBERAUDIT_TOKEN");
    process.exit(2);
  }
  const ids = process.argv.slice(2).map(Number);
  if (ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
    console.error("character ids are positive whole numbers");
    process.exit(2);
  }
  for (const row of await charactersWithIndustry(url, token, ids)) console.log(row.id, JSON.stringify(row.industry));
}

if (import.meta.url === `file://${process.argv[1]}`)
  main().catch((error: unknown) => {
    // A refusal is a TRPCClientError: its message is the API's, e.g. "This token may not call …".
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
