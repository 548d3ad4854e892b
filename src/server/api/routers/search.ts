// Search across characters (docs/search.md): thin over src/server/search.
import { searchItems, itemSearchInput } from "~/server/search/items";
import { mailSearchInput, searchMails } from "~/server/search/mails";
import { searchSkill, searchSkillSet, skillSearchInput, skillSetSearchInput } from "~/server/search/skills";
import { lookupTypes, typeLookupInput } from "~/server/search/types";
import { areaProcedure, router } from "../trpc";

const searchProcedure = areaProcedure("search");

export const searchRouter = router({
  types: searchProcedure.input(typeLookupInput).query(({ ctx, input }) => lookupTypes(ctx.deps.db, input)),
  items: searchProcedure.input(itemSearchInput).query(({ ctx, input }) => searchItems(ctx.deps.db, ctx.viewer, input)),
  skill: searchProcedure.input(skillSearchInput).query(({ ctx, input }) => searchSkill(ctx.deps.db, ctx.viewer, input)),
  skillSet: searchProcedure
    .input(skillSetSearchInput)
    .query(({ ctx, input }) => searchSkillSet(ctx.deps.db, ctx.viewer, input)),
  mails: searchProcedure.input(mailSearchInput).query(({ ctx, input }) => searchMails(ctx.deps.db, ctx.viewer, input)),
});
