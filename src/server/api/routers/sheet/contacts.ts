import { router } from "../../trpc";

export const contactsSheetRouter = router({});
