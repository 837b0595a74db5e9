import type { DefinedPlan } from "../model/define-plan.js";
import type { Scorecard, ScorecardRow } from "../model/scorecard.js";
import type { Lang } from "../model/text.js";
import type { AppliesTo } from "../model/verdict.js";
import { officeText } from "../safe-text.js";

/** What each of a scorecard's rules applies to, by rule id. */
export function appliesToOf(scorecard: Pick<Scorecard, "rules">): ReadonlyMap<string, AppliesTo> {
  return new Map(scorecard.rules.map((r) => [r.id, r.appliesTo]));
}

/** The agencies leading the task or indicator a row is about, by name in the language, joined by "; ". */
export function leadNames(row: Pick<ScorecardRow, "entity">, plan: DefinedPlan, lang: Lang): string {
  const lead = plan.task(row.entity)?.lead ?? plan.indicator(row.entity)?.lead ?? [];
  return officeText(lead.map((id) => plan.agency(id)?.name[lang] ?? id).join("; "));
}

/** The title of the task or name of the indicator a row is about, in the language; empty for anything else. */
export function entityTitle(entity: string, plan: DefinedPlan, lang: Lang): string {
  return officeText(plan.task(entity)?.title[lang] ?? plan.indicator(entity)?.name[lang] ?? "");
}

/** A fact of a row as a `YYYY-MM-DD` date, when it is one. */
export function factDate(row: ScorecardRow, name: string): string | undefined {
  const value = row.facts[name];
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}

/** A fact of a row as text (a decimal string, a target as written), when it is one. */
export function factText(row: ScorecardRow, name: string): string | undefined {
  const value = row.facts[name];
  return typeof value === "string" && value !== "" ? value : typeof value === "number" ? String(value) : undefined;
}
