// Cursor walks: a from_id / last_mail_id / from_event resource followed backwards,
// page by page, until a page brings nothing new, reaches what the caller already
// stored, or the page budget is spent. Only the first page is conditional.
// Separate from the X-Pages walk because the two share nothing but the cache rules.
import type { CursorOptions, EsiResult } from "./client-types";
import { cacheState, type GetContext, notExpired } from "./conditional";
import { EsiResponseInvalidError } from "./errors";
import { decode } from "./exchange";
import type { EsiListPath } from "./types";

export async function walkCursor(
  ctx: GetContext,
  path: string,
  options: CursorOptions<EsiListPath> | undefined,
): Promise<EsiResult<unknown[]>> {
  const { prepare, exchange, seen } = ctx;
  const first = prepare("GET", path, options as Record<string, unknown> | undefined);
  const param = first.op.paging;
  if (param !== "from_id" && param !== "last_mail_id" && param !== "from_event")
    throw new Error(`ESI ${path} has no cursor parameter`);
  const idField = { from_id: "transaction_id", last_mail_id: "mail_id", from_event: "event_id" }[param];
  const shortcut = notExpired(ctx, first.key, options, first.op.path);
  if (shortcut) return shortcut;
  const callerEtag = options?.cache?.etag ?? undefined;
  const head = await exchange(first, callerEtag);
  const etag = head.etag ?? callerEtag ?? null;
  if (head.expiresAtMs !== null) seen.set(first.key, { etag, expiresAtMs: head.expiresAtMs });
  if (head.status === 304)
    return { status: "unchanged", reason: "not-modified", cache: cacheState(etag, head.expiresAtMs) };

  const maxPages = options?.maxPages ?? 200;
  const seenIds = new Set<number>();
  const items: unknown[] = [];
  let body = decode(first, head);
  let pages = 1;
  for (;;) {
    if (!Array.isArray(body)) throw new EsiResponseInvalidError(first.op.path, "cursor page is not a list");
    const ids = body.map((item) => Number((item as Record<string, unknown>)[idField]));
    if (ids.some((id) => !Number.isFinite(id)))
      throw new EsiResponseInvalidError(first.op.path, `an item has no numeric ${idField}`);
    const fresh = body.filter((_, i) => !seenIds.has(ids[i]!));
    if (fresh.length === 0) break;
    for (const [i, item] of body.entries()) {
      if (seenIds.has(ids[i]!)) continue;
      seenIds.add(ids[i]!);
      items.push(item);
    }
    const oldest = Math.min(...ids);
    if (options?.stopAtId !== undefined && oldest <= options.stopAtId) break;
    if (pages >= maxPages) break;
    const next = prepare("GET", path, options as Record<string, unknown> | undefined, { [param]: oldest });
    body = decode(next, await exchange(next, undefined));
    pages += 1;
  }
  const lastModified = head.lastModified ? new Date(head.lastModified) : null;
  return {
    status: "ok",
    data: items,
    cache: cacheState(etag, head.expiresAtMs),
    lastModified,
    pages,
    fromCache: false,
  };
}
