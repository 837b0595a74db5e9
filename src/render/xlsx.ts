import type { DefinedPlan } from "../model/define-plan.js";
import type { ReportingRate, Scorecard, ScorecardRow, Summary } from "../model/scorecard.js";
import type { Lang } from "../model/text.js";
import type { AppliesTo } from "../model/verdict.js";
import { officeText } from "../safe-text.js";
import { rowsToWrite } from "../scorecard/rows.js";
import { appliesToOf, entityTitle, factDate, factText, leadNames } from "./office-rows.js";
import { rowTrace, statusesOf, statusWords } from "./row-parts.js";
import { VERDICTS, verdictLabel, WORDS } from "./words.js";

/**
 * How a column's cells are written: `text` as text (never a formula), `integer` and `decimal` as numbers, `percent`
 * as a number from 0 to 1 shown as a percentage, `date` (`YYYY-MM-DD`) as a date, `boolean` as TRUE or FALSE.
 */
export type XlsxColumnKind = "text" | "integer" | "decimal" | "percent" | "date" | "boolean";

/** A column of a worksheet: its header and how its cells are written. */
export interface XlsxColumn {
  readonly header: string;
  readonly kind: XlsxColumnKind;
  /** Width in characters. Default by kind. */
  readonly width?: number;
}

/**
 * A cell's value: text, a number, a decimal string (for `decimal` and `percent`), a `YYYY-MM-DD` date, a boolean, or
 * nothing (an empty cell).
 */
export type XlsxCell = string | number | boolean | null | undefined;

/** A worksheet as a table: a header row, frozen and filtered, and one row per item. */
export interface XlsxSheet {
  /** The sheet's name, as Excel allows it: at most 31 characters, none of `[ ] : * ? / \`. */
  readonly name: string;
  readonly columns: readonly XlsxColumn[];
  readonly rows: Iterable<readonly XlsxCell[]>;
  /** Lines of text above the header row (a title, the date assessed). */
  readonly preamble?: readonly (readonly XlsxCell[])[];
}

/** Options of {@link renderXlsx}. */
export interface XlsxOptions {
  /** Language of the sheet names, headers and messages. Default `vi`. */
  readonly lang?: Lang;
  /** Sheets added after the scorecard's own, such as a comparison with the previous period's scorecard. */
  readonly sheets?: readonly XlsxSheet[];
}

const XLSX_WORDS = {
  vi: {
    sheets: { summary: "Tổng hợp", agencies: "Cơ quan", reporting: "Tình hình báo cáo", tasks: "Nhiệm vụ", indicators: "Chỉ tiêu", checks: "Kiểm tra số liệu", rejected: "Bản ghi bị loại" },
    level: "Cấp",
    levels: { overall: "Toàn thành phố", taskGroup: "Nhóm nhiệm vụ", indicatorGroup: "Nhóm chỉ tiêu", agency: "Cơ quan chủ trì", sharedDuty: "Nhiệm vụ chung", locality: "Địa phương" },
    id: "Mã",
    name: "Tên",
    provisional: "Tạm tính",
    tasksLed: "Số nhiệm vụ chủ trì",
    tasksCoordinated: "Số nhiệm vụ phối hợp",
    indicatorsLed: "Số chỉ tiêu chủ trì",
    title: "Nội dung",
    group: "Nhóm",
    lead: "Cơ quan chủ trì",
    due: "Hạn",
    reportedOn: "Ngày báo cáo",
    completedOn: "Ngày hoàn thành",
    missingData: "Thiếu dữ liệu",
    target: "Chỉ tiêu",
    value: "Số liệu",
    kind: "Loại",
    file: "Tệp",
    line: "Dòng",
    index: "Thứ tự",
    field: "Trường",
    reason: "Lý do",
    record: "Bản ghi",
    kinds: { observation: "số liệu chỉ tiêu", taskReport: "báo cáo nhiệm vụ", file: "tệp" },
    reporting: { period: "Năm", due: "Báo cáo phải gửi", received: "Đã nhận", receivedRate: "Tỷ lệ đã nhận", onTime: "Đúng hạn", onTimeRate: "Tỷ lệ đúng hạn", plan: "Toàn kế hoạch" },
    dateFormat: "dd/mm/yyyy",
  },
  en: {
    sheets: { summary: "Summary", agencies: "Agencies", reporting: "Reporting rates", tasks: "Tasks", indicators: "Indicators", checks: "Data checks", rejected: "Rejected records" },
    level: "Level",
    levels: { overall: "Whole city", taskGroup: "Task group", indicatorGroup: "Indicator group", agency: "Lead agency", sharedDuty: "Shared duty", locality: "Locality" },
    id: "Id",
    name: "Name",
    provisional: "Provisional",
    tasksLed: "Tasks led",
    tasksCoordinated: "Tasks coordinated",
    indicatorsLed: "Indicators led",
    title: "Title",
    group: "Group",
    lead: "Lead agency",
    due: "Due",
    reportedOn: "Reported on",
    completedOn: "Completed on",
    missingData: "Missing data",
    target: "Target",
    value: "Figure",
    kind: "Kind",
    file: "File",
    line: "Line",
    index: "Index",
    field: "Field",
    reason: "Reason",
    record: "Record",
    kinds: { observation: "observation", taskReport: "task report", file: "file" },
    reporting: { period: "Year", due: "Reports due", received: "Received", receivedRate: "Received rate", onTime: "On time", onTimeRate: "On-time rate", plan: "Whole plan" },
    dateFormat: "yyyy-mm-dd",
  },
} as const;

