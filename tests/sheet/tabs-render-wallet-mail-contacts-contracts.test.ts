// The Wallet, Mail, Contacts and Contracts tabs' client components render the first
// page the server hands them (inside the app's tRPC and React Query providers, with
// no request made): rows, names, colours, the unread marker and the sanitised body.
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ContactsTable } from "~/components/sheet/contacts-table";
import { ContractsBrowser } from "~/components/sheet/contracts-browser";
import { MailBrowser } from "~/components/sheet/mail-browser";
import { WalletBalanceChart } from "~/components/sheet/wallet-balance-chart";
import { WalletJournal } from "~/components/sheet/wallet-journal";
import { WalletTransactions } from "~/components/sheet/wallet-transactions";
import type { ContactsSheet } from "~/server/sheet/contacts";
import type { ContractRow } from "~/server/sheet/contracts";
import { sanitizeMailHtml } from "~/server/sheet/mail-html";
import type { MailView } from "~/server/sheet/mail";
import { render, text } from "../support/render-in-providers";

const date = new Date("2026-11-30T12:34:00Z");

describe("sheet tab components", () => {
  it("wallet journal shows entries with signed colours, parties and a load-more button", () => {
    const html = render(
      createElement(WalletJournal, {
        characterId: 7,
        refTypes: [{ value: "player_donation", label: "Player donation" }],
        initialPage: {
          rows: [
            {
              entryId: "11",
              date,
              refType: "player_donation",
              refTypeLabel: "Player donation",
              amount: 1500,
              balance: 10_000,
              tax: null,
              description: "Gift",
              reason: "thanks",
              firstParty: { id: 1, name: "Alpha One" },
              secondParty: { id: 2, name: "Bravo Two" },
            },
            {
              entryId: "10",
              date,
              refType: "brokers_fee",
              refTypeLabel: "Brokers fee",
              amount: -25.5,
              balance: 8_500,
              tax: null,
              description: "Fee",
              reason: null,
              firstParty: null,
              secondParty: null,
            },
          ],
          nextCursor: "abc",
        },
      }),
    );
    expect(html).toContain('data-testid="journal-row-11"');
    expect(text(html)).toContain("|Alpha One → Bravo Two|");
    expect(html).toMatch(/text-emerald-300[^>]*>1,500.00 ISK/);
    expect(html).toMatch(/text-red-300[^>]*>-25.50 ISK/);
    expect(html).toContain("2026-11-30 12:34 ET");
    expect(html).toContain('data-testid="journal-more"');
    expect(html).toContain(">Player donation</option>");
  });

  it("wallet transactions show totals, item, client and place", () => {
    const html = render(
      createElement(WalletTransactions, {
        characterId: 7,
        initialPage: {
          rows: [
            {
              transactionId: "5",
              date,
              type: { id: 34, name: "Tritanium" },
              quantity: 1000,
              unitPrice: 4.5,
              total: 4500,
              isBuy: true,
              isPersonal: true,
              client: { id: 3, name: "Charlie" },
              location: { id: "60003760", name: "Jita IV - Moon 4" },
            },
          ],
          nextCursor: null,
        },
      }),
    );
    expect(text(html)).toContain("|Tritanium|");
    expect(text(html)).toContain("|-4,500.00 ISK|");
    expect(text(html)).toContain("|Jita IV - Moon 4|");
    expect(html).not.toContain("Load more");
  });

  it("balance chart renders its range picker, and a note when there is nothing to draw", () => {
    const html = render(
      createElement(WalletBalanceChart, { characterId: 7, initial: { from: date, to: date, points: [] } }),
    );
    expect(html).toContain('data-testid="wallet-balance-chart"');
    expect(html).toContain("90 days");
    expect(html).toContain("Not enough journal entries");
    const points = [0, 1, 2].map((i) => ({ date: new Date(date.getTime() + i * 86_400_000), balance: 1000 * (i + 1) }));
    const drawn = render(
      createElement(WalletBalanceChart, { characterId: 7, initial: { from: date, to: date, points } }),
    );
    expect(drawn).not.toContain("Not enough journal entries");
    expect(drawn).toContain("recharts-responsive-container");
  });

  it("mail browser marks unread mail and renders the opened mail's sanitised body", () => {
    const header = {
      mailId: "42",
      timestamp: date,
      subject: "Op tonight",
      isRead: false,
      sender: { id: 1, name: "Alpha One" },
      recipients: [{ id: 9, type: "mailing_list", name: "Fleet list" }],
      labels: [{ id: 1, name: "Inbox", color: "#ffffff" }],
    };
    const mail: MailView = {
      ...header,
      bodyHtml: sanitizeMailHtml(
        '<font color="#ffff0000">Form up</font><script>alert(1)</script> <a href="showinfo:5//30000142">Jita</a>',
      ),
      bodyLoaded: true,
    };
    const html = render(
      createElement(MailBrowser, {
        characterId: 7,
        folders: {
          labels: [{ id: 1, name: "Inbox", color: "#ffffff", unreadCount: 1 }],
          mailingLists: [{ id: 9, name: "Fleet list" }],
          unreadTotal: 1,
        },
        initialPage: { rows: [header], nextCursor: null },
        initialMail: mail,
      }),
    );
    expect(html).toContain('data-testid="mail-unread"');
    expect(html).toContain('data-testid="mail-row-42"');
    expect(text(html)).toContain("|Inbox (1)|");
    expect(html).toContain('<div class="mail-body');
    expect(html).toContain('<span style="color:#ff0000">Form up</span> <span>Jita</span>');
    expect(html).not.toContain("<script");
    expect(text(html)).toContain("To Fleet list");
  });

  it("contacts table colours standings by band and shows the band counts", () => {
    const sheet: ContactsSheet = {
      total: 2,
      bandCounts: { excellent: 1, good: 0, neutral: 0, bad: 0, terrible: 1 },
      npcCount: 0,
      rows: [
        {
          id: 1,
          name: "Friend Corp",
          type: "corporation",
          standing: 10,
          band: "excellent",
          isNpc: false,
          isWatched: false,
          isBlocked: false,
          labels: [{ id: "1", name: "Blues" }],
        },
        {
          id: 2,
          name: "Pirate",
          type: "character",
          standing: -10,
          band: "terrible",
          isNpc: false,
          isWatched: true,
          isBlocked: true,
          labels: [],
        },
      ],
    };
    const html = render(createElement(ContactsTable, { sheet }));
    expect(html).toMatch(/text-sky-300[^>]*>\+10</);
    expect(html).toMatch(/text-red-400[^>]*>-10</);
    expect(text(html)).toContain("|Terrible (1)|");
    expect(text(html)).toContain("|watched|");
    expect(text(html)).toContain("|Blues|");
    expect(html.indexOf("Friend Corp")).toBeLessThan(html.indexOf("Pirate"));
  });

  it("contracts browser lists contracts with parties, route and price", () => {
    const contract: ContractRow = {
      contractId: "77",
      type: "courier",
      typeLabel: "Courier",
      status: "outstanding",
      statusLabel: "Outstanding",
      availability: "personal",
      title: "Haul please",
      issuer: { id: 1, name: "Alpha One" },
      issuerCorporation: { id: 2, name: "Alpha Corp" },
      assignee: null,
      acceptor: null,
      forCorporation: false,
      dateIssued: date,
      dateExpired: date,
      dateAccepted: null,
      dateCompleted: null,
      daysToComplete: 3,
      price: null,
      reward: 5_000_000,
      collateral: 100_000_000,
      buyout: null,
      volume: 1000,
      startLocation: { id: "60003760", name: "Jita IV - Moon 4" },
      endLocation: { id: "60008494", name: "Amarr VIII" },
    };
    const html = render(
      createElement(ContractsBrowser, {
        characterId: 7,
        initialPage: { rows: [contract], nextCursor: null },
        options: {
          statuses: [{ value: "outstanding", label: "Outstanding" }],
          types: [{ value: "courier", label: "Courier" }],
        },
      }),
    );
    expect(html).toContain('data-testid="contract-row-77"');
    // A row that opens the contract's detail is a keyboard stop too (Enter or Space opens it).
    expect(html).toMatch(/<tr[^>]*data-testid="contract-row-77"[^>]*tabindex="0"/);
    expect(text(html)).toContain("|Alpha One → public|");
    expect(text(html)).toContain("Courier · Jita IV - Moon 4 → Amarr VIII");
    expect(text(html)).toContain("|5,000,000.00 ISK reward|");
  });
});
