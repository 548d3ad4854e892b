import { router } from "../../trpc";

export const fittingsSheetRouter = router({});
