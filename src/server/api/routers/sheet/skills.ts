import { sheetProcedure } from "~/server/api/sheet-procedure";
import { skillQueueSheet } from "~/server/sheet/skill-queue";
import { skillsSheet } from "~/server/sheet/skills";
import { router } from "../../trpc";

export const skillsSheetRouter = router({
  list: sheetProcedure.query(({ ctx }) => skillsSheet(ctx.deps.db, ctx.character.id)),
  queue: sheetProcedure.query(({ ctx }) => skillQueueSheet(ctx.deps.db, ctx.character.id)),
});
