// @ts-check
import { PHASE_PRODUCTION_BUILD } from "next/constants.js";

/** @type {(phase: string) => import("next").NextConfig} */
const nextConfig = (phase) => ({
  // `next build` also writes .next/standalone: server.js with only the files it needs, which the Dockerfile and the
  // systemd unit run (docs/deploy/). Only the build is told: `next start` (`npm start`, `npm run demo`) serves the
  // same build from .next and would otherwise warn that it is not the standalone server.
  output: phase === PHASE_PRODUCTION_BUILD ? "standalone" : undefined,
  // This folder is the root, whatever lock files lie above it, so .next/standalone/server.js sits at its top.
  outputFileTracingRoot: import.meta.dirname,
  // /api/ready compares the applied migrations with these files; the standalone server must carry them.
  outputFileTracingIncludes: { "/api/ready": ["./prisma/migrations/**/*"] },
  // Packages with WebAssembly, native sockets or workers stay outside the server bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@electric-sql/pglite-socket",
    "@prisma/client",
    "@prisma/adapter-pg",
    "pg",
    "pg-boss",
    "inngest",
    "undici",
    "ajv",
    "ajv-formats",
  ],
  poweredByHeader: false,
  typedRoutes: false,
  // Types are checked by `npm run typecheck` (CI runs it); the build need not do it again.
  typescript: { ignoreBuildErrors: true },
});

export default nextConfig;
