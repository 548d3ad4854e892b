// Killmails: the pilot's recent list (token-protected) and the public detail
// route it links to by id and hash.
import { characterContext } from "../../data";
import { decodeKillmailId, killmailDetail, killmailHash, recentKillmails } from "../../data/killmails";
import { esiError } from "../../http/io";
import { characterRoute, RATE_LIMITS } from "../data-route";
import { type EsiRoute, idParam } from "../route";

export const killmailRoutes: readonly EsiRoute[] = [
  characterRoute({
    path: "/characters/{character_id}/killmails/recent",
    scope: "esi-killmails.read_killmails.v1",
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.charKillmail,
    pageSize: 1000,
    handler: (c) => recentKillmails(c),
  }),
  {
    method: "GET",
    path: "/killmails/{killmail_id}/{killmail_hash}",
    cacheSeconds: 2_592_000,
    rateLimit: RATE_LIMITS.killmail,
    handler: ({ params }) => {
      const killmailId = idParam(params, "killmail_id");
      const invalid = () => esiError(422, "Invalid killmail_id and/or killmail_hash");
      const decoded = decodeKillmailId(killmailId);
      const character = decoded && characterContext(decoded.characterId);
      if (!decoded || !character || params.killmail_hash !== killmailHash(character.seed, killmailId)) throw invalid();
      const detail = killmailDetail(character, decoded.n);
      if (!detail) throw invalid();
      return detail;
    },
  },
];
