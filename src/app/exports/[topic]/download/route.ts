// GET /exports/<topic>/download: the topic's last complete file (src/server/exports/download.ts decides who may).
import { appDeps } from "~/runtime/deps";
import { clientAddress } from "~/server/api/context";
import { withErrorResponse } from "~/server/errors/http";
import { exportDownloadResponse } from "~/server/exports/download";
import { currentViewer } from "~/web/viewer";

export const dynamic = "force-dynamic";

export const GET = withErrorResponse(
  "GET /exports/download",
  async (req: Request, ctx: { params: Promise<{ topic: string }> }) => {
    const current = await currentViewer();
    return exportDownloadResponse(
      appDeps().db,
      current?.viewer ?? null,
      current?.user.id ?? null,
      (await ctx.params).topic,
      clientAddress(req.headers),
    );
  },
);
