import type { DefinedPlan } from "../model/define-plan.js";
import { assembleInput } from "./accept-records.js";
import { checkObservation, checkTaskReport } from "./check-record.js";
import { CsvSyntaxError, parseCsv, type CsvRow } from "./csv.js";
import { checkFileText } from "./file-text.js";
import type { InputNote, ReadInput, RejectedRecord } from "./records.js";

const OBSERVATION_COLUMNS = ["indicator", "period", "value", "met", "unit", "locality", "source", "reportedOn"] as const;
const TASK_REPORT_COLUMNS = ["task", "status", "period", "reportedOn", "completedOn", "evidence"] as const;
const EXPECTED =
  "observations need indicator, period and value or met (optional: unit, locality, source, reportedOn); " +
  "task reports need task and status (optional: period, reportedOn, completedOn, evidence)";

type Kind = "observation" | "taskReport";

/** How a header row reads: the kind of records and the field each column holds (undefined = ignored). */
interface Layout {
  readonly kind: Kind;
  readonly fields: readonly (string | undefined)[];
  readonly notes: InputNote[];
}

/**
 * Reads a CSV file of observations or of task reports, told apart by the header: `indicator`, `period`
 * and `value` or `met` for observations; `task` and `status` for task reports. Headers are trimmed and
 * case-insensitive (`reportedOn`, `reported_on`, `Reported On` are one), in any order; unknown columns
 * are noted and ignored. Empty cells mean absent, blank lines are skipped, and a row whose number of cells
 * differs from the header's is rejected, as is a row repeating the header (two files joined). A header of
 * neither kind, or an unclosed quote, rejects the whole file. Records are then checked as
 * {@link acceptRecords} does, with the file and line as source.
 *
 * Read as written, with a note: a UTF-8 byte order mark (removed), Excel's `sep=,` line before the header
 * (skipped), bytes that were not UTF-8 (kept as U+FFFD), a header without records. Rejected as a whole:
 * a file of more than 10,000,000 characters (about 10 MB), one holding NUL characters (UTF-16 read as
 * UTF-8), and cells separated by semicolons or tabs (`sep=;`, or a header of one cell holding them).
 *
 * @example
 * const input = readCsvRecords("observations.csv", "indicator,period,value\nPL2-1,2025,60.50\n", plans["haiphong-142"]);
 * input.observations[0]; //=> { record: { indicator: "PL2-1", period: 2025, value: "60.5" }, source: { file: "observations.csv", line: 2 } }
 */
export function readCsvRecords(name: string, text: string, plan: DefinedPlan): ReadInput {
  const checked = checkFileText(name, text);
  if (checked.reject !== undefined) return rejectFile(name, undefined, checked.reject, []);
  const notes: InputNote[] = [];
  if (text.charCodeAt(0) === 0xfeff) notes.push({ source: { file: name, line: 1 }, note: "the UTF-8 byte order mark (BOM) at the start of the file was removed" });
  notes.push(...checked.notes);
  let rows: CsvRow[];
  try {
    rows = parseCsv(text);
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return rejectFile(name, error.line, `${error.reason}; nothing in the file was read`, notes);
  }
  let [header, ...body] = rows.filter((row) => row.some((cell) => cell.trim() !== ""));
  const separator = header ? separatorLine(header) : undefined;
  if (header && separator !== undefined) {
    if (separator !== ",")
      return rejectFile(name, header.line, `the file's first line "${header.join(",").trim()}" says its cells are separated by ${separatorName(separator)}: save it as CSV with commas (${EXPECTED})`, notes);
    notes.push({ source: { file: name, line: header.line }, note: 'the line "sep=," that Excel writes before the header was skipped' });
    [header, ...body] = body;
  }
  if (!header) return rejectFile(name, undefined, `the file has no header row: ${EXPECTED}`, notes);
  const layout = readHeader(header, name);
  if (typeof layout === "string") return rejectFile(name, header.line, layout, notes);
  notes.push(...layout.notes);
  if (body.length === 0) notes.push({ source: { file: name, line: header.line }, note: "the file has a header row but no records" });

  const rejected: RejectedRecord[] = [];
  const records: { record: Record<string, string>; line: number }[] = [];
  const headerText = header.map(foldHeader).join(",");
  for (const row of body) {
    const source = { file: name, line: row.line };
    if (row.map(foldHeader).join(",") === headerText)
      rejected.push({ kind: layout.kind, source, reason: `the row repeats the header of line ${header.line} (were two files joined?); it is not a record`, record: [...row] });
    else if (row.length !== header.length) rejected.push({ kind: layout.kind, source, reason: cellCountReason(row.length, header.length), record: [...row] });
    else records.push({ record: recordOf(row, layout.fields), line: row.line });
  }
  const sourceOf = (r: (typeof records)[number]) => ({ file: name, line: r.line });
  return assembleInput({
    observations: layout.kind === "observation" ? records.map((r) => checkObservation(plan, r.record, sourceOf(r))) : [],
    taskReports: layout.kind === "taskReport" ? records.map((r) => checkTaskReport(plan, r.record, sourceOf(r))) : [],
    rejected,
    notes,
  });
}

