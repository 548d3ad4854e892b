// Import direction, checked by `npm run lint` (docs/architecture.md, "Layers").
// LAYERS runs from the top of the house to the bottom: a file may import files of its
// own layer and of the layers below it, never above. Every folder is a layer of its
// own, so no two folders can import each other (no folder-level cycles either).
const path = require("node:path");

const LAYERS = [
  ["pages", "^src/app/"],
  ["scripts", "^scripts/"],
  ["instrumentation", "^src/instrumentation\\.ts$"],
  ["proxy", "^src/proxy\\.ts$"],
  ["components", "^src/components/"],
  ["trpc-client", "^src/trpc/"],
  ["web", "^src/web/"],
  ["runtime", "^src/runtime/"],
  ["inngest", "^inngest/"],
  ["settings", "^src/env\\.ts$"],
  ["api", "^src/server/api/"],
  ["api-tokens", "^src/server/api-tokens/"],
  ["auth", "^src/server/auth/"],
  ["deps", "^src/server/deps\\.ts$"],
  ["status", "^src/server/status/"],
  // Jobs run domain functions of any layer (compliance reads the reports): only the drivers above import them.
  ["job-definitions", "^src/server/jobs/definitions/"],
  ["compliance", "^src/server/compliance/"],
  ["cli", "^src/server/cli/"],
  ["finder", "^src/server/finder/"],
  ["reports", "^src/server/reports/"],
  ["search", "^src/server/search/"],
  ["sheet", "^src/server/sheet/"],
  ["skill-sets", "^src/server/skill-sets/"],
  ["admin-characters", "^src/server/admin-characters/"],
  ["characters", "^src/server/characters/"],
  ["groups", "^src/server/groups/"],
  ["exports", "^src/server/exports/"],
  ["audit", "^src/server/audit/"],
  ["jobs", "^src/server/jobs/[^/]+$"],
  ["sharing", "^src/server/sharing/"],
  ["updates", "^src/server/updates/"],
  ["notifications", "^src/server/notifications/"],
  ["access", "^src/server/access/"],
  ["sections", "^src/server/sections/"],
  ["universe", "^src/server/universe/"],
  ["esi", "^src/server/esi/"],
  ["ldap", "^src/server/ldap/"],
  ["identity", "^src/server/identity/"],
  ["paging", "^src/server/paging/"],
  ["csv", "^src/server/csv/"],
  ["errors", "^src/server/errors/"],
  ["db", "^src/server/db/"],
  ["crypto", "^src/server/crypto/"],
  ["launch", "^src/server/launch/"],
  ["metrics", "^src/server/metrics/"],
  ["logging", "^src/server/logging/"],
  ["simulator", "^src/simulator/"],
];

const any = (patterns) => patterns.map((p) => `(${p})`).join("|");

const layerRules = LAYERS.slice(1).map(([name, from], index) => ({
  name: `layer-${name}`,
  comment: `${name} sits below ${LAYERS.slice(0, index + 1)
    .map(([above]) => above)
    .join(", ")}: it may not import them (docs/architecture.md, "Layers")`,
  severity: "error",
  from: { path: from },
  to: { path: any(LAYERS.slice(0, index + 1).map(([, p]) => p)) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "server-without-web-frameworks",
      comment: "domain code is plain functions: no Next.js, React or Inngest SDK under src/server (principle 2)",
      severity: "error",
      from: { path: "^src/server/" },
      to: { path: "^node_modules/(next|react|react-dom|inngest|@inngest/[^/]+)/" },
    },
    {
      name: "next-auth-only-in-auth",
      comment: "next-auth is wired in src/server/auth (options) and src/web (sessions), nowhere else in src/server",
      severity: "error",
      from: { path: "^src/server/", pathNot: "^src/server/auth/" },
      to: { path: "^node_modules/next-auth/" },
    },
    {
      name: "simulator-stands-alone",
      comment: "the simulator plays CCP's servers: it shares no code with the app it serves",
      severity: "error",
      from: { path: "^src/simulator/" },
      to: { path: "^(src/(?!simulator/)|inngest/|scripts/)" },
    },
    {
      name: "no-circular",
      comment: "files import each other in one direction only",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^src/server/esi/openapi/)|(\\.json$)" },
    // The tsconfig path aliases, given as webpack aliases: dependency-cruiser's tsconfig
    // resolver would resolve the package `inngest` to the folder `inngest/`.
    webpackConfig: { fileName: path.join(__dirname, ".dependency-cruiser.aliases.cjs") },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs"] },
  },
};
