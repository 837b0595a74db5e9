import type { DefinedPlan } from "../model/define-plan.js";
import type { Lang } from "../model/text.js";
import type { RowChange, RowState, ScorecardComparison, SummaryChange } from "../scorecard/compare.js";
import { comparisonSections, type ComparisonOptions } from "./comparison.js";
import type { DocxSection } from "./docx.js";
import type { XlsxCell, XlsxSheet } from "./xlsx.js";

const WORDS = {
  vi: {
    sheet: "So sánh",
    rowsTitle: "Nhiệm vụ, chỉ tiêu thay đổi so với kỳ trước",
    change: "Thay đổi",
    part: "Mục",
    name: "Mã hoặc tên",
    period: "Năm",
    locality: "Địa phương",
    before: "Kỳ trước",
    now: "Kỳ này",
    scoreBefore: "Điểm kỳ trước",
    scoreNow: "Điểm kỳ này",
    scoreChange: "Thay đổi điểm",
    coverageBefore: "Độ phủ kỳ trước",
    coverageNow: "Độ phủ kỳ này",
    message: "Nội dung",
    remediation: "Việc cần làm",
    absent: "chưa có",
    count: (heading: string, n: number) => `${heading}: ${n}.`,
  },
  en: {
    sheet: "Comparison",
    rowsTitle: "Tasks and indicators changed since the previous report",
    change: "Change",
    part: "Part",
    name: "Id or name",
    period: "Year",
    locality: "Locality",
    before: "Before",
    now: "Now",
    scoreBefore: "Score before",
    scoreNow: "Score now",
    scoreChange: "Score change",
    coverageBefore: "Coverage before",
    coverageNow: "Coverage now",
    message: "Message",
    remediation: "What to do",
    absent: "none",
    count: (heading: string, n: number) => `${heading}: ${n}.`,
  },
} as const;

/** The row changes of a comparison by section id, in the order every format lists them. */
const ROW_PARTS = ["newlyOverdue", "newlyCompleted", "newlyMet", "newlyMissed", "newProblems", "resolved"] as const;
const SUMMARY_PARTS = ["byAgency", "bySharedDuty", "byTaskGroup", "byIndicatorGroup", "byLocality"] as const;

function rowChanges(c: ScorecardComparison): Record<(typeof ROW_PARTS)[number], readonly RowChange[]> {
  return {
    newlyOverdue: c.tasks.newlyOverdue,
    newlyCompleted: c.tasks.newlyCompleted,
    newlyMet: c.milestones.newlyMet,
    newlyMissed: c.milestones.newlyMissed,
    newProblems: c.dataProblems.new,
    resolved: c.dataProblems.resolved,
  };
}

/** A section's heading without its count: `Nhiệm vụ mới hoàn thành (3)` → `Nhiệm vụ mới hoàn thành`. */
const bare = (heading: string) => heading.replace(/ \(\d+\)$/, "");

/**
 * A comparison of two scorecards ({@link compareScorecards}) as sections of the report to the People's Committee
 * ({@link renderDocx}'s `sections`): the overall change, how many tasks and indicators changed and the score of each
 * lead agency before and now; then the tasks and milestones that changed, each with its message.
 *
 * @example
 * const report = await renderDocx(current, plan, { sections: comparisonDocxSections(compareScorecards(previous, current), plan) });
 */
