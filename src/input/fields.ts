import { z } from "zod";
import { Decimal } from "../decimal.js";
import { foldName } from "../model/define-plan.js";
import { IsoDate } from "../model/text.js";
import { TaskStatus } from "./records.js";

/** What reading one field gives: the normalised value, or why it cannot be read. */
type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T): Reading<T> => ({ ok: true, value });
const no = (reason: string): Reading<never> => ({ ok: false, reason });

/** Shows a given value the way it was written: text in quotes, numbers and booleans bare. */
export function shown(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint" || value === null) return String(value);
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "an object" : String(value);
}

const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;
const DIGITS = /^\d+$/;

function readText(name: string) {
  return (input: unknown): Reading<string> => (typeof input === "string" ? ok(input.trim()) : no(`${name} ${shown(input)} must be text`));
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
 * plain notation however many digits it has. Forms a clerk's spreadsheet gives (`60,5`, `60%`, `1.234,5`,
 * `1,234.5`, `1 200`, `=SUM(…)`) are refused with the way to write them, never guessed at.
 */
function readValue(input: unknown): Reading<string> {
  if (typeof input === "number") {
    if (!Number.isFinite(input)) return no(`value ${shown(input)} is not a finite number`);
    return ok(decimalText(String(input)));
  }
  if (typeof input !== "string") return no(`value ${shown(input)} is not a number`);
  const text = input.trim();
  if (DECIMAL.test(text)) return ok(decimalText(text));
  return no(`value ${shown(input)} is not a number${valueHint(text)}`);
}

/** Decimal notation without an exponent: decimal.js would write `1e+1500` for a 1501-digit integer. */
const decimalText = (text: string) => new Decimal(text).toFixed();

/** How to write a value that is nearly a number, after a colon; empty when nothing better can be said. */
function valueHint(text: string): string {
  if (/^-?\d{1,3}(?:(?:\.\d{3}){2,}(?:,\d+)?|(?:\.\d{3})+,\d+)$/.test(text))
    return `: write it without thousands separators and with a dot for decimals, e.g. ${text.replaceAll(".", "").replace(",", ".")}`;
  if (/^-?\d{1,3}(?:(?:,\d{3})+\.\d+|(?:,\d{3}){2,})$/.test(text)) return `: write it without thousands separators, e.g. ${text.replaceAll(",", "")}`;
  if (/^-?\d{1,3},\d{3}$/.test(text))
    return `: write ${text.replace(",", ".")} if the comma is the decimal mark, or ${text.replace(",", "")} if it separates thousands`;
  if (/^-?\d+,\d+$/.test(text)) return `: write the decimal mark as a dot, e.g. ${text.replace(",", ".")}`;
  if (/^-?\d+(\.\d+)?\s*%$/.test(text)) return ": leave out the % sign";
  if (/^-?\d+,\d+\s*%$/.test(text)) return `: leave out the % sign and write the decimal mark as a dot, e.g. ${text.replace(/\s*%$/, "").replace(",", ".")}`;
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

function readDate(name: string) {
  return (input: unknown): Reading<string> => {
    if (typeof input !== "string") return no(`${name} ${shown(input)} is not a date such as 2025-06-09`);
    const text = input.trim();
    if (IsoDate.safeParse(text).success) return ok(text);
    return no(DATE_SHAPE.test(text) ? `${name} ${shown(input)} is not a real date` : `${name} ${shown(input)} is not a date written as YYYY-MM-DD, e.g. 2025-06-09`);
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

function required<T>(name: string, read: (input: unknown) => Reading<T>) {
  return z.unknown().transform((input, ctx) => {
    const reading = input === undefined ? no(`${name} is missing`) : read(input);
    if (reading.ok) return reading.value;
    ctx.addIssue({ code: "custom", message: reading.reason, input });
    return z.NEVER;
  });
}

function optional<T>(read: (input: unknown) => Reading<T>) {
  return z
    .unknown()
    .transform((input, ctx) => {
      const reading = read(input);
      if (reading.ok) return reading.value;
      ctx.addIssue({ code: "custom", message: reading.reason, input });
      return z.NEVER;
    })
    .optional();
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
  locality: optional(readText("locality")),
  source: optional(readText("source")),
  reportedOn: optional(readDate("reportedOn")),
});

/** The fields of a task report as apps and files give them: `status` in any case or spacing, or in Vietnamese words (see readStatus). */
export const TaskReportFields = z.object({
  task: required("task", readId("task")),
  status: required("status", readStatus),
  period: optional(readYear("period")),
  reportedOn: optional(readDate("reportedOn")),
  completedOn: optional(readDate("completedOn")),
  evidence: optional(readText("evidence")),
});
