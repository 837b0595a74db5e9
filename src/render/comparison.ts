import { Decimal } from "../decimal.js";
import type { DefinedPlan } from "../model/define-plan.js";
import type { ReportingRate } from "../model/scorecard.js";
import type { Table } from "../model/tables.js";
import type { Lang } from "../model/text.js";
import type { ReportingChange, RowChange, RowState, ScorecardComparison, SummaryChange } from "../scorecard/compare.js";
import { escapeHtml } from "./html/escape.js";
import { PAGE_STYLE } from "./html/page-style.js";
import { markdownText } from "../safe-text.js";
import { markdownTable } from "./markdown.js";
import { formatDate, formatPercent } from "./words.js";

const WORDS = {
  vi: {
    title: "Thay đổi so với kỳ báo cáo trước",
    plan: "Kế hoạch",
    from: "từ",
    to: "đến",
    overall: "Tổng quan",
    score: "Điểm",
    coverage: "Độ phủ dữ liệu",
    rejected: "Bản ghi bị loại",
    reported: "Báo cáo nhiệm vụ đã nhận / đúng hạn",
    points: "điểm phần trăm",
    newlyOverdue: "Nhiệm vụ mới quá hạn hoặc thiếu báo cáo",
    newlyCompleted: "Nhiệm vụ mới hoàn thành",
    newlyMet: "Chỉ tiêu mới đạt mốc",
    newlyMissed: "Chỉ tiêu mới không đạt mốc",
    newProblems: "Vấn đề số liệu mới",
    resolved: "Vấn đề số liệu đã khắc phục",
    byAgency: "Theo cơ quan chủ trì",
    bySharedDuty: "Nhiệm vụ chung của nhiều cơ quan",
    byTaskGroup: "Theo nhóm nhiệm vụ",
    byIndicatorGroup: "Theo nhóm chỉ tiêu",
    byLocality: "Theo địa phương",
    reporting: "Tình hình gửi báo cáo theo cơ quan chủ trì",
    entity: "Mã",
    period: "Năm",
    locality: "Địa phương",
    before: "Kỳ trước",
    now: "Kỳ này",
    change: "Thay đổi",
    message: "Nội dung",
    remediation: "Việc cần làm",
    name: "Tên",
    receivedBefore: "Đã nhận (kỳ trước)",
    receivedNow: "Đã nhận (kỳ này)",
    onTimeBefore: "Đúng hạn (kỳ trước)",
    onTimeNow: "Đúng hạn (kỳ này)",
    none: "Không có.",
    absent: "chưa có",
    benchmark: "tham chiếu",
  },
  en: {
    title: "Changes since the last report",
    plan: "Plan",
    from: "from",
    to: "to",
    overall: "Overall",
    score: "Score",
    coverage: "Data coverage",
    rejected: "Records rejected",
    reported: "Task reports received / on time",
    points: "percentage points",
    newlyOverdue: "Tasks newly overdue or missing a report",
    newlyCompleted: "Tasks newly completed",
    newlyMet: "Milestones newly met",
    newlyMissed: "Milestones newly missed",
    newProblems: "New problems in the figures",
    resolved: "Problems in the figures resolved",
    byAgency: "By lead agency",
    bySharedDuty: "Duties shared by several bodies",
    byTaskGroup: "By task group",
    byIndicatorGroup: "By indicator group",
    byLocality: "By locality",
    reporting: "Reporting by lead agency",
    entity: "Id",
    period: "Year",
    locality: "Locality",
    before: "Before",
    now: "Now",
    change: "Change",
    message: "Message",
    remediation: "What to do next",
    name: "Name",
    receivedBefore: "Received (before)",
    receivedNow: "Received (now)",
    onTimeBefore: "On time (before)",
    onTimeNow: "On time (now)",
    none: "None.",
    absent: "none",
    benchmark: "benchmark",
  },
} as const;

/** Options of the comparison's renderers. */
export interface ComparisonOptions {
  /** Language of the headings and messages. Default `vi`. */
  readonly lang?: Lang;
}

/** A section of a comparison: its heading, and a table or, when nothing changed, none. */
export interface ComparisonSection {
  readonly id: string;
  readonly heading: string;
  readonly table: Table | undefined;
}

