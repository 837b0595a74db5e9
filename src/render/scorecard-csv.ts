import type { Table } from "../model/tables.js";
import { rowsToWrite } from "../scorecard/rows.js";
import type { Scorecard, ScorecardRow } from "../model/scorecard.js";
import { csvLine, type CsvOptions } from "./csv.js";
import { describeSource } from "../model/source.js";
import { inPieces } from "./pieces.js";
import { rowEvidence } from "./row-parts.js";
import { rowChangeCell } from "./plan-changes.js";

/** The columns of {@link scorecardTable}, in order. */
export const SCORECARD_COLUMNS = [
  "rule",
  "entity",
  "period",
  "locality",
  "benchmark",
  "verdict",
  "status",
  "score",
  "weight",
  "missing_data",
  "sources",
  "evidence",
  "message_vi",
  "message_en",
  "remediation_vi",
  "remediation_en",
  "changes",
] as const;

/**
 * A scorecard's rows as a flat table, one row per scorecard row, for a spreadsheet: `formatCsv(scorecardTable(s))`
 * is the CSV output (UTF-8 with BOM). Absent period, locality and score are empty cells; scores and weights
 * keep their decimal strings. `benchmark` and `missing_data` are `true` or empty; `sources` lists where the row's
 * records were read (`file:line`, `; ` between), `evidence` what the task report named, `remediation_vi` and
 * `remediation_en` what a failing, warning or no-data row's status asks the responsible agency to do, `changes` the
 * amendments, successions and waiver that touched the row (`amended by 215/QĐ-UBND (deadline)`, `exempted by … until …`).
 *
 * @example
 * formatCsv(scorecardTable(scorecard)).split("\r\n")[0];
 * //=> "\uFEFFrule,entity,period,locality,benchmark,verdict,status,score,weight,missing_data,sources,evidence,message_vi,message_en,remediation_vi,remediation_en,changes"
 */
export function scorecardTable(scorecard: Scorecard): Table {
  return { columns: SCORECARD_COLUMNS, rows: scorecard.rows.map(rowCells) };
}

/**
 * A scorecard as a CSV file for a spreadsheet (UTF-8 with a byte order mark, CRLF): one line per row, the columns of
 * {@link SCORECARD_COLUMNS}. What `formatCsv(scorecardTable(scorecard), options)` gives.
 *
 * @example
 * writeFileSync("scorecard.csv", renderCsv(scorecard));
 */
export function renderCsv(scorecard: Scorecard, options: CsvOptions = {}): string {
  return [...scorecardCsvLines(scorecard, options)].join("");
}

/**
 * The CSV of {@link renderCsv} (what `formatCsv(scorecardTable(scorecard), options)` gives) in pieces of
 * about a megabyte: a national scorecard is written without holding its table or one string of it, its rows made
 * one at a time when the scorecard has not made them yet.
 *
 * @example
 * for (const piece of renderCsvPieces(scorecard)) stream.write(piece);
 */
export function* renderCsvPieces(scorecard: Scorecard, options: CsvOptions = {}): Generator<string> {
  yield* inPieces(scorecardCsvLines(scorecard, options));
}

/**
 * The lines of {@link scorecardCsv}, each with its line ending, the first with the byte order mark.
 *
 * @internal
 */
export function* scorecardCsvLines(scorecard: Scorecard, options: CsvOptions = {}): Generator<string> {
  const eol = options.eol ?? "\r\n";
  yield `${options.bom === false ? "" : "\uFEFF"}${csvLine(SCORECARD_COLUMNS)}${eol}`;
  // Each row is written before the next is read: its facts need no copy (CSV does not even show them).
  for (const row of rowsToWrite(scorecard, { transient: true }).rows()) yield `${csvLine(rowCells(row))}${eol}`;
}

function rowCells(r: ScorecardRow): Array<string | number | undefined> {
  return [
    r.rule,
    r.entity,
    r.period,
    r.locality,
    r.benchmark === true ? "true" : undefined,
    r.verdict,
    r.status,
    r.score ?? undefined,
    r.weight,
    r.missingData === true ? "true" : undefined,
    r.sources === undefined || r.sources.length === 0 ? undefined : r.sources.map(describeSource).join("; "),
    rowEvidence(r),
    r.message.vi,
    r.message.en,
    r.remediation?.vi,
    r.remediation?.en,
    rowChangeCell(r),
  ];
}
