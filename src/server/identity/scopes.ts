// Scopes and what a grant lacks. Login asks only for publicData: signing in proves who
// the pilot is and grants no ESI access; registering a character asks for the sections'
// scopes (src/server/sections/scopes.ts), which this module does not know.
export const LOGIN_SCOPES = ["publicData"] as const;

export function missingScopes(granted: readonly string[], wanted: readonly string[]): string[] {
  const have = new Set(granted);
  return wanted.filter((s) => !have.has(s));
}
