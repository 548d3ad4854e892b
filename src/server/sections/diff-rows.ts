// Keyed diff for the "diff" write strategy: compares stored rows with incoming ones
// so only new, changed and vanished keys cost a write (unchanged rows cost none).
type Scalar = string | number | bigint | boolean | Date | null;
type Row = Record<string, Scalar>;

export interface RowDiff<K, R> {
  create: R[];
  update: R[];
  remove: K[];
}

function sameScalar(a: Scalar | undefined, b: Scalar | undefined): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return (a ?? null) === (b ?? null);
}

/** Rows are compared on the incoming row's fields only, so stored-only columns (timestamps) never count as a change. */
export function diffRows<K extends string | number | bigint, R extends Row>(
  stored: readonly R[],
  incoming: readonly R[],
  key: (row: R) => K,
): RowDiff<K, R> {
  const byKey = new Map(stored.map((row) => [key(row), row]));
  const seen = new Set<K>();
  const out: RowDiff<K, R> = { create: [], update: [], remove: [] };
  for (const row of incoming) {
    const k = key(row);
    // ESI lists occasionally repeat a key; the first occurrence wins.
    if (seen.has(k)) continue;
    seen.add(k);
    const old = byKey.get(k);
    if (!old) out.create.push(row);
    else if (Object.keys(row).some((field) => !sameScalar(row[field], old[field]))) out.update.push(row);
  }
  for (const k of byKey.keys()) if (!seen.has(k)) out.remove.push(k);
  return out;
}

export function diffCount(diff: RowDiff<unknown, unknown>): number {
  return diff.create.length + diff.update.length + diff.remove.length;
}
