// A view of a client for one caller that declares, per route, the fields it reads
// (a section's `reads`) and wants the warnings of every body it gets. The view only
// adds call options, so it works over any EsiClient (tests' stubs included) and
// shares the wrapped client's pool, limits and memory.
import type { EsiClient, WarningSink } from "./client-types";

/** Route ("GET /characters/{character_id}/assets") → the fields read from its body. */
export type ReadsByRoute = Readonly<Record<string, readonly string[]>>;

export function withReads(esi: EsiClient, reads: ReadsByRoute | undefined, onWarning: WarningSink): EsiClient {
  const add = (method: string, path: string, options: unknown) => {
    const own = reads?.[`${method} ${path}`];
    return { ...(options as object | undefined), ...(own ? { reads: own } : {}), onWarning };
  };
  const call =
    (method: string, fn: (path: string, options?: unknown) => Promise<unknown>) => (path: string, options?: unknown) =>
      fn(path, add(method, path, options));
  const any = esi as unknown as Record<string, (path: string, options?: unknown) => Promise<unknown>>;
  return {
    ...esi,
    get: call("GET", any.get!.bind(esi)),
    getData: call("GET", any.getData!.bind(esi)),
    getPages: call("GET", any.getPages!.bind(esi)),
    getByCursor: call("GET", any.getByCursor!.bind(esi)),
    post: call("POST", any.post!.bind(esi)),
    put: call("PUT", any.put!.bind(esi)),
    delete: call("DELETE", any.delete!.bind(esi)),
    snapshot: () => esi.snapshot(),
    clearMemory: () => esi.clearMemory(),
    close: () => esi.close(),
  } as EsiClient;
}
