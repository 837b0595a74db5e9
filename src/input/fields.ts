import { z } from "../zod.js";
import { Decimal } from "../decimal.js";
import { foldName, INVISIBLE } from "../model/define-plan.js";
import { DECIMAL_PATTERN, ISO_DATE_PATTERN, IsoDate } from "../model/text.js";
import { quoted } from "../safe-text.js";
import { TaskStatus } from "../model/records.js";

/**
 * What reading one field gives: the normalised value, or why it cannot be read. `note` says how a cell written
 * another way than the canonical one (a decimal comma, a % sign, a day/month/year date) was read; `percent` is
 * set when a value carried a % sign, which only an indicator measured in percent may have.
 */
export type Reading<T> = { readonly ok: true; readonly value: T; readonly note?: string; readonly percent?: true } | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const no = (reason: string): Reading<never> => ({ ok: false, reason });

/**
 * Shows a given value the way it was written: text in quotes (with JSON's escapes, and cut, saying how long it was,
 * when longer than a message should quote), numbers and booleans bare.
 */
export function shown(value: unknown): string {
  if (typeof value === "string") return quoted(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value === null) return String(value);
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : String(value);
}

/** A decimal comma: no dot, one comma, and after it one, two, or four and more digits, never exactly three (`1,234` may be thousands). */
const DECIMAL_COMMA = /^-?\d+,(?:\d{1,2}|\d{4,})$/;
/** Thousands grouped with dots and a decimal comma, as Vietnamese writes them: `1.234,5`, `1.234.567,89`. */
const GROUPED_DECIMAL_COMMA = /^-?\d{1,3}(?:\.\d{3})+,\d+$/;
/** A figure followed by a % sign, spaces (a no-break space too) allowed between. */
const PERCENT_SIGN = /^(.*?)\s*%$/su;
/** Day/month/year, the Vietnamese convention: one or two digits for the day and the month, four for the year, one separator throughout. */
const DAY_MONTH_YEAR = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
/** Year first with slashes or dots: not a form Vietnam or ISO 8601 writes dates in. */
const YEAR_FIRST = /^(\d{4})([/.])(\d{1,2})\2(\d{1,2})$/;
const DIGITS = /^\d+$/;

function readText(name: string) {
  return (input: unknown): Reading<string> => (typeof input === "string" ? ok(input.trim()) : no(`${name} ${shown(input)} must be text`));
}

/** Whether a name shows something: it holds a character other than spaces and invisible ones. */
export function isVisibleName(text: string): boolean {
  // What foldName leaves of a name is empty exactly when the name holds nothing but these: asked on every row of a
  // file, the test stops at the first character that shows (most often the first, a printable ASCII one), without
  // folding the name.
  const first = text.charCodeAt(0);
  return (first > 32 && first < 127) || VISIBLE.test(text);
}

/** A character that is neither a space nor one foldName removes as invisible. */
const VISIBLE = new RegExp(`[^\\s${INVISIBLE.source.slice(1, -1)}]`, "u");

/** A locality: text that shows something, since one of only invisible characters would be a place no one can read. */
function readLocality(input: unknown): Reading<string> {
  const text = readText("locality")(input);
  if (!text.ok || isVisibleName(text.value)) return text;
  return no(`locality ${shown(input)} holds only invisible characters: leave it empty for the whole city, or write the place's name`);
}

function readId(name: string) {
  return (input: unknown): Reading<string> =>
    typeof input === "string" ? ok(input.trim()) : no(`${name} ${shown(input)} must be an id such as ${name === "task" ? "T-1.2" : "PL2-1"}`);
}

function readYear(name: string) {
  return (input: unknown): Reading<number> => {
    const text = typeof input === "string" ? input.trim() : undefined;
    const year = typeof input === "number" ? input : text !== undefined && DIGITS.test(text) ? Number(text) : Number.NaN;
    return Number.isInteger(year) && year >= 1900 && year <= 2200 ? ok(year) : no(`${name} must be a year such as 2025, not ${shown(input)}`);
  };
}

/**
 * A decimal string or a finite JS number, normalised to a decimal string (`"60.50"` → `"60.5"`), always in
 * plain notation however many digits it has. Read too, each with a note saying how: a decimal comma
 * (`"60,5"` → 60.5, `"0,77"` → 0.77) unless exactly three digits follow it (`"1,234"` is 1.234 in Vietnamese
 * and 1234 in English, so it is refused); thousands dots with a decimal comma (`"1.234,5"` → 1234.5); a
 * trailing % sign (`"60%"`, `"62,5 %"`), which {@link checkObservation} allows only on an indicator measured in
 * percent. Other forms a clerk's spreadsheet gives (`1,234.5`, `1.200.000`, `1 200`, `6.25e1`, `=SUM(…)`) are
 * refused with the way to write them, never guessed at.
 *
 * @example
 * readValue("62,5 %"); //=> { ok: true, value: "62.5", percent: true, note: 'value "62,5 %" is read as 62.5 (…)' }
 */
