import { router } from "../../trpc";

export const corporationSheetRouter = router({});
