import { router } from "../../trpc";

export const clonesSheetRouter = router({});
