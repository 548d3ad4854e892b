import { router } from "../../trpc";

export const skillSetsSheetRouter = router({});
