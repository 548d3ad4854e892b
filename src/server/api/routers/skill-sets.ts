// Skill set management: superusers edit, holders of view_skill_sets read.
import { z } from "zod";
import {
  cloneSkillSet,
  createSkillSet,
  createSkillSetGroup,
  deleteSkillSet,
  deleteSkillSetGroup,
  listSkillSets,
  searchTypes,
  updateSkillSet,
  updateSkillSetGroup,
} from "~/server/skill-sets/manage";
import { importEftFitting, importSkillPlan } from "~/server/skill-sets/import";
import { recomputeSkillChecksInBackground } from "~/server/skill-sets/recompute";
import type { AppDeps } from "~/server/deps";
import { eveId32, safeText } from "~/server/paging/inputs";
import { permissionProcedure, router, superuserProcedure } from "../trpc";

/** Skill set and group ids (Int columns) and EVE type ids: 32-bit. */
const id = eveId32;
const level = z.number().int().min(1).max(5).nullable().optional();
const skillSetInput = z.object({
  name: safeText(100).min(1),
  description: safeText(2000, { trim: false }).default(""),
  shipTypeId: id.nullable().optional(),
  isVisible: z.boolean().default(true),
  groupIds: z.array(id).max(200).default([]),
  skills: z
    .array(z.object({ skillTypeId: id, requiredLevel: level, recommendedLevel: level }))
    .min(1)
    .max(500),
});
const groupInput = z.object({
  name: safeText(100).min(1),
  description: safeText(2000, { trim: false }).default(""),
  isDoctrine: z.boolean().default(false),
  isActive: z.boolean().default(true),
  skillSetIds: z.array(id).max(1000).default([]),
});

/** A change to what sets require: recompute every character's checks now (they are marked stale either way). */
async function changing<T>(deps: AppDeps, change: Promise<T>): Promise<T> {
  const result = await change;
  recomputeSkillChecksInBackground(deps.db, deps.sendEvents);
  return result;
}

const importOptions = z.object({
  text: safeText(50_000, { trim: false }).min(1),
  overwrite: z.boolean().default(false),
  groupId: id.nullable().optional(),
});

const reader = permissionProcedure("view_skill_sets");
/** Who changed a set, as editors know each other: the main character's name. */
const editor = (user: { id: string; mainCharacter: { name: string } | null }) => user.mainCharacter?.name ?? user.id;

export const skillSetsRouter = router({
  list: reader.query(({ ctx }) => listSkillSets(ctx.deps.db)),
  searchTypes: reader
    .input(z.object({ query: safeText(100).min(2), kind: z.enum(["skill", "ship"]).default("skill") }))
    .query(({ ctx, input }) => searchTypes(ctx.deps.db, input.query, input.kind === "ship" ? 6 : 16)),
  create: superuserProcedure
    .input(skillSetInput)
    .mutation(({ ctx, input }) => changing(ctx.deps, createSkillSet(ctx.deps.db, input, editor(ctx.user)))),
  update: superuserProcedure
    .input(skillSetInput.extend({ id }))
    .mutation(({ ctx, input: { id: setId, ...data } }) =>
      changing(ctx.deps, updateSkillSet(ctx.deps.db, setId, data, editor(ctx.user))),
    ),
  delete: superuserProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => changing(ctx.deps, deleteSkillSet(ctx.deps.db, input.id))),
  clone: superuserProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => changing(ctx.deps, cloneSkillSet(ctx.deps.db, input.id, editor(ctx.user)))),
  createGroup: superuserProcedure
    .input(groupInput)
    .mutation(({ ctx, input }) => createSkillSetGroup(ctx.deps.db, input, editor(ctx.user))),
  updateGroup: superuserProcedure
    .input(groupInput.extend({ id }))
    .mutation(({ ctx, input: { id: groupId, ...data } }) =>
      updateSkillSetGroup(ctx.deps.db, groupId, data, editor(ctx.user)),
    ),
  importSkillPlan: superuserProcedure
    .input(importOptions.extend({ name: safeText(100).min(1) }))
    .mutation(({ ctx, input }) => changing(ctx.deps, importSkillPlan(ctx.deps, input, editor(ctx.user)))),
  importFitting: superuserProcedure
    .input(importOptions.extend({ name: safeText(100).nullable().optional() }))
    .mutation(({ ctx, input }) => changing(ctx.deps, importEftFitting(ctx.deps, input, editor(ctx.user)))),
  deleteGroup: superuserProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => deleteSkillSetGroup(ctx.deps.db, input.id)),
});
