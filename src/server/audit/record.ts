// The access audit log's write path (docs/audit.md). A request never waits for its
// audit row: recordAudit puts the event in a bounded in-memory buffer and returns; the
// buffer is written in one createMany per flush, on an interval, when it fills and at
// shutdown. The trade-off, on purpose: a crash loses at most the last interval's
// events, and when the database cannot keep up the buffer drops new events (counted
// and logged) instead of growing without bound or slowing requests.
import type { Db } from "~/server/db/client";
import type { AuditAction } from "./actions";
import { logger } from "~/server/logging/logger";

export { AUDIT_ACTIONS, type AuditAction } from "./actions";

export type AuditVia = "session" | "token" | "system" | "ldap";

export interface AuditEntry {
  action: AuditAction;
  actorUserId: string | null;
  via: AuditVia;
  tokenId?: string | null;
  characterId?: number | null;
  targetUserId?: string | null;
  detail?: string;
  address?: string | null;
  at?: Date;
}

/** Who did it, as a request knows it: the part of an entry every caller repeats. */
export interface AuditActor {
  actorUserId: string | null;
  via: AuditVia;
  tokenId?: string | null;
  address?: string | null;
}

export const AUDIT_BUFFER_MAX = 10_000;
export const AUDIT_FLUSH_INTERVAL_MS = 1000;
const FLUSH_BATCH = 1000;
const MAX_TEXT = 500;

interface Buffer {
  pending: AuditEntry[];
  flushing: Promise<void> | null;
  dropped: number;
  timer: ReturnType<typeof setInterval>;
}

const buffers = new Map<Db, Buffer>();
let recording = true;

/** Off only to measure what recording costs (npm run bench:viewer -- --no-audit); the app never turns it off. */
export function setAuditRecording(on: boolean): void {
  recording = on;
}

function bufferOf(db: Db): Buffer {
  let buffer = buffers.get(db);
  if (!buffer) {
    const timer = setInterval(() => void flushAudit(db), AUDIT_FLUSH_INTERVAL_MS);
    // The interval must not keep a CLI or test process alive.
    timer.unref?.();
    buffer = { pending: [], flushing: null, dropped: 0, timer };
    buffers.set(db, buffer);
  }
  return buffer;
}

const clip = (text: string | null | undefined) => (text == null ? null : text.slice(0, MAX_TEXT));

/** Queue one audit event; never throws, never waits for the database. */
export function recordAudit(db: Db, entry: AuditEntry): void {
  if (!recording) return;
  const buffer = bufferOf(db);
  if (buffer.pending.length >= AUDIT_BUFFER_MAX) {
    buffer.dropped++;
    if (buffer.dropped === 1 || buffer.dropped % 1000 === 0)
      logger().warn({ dropped: buffer.dropped }, `audit: buffer full, ${buffer.dropped} event(s) dropped`);
    return;
  }
  buffer.pending.push({ ...entry, at: entry.at ?? new Date() });
  if (buffer.pending.length >= FLUSH_BATCH) void flushAudit(db);
}

/** Write what is buffered; resolves when written (tests, shutdown). A failed write is logged, its events lost. */
export async function flushAudit(db: Db): Promise<void> {
  const buffer = buffers.get(db);
  if (!buffer) return;
  while (buffer.flushing) await buffer.flushing;
  if (buffer.pending.length === 0) return;
  const batch = buffer.pending.splice(0, buffer.pending.length);
  buffer.flushing = writeBatch(db, batch).finally(() => {
    buffer.flushing = null;
  });
  await buffer.flushing;
}

async function writeBatch(db: Db, batch: AuditEntry[]): Promise<void> {
  try {
    for (let i = 0; i < batch.length; i += FLUSH_BATCH) {
      await db.auditEvent.createMany({
        data: batch.slice(i, i + FLUSH_BATCH).map((e) => ({
          at: e.at!,
          action: e.action,
          actorUserId: e.actorUserId,
          via: e.via,
          tokenId: e.tokenId ?? null,
          characterId: e.characterId ?? null,
          targetUserId: e.targetUserId ?? null,
          detail: clip(e.detail) ?? "",
          address: clip(e.address),
        })),
      });
    }
  } catch (error) {
    logger().error(
      { events: batch.length },
      `audit: ${batch.length} event(s) could not be written: ${(error as Error).name}`,
    );
  }
}

/** Flush one database's buffer and stop its timer: the client is about to disconnect. */
export async function closeAuditBuffer(db: Db): Promise<void> {
  const buffer = buffers.get(db);
  if (!buffer) return;
  clearInterval(buffer.timer);
  await flushAudit(db);
  buffers.delete(db);
}

/** Flush every buffer and stop the timers: the process is shutting down. */
export async function closeAuditBuffers(): Promise<void> {
  for (const db of [...buffers.keys()]) await closeAuditBuffer(db);
}

/** How many events this process dropped for a full buffer (exposed for the docs' trade-off and tests). */
export function droppedAuditEvents(db: Db): number {
  return buffers.get(db)?.dropped ?? 0;
}
