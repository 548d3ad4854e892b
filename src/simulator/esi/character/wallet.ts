// The pilot's money: wallet balance, journal and transactions, and contracts
// with their items and bids.
import type { CharacterContext } from "../../data";
import { walletBalance } from "../../data/wallet";
import { esiError } from "../../http/io";
import { characterRoute, intQuery, pathId, RATE_LIMITS, section } from "../data-route";
import type { EsiRequest, EsiRoute } from "../route";

const SCOPES = {
  contracts: "esi-contracts.read_character_contracts.v1",
  wallet: "esi-wallet.read_character_wallet.v1",
} as const;

const TRANSACTIONS_PAGE = 2500;

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

function contractOf(character: CharacterContext, request: EsiRequest) {
  const contractId = pathId(request, "contract_id");
  const contracts = section(character, "contracts");
  if (!contracts.contracts.some((c) => c.contract_id === contractId)) throw esiError(404, "Contract not found");
  return { contractId, contracts };
}

export const walletRoutes: readonly EsiRoute[] = [
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
];
