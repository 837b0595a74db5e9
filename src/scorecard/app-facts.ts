import { Decimal } from "../decimal.js";
import { foldName, type DefinedPlan } from "../model/define-plan.js";
import { isIsoDate } from "../model/text.js";
import { DECIMAL_PATTERN } from "../model/text.js";
import { cutText, quoted } from "../safe-text.js";
import { AppFactError } from "../rules/errors.js";
import { APP_FACT_KINDS, APP_FACT_KINDS_OF, APP_FACT_TYPES, FACT_SETS, MESSAGE_PLACEHOLDERS, type AppFactKind, type AppFacts, type AppFactType } from "../rules/fact-sets.js";
import type { FactSetName } from "../rules/rule-file.js";
import type { Subject, Subjects } from "./subjects.js";

/** The values of an indicator's facts an app brings, for the whole city (no `locality`) or for one locality. */
export interface IndicatorFactValues {
  readonly indicator: string;
  /** The locality, spelled as the observations spell it (case and spacing aside); absent: the whole city. */
  readonly locality?: string;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * The values of an app's facts ({@link AppFacts}), by entity: tasks and agencies by id, indicators by id and
 * locality. A fact not given for an entity is null there. Decimals may be given as numbers, as observations may.
 *
 * @example
 * const appFactValues: AppFactValues = { task: { "T-2.1": { budgetApproved: true } } };
 */
export interface AppFactValues {
  readonly task?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly agency?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly indicator?: readonly IndicatorFactValues[];
}

const NAME = /^[a-z][A-Za-z0-9]*$/;
const checkedDeclarations = new WeakSet<AppFacts>();

/**
 * Checks an app's fact declarations: a known kind, a name (`budgetApproved`) that no fact of the library (nor a
 * message placeholder, nor a fact of another kind read alongside) already has, a known type and words in both
 * languages.
 *
 * @throws {AppFactError} naming the kind and the fact.
 */
export function checkAppFacts(appFacts: AppFacts): void {
  if (checkedDeclarations.has(appFacts)) return;
  const owner = new Map<string, AppFactKind>();
  for (const [kind, facts] of Object.entries(appFacts)) {
    if (!(APP_FACT_KINDS as readonly string[]).includes(kind))
      throw new AppFactError(`appFacts.${cutText(kind)}`, `unknown kind of entity; an app brings facts for ${APP_FACT_KINDS.join(", ")}`);
    for (const [name, def] of Object.entries(facts ?? {})) {
      const path = `appFacts.${kind}.${cutText(name)}`;
      if (!NAME.test(name)) throw new AppFactError(path, "a fact's name is a word of letters and digits starting with a small letter, e.g. budgetApproved");
      const clash = (Object.keys(FACT_SETS) as FactSetName[]).find((set) => APP_FACT_KINDS_OF[set].includes(kind as AppFactKind) && Object.hasOwn(FACT_SETS[set].facts, name));
      if (clash) throw new AppFactError(path, `the fact set ${clash} already has a fact ${quoted(name)}; give the app's fact a name of its own`);
      if (Object.hasOwn(MESSAGE_PLACEHOLDERS, name)) throw new AppFactError(path, `{${name}} is a placeholder of every message; give the fact another name`);
      const other = owner.get(name);
      if (other) throw new AppFactError(path, `appFacts.${other}.${name} has the same name, and rules on tasks read both`);
      owner.set(name, kind as AppFactKind);
      const d = def as { type?: unknown; description?: { vi?: unknown; en?: unknown } } | null;
      if (!d || !(APP_FACT_TYPES as readonly unknown[]).includes(d.type)) throw new AppFactError(`${path}.type`, `the type is one of ${APP_FACT_TYPES.join(", ")}`);
      if (typeof d.description?.vi !== "string" || !d.description.vi || typeof d.description.en !== "string" || !d.description.en)
        throw new AppFactError(`${path}.description`, "the description is { vi, en }, both given");
    }
  }
  checkedDeclarations.add(appFacts);
}

/** A value of an app's fact as rules read it (decimals as canonical text), or why it cannot be one. */
function readValue(type: AppFactType, value: unknown): { value: unknown } | { problem: string } {
  if (value === null || value === undefined) return { value: null };
  switch (type) {
    case "string":
      return typeof value === "string" ? { value } : { problem: "is not a text" };
    case "decimal":
      if (typeof value === "number") return Number.isFinite(value) ? { value: new Decimal(String(value)).toFixed() } : { problem: "is not a finite number" };
      return typeof value === "string" && DECIMAL_PATTERN.test(value) ? { value } : { problem: 'is not a decimal (a number, or a text such as "12.5")' };
    case "integer":
      return Number.isSafeInteger(value) ? { value } : { problem: "is not a whole number" };
    case "date":
      return isIsoDate(value) ? { value } : { problem: "is not a date written YYYY-MM-DD" };
    case "boolean":
      return typeof value === "boolean" ? { value } : { problem: "is not true or false" };
    case "list":
      return Array.isArray(value) && value.every((x) => x === null || ["string", "boolean"].includes(typeof x) || Number.isFinite(x))
        ? { value: Object.freeze([...value]) }
        : { problem: "is not a list of texts, numbers and true/false" };
  }
}

/** An app's fact values checked and indexed: by task, by agency, by indicator and folded locality (empty: the city). */
export interface AppFactTable {
  readonly appFacts: AppFacts;
  readonly task: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  readonly agency: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  readonly indicator: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
}

const indicatorKey = (indicator: string, locality: string | undefined) => `${indicator}\u0000${locality === undefined ? "" : foldName(locality)}`;

/**
 * Checks an app's fact values against its declarations and the plan: every entity exists, every fact is declared for
 * its kind, every value has its type.
 *
 * @throws {AppFactError} naming the entity, the fact and why.
 */
export function appFactTable(plan: DefinedPlan, appFacts: AppFacts, values: AppFactValues): AppFactTable {
  checkAppFacts(appFacts);
  const read = (kind: AppFactKind, path: string, given: unknown): Record<string, unknown> => {
    if (typeof given !== "object" || given === null || Array.isArray(given)) throw new AppFactError(path, "the values of an entity are an object, fact name to value");
    const declared = appFacts[kind] ?? {};
    const out: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(given)) {
      const def = declared[name];
      if (!def || !Object.hasOwn(declared, name))
        throw new AppFactError(`${path}.${cutText(name)}`, `no ${kind} fact ${quoted(name)} is declared in appFacts.${kind}; declared: ${Object.keys(declared).join(", ") || "none"}`);
      const r = readValue(def.type, value);
      if ("problem" in r) throw new AppFactError(`${path}.${name}`, `${cutText(JSON.stringify(value) ?? String(value))} ${r.problem}; the fact is of type ${def.type}`);
      out[name] = r.value;
    }
    return out;
  };
  const task = new Map<string, Record<string, unknown>>();
  for (const [id, given] of Object.entries(values.task ?? {})) {
    const path = `appFactValues.task[${quoted(cutText(id))}]`;
    if (!plan.task(id)) throw new AppFactError(path, `no task ${quoted(id)} in plan ${plan.id}`);
    task.set(id, read("task", path, given));
  }
  const agency = new Map<string, Record<string, unknown>>();
  for (const [id, given] of Object.entries(values.agency ?? {})) {
    const path = `appFactValues.agency[${quoted(cutText(id))}]`;
    if (!plan.agency(id)) throw new AppFactError(path, `no agency ${quoted(id)} in plan ${plan.id}`);
    agency.set(id, read("agency", path, given));
  }
  const indicator = new Map<string, Record<string, unknown>>();
  (values.indicator ?? []).forEach((entry, i) => {
    const path = `appFactValues.indicator[${i}]`;
    if (!plan.indicator(entry.indicator)) throw new AppFactError(`${path}.indicator`, `no indicator ${quoted(String(entry.indicator))} in plan ${plan.id}`);
    if (entry.locality !== undefined && (typeof entry.locality !== "string" || entry.locality.trim() === ""))
      throw new AppFactError(`${path}.locality`, "a locality is a name; leave it out for the whole city");
    const key = indicatorKey(entry.indicator, entry.locality);
    if (indicator.has(key)) throw new AppFactError(path, `${entry.indicator}${entry.locality ? ` in ${entry.locality}` : ""} is given twice`);
    indicator.set(key, read("indicator", `${path}.values`, entry.values));
  });
  return { appFacts, task, agency, indicator };
}

