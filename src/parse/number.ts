import { Decimal } from "../decimal.js";

/**
 * Reads a number as Vietnamese documents write it: `,` is the decimal mark and `.` groups thousands
 * (`"0,77"` → `"0.77"`, `"1.200"` → `"1200"`, `"07"` → `"7"`). Returns a normalised decimal string,
 * or `undefined` when the text is not such a number (a dot followed by other than three digits is
 * ambiguous and refused).
 */
export function parseVietnameseNumber(text: string): string | undefined {
  const t = text.trim();
  const m = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(t);
  if (!m) return undefined;
  const whole = (m[1] as string).replaceAll(".", "");
  // toFixed, not toString: decimal.js would write a number of more than 1000 digits with an exponent.
  return new Decimal(m[2] ? `${whole}.${m[2]}` : whole).toFixed();
}
