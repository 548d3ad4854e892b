import { handleTrpcRequest } from "~/server/api/http";
import { createContext } from "~/web/trpc-context";

// Errors are mapped and logged once, in the router's error formatter (src/server/api/errors.ts).
const handler = (req: Request) => handleTrpcRequest(req, () => createContext(req));

export { handler as GET, handler as POST };
