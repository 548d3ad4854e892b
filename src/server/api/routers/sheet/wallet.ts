import { router } from "../../trpc";

export const walletSheetRouter = router({});
