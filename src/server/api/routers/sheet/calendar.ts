import { router } from "../../trpc";

export const calendarSheetRouter = router({});
