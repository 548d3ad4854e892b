import { findCharacters, finderFilterOptions, finderInput } from "~/server/finder/character-finder";
import { withCursor } from "~/server/paging/cursor";
import { permissionProcedure, router } from "../trpc";

const finderProcedure = permissionProcedure("basic_access", "finder_access");

export const finderRouter = router({
  search: finderProcedure
    .input(finderInput)
    .query(({ ctx, input }) => withCursor(() => findCharacters(ctx.deps.db, ctx.viewer, input))),
  filterOptions: finderProcedure.query(({ ctx }) => finderFilterOptions(ctx.deps.db, ctx.viewer)),
});
