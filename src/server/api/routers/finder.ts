import { findCharacters, finderFilterOptions, finderInput } from "~/server/finder/character-finder";
import { areaProcedure, router } from "../trpc";

const finderProcedure = areaProcedure("finder");

export const finderRouter = router({
  search: finderProcedure.input(finderInput).query(({ ctx, input }) => findCharacters(ctx.deps.db, ctx.viewer, input)),
  filterOptions: finderProcedure.query(({ ctx }) => finderFilterOptions(ctx.deps.db, ctx.viewer)),
});
