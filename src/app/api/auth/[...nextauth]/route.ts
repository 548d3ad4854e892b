import { handleAuthRequest } from "~/web/auth";

export { handleAuthRequest as GET, handleAuthRequest as POST };
