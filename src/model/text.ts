import { z } from "../zod.js";

/** Text in Vietnamese, verbatim from the source document (whitespace runs folded), with an English translation. */
export const LocalizedText = z.object({
  vi: z.string().check(z.minLength(1)),
  en: z.string().check(z.minLength(1)),
});
export type LocalizedText = z.Infer<typeof LocalizedText>;

/** The languages every text of the library is written in: Vietnamese, the source's, and English. */
export const LANGUAGES = ["vi", "en"] as const;
/** A language of the library's texts: `vi` or `en`. */
export type Lang = (typeof LANGUAGES)[number];

/** A decimal number as text: an optional minus, digits, and a fraction after a dot (`12`, `-0.77`); no exponent. */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** The shape of a date written `YYYY-MM-DD`, whether or not the day exists. */
export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Whether a value is a date written `YYYY-MM-DD` that exists in the calendar (`2024-02-29`, not `2025-02-30`).
 *
 * @example
 * isIsoDate("2025-02-30"); //=> false
 */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== "string" || !ISO_DATE_PATTERN.test(value)) return false;
  const y = Number(value.slice(0, 4));
  const m = Number(value.slice(5, 7));
  const d = Number(value.slice(8, 10));
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A date in the Vietnam calendar, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date();
export type IsoDate = z.Infer<typeof IsoDate>;

/** A decimal number written as a string (`"0.77"`, `"1200"`), read with decimal.js, never a binary float. */
export const DecimalString = z.string().check(z.regex(DECIMAL_PATTERN, "must be a decimal number such as 12 or 0.77"));
export type DecimalString = z.Infer<typeof DecimalString>;

/** Where an entity stands in the source document. */
export const SourceRef = z.object({
  /**
   * The part of the document it is in: one of the plan's `parts` (their ids are the plan's own, such as a section or
   * an appendix), or the id of the amendment that added it.
   */
  part: z.string().check(z.minLength(1)),
  /** 1-based line of the flattened source text (for an entity an amendment added: the change's number in it). */
  line: z.int().check(z.positive()),
});
export type SourceRef = z.Infer<typeof SourceRef>;
