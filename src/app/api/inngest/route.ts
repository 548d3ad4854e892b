import { type InngestHandlers, serveJobs } from "@inngest-fns/serve";
import { appDeps, appJobs } from "~/runtime/deps";
import { withErrorResponse } from "~/server/errors/http";
import { runRecorder } from "~/server/jobs/run-records";

// Built on the first request, not at import: `next build` evaluates route modules,
// and a build must not need the deployment's settings.
let handlers: InngestHandlers | undefined;
const served = () => {
  // Each run is also recorded in the app's database, for /admin/status's queue panel.
  handlers ??= serveJobs(
    appJobs(),
    runRecorder(() => appDeps().db),
  );
  return handlers;
};

type Args = Parameters<InngestHandlers["GET"]>;
export const GET = withErrorResponse("GET /api/inngest", async (...args: Args) => served().GET(...args));
export const POST = withErrorResponse("POST /api/inngest", async (...args: Args) => served().POST(...args));
export const PUT = withErrorResponse("PUT /api/inngest", async (...args: Args) => served().PUT(...args));
