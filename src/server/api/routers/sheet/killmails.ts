import { router } from "../../trpc";

export const killmailsSheetRouter = router({});