export function readValue(input: unknown): Reading<string> {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return no(`value ${shown(input)} is not a finite number`);
    return ok(decimalText(String(input)));
  }
  if (typeof input !== "string") return no(`value ${shown(input)} is not a number`);
  const text = input.trim();
  if (DECIMAL_PATTERN.test(text)) return ok(decimalText(text));
  const sign = PERCENT_SIGN.exec(text);
  const figure = sign ? (sign[1] as string) : text;
  const read = DECIMAL_PATTERN.test(figure) ? { value: decimalText(figure), how: [] } : readMarks(figure);
  if (!read) return no(`value ${shown(input)} ${valueProblem(figure)}`);
  const how = [...read.how, ...(sign ? ["the % sign left out"] : [])];
  return { ok: true, value: read.value, note: valueNote(input, read.value, how), ...(sign ? { percent: true as const } : {}) };
}

/** The note on a value written another way than the canonical one: the text given, how it was read and why. */
export function valueNote(input: unknown, value: string, how: readonly string[]): string {
  return `value ${shown(input)} is read as ${value} (${how.join("; ")})`;
}

/** How a decimal comma is read, as a value's note says it. */
export const DECIMAL_COMMA_READ = "the comma is the decimal mark, as Vietnamese writes it";

/** A figure written with the Vietnamese decimal comma (and thousands dots), with how it was read; undefined for any other text. */
function readMarks(figure: string): { value: string; how: string[] } | undefined {
  if (DECIMAL_COMMA.test(figure)) return { value: decimalText(figure.replace(",", ".")), how: [DECIMAL_COMMA_READ] };
  if (GROUPED_DECIMAL_COMMA.test(figure))
    return { value: decimalText(figure.replaceAll(".", "").replace(",", ".")), how: ["the dots group thousands and the comma is the decimal mark, as Vietnamese writes it"] };
  return undefined;
}

/** Decimal notation without an exponent: decimal.js would write `1e+1500` for a 1501-digit integer. */
const decimalText = (text: string) => new Decimal(text).toFixed();

/** Why a figure that is not read is refused, with how to write it when something better can be said. */
function valueProblem(text: string): string {
  if (/^-?\d+,\d{3}$/.test(text))
    return `is ambiguous, a decimal comma or a thousands separator: write ${text.replace(",", ".")} if the comma is the decimal mark, or ${text.replace(",", "")} if it separates thousands`;
  return `is not a number${valueHint(text)}`;
}

/** How to write a value that is nearly a number, after a colon; empty when nothing better can be said. */
function valueHint(text: string): string {
  if (/^-?\d{1,3}(?:\.\d{3}){2,}$/.test(text)) return `: write it without thousands separators and with a dot for decimals, e.g. ${text.replaceAll(".", "")}`;
  if (/^-?\d{1,3}(?:(?:,\d{3})+\.\d+|(?:,\d{3}){2,})$/.test(text)) return `: write it without thousands separators, e.g. ${text.replaceAll(",", "")}`;
  if (/^-?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$/.test(text))
    return `: write it without spaces between the digits, e.g. ${text.replace(/[ \u00a0\u202f]/g, "").replace(",", ".")}`;
  if (text.startsWith("=")) return ": it is a spreadsheet formula; save the figure it computes instead";
  return "";
}

const YES = new Set(["true", "yes", "1", "có", "co", "đạt", "dat"]);
const NO = new Set(["false", "no", "0", "không", "khong", "không đạt", "khong dat", "chưa đạt", "chua dat"]);

/** A boolean, 1 or 0, or one of the words true/false, yes/no, 1/0, có/không, đạt/không đạt (any case). */
function readMet(input: unknown): Reading<boolean> {
  if (typeof input === "boolean") return ok(input);
  const word = typeof input === "number" ? String(input) : typeof input === "string" ? foldName(input) : undefined;
  if (word !== undefined && YES.has(word)) return ok(true);
  if (word !== undefined && NO.has(word)) return ok(false);
  return no(`met ${shown(input)} is not yes or no: write yes/no, true/false, 1/0 or có/không`);
}

/**
 * A date written `YYYY-MM-DD`, or day/month/year as Vietnam writes dates (`31/12/2025`, `9/6/2025`, `31-12-2025`,
 * `31.12.2025`), read as ISO with a note. A date that does not exist is refused, as is a year-first date with
 * slashes or dots (`2025/12/31`), which is neither form.
 *
 * @example
 * readDate("reportedOn")("09/06/2025"); //=> { ok: true, value: "2025-06-09", note: 'reportedOn "09/06/2025" is read as 2025-06-09 (…)' }
 */
