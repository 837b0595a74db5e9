import { lazyProperty } from "../lazy.js";
import type { Scorecard, ScorecardRow } from "../model/scorecard.js";
import type { LoadedRule } from "../rules/load.js";
import type { Outcome } from "../rules/rule-file.js";
import { ruleWeight } from "../rules/score.js";
import type { LocalizedText } from "../model/text.js";
import { fill } from "./messages.js";
import { byCodeUnits, type Subject, type Subjects } from "./subjects.js";

/** The rows of one rule as kept until read: per row, the subject's key, the outcome decided and the score. */
export interface KeptRows {
  readonly rule: LoadedRule;
  subjects: Subjects;
  keys: number[];
  outcomes: Outcome[];
  scores: (string | null)[];
  benchmarks: boolean[];
}

export const NO_SUBJECTS: Subjects = { count: 0, at: () => undefined as never };

/** Adds to a row, as it is made, what the plan's changes say of it (see plan-changes.ts). */
export type Annotate = (row: ScorecardRow, outcome: Outcome) => void;

function* rowsOfKept(kept: readonly KeptRows[], transient = false, annotate?: Annotate): Generator<ScorecardRow> {
  for (const { rule, subjects, keys, outcomes, scores } of kept)
    for (let j = 0; j < keys.length; j++) {
      const row = rowOf(rule, subjects.at(keys[j]!), outcomes[j]!, scores[j]!, transient);
      annotate?.(row, outcomes[j]!);
      yield row;
    }
}

function* verdictsOfKept(kept: readonly KeptRows[]): Generator<RowVerdict> {
  for (const { rule, outcomes, benchmarks } of kept) {
    const weight = ruleWeight(rule);
    for (let j = 0; j < outcomes.length; j++) yield { rule: rule.id, weight, verdict: outcomes[j]!.verdict, benchmark: benchmarks[j]! };
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
  const pending: PendingRows = {
    count: kept.reduce((n, r) => n + r.keys.length, 0),
    rows: (transient) => rowsOfKept(kept, transient, annotate),
    verdicts: () => verdictsOfKept(kept),
  };
  pendingRows.set(scorecard, pending);
  lazyProperty(scorecard, "rows", () => Array.from(pending.rows()), () => pendingRows.delete(scorecard));
}

/** Sorts an observation check's rows by indicator, year, locality and figure. */
export function sortObservationRows(rows: KeptRows): void {
  const n = rows.keys.length;
  if (n < 2) return;
  const entity: string[] = [];
  const period: number[] = [];
  const locality: string[] = [];
  const figure: string[] = [];
  for (const key of rows.keys) {
    const subject = rows.subjects.at(key);
    const facts = subject.facts;
    entity.push(subject.entity);
    period.push(subject.period ?? 0);
    locality.push(subject.locality ?? "");
    figure.push(String(facts.value ?? facts.met ?? ""));
  }
  const order = Array.from({ length: n }, (_, j) => j).sort(
    (a, b) => byCodeUnits(entity[a]!, entity[b]!) || period[a]! - period[b]! || byCodeUnits(locality[a]!, locality[b]!) || byCodeUnits(figure[a]!, figure[b]!),
  );
  const { keys, outcomes, scores, benchmarks } = rows;
  rows.keys = order.map((j) => keys[j]!);
  rows.outcomes = order.map((j) => outcomes[j]!);
  rows.scores = order.map((j) => scores[j]!);
  rows.benchmarks = order.map((j) => benchmarks[j]!);
}

function rowOf(rule: LoadedRule, subject: Subject, outcome: Outcome, score: string | null, transient = false): ScorecardRow {
  const { entity, period, locality } = subject;
  const facts = (subject.transient && !transient ? { ...subject.facts } : subject.facts) as Record<string, unknown>;
  const message = transient ? { vi: fill(outcome.message.vi, "vi", subject, rule.parameters), en: fill(outcome.message.en, "en", subject, rule.parameters) } : messageWhenRead(rule, subject, facts, outcome);
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
  return row as ScorecardRow;
}


/** What a row's message is written from: the row's own copy of its subject's facts, its outcome and its rule. */
interface MessageSource {
  readonly subject: Subject;
  readonly outcome: Outcome;
  readonly rule: LoadedRule;
}

const MESSAGE_SOURCE = Symbol("message source");
type PendingMessage = LocalizedText & { readonly [MESSAGE_SOURCE]: MessageSource };

/** The getter and setter of one language of a message written when read, the same functions for every row. */
function messageAccessors(lang: "vi" | "en"): PropertyDescriptor {
  return {
    enumerable: true,
    configurable: true,
    get(this: PendingMessage) {
      const { subject, outcome, rule } = this[MESSAGE_SOURCE];
      return fill(outcome.message[lang], lang, subject, rule.parameters);
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
function messageWhenRead(rule: LoadedRule, subject: Subject, facts: Readonly<Record<string, unknown>>, outcome: Outcome): LocalizedText {
  const { entity, period, locality, benchmark, name } = subject;
  const source: MessageSource = { subject: { entity, period, locality, benchmark, name, facts }, outcome, rule };
  const message = {};
  Object.defineProperty(message, MESSAGE_SOURCE, { value: source });
  Object.defineProperty(message, "vi", VI);
  Object.defineProperty(message, "en", EN);
  return message as LocalizedText;
}
