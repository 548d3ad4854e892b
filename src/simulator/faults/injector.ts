// Active fault rules and the seeded dice that decide when they fire. Each rule
// rolls its own stream (seed + rule id), so a run with the same seed, rules and
// request order injects the same faults, and adding a rule never shifts the
// dice of another.
import { type FaultKind, type FaultRule, parseFaultRule } from "./rule";

export interface ActiveFault extends FaultRule {
  readonly id: string;
  injected: number;
}

/** What a request is, for matching rules against it. */
export interface FaultTarget {
  readonly method: string;
  /** The route's template, e.g. "/characters/{character_id}/assets". */
  readonly template: string;
  /** The normalised request path, e.g. "/characters/2112000001/assets". */
  readonly path: string;
  readonly characterId: number | undefined;
}

/** mulberry32: tiny, fast and good enough for fault dice. */
function dice(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function routeMatches(pattern: string | undefined, target: FaultTarget): boolean {
  if (pattern === undefined || pattern === "*") return true;
  if (pattern.endsWith("*")) {
    const prefix = pattern.slice(0, -1);
    return target.template.startsWith(prefix) || target.path.startsWith(prefix);
  }
  // A template names a route; anything else is one concrete resource.
  return pattern.includes("{") ? pattern === target.template : pattern === target.path;
}

export class FaultInjector {
  private readonly rules: { fault: ActiveFault; roll: () => number }[] = [];
  private nextId = 1;

  constructor(private readonly seed: number) {}

  /** `input` is checked field by field, so rules from HTTP bodies need no prior validation. */
  add(input: unknown): { id: string } {
    const rule = parseFaultRule(input);
    const id = String(this.nextId++);
    this.rules.push({
      fault: { ...rule, id, injected: 0 },
      roll: dice(Math.imul(this.seed, 0x9e3779b1) ^ Math.imul(Number(id), 0x85ebca6b)),
    });
    return { id };
  }

  remove(id: string): boolean {
    const index = this.rules.findIndex((rule) => rule.fault.id === id);
    if (index >= 0) this.rules.splice(index, 1);
    return index >= 0;
  }

  clear(): number {
    return this.rules.splice(0).length;
  }

  list(): ActiveFault[] {
    return this.rules.map(({ fault }) => ({ ...fault }));
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  /** The rule's own dice, for a fault that needs more chances than whether it fires (drift picks items with it). */
  dice(id: string): () => number {
    const rule = this.rules.find((r) => r.fault.id === id);
    return rule ? rule.roll : Math.random;
  }

  /** The first rule of one of `kinds` that matches and wins its roll; it counts as injected. */
  pick(target: FaultTarget, kinds: ReadonlySet<FaultKind>): ActiveFault | undefined {
    for (const { fault, roll } of this.rules) {
      if (!kinds.has(fault.kind)) continue;
      if (fault.count !== undefined && fault.injected >= fault.count) continue;
      if (fault.method !== undefined && fault.method !== target.method) continue;
      if (fault.characterId !== undefined && fault.characterId !== target.characterId) continue;
      if (!routeMatches(fault.route, target)) continue;
      const rate = fault.rate ?? 1;
      if (rate < 1 && roll() >= rate) continue;
      fault.injected++;
      return fault;
    }
    return undefined;
  }
}
