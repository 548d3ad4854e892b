// A typed client for Member Audit's tRPC API (docs/api.md): plain @trpc/client on the
// app's exported AppRouter type, authenticated by an API token. The test suite runs it
// against a real server (tests/api-tokens/example-client-calls-the-api.test.ts).
//
//   MEMBERAUDIT_URL=https://audit.example.org MEMBERAUDIT_TOKEN=ma_… npx tsx examples/api-client.ts
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

/** The token holder's characters, each with its industry tab: one query per character, typed end to end. */
export async function charactersWithIndustry(baseUrl: string, token: string) {
  const client = memberAuditClient(baseUrl, token);
  const characters = await client.characters.mine.query();
  return Promise.all(
    characters.map(async (c) => ({ id: c.id, industry: await client.sheet.industry.get.query({ characterId: c.id }) })),
  );
}

async function main() {
  const url = process.env.MEMBERAUDIT_URL;
  const token = process.env.MEMBERAUDIT_TOKEN;
  if (!url || !token) {
    console.error("set MEMBERAUDIT_URL and MEMBERAUDIT_TOKEN");
    process.exit(2);
  }
  for (const row of await charactersWithIndustry(url, token)) console.log(row.id, JSON.stringify(row.industry));
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
