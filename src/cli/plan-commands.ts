import type { Lang } from "../model/text.js";
import type { DefinedPlan, DueItem } from "../model/define-plan.js";
import { PLAN_ENTITIES, planTable, type PlanEntity } from "../model/tables.js";
import { isPlanId, plans } from "../plans/index.js";
import { formatCsv } from "../render/csv.js";
import { UsageError } from "./io.js";


export function planById(id: string): DefinedPlan {
  if (!isPlanId(id)) throw new UsageError(`unknown plan "${id}"; known plans: ${Object.keys(plans).join(", ")}`);
  return plans[id];
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
    sectionB: "mục B.II",
    subItems: "nhiệm vụ con",
    appendix3: "Phụ lục 3",
    strategic: "mang tính chiến lược, đặc thù",
    indicators: "chỉ tiêu",
    appendix: "Phụ lục",
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
    sectionB: "section B.II",
    subItems: "sub-items",
    appendix3: "Appendix 3",
    strategic: "strategic",
    indicators: "indicators",
    appendix: "Appendix",
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

export function planSummary(plan: DefinedPlan, lang: Lang): string {
  const w = words[lang];
  const top = plan.tasks.filter((t) => !t.parent && t.source.part === "B.II").length;
  const sub = plan.tasks.filter((t) => t.parent).length;
  const pl3 = plan.tasks.filter((t) => t.source.part === "PL3").length;
  const byAppendix = (n: 1 | 2) => plan.indicators.filter((x) => x.appendix === n).length;
  return [
    `${w.plan} ${plan.document.number} (${plan.document.issuedOn}): ${plan.document.title[lang]}`,
    `  ${plan.agencies.length} ${w.agencies}`,
    `  ${plan.tasks.length} ${w.tasks}: ${top} ${w.sectionB}, ${sub} ${w.subItems}, ${pl3} ${w.appendix3}; ${plan.tasks.filter((t) => t.strategic).length} ${w.strategic}`,
    `  ${plan.indicators.length} ${w.indicators}: ${byAppendix(1)} ${w.appendix} 1, ${byAppendix(2)} ${w.appendix} 2`,
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
