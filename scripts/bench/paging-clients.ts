// The concurrent readers of the reports and search benchmarks: each client sends its
// share of the calls in turn, and every third request pages on from the previous one
// ("load more"), so it repeats that query with the cursor it was given.
export interface BenchCall {
  path: string;
  input: object;
}

export async function runPagingClients<C extends BenchCall, U>(options: {
  clients: number;
  requestsPerClient: number;
  calls: readonly C[];
  users: readonly U[];
  one: (user: U, path: string, input: object, cursor?: string) => Promise<{ ms: number; next?: string }>;
  /** Each request's time goes into the list of the call's group. */
  record: (call: C, ms: number) => void;
}): Promise<void> {
  const { calls, users, one } = options;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      let cursor: string | undefined;
      for (let r = 0; r < options.requestsPerClient; r++) {
        const paging = r % 3 === 2 && cursor !== undefined;
        const call = calls[(client + r - (paging ? 1 : 0)) % calls.length]!;
        const result = await one(users[client % users.length]!, call.path, call.input, paging ? cursor : undefined);
        cursor = result.next;
        options.record(call, result.ms);
      }
    }),
  );
}
