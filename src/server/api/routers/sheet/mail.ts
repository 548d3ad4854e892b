import { router } from "../../trpc";

export const mailSheetRouter = router({});
