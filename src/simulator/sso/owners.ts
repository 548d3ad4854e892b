// Owner hashes: EVE's way of telling an app that a character changed hands. The
// hash is stable for a character on one account and changes on every transfer,
// so it derives from the seed, the account, the character and a transfer count.
import { createHash } from "node:crypto";
import { findAnyCharacter } from "../data/characters";

export class OwnerRegistry {
  private readonly transfers: Map<number, number>;

  constructor(
    private readonly seed: number,
    transfers: Readonly<Record<string, number>> = {},
    private readonly onChange: () => void = () => {},
  ) {
    this.transfers = new Map(Object.entries(transfers).map(([id, count]) => [Number(id), count]));
  }

  transferCount(characterId: number): number {
    return this.transfers.get(characterId) ?? 0;
  }

  /** 28-character base64 of a SHA-1, the same length and alphabet as CCP's hashes. */
  hash(characterId: number): string {
    const character = findAnyCharacter(characterId);
    if (!character) throw new Error(`Character ${characterId} is not in the simulator's roster`);
    const material = `memberaudit-sim|${this.seed}|${character.account}|${characterId}|${this.transferCount(characterId)}`;
    return createHash("sha1").update(material).digest("base64");
  }

  /** Moves the character to a new (unnamed) account and returns its new hash. */
  transfer(characterId: number): string {
    if (!findAnyCharacter(characterId)) throw new Error(`Character ${characterId} is not simulated`);
    this.transfers.set(characterId, this.transferCount(characterId) + 1);
    this.onChange();
    return this.hash(characterId);
  }

  toJSON(): Record<string, number> {
    return Object.fromEntries([...this.transfers].map(([id, count]) => [String(id), count]));
  }
}
