// The wallet's records and the writer that appends them: one journal entry at a
// time on a running balance, a market trade with its transaction and sales tax,
// and every other kind of income and expense.
import { findSimCorporation } from "../roster";
import { findSystem } from "../sde";
import { averagePrice, marketTypes } from "./catalog";
import { characterName } from "./characters";
import type { EsiItem } from "./esi-types";
import { ID_SPACES, isk, isoSeconds, makeId } from "./ids";
import { CONCORD, npcCorporationId, otherCharacterId, SECURE_COMMERCE_COMMISSION } from "./parties";
import type { CharacterContext } from "./profile";
import type { Rng } from "./prng";
import { KIND_WEIGHTS, type Kind } from "./wallet-kinds";

export type JournalEntry = EsiItem<"/characters/{character_id}/wallet/journal">;
export type Transaction = EsiItem<"/characters/{character_id}/wallet/transactions">;
type RefType = JournalEntry["ref_type"];

export interface WalletSection {
  /** Oldest first. */
  journal: JournalEntry[];
  /** Oldest first. */
  transactions: Transaction[];
  /** Balance before the first journal entry. */
  openingBalance: number;
  nextJournalN: number;
  nextTransactionN: number;
}

const partyName = (id: number) => characterName(id) ?? String(id);

export class WalletWriter {
  constructor(
    private readonly ctx: CharacterContext,
    private readonly wallet: WalletSection,
  ) {}

  private balance(): number {
    return this.wallet.journal[this.wallet.journal.length - 1]?.balance ?? this.wallet.openingBalance;
  }

  entry(dateMs: number, refType: RefType, amount: number, fields: Partial<JournalEntry>): JournalEntry {
    const id = makeId(ID_SPACES.journal, this.ctx.index, this.wallet.nextJournalN++);
    const rounded = isk(amount);
    const entry: JournalEntry = {
      id,
      date: isoSeconds(dateMs),
      ref_type: refType,
      amount: rounded,
      balance: isk(this.balance() + rounded),
      description: "",
      ...fields,
    };
    this.wallet.journal.push(entry);
    return entry;
  }

  trade(rng: Rng, dateMs: number, isBuy: boolean): void {
    const type = rng.pick(marketTypes());
    const unitPrice = isk(averagePrice(type.id) * rng.float(0.85, 1.15));
    const budget = isBuy ? Math.max(0, this.balance() * 0.3) : this.ctx.profile.wealth;
    const quantity = Math.max(
      1,
      Math.min(rng.count(20, 1.5, 1, 100_000), Math.floor(budget / Math.max(unitPrice, 0.01))),
    );
    const amount = isk(quantity * unitPrice);
    if (isBuy && amount > this.balance()) return;
    const self = this.ctx.character.characterId;
    const client = otherCharacterId(rng, self);
    const transactionId = makeId(ID_SPACES.transaction, this.ctx.index, this.wallet.nextTransactionN++);
    const locationId = this.ctx.profile.homeStation.id;
    const entry = this.entry(dateMs, "market_transaction", isBuy ? -amount : amount, {
      first_party_id: isBuy ? self : client,
      second_party_id: isBuy ? client : self,
      context_id: transactionId,
      context_id_type: "market_transaction_id",
      description: `Market: ${partyName(isBuy ? self : client)} bought stuff from ${partyName(isBuy ? client : self)}`,
    });
    this.wallet.transactions.push({
      transaction_id: transactionId,
      journal_ref_id: entry.id,
      date: entry.date,
      type_id: type.id,
      quantity,
      unit_price: unitPrice,
      is_buy: isBuy,
      is_personal: true,
      client_id: client,
      location_id: locationId,
    });
    if (!isBuy) {
      this.entry(dateMs, "transaction_tax", -amount * 0.036, {
        first_party_id: self,
        second_party_id: SECURE_COMMERCE_COMMISSION,
        description: "Sales tax",
        context_id: transactionId,
        context_id_type: "market_transaction_id",
      });
    }
  }

