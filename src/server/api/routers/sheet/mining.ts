import { router } from "../../trpc";

export const miningSheetRouter = router({});