/** The headline and the sections of a comparison, in the language: what every format of it shows. */
export function comparisonSections(comparison: ScorecardComparison, plan: DefinedPlan, lang: Lang): { title: string; overall: string[]; sections: ComparisonSection[] } {
  const w = WORDS[lang];
  const c = comparison;
  const title = `${w.title}: ${w.plan} ${c.plan.number}, ${w.from} ${formatDate(c.previous.asOf, lang)} ${w.to} ${formatDate(c.current.asOf, lang)}`;
  const overall = [
    `${w.score}: ${moved(c.overall.previous?.score, c.overall.current?.score, c.overall.scoreChange, lang)}`,
    `${w.coverage}: ${moved(c.overall.previous?.coverage, c.overall.current?.coverage, c.overall.coverageChange, lang)}`,
    `${w.rejected}: ${c.rejected.previous} → ${c.rejected.current}`,
  ];
  const r = c.reporting.overall;
  if (r.previous || r.current) overall.push(`${w.reported}: ${rates(r.previous, lang)} → ${rates(r.current, lang)}`);

  const state = (s: RowState | undefined) => (s ? (s.label?.[lang] ?? s.status) : w.absent);
  const place = (row: RowChange) => (row.locality === undefined ? "" : row.benchmark ? `${row.locality} (${w.benchmark})` : row.locality);
  const rowsTable = (rows: readonly RowChange[]): Table | undefined =>
    rows.length === 0
      ? undefined
      : {
          columns: [w.entity, w.period, w.locality, w.before, w.now, w.message, w.remediation],
          rows: rows.map((row) => [
            row.entity,
            row.period ?? "",
            place(row),
            state(row.previous),
            state(row.current),
            row.message[lang],
            row.remediation?.[lang] ?? "",
          ]),
        };
  const summaries = (record: Readonly<Record<string, SummaryChange>>, name: (id: string) => string): Table | undefined => {
    const ids = Object.keys(record);
    if (ids.length === 0) return undefined;
    return {
      columns: [w.name, `${w.score} (${w.before})`, `${w.score} (${w.now})`, w.change, `${w.coverage} (${w.before})`, `${w.coverage} (${w.now})`, w.change],
      rows: ids.map((id) => {
        const s = record[id]!;
        return [
          name(id),
          formatPercent(s.previous?.score ?? null, lang),
          formatPercent(s.current?.score ?? null, lang),
          points(s.scoreChange, lang),
          formatPercent(s.previous?.coverage ?? null, lang),
          formatPercent(s.current?.coverage ?? null, lang),
          points(s.coverageChange, lang),
        ];
      }),
    };
  };
  const agencyName = (id: string) => plan.agency(id)?.name[lang] ?? id;
  const groupName = (id: string) => `${id} · ${plan.group(id)?.title[lang] ?? ""}`;
  const reportingTable = (record: Readonly<Record<string, ReportingChange>>): Table | undefined => {
    const ids = Object.keys(record);
    if (ids.length === 0) return undefined;
    return {
      columns: [w.name, w.receivedBefore, w.receivedNow, w.onTimeBefore, w.onTimeNow],
      rows: ids.map((id) => {
        const { previous: p, current: n } = record[id]!;
        return [agencyName(id), share(p, "received", lang), share(n, "received", lang), share(p, "onTime", lang), share(n, "onTime", lang)];
      }),
    };
  };
  const sections: ComparisonSection[] = [
    { id: "newlyOverdue", heading: `${w.newlyOverdue} (${c.tasks.newlyOverdue.length})`, table: rowsTable(c.tasks.newlyOverdue) },
    { id: "newlyCompleted", heading: `${w.newlyCompleted} (${c.tasks.newlyCompleted.length})`, table: rowsTable(c.tasks.newlyCompleted) },
    { id: "newlyMet", heading: `${w.newlyMet} (${c.milestones.newlyMet.length})`, table: rowsTable(c.milestones.newlyMet) },
    { id: "newlyMissed", heading: `${w.newlyMissed} (${c.milestones.newlyMissed.length})`, table: rowsTable(c.milestones.newlyMissed) },
    { id: "byAgency", heading: w.byAgency, table: summaries(c.byAgency, agencyName) },
    { id: "bySharedDuty", heading: w.bySharedDuty, table: summaries(c.bySharedDuty, agencyName) },
    { id: "byTaskGroup", heading: w.byTaskGroup, table: summaries(c.byTaskGroup, groupName) },
    { id: "byIndicatorGroup", heading: w.byIndicatorGroup, table: summaries(c.byIndicatorGroup, groupName) },
    { id: "byLocality", heading: w.byLocality, table: summaries(c.byLocality, (id) => id) },
    { id: "reporting", heading: w.reporting, table: reportingTable(c.reporting.byAgency) },
    { id: "newProblems", heading: `${w.newProblems} (${c.dataProblems.new.length})`, table: rowsTable(c.dataProblems.new) },
    { id: "resolved", heading: `${w.resolved} (${c.dataProblems.resolved.length})`, table: rowsTable(c.dataProblems.resolved) },
  ];
  return { title, overall, sections };
}

