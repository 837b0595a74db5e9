import { lazyProperty } from "../lazy.js";
import type { Scorecard, ScorecardRow } from "../model/scorecard.js";
import type { LoadedRule } from "../rules/load.js";
import type { Outcome } from "../rules/rule-file.js";
import { ruleWeight, scoreOf } from "../rules/score.js";
import { FACT_SETS } from "../rules/fact-sets.js";
import type { LocalizedText } from "../model/text.js";
import { fill, type MessageContext } from "./messages.js";
import { byCodeUnits, type Subject, type Subjects } from "./subjects.js";

/**
 * The rows of one rule as kept until read: per row, the subject's key and the outcome decided. The score is not kept:
 * it follows from the outcome and the subject's facts, made again with the row (an array of a million fewer). Typed
 * arrays: a national scorecard keeps half a million rows, which arrays of values pushed one by one cost more to grow
 * and to collect.
 */
export class KeptRows {
  subjects: Subjects = NO_SUBJECTS;
  count = 0;
  keys = new Int32Array(16);
  /** Per row: the number of the rule's case whose outcome it has, or -1 when its outcome is another (in `others`). */
  cases = new Int32Array(16);
  benchmarks = new Uint8Array(16);
  /** By row: the outcomes that are not a case's own (adjusted by the plan's changes, or given by json-rules-engine). */
  others = new Map<number, Outcome>();

  constructor(readonly rule: LoadedRule) {}

  /** Adds a row; `caseIndex` the case whose outcome `outcome` is, or -1. */
  add(key: number, caseIndex: number, outcome: Outcome, benchmark: boolean): void {
    const j = this.count;
    if (j === this.keys.length) {
      this.keys = grown(this.keys, new Int32Array(2 * j));
      this.cases = grown(this.cases, new Int32Array(2 * j));
      this.benchmarks = grown(this.benchmarks, new Uint8Array(2 * j));
    }
    this.keys[j] = key;
    this.cases[j] = caseIndex;
    this.benchmarks[j] = benchmark ? 1 : 0;
    if (caseIndex < 0) this.others.set(j, outcome);
    this.count = j + 1;
  }

  /** The outcome of row `j`. */
  outcome(j: number): Outcome {
    const c = this.cases[j]!;
    return c >= 0 ? this.rule.cases[c]!.event.params : this.others.get(j)!;
  }
}

function grown<T extends Int32Array | Uint8Array>(column: T, bigger: T): T {
  bigger.set(column);
  return bigger;
}

export const NO_SUBJECTS: Subjects = { count: 0, at: () => undefined as never };

/** Adds to a row, as it is made, what the plan's changes say of it (see plan-changes.ts). */
export type Annotate = (row: ScorecardRow, outcome: Outcome) => void;

/**
 * Which rows a view of a scorecard keeps: those of these verdicts, and of these entities (tasks and indicators by
 * id); each absent keeps all. Decided before a row is made, so that a trimmed national listing never makes the rows
 * it leaves out.
 */
export interface RowFilter {
  readonly verdicts?: ReadonlySet<Outcome["verdict"]>;
  readonly entities?: ReadonlySet<string>;
}

function keeps(filter: RowFilter | undefined, verdict: Outcome["verdict"], entity: () => string): boolean {
  if (!filter) return true;
  if (filter.verdicts && !filter.verdicts.has(verdict)) return false;
  return !filter.entities || filter.entities.has(entity());
}

function* rowsOfKept(kept: readonly KeptRows[], transient = false, filter?: RowFilter, annotate?: Annotate): Generator<ScorecardRow> {
  const ruleTitles = new Map<string, LocalizedText>(kept.map(({ rule }) => [rule.id, rule.definition.title]));
  for (const rows of kept) {
    const { rule, subjects, keys } = rows;
    const context: MessageContext = { facts: FACT_SETS[rule.definition.factSet].facts, ruleTitles };
    for (let j = 0; j < rows.count; j++) {
      const outcome = rows.outcome(j);
      if (filter && !keeps(filter, outcome.verdict, () => subjects.at(keys[j]!).entity)) continue;
      const subject = subjects.at(keys[j]!);
      const row = rowOf(rule, subject, outcome, scoreOf(outcome, subject.facts, rule.parameters), context, transient);
      annotate?.(row, outcome);
      yield row;
    }
  }
}

function* verdictsOfKept(kept: readonly KeptRows[], filter?: RowFilter): Generator<RowVerdict> {
  for (const rows of kept) {
    const { rule, subjects, keys, benchmarks } = rows;
    const weight = ruleWeight(rule);
    for (let j = 0; j < rows.count; j++) {
      const verdict = rows.outcome(j).verdict;
      if (filter && !keeps(filter, verdict, () => subjects.at(keys[j]!).entity)) continue;
      yield { rule: rule.id, weight, verdict, benchmark: benchmarks[j] === 1 };
    }
  }
}

