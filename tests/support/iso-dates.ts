// Dates compared as ISO strings: stored rows hold Date objects, the simulator's
// bodies hold ESI's strings, and both sides must end up in one shape.
export const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;
export const isoOf = (s: string | undefined) => (s ? new Date(s).toISOString() : null);
