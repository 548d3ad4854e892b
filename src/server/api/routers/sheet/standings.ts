import { router } from "../../trpc";

export const standingsSheetRouter = router({});
