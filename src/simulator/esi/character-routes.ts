// Authenticated /characters/{character_id}/... routes over the synthetic data
// (every route the 25 Member Audit sections use, plus blueprints, industry,
// killmails, notifications, calendar and fittings) and the public killmail
// details. Metadata (scope, cache age, rate-limit group, page size) is CCP's
// 2026-07-17 spec; paged handlers return the whole list and the HTTP layer pages it.
import { characterContext, type CharacterContext } from "../data";
import { assetName } from "../data/assets";
import { calendarEntry } from "../data/events";
import { blueprintsOf, jobsAt } from "../data/industry";
import { decodeKillmailId, killmailDetail, killmailHash, recentKillmails } from "../data/killmails";
import { mailDetail, mailLabels } from "../data/mail";
import { walletBalance } from "../data/wallet";
import { esiError } from "../http/io";
import { characterRoute, intQuery, pathCharacter, pathId, RATE_LIMITS, section } from "./data-route";
import { type EsiRequest, type EsiRoute, idListBody, idParam } from "./route";

const SCOPES = {
  assets: "esi-assets.read_assets.v1",
  blueprints: "esi-characters.read_blueprints.v1",
  calendar: "esi-calendar.read_calendar_events.v1",
  clones: "esi-clones.read_clones.v1",
  contacts: "esi-characters.read_contacts.v1",
  contracts: "esi-contracts.read_character_contracts.v1",
  fittings: "esi-fittings.read_fittings.v1",
  fwStats: "esi-characters.read_fw_stats.v1",
  implants: "esi-clones.read_implants.v1",
  jobs: "esi-industry.read_character_jobs.v1",
  killmails: "esi-killmails.read_killmails.v1",
  location: "esi-location.read_location.v1",
  loyalty: "esi-characters.read_loyalty.v1",
  mail: "esi-mail.read_mail.v1",
  medals: "esi-characters.read_medals.v1",
  mining: "esi-industry.read_character_mining.v1",
  notifications: "esi-characters.read_notifications.v1",
  online: "esi-location.read_online.v1",
  planets: "esi-planets.manage_planets.v1",
  roles: "esi-characters.read_corporation_roles.v1",
  ship: "esi-location.read_ship_type.v1",
  skillqueue: "esi-skills.read_skillqueue.v1",
  skills: "esi-skills.read_skills.v1",
  standings: "esi-characters.read_standings.v1",
  titles: "esi-characters.read_titles.v1",
  wallet: "esi-wallet.read_character_wallet.v1",
} as const;

const MAIL_PAGE = 50;
const CALENDAR_PAGE = 50;
const TRANSACTIONS_PAGE = 2500;

/** Item ids of an assets/names or assets/locations body, all of which must be the character's. */
function ownedItems(character: CharacterContext, request: EsiRequest) {
  const ids = idListBody(request.body, 1000);
  const assets = section(character, "assets");
  const byId = new Map(assets.items.map((item) => [item.item_id, item]));
  if (ids.some((id) => !byId.has(id))) throw esiError(404, "Invalid IDs in the request");
  return { ids, assets };
}

function mailHeaders(character: CharacterContext, request: EsiRequest) {
  const lastMailId = intQuery(request, "last_mail_id");
  const labelFilter = request.query
    .getAll("labels")
    .flatMap((value) => value.split(","))
    .filter((value) => value.trim() !== "")
    .map((value) => {
      const label = Number(value);
      if (!Number.isSafeInteger(label)) throw esiError(400, "Invalid labels: must be integers");
      return label;
    });
  if (labelFilter.length > 25) throw esiError(400, "Invalid labels: at most 25 labels");
  const out = [];
  const headers = section(character, "mail").headers;
  // Newest first, from below last_mail_id, at most 50.
  for (let i = headers.length - 1; i >= 0 && out.length < MAIL_PAGE; i--) {
    const header = headers[i];
    if (!header) continue;
    if (lastMailId !== undefined && (header.mail_id ?? 0) >= lastMailId) continue;
    if (labelFilter.length > 0 && !(header.labels ?? []).some((l) => labelFilter.includes(l))) continue;
    out.push(header);
  }
  return out;
}

