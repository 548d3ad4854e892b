// `npm run memberaudit -- export <topic ...> | --all [--out DIR]`: each topic built in
// this process with a progress bar on the terminal, then written to DIR under its
// download name (memberaudit_<topic>_<UTC date>.zip).
import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Env } from "~/env";
import type { Db } from "~/server/db/client";
import { isAppError } from "~/server/errors/app-error";
import { buildExportInline, completeExportFile } from "~/server/exports/inline";
import { EXPORT_TOPIC_NAMES } from "~/server/exports/topics";

const BAR = 30;

function bar(topic: string, written: number, expected: number): string {
  const share = expected > 0 ? Math.min(1, written / expected) : 1;
  const filled = Math.round(share * BAR);
  return `\r  ${topic.padEnd(20)} [${"#".repeat(filled)}${"-".repeat(BAR - filled)}] ${written}/${expected} rows`;
}

export async function runExportCommand(db: Db, settings: Env, topics: readonly string[], out: string): Promise<number> {
  const unknown = topics.filter((t) => !EXPORT_TOPIC_NAMES.includes(t));
  if (topics.length === 0 || unknown.length > 0) {
    console.error(
      `${unknown.length ? `unknown topic: ${unknown.join(", ")}; ` : ""}topics: ${EXPORT_TOPIC_NAMES.join(", ")}`,
    );
    return 2;
  }
  await mkdir(out, { recursive: true });
  let failed = 0;
  for (const topic of topics) {
    try {
      const { rows } = await buildExportInline(
        db,
        topic,
        { ...settings.exports, retentionDays: settings.engine.section.retentionDays },
        (written, expected) => process.stdout.write(bar(topic, written, expected)),
      );
      const file = (await completeExportFile(db, topic))!;
      const target = path.join(out, file.fileName);
      await pipeline(Readable.from(file.chunks), createWriteStream(target));
      process.stdout.write(`\n  ${rows} rows -> ${target}\n`);
    } catch (error) {
      if (!isAppError(error)) throw error;
      failed++;
      console.error(`  ${topic}: ${error.message}`);
    }
  }
  return failed ? 1 : 0;
}