const NONE: Readonly<Record<string, unknown>> = Object.freeze({});

/**
 * A fact set's subjects with the app's facts added to each one's facts (null where none is given): a task's own and
 * its lead agency's (when it has exactly one), an indicator's for the subject's locality or the whole city.
 */
export function withAppFacts(subjects: Subjects, factSet: FactSetName, plan: DefinedPlan, table: AppFactTable): Subjects {
  const kinds = APP_FACT_KINDS_OF[factSet];
  const names = kinds.flatMap((kind) => Object.keys(table.appFacts[kind] ?? {}));
  if (names.length === 0) return subjects;
  const valuesOf = (subject: Subject): readonly Readonly<Record<string, unknown>>[] => {
    if (kinds.includes("indicator")) return [table.indicator.get(indicatorKey(subject.entity, subject.locality)) ?? NONE];
    const lead = plan.task(subject.entity)?.lead ?? [];
    return [table.task.get(subject.entity) ?? NONE, lead.length === 1 ? (table.agency.get(lead[0]!) ?? NONE) : NONE];
  };
  return {
    ...subjects,
    at(key, only) {
      const subject = subjects.at(key, only);
      const facts: Record<string, unknown> = { ...subject.facts };
      for (const name of names) facts[name] = null;
      for (const values of valuesOf(subject)) Object.assign(facts, values);
      return { ...subject, facts, transient: false };
    },
  };
}
