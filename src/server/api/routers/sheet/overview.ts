import { router } from "../../trpc";

export const overviewSheetRouter = router({});