/** `20,8% → 25% (+4,2 điểm phần trăm)`. */
function moved(before: string | null | undefined, now: string | null | undefined, change: string | null, lang: Lang): string {
  return `${formatPercent(before ?? null, lang)} → ${formatPercent(now ?? null, lang)}${change === null ? "" : ` (${points(change, lang)} ${WORDS[lang].points})`}`;
}

/** A change of a share in percentage points, signed: `+4,2`, `-10`, `0`. */
function points(change: string | null, lang: Lang): string {
  if (change === null) return "—";
  const d = new Decimal(change).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN);
  const text = d.isInteger() ? d.toFixed(0) : d.toFixed(1);
  const signed = d.gt(0) ? `+${text}` : text;
  return lang === "vi" ? signed.replace(".", ",") : signed;
}

function share(rate: ReportingRate | null, which: "received" | "onTime", lang: Lang): string {
  if (!rate) return "—";
  return `${rate[which]}/${rate.due} (${formatPercent(which === "received" ? rate.receivedRate : rate.onTimeRate, lang)})`;
}

function rates(rate: ReportingRate | null, lang: Lang): string {
  return rate ? `${formatPercent(rate.receivedRate, lang)} / ${formatPercent(rate.onTimeRate, lang)}` : "—";
}

/**
 * A comparison of two scorecards ({@link compareScorecards}) as JSON, two-space indented: every change with the
 * rows' messages and remediation in both languages.
 */
export function renderComparisonJson(comparison: ScorecardComparison): string {
  return `${JSON.stringify(comparison, null, 2)}\n`;
}

/**
 * A comparison of two scorecards as Markdown for the periodic report: the plan's score, coverage, rejected records and
 * reporting rates then and now; tasks newly overdue and newly completed; milestones newly met and missed; each
 * agency's, group's and locality's score and coverage then and now; reporting by agency; problems in the figures
 * new and resolved.
 *
 * @example
 * renderComparisonMarkdown(compareScorecards(previous, current), plans["haiphong-142"], { lang: "en" }).split("\n")[0];
 * //=> "# Changes since the last report: Plan 142/KH-UBND, from 2025-11-26 to 2026-11-26"
 */
export function renderComparisonMarkdown(comparison: ScorecardComparison, plan: DefinedPlan, options: ComparisonOptions = {}): string {
  const lang = options.lang ?? "vi";
  const w = WORDS[lang];
  const { title, overall, sections } = comparisonSections(comparison, plan, lang);
  const lines = [`# ${markdownText(title)}`, "", `## ${w.overall}`, "", ...overall.map((l) => `- ${markdownText(l)}`)];
  for (const s of sections) lines.push("", `## ${markdownText(s.heading)}`, "", ...(s.table ? markdownTable(s.table) : [w.none]));
  return `${lines.join("\n")}\n`;
}

/**
 * A comparison of two scorecards as one self-contained HTML page (no script), with the sections of
 * {@link renderComparisonMarkdown} as tables.
 *
 * @example
 * writeFileSync("changes.html", renderComparisonHtml(compareScorecards(previous, current), plans["haiphong-142"]));
 */
export function renderComparisonHtml(comparison: ScorecardComparison, plan: DefinedPlan, options: ComparisonOptions = {}): string {
  const lang = options.lang ?? "vi";
  const w = WORDS[lang];
  const { title, overall, sections } = comparisonSections(comparison, plan, lang);
  const e = escapeHtml;
  const table = (t: Table) =>
    `<div class="table-wrap"><table><thead><tr>${t.columns.map((c) => `<th scope="col">${e(c)}</th>`).join("")}</tr></thead><tbody>${t.rows
      .map((r) => `<tr>${r.map((c) => `<td>${e(String(c ?? ""))}</td>`).join("")}</tr>`)
      .join("")}</tbody></table></div>`;
  const body = sections
    .map((s) => `<section id="${e(s.id)}"><h2>${e(s.heading)}</h2>${s.table ? table(s.table) : `<p class="card">${e(w.none)}</p>`}</section>`)
    .join("\n");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${e(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<main class="wrap">
<h1>${e(title)}</h1>
<section id="overall"><h2>${e(w.overall)}</h2><ul>${overall.map((l) => `<li>${e(l)}</li>`).join("")}</ul></section>
${body}
</main>
</body>
</html>
`;
}
