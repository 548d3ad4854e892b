// Bounded input types (issue 11, finding 1): every value a procedure accepts must fit the
// column or domain that receives it, so that an out-of-range value is the caller's
// BAD_INPUT naming the field, never a database error answered as 500. Domain input schemas
// and the cursors use them too, which is why they live with the paging foundation.
import { z } from "zod";

const INT32_MAX = 2_147_483_647;
const INT64_MAX = 9_223_372_036_854_775_807n;
const YEAR_MS = 365.25 * 24 * 3600 * 1000;
/** How far from now a date may be: beyond that no EVE date makes sense, and PostgreSQL or JS may not hold it. */
export const DATE_RANGE_YEARS = 100;

/** Characters, corporations, alliances, types, systems: EVE's 32-bit ids (Int columns). */
export const eveId32 = z.number().int().min(1).max(INT32_MAX);

/** A 32-bit id or key that may be 0 (e.g. a mail label id, an offset). */
export const int32 = z.number().int().min(0).max(INT32_MAX);

function fitsInt64(digits: string): boolean {
  return /^\d{1,19}$/.test(digits) && BigInt(digits) <= INT64_MAX;
}

/**
 * Items, mails, contracts, structures, journal entries: 64-bit ids (BigInt columns), as a
 * decimal string. A number is accepted only while it is exact (a safe integer), so no id
 * silently becomes its neighbour.
 */
export const eveId64 = z
  .union([z.string().max(20), z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)])
  .transform((value) => String(value))
  .refine(fitsInt64, { message: "must be a whole number between 0 and 9223372036854775807" });

/** True when the string holds a lone UTF-16 surrogate (not encodable as UTF-8, refused by PostgreSQL). */
function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

/** Text a person typed: at most `max` characters, no NUL (PostgreSQL text refuses it), no lone surrogates; trimmed. */
export function safeText(max: number, options: { trim?: boolean } = {}) {
  const base = options.trim === false ? z.string().max(max) : z.string().trim().max(max);
  return base
    .refine((s) => !s.includes("\u0000"), { message: "must not contain a NUL character" })
    .refine((s) => !hasLoneSurrogate(s), { message: "must not contain an unpaired surrogate" });
}

export function withinDateRange(ms: number, now = Date.now()): boolean {
  return Number.isFinite(ms) && Math.abs(ms - now) <= DATE_RANGE_YEARS * YEAR_MS;
}

/** A Date within ±100 years of now. */
export const boundedDate = z
  .date()
  .refine((d) => withinDateRange(d.getTime()), { message: `must be within ${DATE_RANGE_YEARS} years of today` });

/** An ISO date string within ±100 years of now (cursor elements). */
export const boundedIsoDate = z
  .string()
  .max(40)
  .refine((s) => withinDateRange(Date.parse(s)), {
    message: `must be a date within ${DATE_RANGE_YEARS} years of today`,
  });

/** A 64-bit id as the decimal string a cursor carries. */
export const int64String = z
  .string()
  .max(20)
  .refine(fitsInt64, { message: "must be a whole number between 0 and 9223372036854775807" });