/** A row's rule, weight and verdict, and whether it is a benchmark: what an exit code is decided on, known without making the row. */
export interface RowVerdict {
  readonly rule: string;
  readonly weight: string;
  readonly verdict: Outcome["verdict"];
  readonly benchmark?: boolean;
}

/** A scorecard's rows not yet made: how many, each made anew on each pass, and their verdicts alone. */
interface PendingRows {
  readonly count: number;
  /** `transient`: a row's facts are valid until the next row is made (see rowsToWrite). */
  rows(transient?: boolean): Iterable<ScorecardRow>;
  verdicts(): Iterable<RowVerdict>;
  /** The same rows trimmed by a filter, still made when read. */
  filtered(filter: RowFilter): PendingRows;
}

function pendingOf(kept: readonly KeptRows[], filter?: RowFilter, annotate?: Annotate): PendingRows {
  let count = 0;
  if (filter) for (const _ of verdictsOfKept(kept, filter)) count++;
  else count = kept.reduce((n, r) => n + r.count, 0);
  return {
    count,
    rows: (transient) => rowsOfKept(kept, transient, filter, annotate),
    verdicts: () => verdictsOfKept(kept, filter),
    filtered: (more) => pendingOf(kept, { ...filter, ...more }, annotate),
  };
}

const pendingRows = new WeakMap<Scorecard, PendingRows>();

/**
 * A scorecard's rows as a writer reads them once, in order: made one at a time and not kept when the scorecard has
 * not made them yet (a writer of a million rows then holds one at a time), else the scorecard's own. With
 * `transient`, a made row's facts are the subject's own, refilled for the next row: for a writer done with each row
 * before it reads the next (JSON, CSV), which saves copying them.
 *
 * @internal
 */
export function rowsToWrite(scorecard: Scorecard, options: { readonly transient?: boolean } = {}): { readonly count: number; rows(): Iterable<ScorecardRow> } {
  const pending = pendingRows.get(scorecard);
  if (!pending) return { count: scorecard.rows.length, rows: () => scorecard.rows };
  return options.transient ? { count: pending.count, rows: () => pending.rows(true) } : pending;
}

/**
 * The rule, weight and verdict of every row, without making the rows when the scorecard has not made them yet.
 *
 * @internal
 */
export function rowVerdicts(scorecard: Scorecard): Iterable<RowVerdict> {
  const pending = pendingRows.get(scorecard);
  return pending ? pending.verdicts() : scorecard.rows;
}

/**
 * Makes a scorecard's rows when first read: a scorecard of a million observations is decided and summed up without
 * making half a million row objects and their messages, which an app showing the summaries never reads.
 */
export function rowsMadeWhenRead(scorecard: Scorecard, kept: readonly KeptRows[], annotate?: Annotate): void {
  madeWhenRead(scorecard, pendingOf(kept, undefined, annotate));
}

function madeWhenRead(scorecard: Scorecard, pending: PendingRows): void {
  pendingRows.set(scorecard, pending);
  lazyProperty(scorecard, "rows", () => Array.from(pending.rows()), () => pendingRows.delete(scorecard));
}

/**
 * A view of a scorecard with only the rows a filter keeps, and the rest of it (summaries, rules, input, rejected
 * records) as it is, or as `changes` replace it. Rows the scorecard has not made yet are made only when read, and only
 * those kept.
 *
 * @internal
 */
export function withRowsKept(scorecard: Scorecard, filter: RowFilter, changes: Partial<Omit<Scorecard, "rows">> = {}): Scorecard {
  const pending = pendingRows.get(scorecard);
  // Copied key by key, rows left unread (reading them would make them all) and kept in their place among the keys.
  const view = {} as Record<string, unknown>;
  for (const key of Object.keys(scorecard)) view[key] = key === "rows" ? [] : Object.hasOwn(changes, key) ? changes[key as keyof typeof changes] : scorecard[key as keyof Scorecard];
  for (const key of Object.keys(changes)) if (!Object.hasOwn(view, key)) view[key] = changes[key as keyof typeof changes];
  const result = view as unknown as Scorecard;
  if (!pending) result.rows = scorecard.rows.filter((r) => keeps(filter, r.verdict, () => r.entity));
  else madeWhenRead(result, pending.filtered(filter));
  return result;
}

