// A route table over path templates written the way CCP's OpenAPI document writes
// them ("/characters/{character_id}"), so a new route is copied straight from the
// spec. Matching is exact per segment; the caller normalises the path first.

export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE";

export type RouteParams = Readonly<Record<string, string>>;

export interface Route<H> {
  readonly method: HttpMethod;
  readonly path: string;
  readonly handler: H;
}

export type RouteMatch<H> =
  | { kind: "found"; route: Route<H>; params: RouteParams }
  | { kind: "method-not-allowed"; allow: HttpMethod[] }
  | { kind: "not-found" };

interface CompiledRoute<H> {
  route: Route<H>;
  pattern: RegExp;
  names: string[];
}

function compile<H>(route: Route<H>): CompiledRoute<H> {
  const names: string[] = [];
  const source = route.path.replace(/\{([a-z_][a-z0-9_]*)\}|[^{]+/gi, (part, name?: string) => {
    if (name) {
      names.push(name);
      return "([^/]+)";
    }
    return part.replace(/[.*+?^$()|[\]\\]/g, "\\$&");
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

export class RouteTable<H> {
  private readonly compiled: CompiledRoute<H>[];

  constructor(routes: readonly Route<H>[]) {
    this.compiled = routes.map(compile);
  }

  match(method: string, path: string): RouteMatch<H> {
    const allow: HttpMethod[] = [];
    for (const { route, pattern, names } of this.compiled) {
      const found = pattern.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        allow.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, i) => {
        params[name] = safeDecode(found[i + 1] ?? "");
      });
      return { kind: "found", route, params };
    }
    return allow.length > 0 ? { kind: "method-not-allowed", allow } : { kind: "not-found" };
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** "/a/b/" and "/a/b" are the same resource everywhere in EVE's APIs. */
export function stripTrailingSlash(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed === "" ? "/" : trimmed;
}

/**
 * ESI still answers its pre-2025 URL forms: `/latest/...`, `/legacy/...`, `/dev/...`
 * and `/v5/...` all reach the same route as the bare path.
 */
export function stripEsiVersionPrefix(path: string): string {
  return path.replace(/^\/(?:latest|legacy|dev|v\d+)(?=\/)/, "");
}
