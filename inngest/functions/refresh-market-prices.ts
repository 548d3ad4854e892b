import type { Db } from "~/server/db/client";
import type { EsiClient } from "~/server/esi/client";
import { defineJob } from "~/server/jobs/job";
import { refreshMarketPrices } from "~/server/universe/market-prices";

/** Daily after EVE's downtime: CCP's market price estimates (mining and asset values). */
export const refreshMarketPricesJob = (deps: () => { db: Db; esi: EsiClient }) =>
  defineJob({
    id: "refresh-market-prices",
    trigger: { cron: "45 11 * * *" },
    retries: 2,
    handler: ({ step }) => step.run("refresh", () => refreshMarketPrices(deps())),
  });
