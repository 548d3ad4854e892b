import { AppError } from "~/server/errors/app-error";
import { canViewSkillSets, characterSkillSets } from "~/server/sheet/skill-sets";
import { sheetProcedure } from "../../sheet-procedure";
import { router } from "../../trpc";

/** The Skill sets tab needs view_skill_sets unless the viewer owns the character (doctrine fits are not for everyone). */
const skillSetsProcedure = sheetProcedure.use(({ ctx, next }) => {
  if (!canViewSkillSets(ctx.viewer, ctx.character))
    throw new AppError("FORBIDDEN", "Missing permission: view_skill_sets");
  return next();
});

export const skillSetsSheetRouter = router({
  list: skillSetsProcedure.query(({ ctx }) => characterSkillSets(ctx.deps.db, ctx.character.id)),
});
