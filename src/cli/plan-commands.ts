import type { Lang } from "../model/text.js";
import type { DefinedPlan, DueItem } from "../model/define-plan.js";
import { PLAN_ENTITIES, planTable, type PlanEntity } from "../model/tables.js";
import { formatCsv } from "../render/csv.js";
import { UsageError } from "./io.js";
import { loadPlan } from "./plan-files.js";

/** A plan by the id of a plan shipped with the library, or from a plan file (`.json`). */
export function planById(id: string): DefinedPlan {
  return loadPlan(id);
}

export function exportPlan(plan: DefinedPlan, format: string, entity: string | undefined): string {
  if (format === "json") return `${JSON.stringify(plan, null, 2)}\n`;
  if (format === "csv") {
    if (!entity || !(PLAN_ENTITIES as readonly string[]).includes(entity))
      throw new UsageError(`--format csv needs --entity ${PLAN_ENTITIES.join("|")}`);
    return formatCsv(planTable(plan, entity as PlanEntity));
  }
  throw new UsageError(`unknown format "${format}"; use json or csv`);
}

const words = {
  vi: {
    plan: "Kế hoạch",
    agencies: "cơ quan, đơn vị",
    tasks: "nhiệm vụ",
    subItems: "nhiệm vụ con",
    strategic: "mang tính chiến lược, đặc thù",
    indicators: "chỉ tiêu",
    milestones: "năm mốc",
    successions: "cơ quan kế nhiệm cơ quan khác",
    notes: "ghi chú dữ liệu (chỗ chưa chuẩn của văn bản)",
    due: "Đến hạn từ",
    to: "đến",
    none: "Không có nhiệm vụ nào đến hạn trong khoảng này.",
    lead: "chủ trì",
    annual: "báo cáo năm",
    today: "Hôm nay (giờ Việt Nam)",
    past: "đã qua",
  },
  en: {
    plan: "Plan",
    agencies: "agencies",
    tasks: "tasks",
    subItems: "sub-items",
    strategic: "strategic",
    indicators: "indicators",
    milestones: "milestone years",
    successions: "agencies succeeding others",
    notes: "data notes (slips of the source)",
    due: "Due from",
    to: "to",
    none: "No task falls due in this period.",
    lead: "lead",
    annual: "annual report",
    today: "Today (Vietnam time)",
    past: "past",
  },
} as const;

/**
 * A plan's summary: its document, how many agencies, tasks and indicators it has and in which parts of the document
 * (as the plan's data names its parts), its milestone years and data notes.
 */
export function planSummary(plan: DefinedPlan, lang: Lang): string {
  const w = words[lang];
  const partTitle = new Map((plan.parts ?? []).map((p) => [p.id, p.title[lang]]));
  const byPart = (entities: readonly { source: { part: string } }[]) => {
    const counts = new Map<string, number>();
    for (const e of entities) counts.set(e.source.part, (counts.get(e.source.part) ?? 0) + 1);
    const width = Math.max(...[...counts.values()].map((n) => String(n).length));
    return [...counts].map(([part, n]) => `    ${String(n).padStart(width)}  ${partTitle.get(part) ?? part}`);
  };
  const sub = plan.tasks.filter((t) => t.parent).length;
  const strategic = plan.tasks.filter((t) => t.strategic).length;
  const years = [...new Set([...(plan.milestoneYears ?? []), ...plan.groups.flatMap((g) => g.milestoneYears ?? [])])].sort((a, b) => a - b);
  const successions = plan.successions?.length ?? 0;
  return [
    `${w.plan} ${plan.document.number} (${plan.document.issuedOn}): ${plan.document.title[lang]}`,
    `  ${plan.agencies.length} ${w.agencies}${successions > 0 ? ` (${successions} ${w.successions})` : ""}`,
    `  ${plan.tasks.length} ${w.tasks} (${sub} ${w.subItems}, ${strategic} ${w.strategic}):`,
    ...byPart(plan.tasks.filter((t) => !t.parent)),
    `  ${plan.indicators.length} ${w.indicators}:`,
    ...byPart(plan.indicators),
    ...(years.length > 0 ? [`  ${w.milestones}: ${years.join(", ")}`] : []),
    `  ${plan.dataNotes.length} ${w.notes}`,
    "",
  ].join("\n");
}

export function deadlineList(plan: DefinedPlan, from: string, to: string, lang: Lang, today?: string): string {
  const w = words[lang];
  const items = plan.deadlinesBetween(from, to);
  const lines = [`${w.due} ${from} ${w.to} ${to}:`];
  if (items.length === 0) lines.push(`  ${w.none}`);
  for (const item of items) lines.push(`  ${dueLine(plan, item, lang, today)}`);
  return `${lines.join("\n")}\n`;
}

function dueLine(plan: DefinedPlan, item: DueItem, lang: Lang, today: string | undefined): string {
  const w = words[lang];
  const lead = item.task.lead.map((id) => plan.agency(id)?.name[lang] ?? id).join(", ");
  const mark = today && item.due < today ? ` (${w.past})` : "";
  const what = item.period !== undefined ? ` [${w.annual} ${item.period}]` : "";
  return `${item.due}${mark}  ${item.task.id}${what}  ${truncate(item.task.title[lang], 90)}  — ${w.lead}: ${lead || "-"}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
