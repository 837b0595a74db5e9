import { Decimal } from "../decimal.js";
import type { Target, TargetMember } from "../model/target.js";
import { DECIMAL_PATTERN, type Lang } from "../model/text.js";

/**
 * A decimal string as a reader of the language writes it: a decimal comma in Vietnamese (`0,77`), a point in English;
 * whole numbers of five digits or more grouped by thousands (`1.200.000`, `1,200,000`). With `places`, rounded half to
 * even to at most that many decimals (a small change keeps three significant digits): for values the library works
 * out, never for a figure as reported. Text that is not a decimal is returned as it is.
 *
 * @example
 * formatDecimal("0.966667", "vi", 2); //=> "0,967" (below 1: three significant digits)
 * formatDecimal("9.166667", "vi", 2); //=> "9,17"
 * formatDecimal("1200000", "en"); //=> "1,200,000"
 */
export function formatDecimal(value: string, lang: Lang, places?: number): string {
  if (!DECIMAL_PATTERN.test(value)) return value;
  let text = value;
  if (places !== undefined) {
    const d = new Decimal(value);
    const abs = d.abs();
    const rounded = abs.isZero() || abs.gte(1) ? d.toDecimalPlaces(places, Decimal.ROUND_HALF_EVEN) : d.toSignificantDigits(3, Decimal.ROUND_HALF_EVEN);
    text = rounded.toFixed();
  }
  const negative = text.startsWith("-");
  const unsigned = negative ? text.slice(1) : text;
  const dot = unsigned.indexOf(".");
  const whole = dot < 0 ? unsigned : unsigned.slice(0, dot);
  const fraction = dot < 0 ? "" : unsigned.slice(dot + 1);
  const group = lang === "vi" ? "." : ",";
  const grouped = whole.length >= 5 ? whole.replace(/\B(?=(\d{3})+$)/g, group) : whole;
  return `${negative ? "-" : ""}${grouped}${fraction ? `${lang === "vi" ? "," : "."}${fraction}` : ""}`;
}

/**
 * A `YYYY-MM-DD` date as a reader of the language writes it: `26/11/2026` in Vietnamese, unchanged in English.
 *
 * @example
 * formatIsoDate("2026-11-26", "vi"); //=> "26/11/2026"
 */
export function formatIsoDate(date: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return lang === "vi" && match ? `${match[3]}/${match[2]}/${match[1]}` : date;
}

/** The unit written after a figure of a measure: `%` for percentages, `%/năm` for growth rates; none for others. */
export function unitAfter(measure: unknown, lang: Lang): string {
  if (measure === "percent") return "%";
  if (measure === "growth") return lang === "vi" ? "%/năm" : "% a year";
  return "";
}

/** Figures of a yes/no indicator as the observation table writes them, both languages in one text. */
const MET_WORDS: Readonly<Record<string, { vi: string; en: string }>> = {
  "đạt/met": { vi: "đạt", en: "met" },
  "không đạt/not met": { vi: "không đạt", en: "not met" },
};

/**
 * A reported figure in words: a decimal written the language's way with its unit (`58,5%`), met or not met of a
 * yes/no indicator, or an observation (`{ value }` or `{ met }`).
 *
 * @example
 * figureWords("58.5", "percent", "vi"); //=> "58,5%"
 * figureWords({ met: true }, "qualitative", "en"); //=> "met"
 */
export function figureWords(figure: unknown, measure: unknown, lang: Lang): string | undefined {
  if (figure !== null && typeof figure === "object") {
    const o = figure as { value?: unknown; met?: unknown };
    if (typeof o.met === "boolean") return lang === "vi" ? (o.met ? "đạt" : "không đạt") : o.met ? "met" : "not met";
    return figureWords(o.value, measure, lang);
  }
  if (typeof figure !== "string") return undefined;
  const met = Object.hasOwn(MET_WORDS, figure) ? MET_WORDS[figure] : undefined;
  if (met) return met[lang];
  return DECIMAL_PATTERN.test(figure) ? `${formatDecimal(figure, lang)}${unitAfter(measure, lang)}` : figure;
}

/** Strips what the wording says that the message says itself: "phấn đấu", "đạt". */
function bare(raw: string): string {
  return raw.replace(/^\s*(?:phấn đấu\s+)?(?:đạt\s+)?/iu, "").trim();
}

type Simple = Pick<TargetMember, "raw" | "kind" | "value" | "min" | "max" | "label">;

function simpleWords(t: Simple, measure: unknown, lang: Lang): string {
  const n = (v: string | undefined) => (v === undefined ? "—" : formatDecimal(v, lang));
  const unit = unitAfter(measure, lang);
  switch (t.kind) {
    case "atLeast":
      return `≥ ${n(t.value)}${unit}`;
    case "greaterThan":
      return `> ${n(t.value)}${unit}`;
    case "atMost":
      return `≤ ${n(t.value)}${unit}`;
    case "lessThan":
      return `< ${n(t.value)}${unit}`;
    case "exactly":
      return `${n(t.value)}${unit}`;
    case "range":
      return lang === "vi" ? `từ ${n(t.min)} đến ${n(t.max)}${unit}` : `${n(t.min)} to ${n(t.max)}${unit}`;
    case "rankAtMost":
      // The document's words say whose top it is ("toàn quốc", "các địa phương dẫn đầu"); English has the rank.
      return lang === "vi" ? bare(t.raw) : `top ${n(t.value)}`;
    case "none":
      return "—";
    case "qualitative":
      return lang === "vi" ? bare(t.raw) : `«${t.raw.trim()}»`;
  }
}

/**
 * A target as a message says it: `≥ 60%`, `từ 62 đến 65%`, `top 3`; the document's own words for a rank or a
 * target that is not a number (verbatim, quoted, in English); a target of several parts with whom each binds. A
 * Vietnamese wording's "phấn đấu" and "đạt" are left to the message, which says them itself.
 *
 * @example
 * targetWords({ year: 2025, raw: "≥ 60", kind: "atLeast", value: "60", aspirational: false }, "percent", "vi"); //=> "≥ 60%"
 */
export function targetWords(target: Target, measure: unknown, lang: Lang): string {
  if (target.kind === "parts" && target.parts)
    return target.parts.map((m) => `${simpleWords(m, measure, lang)}${m.label ? ` (${lang === "vi" ? m.label.vi : (m.label.en ?? m.label.vi)})` : ""}`).join("; ");
  if (target.kind === "alternatives" && target.alternatives)
    return target.alternatives.map((m) => simpleWords(m, measure, lang)).join(lang === "vi" ? " hoặc " : " or ");
  return simpleWords(target as Simple, measure, lang);
}

/** What a task's report says of it, in words. */
export const TASK_STATUS_WORDS: Readonly<Record<string, { vi: string; en: string }>> = {
  "not-started": { vi: "chưa bắt đầu", en: "not started" },
  "in-progress": { vi: "đang thực hiện", en: "in progress" },
  completed: { vi: "đã hoàn thành", en: "completed" },
  cancelled: { vi: "đã hủy", en: "cancelled" },
};
