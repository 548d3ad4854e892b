// The one door to ESI. Every request names the app (User-Agent with version and
// operator contact) and pins the compatibility date; every response is validated
// at the boundary, so a body that does not match is a typed error, never a crash.
import type { z } from "zod";

/** The ESI compatibility date this app is written against (CCP's OpenAPI document of that date). */
export const ESI_COMPATIBILITY_DATE = "2026-07-17";
export const APP_NAME = "memberaudit-ts";
export const APP_VERSION = "0.1.0";

export interface EsiClientConfig {
  baseUrl: string;
  contact?: string;
  timeoutMs?: number;
}

export class EsiError extends Error {
  constructor(readonly status: number, readonly route: string, message: string) {
    super(`ESI ${route} answered ${status}: ${message}`);
    this.name = "EsiError";
  }
}

export class EsiResponseInvalidError extends Error {
  constructor(readonly route: string, readonly issues: string) {
    super(`ESI ${route} returned a body that does not match its schema: ${issues}`);
    this.name = "EsiResponseInvalidError";
  }
}

export interface EsiClient {
  get<S extends z.ZodType>(route: string, schema: S): Promise<z.infer<S>>;
  post<S extends z.ZodType>(route: string, body: unknown, schema: S): Promise<z.infer<S>>;
}

export function userAgent(contact: string | undefined): string {
  return `${APP_NAME}/${APP_VERSION}${contact ? ` (${contact})` : ""}`;
}

export function createEsiClient(config: EsiClientConfig): EsiClient {
  const headers = {
    Accept: "application/json",
    "User-Agent": userAgent(config.contact),
    "X-Compatibility-Date": ESI_COMPATIBILITY_DATE,
  };

  async function call<S extends z.ZodType>(method: "GET" | "POST", route: string, schema: S, body?: unknown): Promise<z.infer<S>> {
    const response = await fetch(`${config.baseUrl}${route}`, {
      method,
      headers: body === undefined ? headers : { ...headers, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs ?? 20_000),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new EsiResponseInvalidError(route, "body is not JSON");
    }
    if (!response.ok) {
      const message = (json as { error?: unknown } | undefined)?.error;
      throw new EsiError(response.status, route, typeof message === "string" ? message : response.statusText);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new EsiResponseInvalidError(route, first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "invalid");
    }
    return parsed.data;
  }

  return {
    get: (route, schema) => call("GET", route, schema),
    post: (route, body, schema) => call("POST", route, schema, body),
  };
}
