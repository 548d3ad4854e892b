import { corporationComplianceInput, corporationComplianceReport } from "~/server/reports/corporation-compliance";
import { reportFilterOptions } from "~/server/reports/filter-options";
import { skillSetReport, skillSetReportInput } from "~/server/reports/skill-set-report";
import { userComplianceInput, userComplianceReport } from "~/server/reports/user-compliance";
import { areaProcedure, router } from "../trpc";

const reportsProcedure = areaProcedure("reports");

export const reportsRouter = router({
  filterOptions: reportsProcedure.query(({ ctx }) => reportFilterOptions(ctx.deps.db, ctx.viewer)),
  userCompliance: reportsProcedure
    .input(userComplianceInput)
    .query(({ ctx, input }) => userComplianceReport(ctx.deps.db, ctx.viewer, input)),
  corporationCompliance: reportsProcedure
    .input(corporationComplianceInput)
    .query(({ ctx, input }) => corporationComplianceReport(ctx.deps.db, ctx.viewer, input)),
  skillSets: reportsProcedure
    .input(skillSetReportInput)
    .query(({ ctx, input }) => skillSetReport(ctx.deps.db, ctx.viewer, input)),
});
