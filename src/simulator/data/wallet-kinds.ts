// What a character does with its wallet, by archetype: the kinds of activity and
// their weights.
import type { Archetype } from "./profile";

export type Kind =
  | "sell"
  | "buy"
  | "bounty"
  | "mission"
  | "donation"
  | "contract"
  | "industry"
  | "planetary"
  | "insurance"
  | "corp"
  | "goal"
  | "skill";

export const KIND_WEIGHTS: Record<Archetype, readonly (readonly [Kind, number])[]> = {
  industrialist: [
    ["sell", 30],
    ["buy", 25],
    ["industry", 25],
    ["planetary", 8],
    ["contract", 6],
    ["donation", 3],
    ["goal", 3],
  ],
  researcher: [
    ["industry", 40],
    ["sell", 20],
    ["buy", 20],
    ["planetary", 10],
    ["contract", 5],
    ["donation", 5],
  ],
  miner: [
    ["sell", 45],
    ["buy", 10],
    ["planetary", 15],
    ["donation", 10],
    ["corp", 10],
    ["goal", 10],
  ],
  hauler: [
    ["contract", 50],
    ["sell", 15],
    ["buy", 15],
    ["donation", 10],
    ["insurance", 5],
    ["goal", 5],
  ],
  trader: [
    ["sell", 45],
    ["buy", 45],
    ["contract", 5],
    ["donation", 5],
  ],
  hunter: [
    ["bounty", 30],
    ["sell", 15],
    ["buy", 20],
    ["insurance", 15],
    ["donation", 10],
    ["contract", 10],
  ],
  ratter: [
    ["bounty", 60],
    ["mission", 10],
    ["sell", 10],
    ["buy", 10],
    ["insurance", 5],
    ["goal", 5],
  ],
  newbie: [
    ["mission", 35],
    ["bounty", 20],
    ["goal", 15],
    ["buy", 15],
    ["skill", 10],
    ["donation", 5],
  ],
};
