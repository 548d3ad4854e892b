// online_status: last login, last logout and login count (1:1).
import type { EsiSuccessBody } from "~/server/esi/types";
import { defineSection } from "./types";

/** Without `online`: it is not stored, so its flipping must not count as a change. */
type OnlineBody = Omit<EsiSuccessBody<"get", "/characters/{character_id}/online">, "online">;

const date = (value: string | undefined) => (value === undefined ? null : new Date(value));

export const onlineStatus = defineSection<OnlineBody>({
  name: "online_status",
  label: "Online status",
  routes: ["GET /characters/{character_id}/online"],
  // Fields read per route (docs/esi-client.md, "Tolerance"). online (required) is not stored: only the login dates and count are.
  reads: {
    "GET /characters/{character_id}/online": ["last_login", "last_logout", "logins"],
  },
  scopes: ["esi-location.read_online.v1"],
  defaultStaleMinutes: 60,
  writeStrategy: "single",
  async fetch({ esi, characterId, cache, force }) {
    const result = await esi.get("/characters/{character_id}/online", {
      path: { character_id: characterId },
      cache,
      force,
    });
    if (result.status === "unchanged") return result;
    const { online: _online, ...data } = result.data;
    return { status: "ok", data, cache: result.cache };
  },
  async persist({ tx, characterId }, body) {
    const fields = {
      lastLogin: date(body.last_login),
      lastLogout: date(body.last_logout),
      logins: body.logins ?? null,
    };
    await tx.characterOnlineStatus.upsert({
      where: { characterId },
      create: { characterId, ...fields },
      update: fields,
    });
    return { written: 1 };
  },
});
