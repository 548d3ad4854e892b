import { router } from "../../trpc";

export const contractsSheetRouter = router({});
