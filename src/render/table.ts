import { Decimal } from "../decimal.js";
import type { DefinedPlan } from "../model/define-plan.js";
import type { Table } from "../model/tables.js";
import type { Verdict } from "../model/verdict.js";
import { rowsToWrite } from "../scorecard/rows.js";
import { inPieces } from "./pieces.js";
import { ruleKinds, rowPlace, scopeWords, statusesOf, statusWords, summaryScore, type StatusOf } from "./row-parts.js";
import { changeSections, rowChangeNote, summaryChangeCounts } from "./plan-changes.js";
import { terminalText } from "../safe-text.js";
import type { ReportingRate, Scorecard, ScorecardRow, Summary } from "../model/scorecard.js";
import { formatPercent, formatDate, VERDICTS, verdictLabel, WORDS } from "./words.js";
import type { Lang } from "../model/text.js";

export { formatDate, formatPercent, VERDICTS, verdictLabel, WORDS } from "./words.js";

/** Options of {@link renderTerminal}. */
export interface TerminalOptions {
  readonly lang: Lang;
  /** Colour verdicts with ANSI escape codes (only for a terminal that shows them). */
  readonly color: boolean;
  /** Line width in characters; longer lines are cut with "…". Default 100. */
  readonly width?: number;
}

/** Cuts text to `max` characters at a word boundary where one is near, ending it with "…". */
export function shorten(text: string, max: number): string {
  if (charCount(text) <= max) return text;
  if (max <= 1) return "…".slice(0, max);
  const cut = text.slice(0, codePointEnd(text, max - 1));
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** One of the summary tables of a scorecard, with its heading. */
export interface SummarySection {
  readonly id: "byTaskGroup" | "byIndicatorGroup" | "byAgency" | "bySharedDuty" | "byLocality" | "reporting";
  readonly heading: string;
  readonly table: Table;
}

/**
 * The scorecard's summaries as tables in the language: by task group and indicator group (in the plan's order,
 * with the group's title), by lead agency (by name), the duties shared by collectives (apart, never ranked with
 * agencies), by locality (only when rows have a locality), and the reporting rates of each lead agency by year (when
 * the scorecard counts them). A provisional score says so beside it.
 *
 * @example
 * summaryTables(scorecard, plans["haiphong-142"], "en").map((s) => s.heading);
 * //=> ["By task group", "By indicator group", "By lead agency"]
 */
export function summaryTables(scorecard: Scorecard, plan: DefinedPlan, lang: Lang, titleLength = 80): SummarySection[] {
  const w = WORDS[lang];
  const counts = VERDICTS.map((v) => verdictLabel(v, lang));
  const figures = (s: Summary) => [summaryScore(s, lang), s.band.label[lang], formatPercent(s.coverage, lang), ...VERDICTS.map((v) => s.counts[v])];
  const tail = [w.score, w.band, w.coverage, ...counts];
  const groups = (record: Record<string, Summary>): Table => ({
    columns: [w.group, w.title, ...tail],
    rows: ordered(Object.keys(record), plan.groups.map((g) => g.id)).map((id) => [
      id,
      shorten(plan.group(id)?.title[lang] ?? id, titleLength),
      ...figures(record[id]!),
    ]),
  });
  const agencies = (record: Record<string, Summary>): Table => ({
    columns: [w.agency, ...tail],
    rows: ordered(Object.keys(record), plan.agencies.map((a) => a.id)).map((id) => [plan.agency(id)?.name[lang] ?? id, ...figures(record[id]!)]),
  });
  const sections: SummarySection[] = [
    { id: "byTaskGroup", heading: w.byTaskGroup, table: groups(scorecard.summary.byTaskGroup) },
    { id: "byIndicatorGroup", heading: w.byIndicatorGroup, table: groups(scorecard.summary.byIndicatorGroup) },
    { id: "byAgency", heading: w.byAgency, table: agencies(scorecard.summary.byAgency) },
  ];
  if (Object.keys(scorecard.summary.bySharedDuty).length > 0)
    sections.push({ id: "bySharedDuty", heading: w.bySharedDuty, table: agencies(scorecard.summary.bySharedDuty) });
  const localities = Object.keys(scorecard.summary.byLocality);
  if (localities.length > 0)
    sections.push({
      id: "byLocality",
      heading: w.byLocality,
      table: { columns: [w.locality, ...tail], rows: localities.map((l) => [l, ...figures(scorecard.summary.byLocality[l]!)]) },
    });
  const reporting = reportingTable(scorecard, plan, lang);
  if (reporting) sections.push({ id: "reporting", heading: w.reportingByAgency, table: reporting });
  return sections;
}

/**
 * Reports due, received and received on time by lead agency and year, as DHIS2 shows reporting rates: one line per
 * agency and year, then the agency's total when it reported for several years; the whole plan first.
 */
function reportingTable(scorecard: Scorecard, plan: DefinedPlan, lang: Lang): Table | undefined {
  const reporting = scorecard.summary.reporting;
  if (!reporting || reporting.overall.due === 0) return undefined;
  const w = WORDS[lang];
  const cells = (r: ReportingRate) => [r.due, r.received, formatPercent(r.receivedRate, lang), r.onTime, formatPercent(r.onTimeRate, lang)];
  const rows: Array<Array<string | number>> = [[w.wholePlan, w.allYears, ...cells(reporting.overall)]];
  for (const id of ordered(Object.keys(reporting.byAgency), plan.agencies.map((a) => a.id))) {
    const agency = reporting.byAgency[id]!;
    const name = plan.agency(id)?.name[lang] ?? id;
    const periods = Object.keys(agency.byPeriod);
    for (const period of periods) rows.push([name, period, ...cells(agency.byPeriod[period]!)]);
    if (periods.length > 1) rows.push([name, w.allYears, ...cells(agency.total)]);
  }
  return { columns: [w.agency, w.period, w.reportsDue, w.reportsReceived, w.receivedRate, w.reportsOnTime, w.onTimeRate], rows };
}

/** The reporting rates in one line: `Báo cáo nhiệm vụ đến hạn: 89; đã nhận 65 (73%); đúng hạn 53 (59,6%)`; undefined when none is counted. */
export function reportingLine(scorecard: Scorecard, lang: Lang): string | undefined {
  const r = scorecard.summary.reporting?.overall;
  if (!r || r.due === 0) return undefined;
  const w = WORDS[lang];
  return `${w.reportsDueLine}: ${r.due}; ${w.reportsReceived.toLowerCase()} ${r.received} (${formatPercent(r.receivedRate, lang)}); ${w.reportsOnTime.toLowerCase()} ${r.onTime} (${formatPercent(r.onTimeRate, lang)})`;
}

/** `keys` in the order of `order`, keys not in it after, as given. */
function ordered(keys: readonly string[], order: readonly string[]): string[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  return [...keys].sort((a, b) => (rank.get(a) ?? order.length) - (rank.get(b) ?? order.length));
}

/** Fails before warnings. */
const ATTENTION_VERDICTS: readonly Verdict[] = ["fail", "warn"];

/**
 * The rows that fail or warn, most urgent first: fails before warnings; then by how urgently each status needs
 * someone to act, as its rule declares (overdue tasks, missing reports, unmet and off-track indicators first);
 * scored rules before checks that weigh nothing. The checks of the plan document are not among them: they are
 * listed apart.
 *
 * @example
 * rowsNeedingAttention(scorecard)[0]?.status; //=> "overdue"
 */
export function rowsNeedingAttention(scorecard: Scorecard): ScorecardRow[] {
  const kinds = ruleKinds(scorecard);
  return attentionOrder(
    scorecard.rows.filter((row) => kinds.get(row.rule) !== "planCheck"),
    (row) => row,
    statusesOf(scorecard),
  );
}

/**
 * What `pick` makes of each row that fails or warns, in the order of {@link rowsNeedingAttention}; the rows
 * themselves are not kept, so a writer reading made-on-demand rows holds only what it shows of them.
 *
 * @internal
 */
export function attentionOrder<T>(rows: Iterable<ScorecardRow>, pick: (row: ScorecardRow) => T, statusOf: StatusOf): T[] {
  const found: { value: T; verdict: number; status: number; unweighted: number; index: number }[] = [];
  let index = 0;
  for (const row of rows) {
    const i = index++;
    if (!ATTENTION_VERDICTS.includes(row.verdict)) continue;
    found.push({
      value: pick(row),
      verdict: ATTENTION_VERDICTS.indexOf(row.verdict),
      status: statusOf(row)?.attention ?? Number.MAX_SAFE_INTEGER,
      unweighted: Number(new Decimal(row.weight).isZero()),
      index: i,
    });
  }
  return found.sort((a, b) => a.verdict - b.verdict || a.status - b.status || a.unweighted - b.unweighted || a.index - b.index).map((f) => f.value);
}

const MARKS: Record<Verdict, string> = { pass: "✓", warn: "!", fail: "✗", "no-data": "?", "not-applicable": "–" };
const COLORS: Record<Verdict, string> = { pass: "\x1b[32m", warn: "\x1b[33m", fail: "\x1b[31m", "no-data": "\x1b[2m", "not-applicable": "\x1b[2m" };
const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";
const DIM = "\x1b[2m";

/**
 * The scorecard for a person at a terminal: a header with the overall score, band and coverage; the rows grouped
 * by task group and indicator group (titles in the language), one line each — verdict mark, entity, status,
 * score, message — cut to the width; the plan document's own checks; and the summary by lead agency. ANSI
 * colours only when `color` is true: green pass, yellow warn, red fail, dim no-data and not-applicable.
 *
 * @example
 * process.stdout.write(renderTerminal(scorecard, plans["haiphong-142"], { lang: "en", color: process.stdout.isTTY, width: process.stdout.columns }));
 */
export function renderTerminal(scorecard: Scorecard, plan: DefinedPlan, options: TerminalOptions): string {
  return [...terminalParts(scorecard, plan, options)].join("");
}

/** What a row's line shows, kept instead of the row: a scorecard of a million rows is listed without holding them. */
interface ListedRow {
  readonly order: number;
  readonly index: number;
  readonly label: string;
  readonly status: string;
  readonly score: string | null;
  readonly verdict: Verdict;
  readonly message: string;
  /** What the row's status asks the responsible agency to do: a line of its own under the row. */
  readonly remediation: string | undefined;
}

/**
 * The text of {@link renderTerminal} in pieces of about a megabyte: a national scorecard's listing is written
 * without being joined into one string, its rows read once, one at a time, when the scorecard has not made them
 * yet (a line keeps what it shows of its row, not the row).
 *
 * @example
 * for (const piece of renderTerminalPieces(scorecard, plans["haiphong-142"], { lang: "en", color: false })) process.stdout.write(piece);
 */
export function* renderTerminalPieces(scorecard: Scorecard, plan: DefinedPlan, options: TerminalOptions): Generator<string> {
  yield* inPieces(terminalParts(scorecard, plan, options));
}

/**
 * The text of {@link renderTerminal} a line or so at a time.
 *
 * @internal
 */
export function* terminalParts(scorecard: Scorecard, plan: DefinedPlan, options: TerminalOptions): Generator<string> {
  const { lang, color } = options;
  const width = Math.max(40, options.width ?? 100);
  const w = WORDS[lang];
  const overall = scorecard.summary.overall;
  const line = (text: string) => `${fit(clean(text), width)}\n`;

  yield line(`${w.scorecard} ${scorecard.plan.number}${scopeWords(scorecard, plan, lang)} — ${w.asOf} ${formatDate(scorecard.asOf, lang)}`);
  yield `${fitPainted([`${w.score}: `, [BOLD, formatPercent(overall.score, lang)], ` ${headline(scorecard, lang)}`], width, color)}\n`;
  const countsLine = (counts: Summary["counts"], lead = "") =>
    `${fitPainted(
      [lead, ...VERDICTS.filter((v) => lead === "" || counts[v] > 0).flatMap((v, i) => [i === 0 ? "" : "  ", [COLORS[v], MARKS[v]] as const, ` ${counts[v]} ${verdictLabel(v, lang)}`])],
      width,
      color,
    )}\n`;
  yield countsLine(overall.counts);
  const setApart = summaryChangeCounts(overall, lang);
  if (setApart !== "") yield line(setApart);
  const checks = scorecard.summary;
  yield countsLine(checks.dataQuality.counts, `${w.dataQuality} (${w.notScored}): `);
  yield countsLine(checks.planChecks.counts, `${w.planChecks} (${w.notScored}): `);
  const input = scorecard.input;
  yield line(
    `${w.input}: ${w.observations} ${input.observations.accepted} ${w.accepted}, ${input.observations.rejected} ${w.rejectedWord}; ` +
      `${w.taskReports} ${input.taskReports.accepted} ${w.accepted}, ${input.taskReports.rejected} ${w.rejectedWord}`,
  );

  const reporting = reportingLine(scorecard, lang);
  if (reporting) yield line(reporting);

  const kinds = ruleKinds(scorecard);
  const statusOf = statusesOf(scorecard);
  const entityOrder = new Map<string, number>([...plan.tasks, ...plan.indicators].map((e, i) => [e.id, i]));
  const byGroup = new Map<string, ListedRow[]>();
  const planChecks: ListedRow[] = [];
  const dataChecks: ListedRow[] = [];
  let index = 0;
  for (const row of rowsToWrite(scorecard).rows()) {
    const kind = kinds.get(row.rule);
    // The checks list only what they find: most of them pass, and they are not scored.
    if (kind !== "performance" && row.verdict === "pass") continue;
    const listed: ListedRow = {
      order: entityOrder.get(row.entity) ?? Infinity,
      index: index++,
      label: `${row.entity}${row.period !== undefined ? ` ${row.period}` : ""}${row.locality ? ` · ${clean(rowPlace(row, lang))}` : ""}`,
      status: clean(statusWords(statusOf, row, lang)),
      remediation: row.remediation?.[lang],
      // A check weighs nothing: its score would read as a grade.
      score: kind === "performance" ? row.score : null,
      verdict: row.verdict,
      message: withChanges(terse(row, lang), row, lang),
    };
    if (kind === "planCheck" || kind === "dataQuality") {
      (kind === "planCheck" ? planChecks : dataChecks).push(listed);
      continue;
    }
    const group = plan.indicator(row.entity)?.group ?? plan.task(row.entity)?.group ?? "";
    const rows = byGroup.get(group);
    if (rows) rows.push(listed);
    else byGroup.set(group, [listed]);
  }
  const sortRows = (rows: readonly ListedRow[]) => [...rows].sort((a, b) => a.order - b.order || a.index - b.index);
  // Column widths fit the rows of the groups; the plan document's checks, listed apart, have their own.
  const widths = (groups: Iterable<readonly ListedRow[]>) => {
    let label = 0;
    let status = 0;
    for (const rows of groups)
      for (const r of rows) {
        label = Math.max(label, charCount(r.label));
        status = Math.max(status, r.status.length);
      }
    return { label: Math.min(22, label), status: Math.min(24, status) };
  };
  let { label: labelWidth, status: statusWidth } = widths(byGroup.values());
  const rowLine = (row: ListedRow) => {
    const text = `${pad(shorten(row.label, labelWidth), labelWidth)}  ${pad(shorten(row.status, statusWidth), statusWidth)}  ${pad(formatPercent(row.score, lang), 6, true)}  ${row.message}`;
    const dim = row.verdict === "no-data" || row.verdict === "not-applicable";
    const remedy = row.remediation === undefined ? "" : `${fitPainted([`  ↳ ${w.remediation}: `, [DIM, row.remediation]], width, color)}\n`;
    return `${
      dim
        ? fitPainted([[COLORS[row.verdict], `${MARKS[row.verdict]} ${text}`]], width, color)
        : fitPainted([[COLORS[row.verdict], MARKS[row.verdict]], ` ${text}`], width, color)
    }\n${remedy}`;
  };
  const summaryOf = (s: Summary | undefined) => (s ? ` — ${summaryScore(s, lang)} · ${s.band.label[lang]} · ${w.coverage} ${formatPercent(s.coverage, lang)}` : "");
  const printed = new Set<string>();
  for (const group of plan.groups) {
    const rows = byGroup.get(group.id);
    if (!rows) continue;
    if (group.parent && !printed.has(group.parent)) {
      printed.add(group.parent);
      yield `\n${fitPainted([[BOLD, shorten(`${group.parent}  ${plan.group(group.parent)?.title[lang] ?? ""}`, width)]], width, color)}\n`;
    }
    const summary = scorecard.summary.byTaskGroup[group.id] ?? scorecard.summary.byIndicatorGroup[group.id];
    const indent = group.parent ? "  " : "";
    const tail = summaryOf(summary);
    yield `\n${fitPainted(
      [[BOLD, `${indent}${group.id}  ${shorten(group.title[lang], Math.max(20, width - tail.length - group.id.length - 4 - indent.length))}`], tail],
      width,
      color,
    )}\n`;
    printed.add(group.id);
    for (const row of sortRows(rows)) yield rowLine(row);
  }
  const others = [...byGroup].filter(([id]) => !printed.has(id)).flatMap(([, rows]) => rows);
  if (others.length > 0) {
    yield `\n${fitPainted([[BOLD, w.other]], width, color)}\n`;
    for (const row of sortRows(others)) yield rowLine(row);
  }
  // The checks of the figures and of the plan document, apart from performance: what they find, not scored.
  for (const [heading, found] of [
    [w.dataQuality, dataChecks],
    [w.planChecks, planChecks],
  ] as const) {
    if (found.length === 0) continue;
    yield `\n${fitPainted([[BOLD, `${heading} (${w.notScored})`]], width, color)}\n`;
    const sorted = sortRows(found);
    ({ label: labelWidth, status: statusWidth } = widths([sorted]));
    for (const row of sorted) yield rowLine(row);
  }

  const sections = summaryTables(scorecard, plan, lang);
  const reportingSection = sections.find((s) => s.id === "reporting");
  if (reportingSection) {
    // Agency, year, then the counts: each column as wide as its widest cell.
    const { columns, rows } = reportingSection.table;
    const widths = columns.map((c, k) => Math.min(k === 0 ? 30 : 14, Math.max(charCount(c), ...rows.map((r) => charCount(String(r[k]))))));
    const cellsLine = (cells: readonly unknown[]) => line(cells.map((c, k) => pad(shorten(String(c), widths[k]!), widths[k]!, k >= 2)).join("  "));
    yield `\n${fitPainted([[BOLD, reportingSection.heading]], width, color)}\n`;
    yield cellsLine(columns);
    for (const r of rows) yield cellsLine(r);
  }

  // The amendments, successions and waivers applied: a line each.
  for (const section of changeSections(scorecard, plan, lang)) {
    yield `\n${fitPainted([[BOLD, section.heading]], width, color)}\n`;
    for (const r of section.table.rows) yield line(`  ${r.filter((c) => c !== undefined && c !== "").join(" · ")}`);
    if (section.table.rows.length === 0) yield line("  —");
  }

  for (const section of sections.filter((s) => s.id === "byAgency" || s.id === "bySharedDuty")) {
    const agencies = section.table;
    yield `\n${fitPainted([[BOLD, section.heading]], width, color)}\n`;
    const figures = agencies.rows.map((r) => r.slice(1, 4).map(String));
    const figureWidths = [0, 1, 2].map((k) => Math.max(...[agencies.columns[k + 1]!, ...figures.map((f) => f[k]!)].map((t) => [...t].length)));
    const countsText = (r: readonly unknown[]) => `${MARKS.fail} ${String(r[6])}  ${MARKS.warn} ${String(r[5])}`;
    const nameWidth = Math.max(12, Math.min(48, width - figureWidths.reduce((a, b) => a + b + 2, 0) - 12));
    yield line(`${pad(agencies.columns[0]!, nameWidth)}  ${[1, 2, 3].map((k) => pad(agencies.columns[k]!, figureWidths[k - 1]!)).join("  ")}  ${MARKS.fail}/${MARKS.warn}`);
    for (const r of agencies.rows)
      yield line(`${pad(shorten(String(r[0]), nameWidth), nameWidth)}  ${[1, 2, 3].map((k) => pad(String(r[k]), figureWidths[k - 1]!)).join("  ")}  ${countsText(r)}`);
  }
}

/**
 * What follows the overall score: `· Khá · Độ phủ dữ liệu 80%`, or for a provisional score `(tạm tính) · chưa xếp
 * loại: độ phủ dữ liệu 33,1%, dưới mức tối thiểu 50%`.
 *
 * @internal
 */
export function headline(scorecard: Scorecard, lang: Lang): string {
  const w = WORDS[lang];
  const { overall } = scorecard.summary;
  const coverage = formatPercent(overall.coverage, lang);
  if (!overall.provisional || overall.score === null) return `· ${overall.band.label[lang]} · ${w.coverage} ${coverage}`;
  return `(${w.provisional}) · ${w.belowMinCoverage.replace("{coverage}", coverage).replace("{min}", formatPercent(scorecard.minCoverage, lang))}`;
}

/**
 * The message without the entity's long name, which the line already shows by id: `T-1.1 «Các Sở…» quá hạn …`
 * becomes `quá hạn …`, and `Năm 2025, PL2-1 «Tỷ lệ…» đạt 62.5` becomes `Năm 2025, PL2-1 đạt 62.5`.
 */
function terse(row: ScorecardRow, lang: Lang): string {
  const message = clean(row.message[lang]);
  const start = message.indexOf(`${row.entity} «`);
  const end = start < 0 ? -1 : message.indexOf("»", start);
  if (end < 0) return message;
  // The place after the name (`(toàn thành phố)`) goes too: the line shows the locality beside the id.
  let rest = message.slice(end + 1);
  if (rest.startsWith(" (")) {
    const close = rest.indexOf(")");
    if (close > 0) rest = rest.slice(close + 1);
  }
  return start === 0 ? rest.replace(/^[\s:,]+/, "") : `${message.slice(0, start)}${row.entity}${rest}`;
}

/** A row's message with the amendments and successions that changed its entity, when the message does not say them. */
function withChanges(message: string, row: ScorecardRow, lang: Lang): string {
  if (row.facts.waiver !== undefined || row.facts.inactive !== undefined) return message;
  const note = rowChangeNote(row, lang);
  return note === "" ? message : `${message} [${clean(note)}]`;
}

/** Text from reports and rule files on one line, with every control character and bidirectional override seen, never acted on. */
function clean(text: string): string {
  return terminalText(text, { singleLine: true });
}

function pad(text: string, size: number, right = false): string {
  const n = size - charCount(text);
  if (n <= 0) return text;
  return right ? " ".repeat(n) + text : text + " ".repeat(n);
}

/** Cuts a line to the width, by characters. */
function fit(text: string, width: number): string {
  return charCount(text) <= width ? text : `${text.slice(0, codePointEnd(text, width - 1))}…`;
}

/** Where the first `n` characters (code points) of a text end, in code units; the text's length when it has fewer. */
function codePointEnd(text: string, n: number): number {
  let i = 0;
  for (let k = 0; k < n && i < text.length; k++) {
    const c = text.charCodeAt(i);
    const d = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
    i += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  }
  return i;
}

/**
 * How many characters (code points) a terminal shows for a text, as `[...text].length` counts them, without making
 * the array: each line of a national listing is measured several times.
 *
 * @internal
 */
export function charCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Joins pieces, some painted (`[code, text]`), cut to the width by visible characters, colour codes kept balanced. */
function fitPainted(pieces: ReadonlyArray<string | readonly [string, string]>, width: number, color: boolean): string {
  let room = width;
  let out = "";
  for (const piece of pieces) {
    const [code, given] = typeof piece === "string" ? ["", piece] : piece;
    // Whatever the pieces hold (a band's label, a group's title): only the colour codes reach the terminal as codes.
    const text = clean(given);
    if (room <= 0) break;
    // Measured only as far as the room: a listing's long messages are cut at the width.
    const fits = codePointEnd(text, room) >= text.length;
    const shown = fits ? text : `${text.slice(0, codePointEnd(text, room - 1))}…`;
    room = fits ? room - charCount(text) : 0;
    out += color && code ? `${code}${shown}${RESET}` : shown;
  }
  return out;
}
