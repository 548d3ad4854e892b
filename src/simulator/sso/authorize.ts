// GET shows the character picker, POST (the picker's forms) issues the code.
// Both validate the same parameters: until client and callback are trusted,
// errors are shown as a page; afterwards they go back to the callback (RFC 6749
// 4.1.2.1), as CCP's SSO does.
import { mediaType, sendHtml, sendRedirect } from "../http/io";
import { findAnyCharacter } from "../data/characters";
import type { Handler, RequestContext } from "../services";
import type { SimClientConfig } from "./clients";
import { renderErrorPage, renderLoginPage } from "./login-page";

interface AuthorizeRequest {
  client: SimClientConfig;
  redirectUri: string;
  state: string;
  scopes: string[];
  codeChallenge: string | undefined;
  /** The parameters to carry from the picker page to its POST. */
  forwarded: Array<readonly [string, string]>;
}

type Validation =
  | { kind: "ok"; request: AuthorizeRequest }
  | { kind: "show-error"; error: string; description: string }
  | { kind: "redirect-error"; redirectUri: string; state: string | null; error: string; description: string };

const FORWARDED_PARAMS = [
  "response_type",
  "client_id",
  "redirect_uri",
  "scope",
  "state",
  "code_challenge",
  "code_challenge_method",
];
// RFC 7636 4.2: base64url of a SHA-256 digest is 43 characters; allow the full 43..128 range.
const CODE_CHALLENGE = /^[A-Za-z0-9_-]{43,128}$/;

export function parseScopeParam(value: string | null): string[] {
  return [...new Set((value ?? "").split(/\s+/).filter(Boolean))];
}

function validate(ctx: RequestContext, params: URLSearchParams): Validation {
  const client = ctx.services.clients.find(params.get("client_id"));
  if (!client) return { kind: "show-error", error: "invalid_client", description: "Unknown client" };
  const redirectUri = params.get("redirect_uri");
  if (!redirectUri || !client.redirectUris.includes(redirectUri)) {
    return {
      kind: "show-error",
      error: "invalid_request",
      description: "The callback URI doesn't match the value stored for this client",
    };
  }
  const state = params.get("state");
  const fail = (error: string, description: string): Validation => ({
    kind: "redirect-error",
    redirectUri,
    state,
    error,
    description,
  });

  if (params.get("response_type") !== "code") {
    return fail("unsupported_response_type", "The response_type must be 'code'");
  }
  if (!state) return fail("invalid_request", "The state parameter is missing");

  const scopes = parseScopeParam(params.get("scope"));
  const disallowed = ctx.services.clients.disallowedScopes(client, scopes);
  if (disallowed[0] !== undefined) return fail("invalid_scope", `The requested '${disallowed[0]}' scope is not valid.`);

  const codeChallenge = params.get("code_challenge") ?? undefined;
  const method = params.get("code_challenge_method");
  if (codeChallenge === undefined && method !== null)
    return fail("invalid_request", "code_challenge_method given without code_challenge");
  if (codeChallenge !== undefined) {
    if (method !== "S256") return fail("invalid_request", "Only the S256 code_challenge_method is supported");
    if (!CODE_CHALLENGE.test(codeChallenge))
      return fail("invalid_request", "The code_challenge is not a base64url SHA-256 digest");
  }

  const forwarded = FORWARDED_PARAMS.flatMap((name) => {
    const value = params.get(name);
    return value === null ? [] : [[name, value] as const];
  });
  return { kind: "ok", request: { client, redirectUri, state, scopes, codeChallenge, forwarded } };
}

function withQuery(base: string, query: Record<string, string | null>): string {
  const url = new URL(base);
  for (const [name, value] of Object.entries(query)) if (value !== null) url.searchParams.set(name, value);
  return url.toString();
}

function refuse(ctx: RequestContext, validation: Exclude<Validation, { kind: "ok" }>): void {
  if (validation.kind === "show-error") {
    sendHtml(ctx.res, 400, renderErrorPage(validation.error, validation.description));
    return;
  }
  sendRedirect(
    ctx.res,
    withQuery(validation.redirectUri, {
      error: validation.error,
      error_description: validation.description,
      state: validation.state,
    }),
  );
}

export const showLoginPage: Handler = (ctx) => {
  const validation = validate(ctx, ctx.url.searchParams);
  if (validation.kind !== "ok") return refuse(ctx, validation);
  const { request } = validation;
  sendHtml(ctx.res, 200, renderLoginPage(request.forwarded, request.scopes, request.client.clientId));
};

export const selectCharacter: Handler = async (ctx) => {
  if (mediaType(ctx.req) !== "application/x-www-form-urlencoded") {
    sendHtml(ctx.res, 400, renderErrorPage("invalid_request", "Some parameters are either missing or invalid"));
    return;
  }
  const form = new URLSearchParams(await ctx.body());
  const validation = validate(ctx, form);
  if (validation.kind !== "ok") return refuse(ctx, validation);
  const { request } = validation;

  const character = findAnyCharacter(Number(form.get("character_id")));
  if (!character) {
    // The page lists the roster; any simulated character (synthetic ones too, for load tests) may log in.
    sendHtml(ctx.res, 400, renderErrorPage("invalid_request", "Choose one of the listed characters"));
    return;
  }
  const code = ctx.services.codes.issue(
    {
      clientId: request.client.clientId,
      redirectUri: request.redirectUri,
      characterId: character.characterId,
      ownerHash: ctx.services.owners.hash(character.characterId),
      scopes: request.scopes,
      codeChallenge: request.codeChallenge,
    },
    ctx.services.clock.nowMs(),
  );
  sendRedirect(ctx.res, withQuery(request.redirectUri, { code, state: request.state }));
};
