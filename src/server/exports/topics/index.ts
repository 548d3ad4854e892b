// The export topics, one per list section (docs/exports.md, "Topics"), in the page's order.
import { AppError } from "~/server/errors/app-error";
import type { ExportTopic } from "../topic";
import { assets } from "./assets";
import { contractBids, contractItems, contracts } from "./contracts";
import { blueprints, industryJobs, marketOrders, miningLedger, planets } from "./industry";
import { contacts, mailBodies, mails } from "./mail-and-contacts";
import { corporationHistory, killmails, loyalty, notifications, standings } from "./profile";
import { implants, jumpClones, skillQueue, skills } from "./skills-and-clones";
import { walletJournal, walletTransactions } from "./wallet";

export const EXPORT_TOPICS: readonly ExportTopic[] = [
  assets,
  contacts,
  contracts,
  contractItems,
  contractBids,
  mails,
  mailBodies,
  skills,
  skillQueue,
  implants,
  jumpClones,
  walletJournal,
  walletTransactions,
  miningLedger,
  industryJobs,
  marketOrders,
  blueprints,
  killmails,
  loyalty,
  standings,
  planets,
  corporationHistory,
  notifications,
];

export const EXPORT_TOPIC_NAMES = EXPORT_TOPICS.map((t) => t.name);

export function isExportTopic(name: string): boolean {
  return EXPORT_TOPICS.some((t) => t.name === name);
}

export function exportTopic(name: string): ExportTopic {
  const topic = EXPORT_TOPICS.find((t) => t.name === name);
  if (!topic) throw new AppError("NOT_FOUND", `No export topic ${name}.`);
  return topic;
}
