import { handleTrpcRequest, TRPC_ENDPOINT } from "~/server/api/http";
import { timed } from "~/server/metrics/http";
import { createContext } from "~/web/trpc-context";

// Errors are mapped and logged once, in the router's error formatter (src/server/api/errors.ts).
const handler = timed(TRPC_ENDPOINT, (req: Request) => handleTrpcRequest(req, () => createContext(req)));

export { handler as GET, handler as POST };