function transactions(character: CharacterContext, request: EsiRequest) {
  const fromId = intQuery(request, "from_id");
  const list = section(character, "wallet").transactions;
  const out = [];
  for (let i = list.length - 1; i >= 0 && out.length < TRANSACTIONS_PAGE; i--) {
    const transaction = list[i];
    if (transaction && (fromId === undefined || transaction.transaction_id <= fromId)) out.push(transaction);
  }
  return out;
}

function calendar(character: CharacterContext, request: EsiRequest) {
  const fromEvent = intQuery(request, "from_event");
  const events = section(character, "events").events;
  const nowMs = request.services.clock.nowMs();
  // Events are ordered by date: after `from_event`, or from now on.
  const start =
    fromEvent === undefined
      ? events.findIndex((e) => Date.parse(e.date) >= nowMs)
      : events.findIndex((e) => e.event_id === fromEvent) + 1;
  if (start < 0 || (fromEvent !== undefined && start === 0)) return [];
  return events.slice(start, start + CALENDAR_PAGE).map(calendarEntry);
}

function contractOf(character: CharacterContext, request: EsiRequest) {
  const contractId = pathId(request, "contract_id");
  const contracts = section(character, "contracts");
  if (!contracts.contracts.some((c) => c.contract_id === contractId)) throw esiError(404, "Contract not found");
  return { contractId, contracts };
}

function includeCompleted(request: EsiRequest): boolean {
  const raw = request.query.get("include_completed");
  if (raw === null || raw === "" || raw === "false") return false;
  if (raw === "true") return true;
  throw esiError(400, "Invalid include_completed: must be true or false");
}

