import { serve } from "inngest/next";
import { inngest } from "@inngest-fns/client";
import { createJobs, toInngestFunction } from "@inngest-fns/index";
import { appDeps } from "~/server/deps";

export const { GET, POST, PUT } = serve({
  client: inngest,
  functions: createJobs(appDeps).map(toInngestFunction),
});
