// Users for the API token and audit tests: each signs in with one character of its own
// (the first becomes superuser) and joins a group holding exactly the permissions named.
import type { CurrentUser } from "~/server/auth/session";
import { registerCharacter, signInWithCharacter } from "~/server/characters/registration";
import type { Db } from "~/server/db/client";
import type { Permission } from "~/server/identity/permissions";
import type { TestAppDeps } from "./app-deps";

export async function createUser(deps: TestAppDeps, characterId: number, permissions: Permission[]) {
  const identity = {
    characterId,
    characterName: `P${characterId}`,
    ownerHash: `o${characterId}`,
    scopes: [],
    expiresAt: new Date(),
  };
  const { userId } = await signInWithCharacter(deps, identity);
  await registerCharacter(deps, userId, identity, {
    refreshToken: "r",
    accessToken: "a",
    accessTokenExpiresAt: new Date(),
  });
  // Only the group below: the default group's permissions would blur what each test grants.
  await deps.db.groupMembership.deleteMany({ where: { userId } });
  if (permissions.length > 0) {
    const group = await deps.db.group.create({ data: { name: `g${characterId}`, permissions } });
    await deps.db.groupMembership.create({ data: { groupId: group.id, userId } });
  }
  return (await deps.db.user.findUniqueOrThrow({
    where: { id: userId },
    include: { mainCharacter: true },
  })) as CurrentUser;
}

export interface BearerAnswer {
  status: number;
  headers: Headers;
  body: {
    result?: { data?: { json?: unknown } };
    error?: { json: { message: string; data: Record<string, unknown> } };
  };
}

/** One tRPC call with `Authorization: Bearer <token>` (or the test user header when `token` starts with "user:"). */
export async function bearerCall(
  url: string,
  token: string,
  path: string,
  kind: "query" | "mutation",
  input?: unknown,
): Promise<BearerAnswer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token.startsWith("user:")) headers["x-test-user"] = token.slice(5);
  else headers.authorization = `Bearer ${token}`;
  const raw = JSON.stringify({ json: input });
  const response =
    kind === "query"
      ? await fetch(`${url}/api/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(raw)}`}`, {
          headers,
        })
      : await fetch(`${url}/api/trpc/${path}`, { method: "POST", headers, body: raw });
  return { status: response.status, headers: response.headers, body: (await response.json()) as BearerAnswer["body"] };
}

export async function allColumnsText(db: Db): Promise<string> {
  return JSON.stringify(await db.apiToken.findMany());
}
