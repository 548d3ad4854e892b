// ESI's two limits, enforced before a request is sent, with state every process
// shares through PostgreSQL:
//
// - The legacy error limit (X-ESI-Error-Limit-Remain/Reset, 420): one row. A
//   request is admitted while no 420 pause is running and the errors left, minus
//   the process's requests already in flight (each could fail), stay above the
//   threshold. A 420 pauses every caller of every process until the window resets.
// - Per-group rate limits (X-Ratelimit-*, 429): one row per bucket (group +
//   character, or "public"). A request atomically reserves its expected cost
//   (UPDATE ... WHERE remaining - cost >= reserve), so processes together cannot
//   overspend. Responses teach the real remaining tokens; a 429's Retry-After
//   pauses the bucket for everyone. Unknown or nearly empty buckets are probed by
//   one request at a time instead of being guessed at.
//
// All times are the database's clock, so processes on different machines agree.
// Without a database (tests, scripts) MemoryLimiterStore applies the same rules
// inside one process.
//
// This folder: the contract and settings (types.ts), the rules both stores share
// (rules.ts), the PostgreSQL store (pg-store.ts, its write statements in
// pg-settle.ts) and the in-process store (memory-store.ts). This file is the
// entry point the client and the tests import.
export { MemoryLimiterStore } from "./memory-store";
export { PgLimiterStore } from "./pg-store";
export { tokenCost } from "./rules";
export * from "./types";
