// Bounded in-process memory of what ESI told us per request key: the ETag and the
// expiry (for every route), and the body (public routes only, so callers without
// a store of their own still never fetch the same public resource twice before
// it expires).

export class Lru<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }

  delete(key: string): void {
    this.map.delete(key);
  }

  clear(): void {
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}

export interface SeenExpiry {
  etag: string | null;
  expiresAtMs: number;
}

export interface RememberedBody {
  data: unknown;
  etag: string | null;
  expiresAtMs: number;
  lastModified: Date | null;
  pages: number;
}