/** Sorts an observation check's rows by indicator, year, locality and figure. */
export function sortObservationRows(rows: KeptRows): void {
  const n = rows.count;
  if (n < 2) return;
  const entity: string[] = [];
  const period: number[] = [];
  const locality: string[] = [];
  const figure: string[] = [];
  for (let j = 0; j < n; j++) {
    const subject = rows.subjects.at(rows.keys[j]!);
    const facts = subject.facts;
    entity.push(subject.entity);
    period.push(subject.period ?? 0);
    locality.push(subject.locality ?? "");
    figure.push(String(facts.value ?? facts.met ?? ""));
  }
  const order = Array.from({ length: n }, (_, j) => j).sort(
    (a, b) => byCodeUnits(entity[a]!, entity[b]!) || period[a]! - period[b]! || byCodeUnits(locality[a]!, locality[b]!) || byCodeUnits(figure[a]!, figure[b]!),
  );
  const { keys, cases, benchmarks, others } = rows;
  rows.keys = Int32Array.from(order, (j) => keys[j]!);
  rows.cases = Int32Array.from(order, (j) => cases[j]!);
  rows.benchmarks = Uint8Array.from(order, (j) => benchmarks[j]!);
  rows.others = new Map();
  order.forEach((j, i) => {
    if (cases[j]! < 0) rows.others.set(i, others.get(j)!);
  });
}

/** Verdicts of rows that need someone to act: they carry what their status says to do. */
const NEEDS_ACTION: ReadonlySet<Outcome["verdict"]> = new Set(["fail", "warn", "no-data"]);

function rowOf(rule: LoadedRule, subject: Subject, outcome: Outcome, score: string | null, context: MessageContext, transient = false): ScorecardRow {
  const { entity, period, locality } = subject;
  const facts = (subject.transient && !transient ? { ...subject.facts } : subject.facts) as Record<string, unknown>;
  const message = transient
    ? { vi: fill(outcome.message.vi, "vi", subject, rule.parameters, context), en: fill(outcome.message.en, "en", subject, rule.parameters, context) }
    : messageWhenRead(rule, subject, facts, outcome, context);
  // Keys in one order for every row (period, locality and benchmark after entity; missingData after weight), each
  // optional key added only when the row has it.
  // Built key by key; the verdict and score together are a ScorecardRow's (scoreOf gives no score where none is due).
  const row: Record<string, unknown> = { rule: rule.id, entity };
  if (period !== undefined) row.period = period;
  if (locality !== undefined) row.locality = locality;
  if (subject.benchmark === true) row.benchmark = true;
  row.verdict = outcome.verdict;
  row.status = outcome.status;
  row.score = score;
  row.weight = ruleWeight(rule);
  if (outcome.missingData === true) row.missingData = true;
  row.facts = facts;
  if (subject.sources !== undefined) row.sources = [...subject.sources()];
  row.message = message;
  const statuses = rule.definition.statuses;
  const remediation = NEEDS_ACTION.has(outcome.verdict) && Object.hasOwn(statuses, outcome.status) ? statuses[outcome.status]!.remediation : undefined;
  if (remediation !== undefined) row.remediation = remediation;
  return row as ScorecardRow;
}

/** What a row's message is written from: the row's own copy of its subject's facts, its outcome and its rule. */
interface MessageSource {
  readonly subject: Subject;
  readonly outcome: Outcome;
  readonly rule: LoadedRule;
  readonly context: MessageContext;
}

const MESSAGE_SOURCE = Symbol("message source");
type PendingMessage = LocalizedText & { readonly [MESSAGE_SOURCE]: MessageSource };

/** The getter and setter of one language of a message written when read, the same functions for every row. */
function messageAccessors(lang: "vi" | "en"): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: PendingMessage) {
      const { subject, outcome, rule, context } = this[MESSAGE_SOURCE];
      return fill(outcome.message[lang], lang, subject, rule.parameters, context);
    },
    set(this: PendingMessage, text: string) {
      Object.defineProperty(this, lang, { value: text, enumerable: true, configurable: true, writable: true });
    },
  };
}
const VI = messageAccessors("vi");
const EN = messageAccessors("en");

/**
 * A kept row's message, written from the row's facts each time it is read rather than held: the messages were most
 * of the memory of half a million rows. `vi` and `en` are its own enumerable properties, so it spreads, serializes and
 * compares as the plain object of the same texts; assigning one keeps the text given.
 */
function messageWhenRead(rule: LoadedRule, subject: Subject, facts: Readonly<Record<string, unknown>>, outcome: Outcome, context: MessageContext): LocalizedText {
  const { entity, period, locality, benchmark, name } = subject;
  const source: MessageSource = { subject: { entity, period, locality, benchmark, name, facts }, outcome, rule, context };
  const message = {};
  Object.defineProperty(message, MESSAGE_SOURCE, { value: source });
  Object.defineProperty(message, "vi", VI);
  Object.defineProperty(message, "en", EN);
  return message as LocalizedText;
}
