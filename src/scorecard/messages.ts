import type { LocalizedText } from "../model/text.js";
import type { ParameterValue } from "../rules/load.js";
import type { Subject } from "./subjects.js";

/**
 * Fills `{fact}`, `{param}`, `{name}` (the entity's name), `{label}` (its id and short name) and `{place}` (the whole
 * city or the locality) in a message; a missing value shows as "—".
 */
export function fill(template: string, lang: "vi" | "en", subject: Subject, params: Readonly<Record<string, ParameterValue>>): string {
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
      pieces[i] = show(
        part === "name" ? subject.name[lang] : part === "label" ? labelOf(subject, lang) : part === "place" ? placeOf(subject, lang) : factOrParameter(subject.facts, params, part),
        lang,
      );
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

function show(value: unknown, lang: "vi" | "en"): string {
  // Most placeholders are strings: answered before any other test.
  if (typeof value === "string" && value !== "") return value;
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return lang === "vi" ? (value ? "có" : "không") : value ? "yes" : "no";
  if (Array.isArray(value)) return value.map((v) => show(v, lang)).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

