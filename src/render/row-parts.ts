import { describeSource } from "../model/source.js";
import type { Scorecard, ScorecardRow, Summary } from "../model/scorecard.js";
import { rowKindOf, type RowKind, type StatusDefinition } from "../model/verdict.js";
import { formatPercent, WORDS } from "./words.js";
import { rowChangeNote } from "./plan-changes.js";
import type { Lang } from "../model/text.js";
import type { DefinedPlan } from "../model/define-plan.js";

/** The kind of each of a scorecard's rules, by rule id. */
export function ruleKinds(scorecard: Pick<Scorecard, "rules">): ReadonlyMap<string, RowKind> {
  return new Map(scorecard.rules.map((r) => [r.id, rowKindOf(r.appliesTo)]));
}

/** A status as its rule declares it: its words, attention and follow-up; undefined for a status the rule does not declare. */
export type StatusOf = (row: Pick<ScorecardRow, "rule" | "status">) => StatusDefinition | undefined;

/** How each rule of a scorecard declares the statuses of its rows. */
export function statusesOf(scorecard: Pick<Scorecard, "rules">): StatusOf {
  const byRule = new Map(scorecard.rules.map((r) => [r.id, r.statuses]));
  return (row) => {
    const statuses = byRule.get(row.rule);
    return statuses && Object.hasOwn(statuses, row.status) ? statuses[row.status] : undefined;
  };
}

/** A row's status in words, as its rule declares them; a status the rule does not declare is shown as it is. */
export function statusWords(statusOf: StatusOf, row: Pick<ScorecardRow, "rule" | "status">, lang: Lang): string {
  return statusOf(row)?.label[lang] ?? row.status;
}

/** A summary's score as a percentage, marked provisional when its coverage is below the minimum: `21,5% (tạm tính)`. */
export function summaryScore(summary: Summary, lang: Lang): string {
  const score = formatPercent(summary.score, lang);
  return summary.provisional && summary.score !== null ? `${score} (${WORDS[lang].provisional})` : score;
}

/** A row's locality, marked when the row is a benchmark against the city's target: `Phường Lê Chân (tham chiếu)`. */
export function rowPlace(row: ScorecardRow, lang: Lang): string {
  if (row.locality === undefined) return "";
  return row.benchmark === true ? `${row.locality} (${WORDS[lang].benchmark})` : row.locality;
}

/** The evidence a task report named, when the row used one. */
export function rowEvidence(row: ScorecardRow): string | undefined {
  const evidence = row.facts.evidence;
  return typeof evidence === "string" && evidence !== "" ? evidence : undefined;
}

/**
 * Where a row's records were read, the evidence they name and the plan's changes to it, in one line: `report.json:12;
 * obs.csv:4 · minh chứng: Kế hoạch số 01/KH-SKHCN · sửa đổi 215/QĐ-UBND (deadline)`. Empty when there is none.
 */
export function rowTrace(row: ScorecardRow, lang: Lang): string {
  const sources = (row.sources ?? []).map(describeSource).join("; ");
  const evidence = rowEvidence(row);
  return [sources, evidence === undefined ? "" : `${WORDS[lang].evidence}: ${evidence}`, rowChangeNote(row, lang)].filter((part) => part !== "").join(" · ");
}

/** Whose scorecard it is, after the plan's number: ` — Sở Tài chính` on one agency's, nothing on the whole plan's. */
export function scopeWords(scorecard: Pick<Scorecard, "scope">, plan: DefinedPlan, lang: Lang): string {
  const agency = scorecard.scope?.agency;
  return agency === undefined ? "" : ` — ${plan.agency(agency)?.name[lang] ?? agency}`;
}
