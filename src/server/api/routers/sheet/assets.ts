import { TRPCError } from "@trpc/server";
import { sheetProcedure } from "~/server/api/sheet-procedure";
import { assetChildren, assetChildrenInput, assetLocations, assetSearchInput, InvalidAssetCursorError, searchAssets } from "~/server/sheet/assets";
import { router } from "../../trpc";

/** A malformed or foreign cursor is the caller's mistake: 400, never 500. */
async function badCursorIs400<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidAssetCursorError) throw new TRPCError({ code: "BAD_REQUEST", message: `Invalid input: cursor: ${error.message}` });
    throw error;
  }
}

export const assetsSheetRouter = router({
  locations: sheetProcedure.query(({ ctx }) => assetLocations(ctx.deps.db, ctx.character.id)),
  children: sheetProcedure.input(assetChildrenInput).query(({ ctx, input }) => badCursorIs400(() => assetChildren(ctx.deps.db, ctx.character.id, input))),
  search: sheetProcedure.input(assetSearchInput).query(({ ctx, input }) => badCursorIs400(() => searchAssets(ctx.deps.db, ctx.character.id, input))),
});