export function comparisonDocxSections(comparison: ScorecardComparison, plan: DefinedPlan, options: ComparisonOptions = {}): DocxSection[] {
  const lang = options.lang ?? "vi";
  const w = WORDS[lang];
  const { title, overall, sections } = comparisonSections(comparison, plan, lang);
  const changes = rowChanges(comparison);
  const heading = (id: string) => bare(sections.find((s) => s.id === id)!.heading);
  const byAgency = sections.find((s) => s.id === "byAgency")?.table;
  const first: DocxSection = {
    title: title.replace(/: .*?, (.*)$/, " ($1)"),
    paragraphs: [...overall.map((line) => `${line}.`), ...ROW_PARTS.map((id) => w.count(heading(id), changes[id].length))],
    ...(byAgency ? { table: { columns: byAgency.columns, rows: byAgency.rows.map((r) => r.map((cell) => (typeof cell === "number" ? cell : String(cell ?? "")))), widths: [4, 2, 2, 2, 2, 2, 2] } } : {}),
  };
  const changed = ROW_PARTS.slice(0, 4).flatMap((id) => changes[id].map((row) => [heading(id), ...rowCells(row, lang)] as const));
  if (changed.length === 0) return [first];
  return [
    first,
    {
      title: w.rowsTitle,
      table: {
        columns: [w.change, w.name, w.period, w.locality, w.before, w.now, w.message],
        rows: changed.map(([part, entity, period, locality, before, now, message]) => [part, entity, period, locality, before, now, message]),
        widths: [3, 2, 1, 2, 2, 2, 6],
      },
    },
  ];
}

/**
 * A comparison of two scorecards as a worksheet for {@link renderXlsx}'s `sheets`: the overall change above the
 * header, then one line per changed task or indicator (its state before and now, message and what to do) and per
 * agency, group and locality (score and coverage before and now, as percentages).
 */
export function comparisonXlsxSheet(comparison: ScorecardComparison, plan: DefinedPlan, options: ComparisonOptions = {}): XlsxSheet {
  const lang = options.lang ?? "vi";
  const w = WORDS[lang];
  const { title, overall, sections } = comparisonSections(comparison, plan, lang);
  const changes = rowChanges(comparison);
  const heading = (id: string) => bare(sections.find((s) => s.id === id)!.heading);
  const rows: XlsxCell[][] = [];
  for (const id of ROW_PARTS)
    for (const row of changes[id]) {
      const [entity, period, locality, before, now, message, remediation] = rowCells(row, lang);
      rows.push([heading(id), entity, period === "" ? null : period, locality, before, now, null, null, null, null, null, message, remediation]);
    }
  const name = (part: (typeof SUMMARY_PARTS)[number], id: string) =>
    part === "byAgency" || part === "bySharedDuty" ? (plan.agency(id)?.name[lang] ?? id) : part === "byLocality" ? id : `${id} · ${plan.group(id)?.title[lang] ?? ""}`;
  for (const part of SUMMARY_PARTS)
    for (const [id, s] of Object.entries(comparison[part] as Readonly<Record<string, SummaryChange>>))
      rows.push([heading(part), name(part, id), null, null, null, null, s.previous?.score ?? null, s.current?.score ?? null, s.scoreChange, s.previous?.coverage ?? null, s.current?.coverage ?? null, null, null]);
  return {
    name: w.sheet,
    preamble: [[title], ...overall.map((line) => [line])],
    columns: [
      { header: w.part, kind: "text", width: 34 },
      { header: w.name, kind: "text", width: 36 },
      { header: w.period, kind: "integer" },
      { header: w.locality, kind: "text", width: 20 },
      { header: w.before, kind: "text", width: 18 },
      { header: w.now, kind: "text", width: 18 },
      { header: w.scoreBefore, kind: "percent" },
      { header: w.scoreNow, kind: "percent" },
      { header: w.scoreChange, kind: "percent" },
      { header: w.coverageBefore, kind: "percent" },
      { header: w.coverageNow, kind: "percent" },
      { header: w.message, kind: "text", width: 80 },
      { header: w.remediation, kind: "text", width: 60 },
    ],
    rows,
  };
}

/** A changed row's cells: entity, year, place, state before and now, message, what to do. */
function rowCells(row: RowChange, lang: Lang): [string, number | "", string, string, string, string, string] {
  const w = WORDS[lang];
  const state = (s: RowState | undefined) => (s ? (s.label?.[lang] ?? s.status) : w.absent);
  return [row.entity, row.period ?? "", row.locality ?? "", state(row.previous), state(row.current), row.message[lang], row.remediation?.[lang] ?? ""];
}