const DEFAULT_WIDTH: Record<XlsxColumnKind, number> = { text: 24, integer: 9, decimal: 12, percent: 10, date: 12, boolean: 10 };
const PERCENT_FORMAT = "0.0%";

/**
 * The scorecard as an Excel workbook (XLSX) for the agencies that work in spreadsheets: a summary sheet (the whole
 * city, each task group and indicator group, each locality: score, coverage, band and verdict counts), the agencies
 * (their scores and what they lead and coordinate), the reporting rates (reports due, received and received on time,
 * of the plan and each lead agency, over all years and by year), the tasks and the indicators (one line per verdict, with its
 * dates, figures, target, status and message), the checks of the reported figures and of the plan document, and the
 * records rejected with where they were and why; then any `sheets` given, such as a comparison with the previous
 * period. Every sheet's header row is frozen and filtered; dates are dates, scores and coverage numbers from 0 to 1
 * shown as percentages, figures numbers; text from data is written as text, never as a formula.
 *
 * The `exceljs` library is loaded when the first workbook is made, so that an app that never makes one does not
 * load it. Runs in Node.js and in browsers.
 *
 * @example
 * const bytes = await renderXlsx(scorecard, plans["haiphong-142"], { lang: "vi" });
 * await writeFile("bang-danh-gia.xlsx", bytes);
 */
export async function renderXlsx(scorecard: Scorecard, plan: DefinedPlan, options: XlsxOptions = {}): Promise<Uint8Array> {
  const lang = options.lang ?? "vi";
  const sheets = [...scorecardSheets(scorecard, plan, lang), ...(options.sheets ?? [])];
  const loaded = await import("exceljs");
  // exceljs is CommonJS: its classes are on the default export under Node's ESM, on the module under bundlers.
  const ExcelJS = (loaded as unknown as { default?: typeof loaded }).default ?? loaded;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "nq57-scorecard";
  // The date assessed, not the clock: the same scorecard makes the same workbook.
  workbook.created = workbook.modified = utcDate(scorecard.asOf);
  const dateFormat = XLSX_WORDS[lang].dateFormat;
  const names = new Set<string>();
  for (const sheet of sheets) {
    const name = sheetName(sheet.name, names);
    const preamble = sheet.preamble ?? [];
    const headerRow = preamble.length + 1;
    const ws = workbook.addWorksheet(name, { views: [{ state: "frozen", xSplit: 0, ySplit: headerRow, activeCell: `A${headerRow + 1}` }] });
    ws.columns = sheet.columns.map((c) => ({ width: c.width ?? DEFAULT_WIDTH[c.kind] }));
    for (const line of preamble) {
      const row = ws.addRow(line.map((v) => (typeof v === "string" && isIsoDate(v) ? utcDate(v) : typeof v === "string" ? officeText(v) : v)));
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = dateFormat;
      });
    }
    if (preamble.length > 0) ws.getRow(1).font = { bold: true, size: 13 };
    const header = ws.addRow(sheet.columns.map((c) => officeText(c.header)));
    header.font = { bold: true };
    header.alignment = { vertical: "middle", wrapText: true };
    let count = 0;
    for (const values of sheet.rows) {
      const row = ws.addRow(sheet.columns.map((c, i) => cellValue(values[i], c.kind)));
      sheet.columns.forEach((c, i) => {
        if (c.kind === "percent") row.getCell(i + 1).numFmt = PERCENT_FORMAT;
        else if (c.kind === "date") row.getCell(i + 1).numFmt = dateFormat;
      });
      count++;
    }
    ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + count, column: sheet.columns.length } };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** A cell as its column's kind writes it; what is not of that kind (a decimal too long for a number) stays text. */
