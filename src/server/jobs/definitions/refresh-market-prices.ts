import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { refreshMarketPricesIfStale } from "~/server/universe/market-prices";
import { defineJob } from "../job";

/**
 * CCP's market price estimates (mining and asset values), refreshed when a day old.
 * Checked every 15 minutes rather than once a day, so a new install (the demo) has
 * values within minutes instead of after the next downtime; a check is one query.
 */
export const refreshMarketPricesJob = (deps: () => { db: Db; esi: EsiClient }) =>
  defineJob({
    id: "refresh-market-prices",
    trigger: { cron: "*/15 * * * *" },
    retries: 2,
    handler: ({ step }) => step.run("refresh", () => refreshMarketPricesIfStale(deps())),
  });
