import { DECIMAL_PATTERN, isIsoDate, type LocalizedText } from "../model/text.js";
import type { Target } from "../model/target.js";
import type { FactDefinition } from "../rules/fact-sets.js";
import type { ParameterValue } from "../rules/load.js";
import { figureWords, formatDecimal, formatIsoDate, TASK_STATUS_WORDS, targetWords } from "./figure-words.js";
import type { Subject } from "./subjects.js";

/** What a message is filled with besides the subject: the types of its fact set's facts, and the rules' titles. */
export interface MessageContext {
  readonly facts: Readonly<Record<string, FactDefinition>>;
  /** Titles of the run's rules by id: a list of checks failed is named by them. */
  readonly ruleTitles: ReadonlyMap<string, LocalizedText>;
}

/**
 * Values the library works out to six places (changes per year, ratios): shown rounded to two decimals. Figures as
 * reported are shown in full.
 */
const WORKED_OUT: ReadonlySet<string> = new Set(["actualChangePerYear", "requiredChangePerYear", "progressRatio", "progressScore"]);
/** Changes a year of a figure: a percentage's change is in percentage points, not percent. */
const CHANGES: ReadonlySet<string> = new Set(["actualChangePerYear", "requiredChangePerYear"]);

function changeUnit(measure: unknown, lang: "vi" | "en"): string {
  if (measure !== "percent" && measure !== "growth") return "";
  return lang === "vi" ? " điểm phần trăm" : " percentage points";
}

/** Facts that are figures of the indicator: shown with its unit (`58%`). */
const FIGURES: ReadonlySet<string> = new Set(["observedValue", "setAsideValue", "value", "baselineValue", "latestValue", "targetValue", "conflictingValues"]);

/**
 * Fills `{fact}`, `{param}`, `{name}` (the entity's name), `{label}` (its id and short name) and `{place}` (the whole
 * city or the locality) in a message, each value written the language's way: decimals with a decimal comma and dates
 * `dd/mm/yyyy` in Vietnamese, a figure with its unit, a target and an observation in words, a report's status and a
 * list of checks in words; a missing value shows as "—".
 */
export function fill(template: string, lang: "vi" | "en", subject: Subject, params: Readonly<Record<string, ParameterValue>>, context?: MessageContext): string {
  const parts = templateParts(template);
  if (parts.length === 1) return parts[0] as string;
  // Joined rather than concatenated: a flat string, not a tree of pieces for the garbage collector to trace.
  // One scratch array serves every message (filling one never fills another).
  const pieces = scratch;
  pieces.length = parts.length;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0) pieces[i] = part;
    else {
      pieces[i] =
        part === "name"
          ? subject.name[lang]
          : part === "label"
            ? labelOf(subject, lang)
            : part === "place"
              ? placeOf(subject, lang)
              : shown(part, factOrParameter(subject.facts, params, part), lang, subject.facts, context);
    }
  }
  return pieces.join("");
}

const scratch: string[] = [];

/** `{place}`: the whole city, a locality, or a locality judged against the city's target. */
function placeOf(subject: Subject, lang: "vi" | "en"): string {
  const { locality } = subject;
  if (locality === undefined) return lang === "vi" ? "toàn thành phố" : "the whole city";
  if (subject.benchmark !== true) return locality;
  return lang === "vi" ? `${locality}, đối chiếu với chỉ tiêu của thành phố` : `${locality}, against the city's target`;
}

/** A fact of that name, else the parameter: one look-up when the fact has a value, the common case. */
function factOrParameter(facts: Readonly<Record<string, unknown>>, params: Readonly<Record<string, ParameterValue>>, name: string): unknown {
  const value = facts[name];
  return value !== undefined || name in facts ? value : params[name];
}

const templates = new Map<string, readonly string[]>();

/** A template split once into text and placeholder names, alternating: `["In ", "year", ", …"]`. */
function templateParts(template: string): readonly string[] {
  let parts = templates.get(template);
  if (!parts) {
    parts = template.split(/\{([A-Za-z][A-Za-z0-9]*)\}/);
    templates.set(template, parts);
  }
  return parts;
}

const labels = new WeakMap<LocalizedText, { vi?: string; en?: string }>();

/** The entity's id and the start of its name: `T-2.3 «Tiếp tục tham mưu xây dựng Nghị quyết sửa đổi…»`. */
function labelOf(subject: Subject, lang: "vi" | "en"): string {
  let cached = labels.get(subject.name);
  if (!cached) labels.set(subject.name, (cached = {}));
  let label = cached[lang];
  if (label === undefined) {
    const name = subject.name[lang].replace(/[:.;]+$/, "");
    const cut = name.lastIndexOf(" ", 68);
    const short = name.length <= 70 ? name : `${name.slice(0, cut > 40 ? cut : 68)}…`;
    label = cached[lang] = `${subject.entity} «${short}»`;
  }
  return label;
}

/** A placeholder's value in words, by what its fact is. */
function shown(name: string, value: unknown, lang: "vi" | "en", facts: Readonly<Record<string, unknown>>, context: MessageContext | undefined): string {
  // The year at the present pace reads as a clause: "đạt chỉ tiêu vào năm 2034", or that it is never reached.
  if (name === "yearReachedAtPace" && context?.facts[name]) return paceWords(typeof value === "number" ? value : null, lang);
  if (value === null || value === undefined || value === "") return "—";
  const type = context?.facts[name]?.type;
  if (type === "target" && typeof value === "object") return targetWords(value as Target, facts.measure, lang);
  if (type === "observation" || FIGURES.has(name)) {
    if (Array.isArray(value)) return value.map((v) => figureWords(v, facts.measure, lang) ?? show(v, lang, context)).join("; ");
    const words = figureWords(value, facts.measure, lang);
    if (words !== undefined) return words;
  }
  if (typeof value === "string") {
    if (name === "reportStatus" && Object.hasOwn(TASK_STATUS_WORDS, value)) return TASK_STATUS_WORDS[value]![lang];
    if (WORKED_OUT.has(name)) return `${formatDecimal(value, lang, 2)}${CHANGES.has(name) ? changeUnit(facts.measure, lang) : ""}`;
  }
  return show(value, lang, context);
}

function paceWords(year: number | null, lang: "vi" | "en"): string {
  if (lang === "vi") return year === null ? "không đạt được chỉ tiêu" : `đạt chỉ tiêu vào năm ${year}`;
  return year === null ? "never reaches the target" : `reaches the target in ${year}`;
}

function show(value: unknown, lang: "vi" | "en", context: MessageContext | undefined): string {
  if (typeof value === "string" && value !== "") {
    // A decimal with a fraction, a date, the id of a rule (a check failed): each written for the reader.
    if (value.includes(".") && DECIMAL_PATTERN.test(value)) return formatDecimal(value, lang);
    if (value.length === 10 && isIsoDate(value)) return formatIsoDate(value, lang);
    const rule = context?.ruleTitles.get(value);
    return rule ? `«${rule[lang]}»` : value;
  }
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return lang === "vi" ? (value ? "có" : "không") : value ? "yes" : "no";
  if (Array.isArray(value)) {
    const items = value.map((v) => show(v, lang, context));
    // A list of decimals written with commas is told apart by semicolons.
    return items.join(items.some((v) => v.includes(",")) ? "; " : ", ");
  }
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