  other(rng: Rng, dateMs: number, kind: Kind): void {
    const self = this.ctx.character.characterId;
    const scale = this.ctx.profile.wealth;
    const system = rng.pick(this.ctx.profile.localSystems);
    switch (kind) {
      case "bounty": {
        const gross = rng.logNormal(scale * 0.02, 0.7);
        const taxRate = findSimCorporation(this.ctx.character.corporationId)?.taxRate ?? 0;
        this.entry(dateMs, "bounty_prizes", gross * (1 - taxRate), {
          first_party_id: CONCORD,
          second_party_id: self,
          context_id: system.id,
          context_id_type: "system_id",
          reason: `${rng.int(23000, 23800)}: ${rng.int(1, 6)}`,
          description: `${this.ctx.character.name} got bounty prizes for killing pirates in ${findSystem(system.id)?.name ?? system.id}`,
          ...(taxRate > 0 ? { tax: isk(gross * taxRate), tax_receiver_id: this.ctx.character.corporationId } : {}),
        });
        return;
      }
      case "mission":
        this.entry(
          dateMs,
          rng.chance(0.7) ? "agent_mission_reward" : "agent_mission_time_bonus_reward",
          rng.logNormal(scale * 0.005, 0.6),
          {
            first_party_id: npcCorporationId(rng),
            second_party_id: self,
            description: "Mission reward",
          },
        );
        return;
      case "donation": {
        const other = otherCharacterId(rng, self);
        const outgoing = rng.chance(0.4) && this.balance() > 1e6;
        const amount = Math.min(rng.logNormal(scale * 0.01, 1), outgoing ? this.balance() * 0.2 : Infinity);
        this.entry(dateMs, "player_donation", outgoing ? -amount : amount, {
          first_party_id: outgoing ? self : other,
          second_party_id: outgoing ? other : self,
          ...(rng.chance(0.3) ? { reason: rng.pick(["fuel", "thanks!", "srp", "loan payback", "for the fit"]) } : {}),
          description: `${partyName(outgoing ? self : other)} deposited cash into ${partyName(outgoing ? other : self)}'s account`,
        });
        return;
      }
      case "contract": {
        const reward = rng.logNormal(scale * 0.01, 0.8);
        this.entry(dateMs, rng.pick(["contract_reward", "contract_price", "contract_reward_refund"] as const), reward, {
          first_party_id: otherCharacterId(rng, self),
          second_party_id: self,
          context_id: makeId(ID_SPACES.contract, this.ctx.index, rng.int(1, 9000)),
          context_id_type: "contract_id",
          description: "Contract payment",
        });
        return;
      }
      case "industry":
        this.outgoing(dateMs, "industry_job_tax", rng.logNormal(scale * 0.002, 0.8), {
          second_party_id: npcCorporationId(rng),
          context_id: makeId(ID_SPACES.job, this.ctx.index, rng.int(1, 999)),
          context_id_type: "industry_job_id",
          description: "Industry job tax",
        });
        return;
      case "planetary":
        this.outgoing(
          dateMs,
          rng.chance(0.7) ? "planetary_export_tax" : "planetary_import_tax",
          rng.logNormal(scale * 0.0005, 0.6),
          {
            second_party_id: CONCORD,
            context_id: system.planets[0]?.[0] ?? system.id,
            context_id_type: "planet_id",
            description: "Planetary tax",
          },
        );
        return;
      case "insurance":
        this.entry(dateMs, "insurance", rng.logNormal(scale * 0.02, 0.8), {
          first_party_id: 1000132,
          second_party_id: self,
          description: "Insurance payout",
        });
        return;
      case "corp":
        this.entry(dateMs, "corporation_account_withdrawal", rng.logNormal(scale * 0.01, 0.8), {
          first_party_id: this.ctx.character.corporationId,
          second_party_id: self,
          description: "Corporation payout",
        });
        return;
      case "goal":
        this.entry(dateMs, "daily_goal_payouts", rng.pick([250_000, 500_000, 1_000_000]), {
          first_party_id: CONCORD,
          second_party_id: self,
          description: "Daily goal reward",
        });
        return;
      default:
        this.outgoing(dateMs, "skill_purchase", rng.logNormal(2e6, 1), {
          second_party_id: npcCorporationId(rng),
          description: "Skill purchase",
        });
    }
  }

  private outgoing(dateMs: number, refType: RefType, amount: number, fields: Partial<JournalEntry>): void {
    const paid = Math.min(amount, this.balance());
    if (paid < 0.01) return;
    this.entry(dateMs, refType, -paid, { first_party_id: this.ctx.character.characterId, ...fields });
  }

  write(rng: Rng, dateMs: number): void {
    const before = this.wallet.journal.length;
    const kind = rng.weighted(KIND_WEIGHTS[this.ctx.profile.archetype]);
    if (kind === "sell" || kind === "buy") this.trade(rng, dateMs, kind === "buy");
    else this.other(rng, dateMs, kind);
    // A purchase the wallet cannot afford becomes a small income instead.
    if (this.wallet.journal.length === before) this.other(rng, dateMs, "goal");
  }
}
