import { router } from "../../trpc";

export const planetsSheetRouter = router({});
