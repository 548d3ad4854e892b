// The Standings, Mining, Planets, Corporation, Industry, Killmails, Calendar and
// Fittings tabs' components and the launcher's dashboard render what the server hands
// them (client components inside the app's providers, with no request made).
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { LauncherDashboard } from "~/components/launcher-dashboard";
import { CalendarEvents } from "~/components/sheet/calendar-events";
import { CalendarNotifications } from "~/components/sheet/calendar-notifications";
import { CorporationHistoryTable, FactionWarfarePanel, TitlesAndRoles } from "~/components/sheet/corporation-panels";
import { FittingsList } from "~/components/sheet/fittings-list";
import { BlueprintsTable, MarketOrdersTable } from "~/components/sheet/industry-tables";
import { KillmailsTable } from "~/components/sheet/killmails-table";
import { MiningLedger } from "~/components/sheet/mining-ledger";
import { PlanetsTable } from "~/components/sheet/planets-table";
import { NpcStandingsTable } from "~/components/sheet/standings-tables";
import { render, text } from "../support/render-in-providers";

const date = new Date("2026-11-30T12:34:00Z");

describe("character sheet tab components", () => {
  it("standings are grouped and coloured by standing", () => {
    const html = render(
      createElement(NpcStandingsTable, {
        standings: [
          {
            id: 500001,
            name: "Caldari State",
            type: "faction",
            standing: 6.2,
            effectiveStanding: 7.14,
            group: "Excellent",
          },
          { id: 3008416, name: "Some Agent", type: "agent", standing: -7, effectiveStanding: -6.32, group: "Terrible" },
        ],
      }),
    );
    expect(html).toContain('data-testid="standing-group-excellent"');
    expect(html).toMatch(/text-red-400[^>]*>-7.00/);
    expect(text(html)).toContain("|Caldari State|Faction|+6.20|+7.14|");
  });

  it("mining ledger shows the server's first page and offers more when there is a cursor", () => {
    const first = {
      rows: [
        {
          date: "2026-11-29",
          solarSystemId: 30000142,
          solarSystemName: "Jita",
          typeId: 1230,
          typeName: "Veldspar",
          quantity: 12000,
          value: 246000,
        },
      ],
      nextCursor: "next",
    };
    const options = { types: [{ id: 1230, name: "Veldspar" }], systems: [{ id: 30000142, name: "Jita" }] };
    const html = render(createElement(MiningLedger, { characterId: 7, first, options }));
    expect(text(html)).toContain("|2026-11-29|Jita|Veldspar|12,000|246,000.00 ISK|");
    expect(html).toContain('data-testid="mining-more"');
    expect(html).toMatch(/data-testid="mining-filter-type".*<option value="1230">Veldspar<\/option>/);
    const last = render(
      createElement(MiningLedger, { characterId: 7, first: { ...first, nextCursor: null }, options }),
    );
    expect(last).not.toContain("mining-more");
  });

  it("planets show roman upgrade levels; corporation history flags closed corporations and hides empty roles", () => {
    const planets = render(
      createElement(PlanetsTable, {
        colonies: [
          {
            planetId: 40009077,
            planetName: "Jita IV",
            planetType: "barren",
            solarSystemId: 30000142,
            solarSystemName: "Jita",
            numPins: 12,
            upgradeLevel: 4,
            lastUpdate: date,
          },
        ],
      }),
    );
    expect(text(planets)).toContain("|Jita IV|barren|Jita|12|IV|");
    const history = render(
      createElement(CorporationHistoryTable, {
        history: [
          {
            recordId: 1,
            corporationId: 98000001,
            corporationName: "Gone Corp",
            startDate: date,
            endDate: null,
            durationDays: 0,
            isDeleted: true,
          },
        ],
        imageBaseUrl: "https://images.example.test",
      }),
    );
    expect(text(history)).toContain("|Gone Corp|(closed)|");
    expect(text(history)).toContain("|current|");
    expect(render(createElement(TitlesAndRoles, { titles: [], roles: [] }))).not.toContain("corporation-roles");
    const roles = render(
      createElement(TitlesAndRoles, {
        titles: [{ titleId: 1, name: "Director" }],
        roles: [{ location: "hq", roles: ["Station_Manager"] }],
      }),
    );
    expect(text(roles)).toContain("|At headquarters|Station Manager|");
    const fw = render(createElement(FactionWarfarePanel, { fw: null }));
    expect(fw).toContain('data-testid="empty-state"');
  });

  it("industry marks copies and unlimited runs; orders show side and volumes", () => {
    const bp = render(
      createElement(BlueprintsTable, {
        blueprints: [
          {
            itemId: "1",
            typeId: 688,
            typeName: "Rifter Blueprint",
            isCopy: true,
            quantity: 1,
            materialEfficiency: 10,
            timeEfficiency: 20,
            runs: 5,
            locationName: "Jita IV - Moon 4",
            locationFlag: "Hangar",
          },
          {
            itemId: "2",
            typeId: 688,
            typeName: "Rifter Blueprint",
            isCopy: false,
            quantity: 1,
            materialEfficiency: 0,
            timeEfficiency: 0,
            runs: null,
            locationName: "Jita IV - Moon 4",
            locationFlag: "Hangar",
          },
        ],
      }),
    );
    expect(text(bp)).toContain("|[BPC]|");
    expect(text(bp)).toContain("|∞|");
    const orders = render(
      createElement(MarketOrdersTable, {
        orders: [
          {
            orderId: "9",
            isBuyOrder: true,
            typeName: "Tritanium",
            price: 4.5,
            volumeRemain: 100,
            volumeTotal: 1000,
            locationName: "Jita",
            state: "open",
            issued: date,
            expires: date,
          },
        ],
      }),
    );
    expect(text(orders)).toContain("|Buy|Tritanium|4.50 ISK|100 / 1,000|");
  });

  it("killmails label losses and kills, and mark values that count the hull only", () => {
    const row = {
      killmailHash: "h",
      time: date,
      solarSystemId: 1,
      solarSystemName: "Amamake",
      victimId: 7,
      victimName: "Me",
      shipTypeId: 587,
      shipTypeName: "Rifter",
      attackerCount: 3,
      finalBlowId: 8,
      finalBlowName: "Them",
      shipValue: 400_000,
    };
    const rows = [
      { ...row, killmailId: "2", isLoss: true, value: 1_250_000, valueIncludesItems: true },
      { ...row, killmailId: "1", isLoss: false, value: 400_000, valueIncludesItems: false },
    ];
    const html = render(createElement(KillmailsTable, { characterId: 7, first: { rows, nextCursor: null } }));
    expect(text(html)).toContain("|LOSS|Rifter|Me|Them|Amamake|3|1,250,000.00 ISK|");
    expect(text(html)).toContain("|KILL|Rifter|Me|Them|Amamake|3|400,000.00 ISK|*|");
    expect(html).toContain("Hull only: stored before lost items were kept");
  });

  it("notification text is shown as escaped plain text, never as markup", () => {
    const html = render(
      createElement(CalendarNotifications, {
        characterId: 7,
        first: {
          rows: [
            {
              notificationId: "5",
              type: "StructureUnderAttack",
              senderId: 1000125,
              senderName: "CONCORD",
              senderType: "corporation",
              timestamp: date,
              isRead: false,
              text: "msg: <img src=x onerror=alert(1)>",
            },
          ],
          nextCursor: null,
        },
      }),
    );
    expect(html).toContain("<pre");
    expect(html).toContain("msg: &lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(text(html)).toContain("|unread|");
    const events = render(
      createElement(CalendarEvents, {
        events: [
          {
            eventId: 1,
            date,
            title: "Fleet op",
            importance: 1,
            response: "not_responded",
            durationMinutes: 60,
            ownerName: "FC",
            text: null,
          },
        ],
      }),
    );
    expect(text(events)).toContain("|Fleet op|");
    expect(text(events)).toContain("|not responded|");
  });

  it("fittings list items under their slot groups", () => {
    const html = render(
      createElement(FittingsList, {
        fittings: [
          {
            fittingId: 3,
            name: "PvP Rifter",
            description: "",
            shipTypeId: 587,
            shipTypeName: "Rifter",
            groups: [
              { group: "high", items: [{ flag: "HiSlot0", typeId: 1, typeName: "200mm AutoCannon I", quantity: 1 }] },
              { group: "drone", items: [{ flag: "DroneBay", typeId: 2, typeName: "Warrior I", quantity: 5 }] },
            ],
          },
        ],
      }),
    );
    expect(html).toContain('data-testid="fitting-3-high"');
    expect(text(html)).toContain("|High slots|200mm AutoCannon I|");
    expect(text(html)).toContain("|Drone bay|5× |Warrior I|");
  });

  it("the launcher dashboard shows each figure in its card", () => {
    const html = render(
      createElement(LauncherDashboard, {
        figures: {
          ownedCharacters: 4,
          registeredCharacters: 3,
          walletIsk: 3_345_678.75,
          skillpoints: 17_345_678,
          minedIskThisMonth: 23_500,
          rattedIskThisMonth: 1_250_000.5,
        },
      }),
    );
    for (const id of ["registered", "wallet", "skillpoints", "mined", "ratted"])
      expect(html).toContain(`data-testid="dashboard-${id}"`);
    expect(text(html)).toContain("|3 of 4 (75%)|");
    expect(html).toContain('title="3,345,678.75 ISK"');
    expect(html).toContain('title="17,345,678 SP"');
  });
});