/** Reads the header row, or says why it is of neither kind. */
function readHeader(header: CsvRow, file: string): Layout | string {
  const folded = header.map(foldHeader);
  const has = (column: string) => folded.includes(column.toLowerCase());
  const isObservation = has("indicator") && has("period") && (has("value") || has("met"));
  const isTaskReport = has("task") && has("status");
  if (isObservation && isTaskReport)
    return "the header has the columns of both observations (indicator, period, value or met) and task reports (task, status): put each kind in its own file";
  if (!isObservation && !isTaskReport) {
    const names = header.map((h) => h.trim()).filter((h) => h !== "");
    const separator = header.length === 1 ? [";", "\t"].find((s) => header[0]?.includes(s)) : undefined;
    if (separator !== undefined) return `the file separates cells with ${separatorName(separator)}: save it as CSV with commas (${EXPECTED})`;
    return `the header (${names.join(", ")}) is not that of observations or task reports: ${EXPECTED}`;
  }
  const kind: Kind = isObservation ? "observation" : "taskReport";
  const known: readonly string[] = isObservation ? OBSERVATION_COLUMNS : TASK_REPORT_COLUMNS;
  const notes: InputNote[] = [];
  const fields = folded.map((f, column) => {
    const field = known.find((k) => k.toLowerCase() === f);
    if (field === undefined) {
      const title = header[column]?.trim();
      const note = title ? `column ${JSON.stringify(title)} is not one of ${known.join(", ")}; it is ignored` : `column ${column + 1} has no name; it is ignored`;
      notes.push({ source: { file, line: header.line }, note });
    }
    return field;
  });
  const twice = fields.find((f, i) => f !== undefined && fields.indexOf(f) !== i);
  if (twice !== undefined) return `the column ${twice} appears twice in the header`;
  return { kind, fields, notes };
}

/**
 * The separator a first line such as `sep=;` names: Excel writes that line before the header to say how
 * cells are separated, and a comma-separated one is read as if it were not there.
 */
function separatorLine(row: CsvRow): string | undefined {
  const m = /^ *sep=(.) *$/iu.exec(row.join(","));
  return m?.[1];
}

function separatorName(separator: string): string {
  return separator === ";" ? "semicolons" : separator === "\t" ? "tabs" : separator === "," ? "commas" : JSON.stringify(separator);
}

/** Header names compare without case, spaces, underscores, hyphens or a byte order mark (files joined keep theirs). */
function foldHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_\-\uFEFF]+/g, "");
}

function recordOf(row: CsvRow, fields: readonly (string | undefined)[]): Record<string, string> {
  const record: Record<string, string> = {};
  fields.forEach((field, i) => {
    const cell = row[i]?.trim();
    if (field !== undefined && cell) record[field] = cell;
  });
  return record;
}

function cellCountReason(cells: number, columns: number): string {
  const reason = `the row has ${cells} cells but the header has ${columns}`;
  return cells > columns ? `${reason}; a cell holding a comma, such as 60,5, must be in double quotes` : reason;
}

function rejectFile(file: string, line: number | undefined, reason: string, notes: InputNote[]): ReadInput {
  const rejected: RejectedRecord = { kind: "file", source: { file, ...(line !== undefined ? { line } : {}) }, reason };
  return assembleInput({ observations: [], taskReports: [], rejected: [rejected], notes });
}
