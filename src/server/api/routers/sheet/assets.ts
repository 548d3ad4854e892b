import { sheetProcedure } from "~/server/api/sheet-procedure";
import {
  assetChildren,
  assetChildrenInput,
  assetLocations,
  assetSearchInput,
  searchAssets,
} from "~/server/sheet/assets";
import { router } from "../../trpc";

export const assetsSheetRouter = router({
  locations: sheetProcedure.query(({ ctx }) => assetLocations(ctx.deps.db, ctx.character.id)),
  children: sheetProcedure
    .input(assetChildrenInput)
    .query(({ ctx, input }) => assetChildren(ctx.deps.db, ctx.character.id, input)),
  search: sheetProcedure
    .input(assetSearchInput)
    .query(({ ctx, input }) => searchAssets(ctx.deps.db, ctx.character.id, input)),
});
