// X-Pages walks: every page of a paged resource, fetched a few at a time,
// conditional on the stored per-page ETags, and walked again when the pages do
// not agree on one Last-Modified (the set changed under us). Separate from the
// single GET because its consistency rules are its own.
import type { EsiResult, PagedOptions } from "./client-types";
import { cacheState, type GetContext, notExpired } from "./conditional";
import { EsiError, EsiInconsistentPagesError, EsiResponseInvalidError } from "./errors";
import { decode, type Exchanged } from "./exchange";
import type { EsiPagedPath } from "./types";

export interface PagesContext extends GetContext {
  /** Pages of one walk fetched at the same time. */
  pageConcurrency: number;
  /** Walks before inconsistent Last-Modified values are an error. */
  pageWalkAttempts: number;
}

function parseCompositeEtag(etag: string | null | undefined): string[] | undefined {
  if (!etag) return undefined;
  if (etag.startsWith("[")) {
    try {
      const list = JSON.parse(etag) as unknown;
      if (Array.isArray(list) && list.every((e) => typeof e === "string")) return list as string[];
    } catch {
      return undefined;
    }
    return undefined;
  }
  return [etag];
}

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

class PagesChanged extends Error {}

export async function walkPages(
  ctx: PagesContext,
  path: string,
  options: PagedOptions<EsiPagedPath> | undefined,
): Promise<EsiResult<unknown[]>> {
  const { prepare, exchange, seen, pageConcurrency, pageWalkAttempts } = ctx;
  const page = (n: number) => prepare("GET", path, options as Record<string, unknown> | undefined, { page: n });
  const first = page(1);
  if (first.op.paging !== "x-pages") throw new Error(`ESI ${path} is not paged with X-Pages`);
  const walkKey = `walk ${first.key}`;
  const shortcut = notExpired(ctx, walkKey, options, first.op.path);
  if (shortcut) return shortcut;
  const stored = parseCompositeEtag(options?.cache?.etag);

  for (let walk = 1; walk <= pageWalkAttempts; walk++) {
    try {
      const head = await exchange(first, stored?.[0]);
      const count = head.pages ?? (head.status === 304 ? (stored?.length ?? 1) : 1);
      const sameShape = stored !== undefined && stored.length === count;
      const numbers = Array.from({ length: count - 1 }, (_, i) => i + 2);
      const fetchPage = async (n: number, conditional: boolean) => {
        try {
          return await exchange(page(n), conditional && sameShape ? stored?.[n - 1] : undefined);
        } catch (error) {
          // The set shrank under us: a page past the new end.
          if (error instanceof EsiError && error.status === 404) throw new PagesChanged();
          throw error;
        }
      };
      const responses = [head, ...(await mapLimit(numbers, pageConcurrency, (n) => fetchPage(n, true)))];
      const consistent = (list: Exchanged[]) =>
        new Set(list.map((r) => r.lastModified).filter((v) => v !== null)).size <= 1;
      if (!consistent(responses)) throw new PagesChanged();
      const etags = responses.map((r, i) => r.etag ?? stored?.[i] ?? "");
      const composite = JSON.stringify(etags);
      const expiries = responses.map((r) => r.expiresAtMs).filter((v): v is number => v !== null);
      const expiry = expiries.length > 0 ? Math.min(...expiries) : null;
      if (responses.every((r) => r.status === 304)) {
        if (expiry !== null) seen.set(walkKey, { etag: composite, expiresAtMs: expiry });
        return { status: "unchanged", reason: "not-modified", cache: cacheState(composite, expiry) };
      }
      // Something changed: pages answered 304 must be fetched in full after all.
      const stale = responses.map((r, i) => (r.status === 304 ? i + 1 : 0)).filter((n) => n > 0);
      const full = await mapLimit(stale, pageConcurrency, (n) => fetchPage(n, false));
      for (const [i, n] of stale.entries()) responses[n - 1] = full[i]!;
      if (!consistent(responses)) throw new PagesChanged();
      const items: unknown[] = [];
      for (const [i, response] of responses.entries()) {
        const body = decode(i === 0 ? first : page(i + 1), response);
        if (!Array.isArray(body)) throw new EsiResponseInvalidError(first.op.path, `page ${i + 1} is not a list`);
        for (const item of body) items.push(item);
      }
      const finalEtags = JSON.stringify(responses.map((r) => r.etag ?? ""));
      if (expiry !== null) seen.set(walkKey, { etag: finalEtags, expiresAtMs: expiry });
      const lastModified = responses[0]?.lastModified ? new Date(responses[0].lastModified) : null;
      return {
        status: "ok",
        data: items,
        cache: cacheState(finalEtags, expiry),
        lastModified,
        pages: count,
        fromCache: false,
      };
    } catch (error) {
      if (!(error instanceof PagesChanged)) throw error;
    }
  }
  throw new EsiInconsistentPagesError(first.op.path, pageWalkAttempts);
}
