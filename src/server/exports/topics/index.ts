// The export topics, one per list section (docs/exports.md, "Topics"), in the page's order.
import { AppError } from "~/server/errors/app-error";
import type { ExportTopic } from "../topic";
import { walletJournal, walletTransactions } from "./wallet";

export const EXPORT_TOPICS: readonly ExportTopic[] = [walletJournal, walletTransactions];

export const EXPORT_TOPIC_NAMES = EXPORT_TOPICS.map((t) => t.name);

export function isExportTopic(name: string): boolean {
  return EXPORT_TOPICS.some((t) => t.name === name);
}

export function exportTopic(name: string): ExportTopic {
  const topic = EXPORT_TOPICS.find((t) => t.name === name);
  if (!topic) throw new AppError("NOT_FOUND", `No export topic ${name}.`);
  return topic;
}