export function readDate(name: string) {
  return (input: unknown): Reading<string> => {
    if (typeof input !== "string") return no(`${name} ${shown(input)} is not a date such as 2025-06-09`);
    const text = input.trim();
    if (IsoDate.safeParse(text).success) return ok(text);
    if (ISO_DATE_PATTERN.test(text)) return no(`${name} ${shown(input)} is not a real date`);
    const dmy = DAY_MONTH_YEAR.exec(text);
    if (dmy) {
      const [, day = "", , month = "", year = ""] = dmy;
      const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
      if (IsoDate.safeParse(iso).success) return { ok: true, value: iso, note: `${name} ${shown(input)} is read as ${iso} (day/month/year, the Vietnamese convention)` };
      const swapped = `${year}-${day.padStart(2, "0")}-${month.padStart(2, "0")}`;
      const hint = Number(month) > 12 && IsoDate.safeParse(swapped).success ? `; if it is month/day/year, write it as ${swapped}` : "";
      return no(`${name} ${shown(input)} is not a real date: read as day/month/year (the Vietnamese convention), it would be day ${Number(day)} of month ${Number(month)} of ${year}${hint}`);
    }
    const ymd = YEAR_FIRST.exec(text);
    if (ymd) {
      const [, year = "", , month = "", day = ""] = ymd;
      const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
      const hint = IsoDate.safeParse(iso).success ? `: write it as ${iso} if it is year/month/day` : "";
      return no(`${name} ${shown(input)} is not a date written as YYYY-MM-DD or day/month/year${hint}`);
    }
    return no(`${name} ${shown(input)} is not a date written as YYYY-MM-DD, e.g. 2025-06-09, or day/month/year, e.g. 09/06/2025`);
  };
}

/** Task statuses as Vietnamese reports word them, without diacritics (`Hoàn thành`, `hoan thanh` and `Đã hoàn thành` alike). */
const STATUS_WORDS: ReadonlyMap<string, TaskStatus> = new Map([
  ["hoan thanh", "completed"],
  ["da hoan thanh", "completed"],
  ["dang thuc hien", "in-progress"],
  ["dang trien khai", "in-progress"],
  ["chua thuc hien", "not-started"],
  ["chua trien khai", "not-started"],
  ["chua bat dau", "not-started"],
  ["huy", "cancelled"],
  ["da huy", "cancelled"],
  ["huy bo", "cancelled"],
  ["da huy bo", "cancelled"],
]);

/** A phrase folded for comparison: lower case, without diacritics (đ as d), single spaces. */
function withoutDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/[đĐ]/gu, "d").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * `completed`, `In progress`, `not_started` … : case, spaces and underscores do not matter. The Vietnamese
 * words are read too: hoàn thành, đã hoàn thành (completed); đang thực hiện, đang triển khai (in-progress);
 * chưa thực hiện, chưa triển khai, chưa bắt đầu (not-started); hủy, đã hủy, hủy bỏ (cancelled), with or without diacritics.
 */
function readStatus(input: unknown): Reading<TaskStatus> {
  const word = typeof input === "string" ? input.trim().toLowerCase().replace(/[\s_]+/g, "-") : undefined;
  const status = TaskStatus.safeParse(word);
  if (status.success) return ok(status.data);
  const vietnamese = typeof input === "string" ? STATUS_WORDS.get(withoutDiacritics(input)) : undefined;
  return vietnamese ? ok(vietnamese) : no(`status ${shown(input)} is not one of ${TaskStatus.options.join(", ")}`);
}

/** A field read by `read`: its value, or an issue with the reason (and the value given). */
function field<T>(read: (input: unknown) => Reading<T>) {
  return z.pipe(
    z.unknown(),
    z.transform((input, ctx) => {
      const reading = read(input);
      if (reading.ok) return reading.value;
      ctx.issues.push({ code: "custom", message: reading.reason, input });
      return z.NEVER;
    }),
  );
}

function required<T>(name: string, read: (input: unknown) => Reading<T>, why = "") {
  return field((input) => (input === undefined ? no(`${name} is missing${why}`) : read(input)));
}

function optional<T>(read: (input: unknown) => Reading<T>) {
  return z.optional(field(read));
}

/**
 * The fields of an observation as apps and files give them: ids and text trimmed, `period` a year as a
 * number or digits, `value` a decimal string or JS number, `met` a boolean or a yes/no word.
 */
export const ObservationFields = z.object({
  indicator: required("indicator", readId("indicator")),
  period: required("period", readYear("period")),
  value: optional(readValue),
  met: optional(readMet),
  unit: optional(readText("unit")),
  locality: optional(readLocality),
  source: optional(readText("source")),
  reportedOn: optional(readDate("reportedOn")),
});

/** The fields of a task report as apps and files give them: `status` in any case or spacing, or in Vietnamese words (see readStatus). */
export const TaskReportFields = z.object({
  task: required("task", readId("task")),
  status: required("status", readStatus),
  period: optional(readYear("period")),
  reportedOn: required("reportedOn", readDate("reportedOn"), ": a report is judged by the date it was sent"),
  completedOn: optional(readDate("completedOn")),
  evidence: optional(readText("evidence")),
});

/**
 * A cell's text as a string of its own. A cell cut from a chunk of a stream (a megabyte of text) may be held as a view
 * of the whole chunk: a record kept from every chunk (rejected, or a locality's first spelling) would keep the whole
 * file in memory. Copied by joining to one more character and cutting it off, which leaves a view of that copy alone.
 */
export function detached(cell: string): string {
  return cell.length < 13 ? cell : ` ${cell}`.slice(1);
}
