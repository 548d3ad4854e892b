// Compliance groups (docs/compliance.md): administrators designate groups, set their rules
// and preview who would join or leave; preview and save run the same plan.
import { z } from "zod";
import { listComplianceGroups, namedPlan, previewDesignation, saveDesignation } from "~/server/compliance/designation";
import type { ComplianceDeps } from "~/server/compliance/recompute";
import { complianceRulesSchema } from "~/server/compliance/rules";
import type { AppDeps } from "~/server/deps";
import { safeText } from "~/server/paging/inputs";
import { areaProcedure, router } from "../trpc";

/** Group ids are cuids (25 characters), as in the admin router. */
const change = z.object({
  groupId: safeText(40, { trim: false }).min(1),
  /** The rules to designate with (or change to); null removes the designation. */
  rules: complianceRulesSchema.nullable(),
});

const complianceDeps = (deps: AppDeps): ComplianceDeps => ({
  db: deps.db,
  graceHours: deps.complianceGraceHours ?? 0,
});

const admin = areaProcedure("admin");

export const complianceRouter = router({
  groups: admin.query(({ ctx }) => listComplianceGroups(ctx.deps.db)),
  preview: admin
    .input(change)
    .query(async ({ ctx, input }) => namedPlan(ctx.deps.db, await previewDesignation(complianceDeps(ctx.deps), input))),
  save: admin
    .input(change)
    .mutation(async ({ ctx, input }) => namedPlan(ctx.deps.db, await saveDesignation(complianceDeps(ctx.deps), input))),
});
