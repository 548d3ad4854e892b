// ESI response bodies as typed by openapi-typescript from CCP's spec, so the
// generators cannot drift from the wire format without failing to compile.
import type { paths } from "../../server/esi/openapi/esi";

type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : never;
type Success<Op> = Op extends { responses: infer R }
  ? R extends { 200: infer Ok }
    ? JsonOf<Ok>
    : R extends { 201: infer Created }
      ? JsonOf<Created>
      : never
  : never;

export type EsiGet<P extends keyof paths> = Success<paths[P]["get"]>;
export type EsiPost<P extends keyof paths> = Success<paths[P]["post"]>;
/** One element of an array body. */
export type EsiItem<P extends keyof paths> = EsiGet<P> extends readonly (infer T)[] ? T : never;
