import type { DefinedPlan } from "./define-plan.js";
import type { Plan } from "./entities.js";
import type { Target, TargetMember } from "./target.js";

/** The flat tables a plan exports to. */
export type PlanEntity = "tasks" | "indicators" | "targets" | "agencies";

/** A flat table: column names and rows of cells, ready for CSV or a spreadsheet. */
export interface Table {
  readonly columns: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined>>;
}

/** The entities {@link planTable} can flatten. */
export const PLAN_ENTITIES: readonly PlanEntity[] = ["tasks", "indicators", "targets", "agencies"];

/**
 * Flattens one kind of plan entity into a table, one row per entity (per target for `targets`), agency
 * lists as ids and as Vietnamese names separated by "; ".
 *
 * @example
 * planTable(plans["haiphong-142"], "targets").rows.length; //=> every target cell of Appendices 1 and 2
 */
export function planTable(plan: Plan | DefinedPlan, entity: PlanEntity): Table {
  const names = new Map(plan.agencies.map((a) => [a.id, a.name.vi]));
  const ids = (list: readonly string[]) => list.join("; ");
  const namesOf = (list: readonly string[]) => list.map((id) => names.get(id) ?? id).join("; ");
  switch (entity) {
    case "tasks":
      return {
        columns: [
          "id", "group", "parent", "strategic", "title_vi", "title_en", "assignment_vi", "lead", "lead_vi",
          "coordinating", "coordinating_vi", "output_vi", "output_en", "deadline_raw", "deadline_kind", "due",
          "start", "end", "from", "nq57_item", "nq71_number", "source_part", "source_line",
        ],
        rows: plan.tasks.map((t) => [
          t.id, t.group, t.parent, t.strategic, t.title.vi, t.title.en, t.assignmentText?.vi, ids(t.lead), namesOf(t.lead),
          ids(t.coordinating), namesOf(t.coordinating), t.output?.vi, t.output?.en, t.deadline?.raw, t.deadline?.kind,
          t.deadline?.due, t.deadline?.start, t.deadline?.end, t.deadline?.from, t.nq57Item, t.nq71Number,
          t.source.part, t.source.line,
        ]),
      };
    case "indicators":
      return {
        columns: [
          "id", "appendix", "group", "parent", "name_vi", "name_en", "unit_vi", "measure", "direction", "lead",
          "lead_vi", "output_vi", "targets", "source_part", "source_line",
        ],
        rows: plan.indicators.map((x) => [
          x.id, x.appendix, x.group, x.parent, x.name.vi, x.name.en, x.unit?.vi, x.measure, x.direction, ids(x.lead),
          namesOf(x.lead), x.output?.vi, x.targets.map((t) => `${t.year}: ${t.raw}`).join(" | "), x.source.part, x.source.line,
        ]),
      };
    case "targets":
      return {
        columns: ["indicator", "year", "raw", "kind", "value", "min", "max", "aspirational", "members"],
        rows: plan.indicators.flatMap((x) =>
          x.targets.map((t) => [x.id, t.year, t.raw, t.kind, t.value, t.min, t.max, t.aspirational, describeMembers(t)]),
        ),
      };
    case "agencies":
      return {
        columns: ["id", "name_vi", "name_en", "kind", "aliases", "lead_tasks", "coordinating_tasks", "lead_indicators"],
        rows: plan.agencies.map((a) => [
          a.id, a.name.vi, a.name.en, a.kind, a.aliases.join(" | "),
          plan.tasks.filter((t) => t.lead.includes(a.id)).length,
          plan.tasks.filter((t) => t.coordinating.includes(a.id)).length,
          plan.indicators.filter((x) => x.lead.includes(a.id)).length,
        ]),
      };
  }
}

/** `greaterThan 95 (cơ sở …); greaterThan 90 (…)` for compound targets, empty otherwise. */
function describeMembers(t: Target): string | undefined {
  const members: readonly TargetMember[] | undefined = t.parts ?? t.alternatives;
  return members
    ?.map((m) => {
      const bound = m.kind === "range" ? `${m.min}-${m.max}` : (m.value ?? "");
      return `${m.kind} ${bound}`.trim() + (m.label ? ` (${m.label.vi})` : "");
    })
    .join(t.kind === "alternatives" ? " | " : "; ");
}
