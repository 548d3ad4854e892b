import { router } from "../../trpc";

export const industrySheetRouter = router({});
