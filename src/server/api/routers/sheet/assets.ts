import { router } from "../../trpc";

export const assetsSheetRouter = router({});
