// A least-recently-used map bounded by total weight (records held) and entry
// count, so a benchmark over thousands of heavy characters keeps memory flat.
export class WeightedLru<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private total = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly maxEntries: number,
  ) {}

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Re-insert: a Map iterates in insertion order, so the first key is the least recent.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: K, value: V, weight: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.total -= old.weight;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, weight });
    this.total += weight;
    this.evict(key);
  }

  /** Re-weighs an entry after it grew (a section was generated into it). */
  reweigh(key: K, weight: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.total += weight - entry.weight;
    entry.weight = weight;
    this.evict(key);
  }

  clear(): void {
    this.entries.clear();
    this.total = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  get weight(): number {
    return this.total;
  }

  /** Drops least-recent entries until within bounds, never the one just used. */
  private evict(keep: K): void {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.maxWeight && this.entries.size <= this.maxEntries) return;
      if (key === keep) continue;
      this.entries.delete(key);
      this.total -= entry.weight;
    }
  }
}