export const characterEsiRoutes: readonly EsiRoute[] = [
  characterRoute({
    path: "/characters/{character_id}/assets",
    scope: SCOPES.assets,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charAsset,
    pageSize: 1000,
    handler: (c) => section(c, "assets").items,
  }),
  characterRoute({
    method: "POST",
    path: "/characters/{character_id}/assets/names",
    scope: SCOPES.assets,
    cacheSeconds: 0,
    rateLimit: RATE_LIMITS.charAsset,
    handler: (c, request) => {
      const { ids, assets } = ownedItems(c, request);
      return ids.map((id) => ({ item_id: id, name: assetName(assets, id) }));
    },
  }),
  characterRoute({
    method: "POST",
    path: "/characters/{character_id}/assets/locations",
    scope: SCOPES.assets,
    cacheSeconds: 0,
    rateLimit: RATE_LIMITS.charAsset,
    handler: (c, request) => {
      const { ids, assets } = ownedItems(c, request);
      // Items in hangars have no position of their own: ESI answers (0, 0, 0).
      return ids.map((id) => {
        const [x, y, z] = assets.positions.get(id) ?? [0, 0, 0];
        return { item_id: id, position: { x, y, z } };
      });
    },
  }),
  characterRoute({
    path: "/characters/{character_id}/attributes",
    scope: SCOPES.skills,
    cacheSeconds: 120,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "skills").attributes,
  }),
  characterRoute({
    path: "/characters/{character_id}/blueprints",
    scope: SCOPES.blueprints,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charIndustry,
    pageSize: 1000,
    handler: (c) => blueprintsOf(c, section(c, "assets").items),
  }),
  characterRoute({
    path: "/characters/{character_id}/calendar",
    scope: SCOPES.calendar,
    cacheSeconds: 5,
    rateLimit: RATE_LIMITS.charSocial,
    handler: calendar,
  }),
  characterRoute({
    path: "/characters/{character_id}/calendar/{event_id}",
    scope: SCOPES.calendar,
    cacheSeconds: 5,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c, request) => {
      const eventId = pathId(request, "event_id");
      const event = section(c, "events").events.find((e) => e.event_id === eventId);
      if (!event) throw esiError(404, "Event not found");
      return event;
    },
  }),
  characterRoute({
    path: "/characters/{character_id}/clones",
    scope: SCOPES.clones,
    cacheSeconds: 120,
    rateLimit: RATE_LIMITS.charLocation,
    handler: (c) => section(c, "clones").clones,
  }),
  characterRoute({
    path: "/characters/{character_id}/contacts",
    scope: SCOPES.contacts,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.charSocial,
    pageSize: 1024,
    handler: (c) => section(c, "contacts").contacts,
  }),
  characterRoute({
    path: "/characters/{character_id}/contacts/labels",
    scope: SCOPES.contacts,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c) => section(c, "contacts").labels,
  }),
  characterRoute({
    path: "/characters/{character_id}/contracts",
    scope: SCOPES.contracts,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.charContract,
    pageSize: 1000,
    // Newest first, as ESI pages them.
    handler: (c) => [...section(c, "contracts").contracts].reverse(),
  }),
  characterRoute({
    path: "/characters/{character_id}/contracts/{contract_id}/bids",
    scope: SCOPES.contracts,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.charContract,
    handler: (c, request) => {
      const { contractId, contracts } = contractOf(c, request);
      return contracts.bids.get(contractId) ?? [];
    },
  }),
  characterRoute({
    path: "/characters/{character_id}/contracts/{contract_id}/items",
    scope: SCOPES.contracts,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charContract,
    handler: (c, request) => {
      const { contractId, contracts } = contractOf(c, request);
      return contracts.items.get(contractId) ?? [];
    },
  }),
  {
    method: "GET",
    path: "/characters/{character_id}/corporationhistory",
    cacheSeconds: 86400,
    handler: (request) => section(pathCharacter(request), "social").history,
  },
  characterRoute({
    path: "/characters/{character_id}/fittings",
    scope: SCOPES.fittings,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.fitting,
    handler: (c) => section(c, "market").fittings,
  }),
  characterRoute({
    path: "/characters/{character_id}/fw/stats",
    scope: SCOPES.fwStats,
    // The spec declares no x-cache-age here (the data refreshes daily at 11:05).
    cacheSeconds: 0,
    rateLimit: RATE_LIMITS.factionalWarfare,
    handler: (c) => section(c, "social").fw,
  }),
  characterRoute({
    path: "/characters/{character_id}/implants",
    scope: SCOPES.implants,
    cacheSeconds: 120,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "clones").implants,
  }),
  characterRoute({
    path: "/characters/{character_id}/industry/jobs",
    scope: SCOPES.jobs,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.charIndustry,
    handler: (c, request) =>
      jobsAt(section(c, "industry").jobs, request.services.clock.nowMs(), includeCompleted(request)),
  }),
  characterRoute({
    path: "/characters/{character_id}/killmails/recent",
    scope: SCOPES.killmails,
    cacheSeconds: 300,
    rateLimit: RATE_LIMITS.charKillmail,
    pageSize: 1000,
    handler: (c) => recentKillmails(c),
  }),
  characterRoute({
    path: "/characters/{character_id}/location",
    scope: SCOPES.location,
    cacheSeconds: 5,
    rateLimit: RATE_LIMITS.charLocation,
    handler: (c) => section(c, "location").location,
  }),
  characterRoute({
    path: "/characters/{character_id}/loyalty/points",
    scope: SCOPES.loyalty,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charWallet,
    handler: (c) => section(c, "social").loyalty,
  }),
  characterRoute({
    path: "/characters/{character_id}/mail",
    scope: SCOPES.mail,
    cacheSeconds: 30,
    rateLimit: RATE_LIMITS.charSocial,
    handler: mailHeaders,
  }),
  characterRoute({
    path: "/characters/{character_id}/mail/labels",
    scope: SCOPES.mail,
    cacheSeconds: 30,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c) => mailLabels(section(c, "mail")),
  }),
  characterRoute({
    path: "/characters/{character_id}/mail/lists",
    scope: SCOPES.mail,
    cacheSeconds: 120,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c) => section(c, "mail").lists,
  }),
  characterRoute({
    path: "/characters/{character_id}/mail/{mail_id}",
    scope: SCOPES.mail,
    cacheSeconds: 30,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c, request) => {
      const mailId = pathId(request, "mail_id");
      const header = section(c, "mail").headers.find((h) => h.mail_id === mailId);
      if (!header) throw esiError(404, "Mail not found");
      return mailDetail(c, header);
    },
  }),
  characterRoute({
    path: "/characters/{character_id}/medals",
    scope: SCOPES.medals,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "social").medals,
  }),
  characterRoute({
    path: "/characters/{character_id}/mining",
    scope: SCOPES.mining,
    cacheSeconds: 600,
    rateLimit: RATE_LIMITS.charIndustry,
    pageSize: 1000,
    handler: (c) => section(c, "industry").mining,
  }),
  characterRoute({
    path: "/characters/{character_id}/notifications",
    scope: SCOPES.notifications,
    cacheSeconds: 600,
    rateLimit: RATE_LIMITS.charNotification,
    handler: (c) => [...section(c, "events").notifications].reverse(),
  }),
  characterRoute({
    path: "/characters/{character_id}/online",
    scope: SCOPES.online,
    cacheSeconds: 60,
    rateLimit: RATE_LIMITS.charLocation,
    handler: (c) => section(c, "location").online,
  }),
  characterRoute({
    path: "/characters/{character_id}/planets",
    scope: SCOPES.planets,
    cacheSeconds: 600,
    rateLimit: RATE_LIMITS.charIndustry,
    handler: (c) => section(c, "planets").colonies,
  }),
  characterRoute({
    path: "/characters/{character_id}/planets/{planet_id}",
    scope: SCOPES.planets,
    cacheSeconds: 600,
    rateLimit: RATE_LIMITS.charIndustry,
    handler: (c, request) => {
      const layout = section(c, "planets").layouts.get(pathId(request, "planet_id"));
      if (!layout) throw esiError(404, "Colony not found");
      return layout;
    },
  }),
  characterRoute({
    path: "/characters/{character_id}/roles",
    scope: SCOPES.roles,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "social").roles,
  }),
  characterRoute({
    path: "/characters/{character_id}/ship",
    scope: SCOPES.ship,
    cacheSeconds: 5,
    rateLimit: RATE_LIMITS.charLocation,
    handler: (c) => section(c, "location").ship,
  }),
  characterRoute({
    path: "/characters/{character_id}/skillqueue",
    scope: SCOPES.skillqueue,
    cacheSeconds: 60,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "skills").queue,
  }),
  characterRoute({
    path: "/characters/{character_id}/skills",
    scope: SCOPES.skills,
    cacheSeconds: 60,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "skills").skills,
  }),
  characterRoute({
    path: "/characters/{character_id}/standings",
    scope: SCOPES.standings,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charSocial,
    handler: (c) => section(c, "social").standings,
  }),
  characterRoute({
    path: "/characters/{character_id}/titles",
    scope: SCOPES.titles,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charDetail,
    handler: (c) => section(c, "social").titles,
  }),
  characterRoute({
    path: "/characters/{character_id}/wallet",
    scope: SCOPES.wallet,
    cacheSeconds: 120,
    rateLimit: RATE_LIMITS.charWallet,
    handler: (c) => walletBalance(section(c, "wallet")),
  }),
  characterRoute({
    path: "/characters/{character_id}/wallet/journal",
    scope: SCOPES.wallet,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charWallet,
    pageSize: 2500,
    handler: (c) => [...section(c, "wallet").journal].reverse(),
  }),
  characterRoute({
    path: "/characters/{character_id}/wallet/transactions",
    scope: SCOPES.wallet,
    cacheSeconds: 3600,
    rateLimit: RATE_LIMITS.charWallet,
    handler: transactions,
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
