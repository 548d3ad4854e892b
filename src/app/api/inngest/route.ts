import { serve } from "inngest/next";
import { inngest } from "@inngest-fns/client";
import { createJobs, toInngestFunction } from "@inngest-fns/index";
import { env } from "~/env";
import { appDeps } from "~/server/deps";

export const { GET, POST, PUT } = serve({
  client: inngest,
  functions: createJobs(appDeps, env()).map(toInngestFunction),
});
