import { Decimal } from "../../decimal.js";
import type { Lang } from "../../model/text.js";

/**
 * A decimal share of a scorecard (`"0.6728"`) as a percentage with one decimal, written the language's way
 * (`67,3%` in Vietnamese, `67.3%` in English); null as "—". Rounds half to even, as the other renderers do.
 *
 * @example
 * formatScore("0.6728", "vi"); //=> "67,3%"
 * formatScore("1", "en"); //=> "100.0%"
 */
export function formatScore(value: string | null, lang: Lang): string {
  if (value === null) return "—";
  const text = new Decimal(value).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN).toFixed(1);
  return `${lang === "vi" ? text.replace(".", ",") : text}%`;
}

/**
 * A decimal string or a count as a reader of the language writes it: `1.234,5` in Vietnamese, `1,234.5` in
 * English. Integer parts of four digits or fewer are not grouped.
 *
 * @example
 * formatNumber("12500.5", "vi"); //=> "12.500,5"
 * formatNumber(778, "en"); //=> "778"
 */
export function formatNumber(value: string | number, lang: Lang): string {
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign, whole = "", fraction] = match;
  const [group, point] = lang === "vi" ? [".", ","] : [",", "."];
  const grouped = whole.length > 4 ? whole.replace(/\B(?=(\d{3})+$)/g, group) : whole;
  return `${sign}${grouped}${fraction === undefined ? "" : `${point}${fraction}`}`;
}
