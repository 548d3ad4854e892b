import { TRPCError } from "@trpc/server";
import { findCharacters, finderFilterOptions, finderInput, InvalidCursorError } from "~/server/finder/character-finder";
import { permissionProcedure, router } from "../trpc";

const finderProcedure = permissionProcedure("basic_access", "finder_access");

export const finderRouter = router({
  search: finderProcedure.input(finderInput).query(async ({ ctx, input }) => {
    try {
      return await findCharacters(ctx.deps.db, ctx.viewer, input);
    } catch (error) {
      if (error instanceof InvalidCursorError) throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid input: cursor: ${error.message}` });
      throw error;
    }
  }),
  filterOptions: finderProcedure.query(({ ctx }) => finderFilterOptions(ctx.deps.db, ctx.viewer)),
});
