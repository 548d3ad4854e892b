import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { refuseLargeBatch } from "~/server/api/batch-limit";
import { appRouter } from "~/server/api/root";
import { timed } from "~/server/metrics/http";
import { createContext } from "~/web/trpc-context";

const endpoint = "/api/trpc";

// Errors are mapped and logged once, in the router's error formatter (src/server/api/errors.ts).
const handler = timed(
  endpoint,
  (req: Request) =>
    refuseLargeBatch(req.url, endpoint) ?? fetchRequestHandler({ endpoint, req, router: appRouter, createContext }),
);

export { handler as GET, handler as POST };
