import { router } from "../../trpc";

export const skillsSheetRouter = router({});