function cellValue(value: XlsxCell, kind: XlsxColumnKind): string | number | boolean | Date | null {
  if (value === undefined || value === null || value === "") return null;
  if (typeof value === "string") {
    if ((kind === "decimal" || kind === "percent" || kind === "integer") && /^-?\d+(?:\.\d+)?$/.test(value)) return Number(value);
    if (kind === "date" && isIsoDate(value)) return utcDate(value);
    return officeText(value);
  }
  return value;
}

function isIsoDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** A calendar date as exceljs writes one: midnight UTC of that day is the day's serial number, whatever the host's zone. */
function utcDate(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/** A name Excel accepts for a sheet, unique in the workbook: forbidden characters replaced, cut to 31 characters. */
function sheetName(wanted: string, taken: Set<string>): string {
  const base = officeText(wanted).replace(/[[\]:*?/\\]/g, "-").replace(/^'|'$/g, "").slice(0, 31) || "Sheet";
  let name = base;
  for (let n = 2; [...taken].some((t) => t.toLowerCase() === name.toLowerCase()); n++) name = `${base.slice(0, 31 - `${n}`.length - 1)}-${n}`;
  taken.add(name);
  return name;
}

/**
 * The scorecard's own sheets, in the order {@link renderXlsx} writes them.
 *
 * @internal
 */
export function scorecardSheets(scorecard: Scorecard, plan: DefinedPlan, lang: Lang): XlsxSheet[] {
  const w = XLSX_WORDS[lang];
  const t = WORDS[lang];
  const kinds = appliesToOf(scorecard);
  const statusOf = statusesOf(scorecard);
  const rows = [...rowsToWrite(scorecard).rows()];
  const of = (appliesTo: readonly AppliesTo[]) => rows.filter((r) => appliesTo.includes(kinds.get(r.rule) ?? "plan"));

  const summaryColumns: XlsxColumn[] = [
    { header: t.score, kind: "percent" },
    { header: t.coverage, kind: "percent" },
    { header: w.provisional, kind: "boolean" },
    { header: t.band, kind: "text", width: 18 },
    { header: t.rows, kind: "integer" },
    ...VERDICTS.map((v): XlsxColumn => ({ header: verdictLabel(v, lang), kind: "integer" })),
  ];
  const figures = (s: Summary): XlsxCell[] => [s.score, s.coverage, s.provisional, s.band.label[lang], s.rows, ...VERDICTS.map((v) => s.counts[v])];
  const { summary } = scorecard;
  const groups = (record: Record<string, Summary>, level: string) =>
    plan.groups.filter((g) => Object.hasOwn(record, g.id)).map((g) => [level, g.id, g.title[lang], ...figures(record[g.id]!)]);
  const input = scorecard.input;

  const verdictCells = (row: ScorecardRow): XlsxCell[] => [verdictLabel(row.verdict, lang), statusWords(statusOf, row, lang), row.weight === "0" ? null : row.score, row.weight, row.missingData === true];
  const verdictColumns: XlsxColumn[] = [
    { header: t.verdict, kind: "text", width: 14 },
    { header: t.status, kind: "text", width: 18 },
    { header: t.score, kind: "percent" },
    { header: t.weight, kind: "decimal", width: 9 },
    { header: w.missingData, kind: "boolean" },
  ];
  const tail: XlsxColumn[] = [
    { header: t.message, kind: "text", width: 80 },
    { header: t.source, kind: "text", width: 30 },
  ];
  const groupOf = (row: ScorecardRow) => plan.task(row.entity)?.group ?? plan.indicator(row.entity)?.group ?? null;
  /** A sheet of the rows about tasks or indicators: what each is and who leads it, the sheet's own columns, then the verdict. */
  const entitySheet = (name: string, title: string, appliesTo: AppliesTo[], own: XlsxColumn[], cells: (row: ScorecardRow) => XlsxCell[]): XlsxSheet => ({
    name,
    columns: [
      { header: t.rule, kind: "text", width: 22 },
      { header: w.id, kind: "text", width: 12 },
      { header: title, kind: "text", width: 60 },
      { header: w.group, kind: "text", width: 10 },
      { header: w.lead, kind: "text", width: 30 },
      { header: t.period, kind: "integer" },
      ...own,
      ...verdictColumns,
      ...tail,
    ],
    rows: of(appliesTo).map((r) => [
      r.rule,
      r.entity,
      entityTitle(r.entity, plan, lang),
      groupOf(r),
      leadNames(r, plan, lang),
      r.period,
      ...cells(r),
      ...verdictCells(r),
      r.message[lang],
      rowTrace(r, lang),
    ]),
  });

  return [
    {
      name: w.sheets.summary,
      preamble: [
        [`${t.scorecard} ${scorecard.plan.number}`],
        [t.asOf, scorecard.asOf, t.rulesVersion, scorecard.rulesVersion],
        [`${t.input}: ${t.observations}`, input.observations.accepted, t.rejectedWord, input.observations.rejected, t.taskReports, input.taskReports.accepted, t.rejectedWord, input.taskReports.rejected],
      ],
      columns: [{ header: w.level, kind: "text", width: 18 }, { header: w.id, kind: "text", width: 12 }, { header: w.name, kind: "text", width: 60 }, ...summaryColumns],
      rows: [
        [w.levels.overall, plan.id, plan.document.title[lang], ...figures(summary.overall)],
        ...groups(summary.byTaskGroup, w.levels.taskGroup),
        ...groups(summary.byIndicatorGroup, w.levels.indicatorGroup),
        ...Object.entries(summary.byLocality).map(([l, s]) => [w.levels.locality, l, l, ...figures(s)]),
      ],
    },
    {
      name: w.sheets.agencies,
      columns: [
        { header: w.id, kind: "text", width: 30 },
        { header: w.name, kind: "text", width: 40 },
        { header: w.level, kind: "text", width: 18 },
        ...summaryColumns,
        { header: w.tasksLed, kind: "integer" },
        { header: w.tasksCoordinated, kind: "integer" },
        { header: w.indicatorsLed, kind: "integer" },
      ],
      rows: [
        ...Object.entries(summary.byAgency).map(([id, s]) => [id, plan.agency(id)?.name[lang] ?? id, w.levels.agency, ...figures(s)]),
        ...Object.entries(summary.bySharedDuty).map(([id, s]) => [id, plan.agency(id)?.name[lang] ?? id, w.levels.sharedDuty, ...figures(s)]),
      ].map((cells) => {
        const id = String(cells[0]);
        return [...cells, plan.tasksByAgency(id, "lead").length, plan.tasksByAgency(id, "coordinating").length, plan.indicatorsByAgency(id).length];
      }),
    },
    ...reportingSheets(scorecard, plan, lang),
    entitySheet(
      w.sheets.tasks,
      w.title,
      ["task"],
      [
        { header: w.due, kind: "date" },
        { header: w.reportedOn, kind: "date" },
        { header: w.completedOn, kind: "date" },
      ],
      (r) => [factDate(r, "due") ?? factDate(r, "periodDue"), factDate(r, "reportedOn"), factDate(r, "completedOn")],
    ),
    entitySheet(
      w.sheets.indicators,
      w.name,
      ["indicator"],
      [
        { header: t.locality, kind: "text", width: 20 },
        { header: t.benchmark, kind: "boolean" },
        { header: w.target, kind: "text", width: 20 },
        { header: w.value, kind: "decimal" },
      ],
      (r) => [r.locality, r.benchmark === true, factText(r, "targetRaw") ?? targetOf(r), factText(r, "observedValue") ?? factText(r, "latestValue")],
    ),
    {
      name: w.sheets.checks,
      columns: [
        { header: t.rule, kind: "text", width: 30 },
        { header: w.kind, kind: "text", width: 24 },
        { header: w.id, kind: "text", width: 12 },
        { header: t.period, kind: "integer" },
        { header: t.locality, kind: "text", width: 20 },
        { header: t.verdict, kind: "text", width: 14 },
        { header: t.status, kind: "text", width: 18 },
        ...tail,
      ],
      rows: of(["observation", "plan"]).map((r) => [
        r.rule,
        kinds.get(r.rule) === "plan" ? t.planChecks : t.dataQuality,
        r.entity,
        r.period,
        r.locality,
        verdictLabel(r.verdict, lang),
        statusWords(statusOf, r, lang),
        r.message[lang],
        rowTrace(r, lang),
      ]),
    },
    {
      name: w.sheets.rejected,
      columns: [
        { header: w.kind, kind: "text", width: 18 },
        { header: w.file, kind: "text", width: 30 },
        { header: w.line, kind: "integer" },
        { header: w.index, kind: "integer" },
        { header: w.field, kind: "text", width: 14 },
        { header: w.value, kind: "text", width: 16 },
        { header: w.reason, kind: "text", width: 80 },
        { header: w.record, kind: "text", width: 60 },
      ],
      rows: scorecard.rejected.map((r) => [
        w.kinds[r.kind],
        r.source.file,
        r.source.line,
        r.source.index,
        r.field,
        r.value === undefined ? undefined : typeof r.value === "string" ? r.value : JSON.stringify(r.value),
        r.reason,
        r.record === undefined ? undefined : JSON.stringify(r.record),
      ]),
    },
  ];
}

/** The target an indicator row is judged against, as written, when its facts hold one. */
function targetOf(row: ScorecardRow): string | undefined {
  const target = row.facts.nextTarget ?? row.facts.target;
  return typeof target === "object" && target !== null && typeof (target as { raw?: unknown }).raw === "string" ? (target as { raw: string }).raw : undefined;
}

/**
 * Reports due, received and received on time (as DHIS2 reports them), for the whole plan and each lead agency, over
 * all years (no year) and by the year each report is for; none when the scorecard has no reporting rates.
 */
function reportingSheets(scorecard: Scorecard, plan: DefinedPlan, lang: Lang): XlsxSheet[] {
  const reporting = scorecard.summary.reporting;
  if (!reporting) return [];
  const w = XLSX_WORDS[lang];
  const r = w.reporting;
  const rate = (id: string, name: string, period: number | null, x: ReportingRate): XlsxCell[] => [id, name, period, x.due, x.received, x.receivedRate, x.onTime, x.onTimeRate];
  const lines = (id: string, name: string, total: ReportingRate, byPeriod: Readonly<Record<string, ReportingRate>>) => [
    rate(id, name, null, total),
    ...Object.entries(byPeriod).map(([year, x]) => rate(id, name, Number(year), x)),
  ];
  return [
    {
      name: w.sheets.reporting,
      columns: [
        { header: w.id, kind: "text", width: 30 },
        { header: w.name, kind: "text", width: 40 },
        { header: r.period, kind: "integer" },
        { header: r.due, kind: "integer", width: 12 },
        { header: r.received, kind: "integer" },
        { header: r.receivedRate, kind: "percent", width: 12 },
        { header: r.onTime, kind: "integer" },
        { header: r.onTimeRate, kind: "percent", width: 12 },
      ],
      rows: [
        ...lines(plan.id, r.plan, reporting.overall, reporting.byPeriod),
        ...Object.entries(reporting.byAgency).flatMap(([id, a]) => lines(id, plan.agency(id)?.name[lang] ?? id, a.total, a.byPeriod)),
      ],
    },
  ];
}
