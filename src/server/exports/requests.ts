// Asking for a build and reading where the topics stand (docs/exports.md, "Rules"). The
// minimum age between builds and "one build per topic at a time" are decided here, in
// one transaction under a per-topic lock, so two presses (or a press and the daily
// rebuild) cannot both start one, whatever the page's button shows.
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors/app-error";
import { EXPORT_TOPICS, exportTopic } from "./topics";

export interface ExportSettings {
  /** Minutes a complete file must have existed before the next build (MEMBERAUDIT_DATA_EXPORT_MIN_UPDATE_AGE). */
  minUpdateAgeMinutes: number;
  /** The daily rebuild of every topic (MEMBERAUDIT_DATA_EXPORT_DAILY_REBUILD). */
  dailyRebuild: boolean;
  /** Rows per build step (MEMBERAUDIT_DATA_EXPORT_CHUNK_ROWS): one chunk row of the file each. */
  chunkRows: number;
}

export const DEFAULT_EXPORT_SETTINGS: ExportSettings = {
  minUpdateAgeMinutes: 60,
  dailyRebuild: true,
  chunkRows: 10_000,
};

/** A building file not touched for this long belongs to a process that died: it no longer blocks a build. */
export const ABANDONED_AFTER_MS = 15 * 60_000;

const MINUTE_MS = 60_000;

/**
 * Creates the topic's new file row (status building) and returns its id for the caller
 * to queue `memberaudit/export.build`. Refuses while a build of the topic runs, and
 * while the last file is younger than the minimum age (RATE_LIMITED, saying when).
 */
export async function createExportBuild(
  db: Db,
  input: { topic: string; userId: string | null; now: Date; minUpdateAgeMinutes: number },
): Promise<{ fileId: string }> {
  const topic = exportTopic(input.topic);
  const { now } = input;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`export:${topic.name}`}))`;
    const running = await tx.exportFile.findFirst({
      where: { topic: topic.name, status: "building", updatedAt: { gt: new Date(now.getTime() - ABANDONED_AFTER_MS) } },
    });
    if (running) throw new AppError("CONFLICT", `A build of ${topic.title} is already running.`);
    const last = await tx.exportFile.findFirst({
      where: { topic: topic.name, status: "complete" },
      orderBy: { completedAt: "desc" },
    });
    const nextAt = last?.completedAt ? last.completedAt.getTime() + input.minUpdateAgeMinutes * MINUTE_MS : 0;
    if (nextAt > now.getTime()) {
      throw new AppError(
        "RATE_LIMITED",
        `${topic.title} was built less than ${input.minUpdateAgeMinutes} minutes ago; the next build can start at ${new Date(nextAt).toISOString()}.`,
        { reason: "min_update_age" },
      );
    }
    const file = await tx.exportFile.create({
      data: { topic: topic.name, status: "building", rowsExpected: 0, requestedById: input.userId, startedAt: now },
    });
    return { fileId: file.id };
  });
}

export interface TopicFileState {
  topic: string;
  /** The complete file offered for download. */
  file: { rows: number; bytes: number; completedAt: Date } | null;
  /** The build running now, if any. */
  build: { rowsWritten: number; rowsExpected: number; startedAt: Date } | null;
  /** When Build now may be pressed again (the minimum age); null = now. */
  nextBuildAt: Date | null;
}

/** Each topic's file and running build: cheap enough for the page to poll. */
export async function exportFileStates(db: Db, now: Date, minUpdateAgeMinutes: number): Promise<TopicFileState[]> {
  const files = await db.exportFile.findMany({
    select: {
      topic: true,
      status: true,
      rowsExpected: true,
      rowsWritten: true,
      bytes: true,
      startedAt: true,
      updatedAt: true,
      completedAt: true,
    },
  });
  const alive = now.getTime() - ABANDONED_AFTER_MS;
  return EXPORT_TOPICS.map((topic) => {
    const mine = files.filter((f) => f.topic === topic.name);
    const done = mine.find((f) => f.status === "complete" && f.completedAt);
    const running = mine.find((f) => f.status === "building" && f.updatedAt.getTime() > alive);
    const next = done?.completedAt ? done.completedAt.getTime() + minUpdateAgeMinutes * MINUTE_MS : 0;
    return {
      topic: topic.name,
      file: done ? { rows: done.rowsWritten, bytes: Number(done.bytes), completedAt: done.completedAt! } : null,
      build: running
        ? { rowsWritten: running.rowsWritten, rowsExpected: running.rowsExpected, startedAt: running.startedAt }
        : null,
      nextBuildAt: next > now.getTime() ? new Date(next) : null,
    };
  });
}

export interface TopicSummary {
  name: string;
  title: string;
  description: string;
  /** Rows the topic holds now (what the next build would write). */
  rows: number;
}

/** The topics with their current row counts, for the page's first render (one count per topic). */
export async function exportTopicSummaries(db: Db, retentionCutoff: Date): Promise<TopicSummary[]> {
  const ctx = { db, retentionCutoff };
  const summaries: TopicSummary[] = [];
  // One after another: on the embedded database's one connection parallel counts only queue.
  for (const topic of EXPORT_TOPICS) {
    summaries.push({
      name: topic.name,
      title: topic.title,
      description: topic.description,
      rows: await topic.count(ctx),
    });
  }
  return summaries;
}
