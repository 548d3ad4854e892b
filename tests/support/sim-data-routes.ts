// Calls the simulator's data routes directly (no HTTP): finds a route by
// method and path template and runs its handler with the given parameters.
import { SimClock } from "~/simulator/clock";
import { characterEsiRoutes } from "~/simulator/esi/character-routes";
import { marketEsiRoutes } from "~/simulator/esi/market-routes";
import { type EsiRequest, type EsiRoute, EsiReply } from "~/simulator/esi/route";
import { universeEsiRoutes } from "~/simulator/esi/universe-routes";
import type { SimServices } from "~/simulator/services";

export const dataRoutes: readonly EsiRoute[] = [...characterEsiRoutes, ...universeEsiRoutes, ...marketEsiRoutes];

export interface CallOptions {
  params?: Record<string, string | number>;
  query?: Record<string, string | number>;
  body?: unknown;
  auth?: EsiRequest["auth"];
  clock?: SimClock;
}

export function findRoute(method: string, path: string): EsiRoute {
  const route = dataRoutes.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`No data route ${method} ${path}`);
  return route;
}

/** The handler's body (unwrapped from EsiReply); throws what the handler throws. */
export async function call(method: string, path: string, options: CallOptions = {}): Promise<unknown> {
  const route = findRoute(method, path);
  const params = Object.fromEntries(Object.entries(options.params ?? {}).map(([k, v]) => [k, String(v)]));
  const query = new URLSearchParams(Object.entries(options.query ?? {}).map(([k, v]) => [k, String(v)]));
  const services = { clock: options.clock ?? new SimClock() } as unknown as SimServices;
  const result = await route.handler({ params, query, body: options.body, headers: {}, services, auth: options.auth });
  return result instanceof EsiReply ? result.body : result;
}

/** The HTTP status and error text a handler throws, for error-path assertions. */
export async function callError(
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<{ status: number; error: string }> {
  try {
    await call(method, path, options);
  } catch (error) {
    const e = error as { status?: number; body?: { error?: string } };
    return { status: e.status ?? 0, error: e.body?.error ?? String(error) };
  }
  throw new Error(`${method} ${path} did not fail`);
}
