import { serve } from "inngest/next";
import { inngest } from "@inngest-fns/client";
import { createJobs, toInngestFunction } from "@inngest-fns/index";
import { env } from "~/env";
import { appDeps } from "~/server/deps";

// Built on the first request, not at import: `next build` evaluates route modules,
// and a build must not need the deployment's settings.
let handlers: ReturnType<typeof serve> | undefined;
function served(): ReturnType<typeof serve> {
  handlers ??= serve({ client: inngest, functions: createJobs(appDeps, env()).map(toInngestFunction) });
  return handlers;
}

type Args = Parameters<ReturnType<typeof serve>["GET"]>;
export const GET = (...args: Args) => served().GET(...args);
export const POST = (...args: Args) => served().POST(...args);
export const PUT = (...args: Args) => served().PUT(...args);
