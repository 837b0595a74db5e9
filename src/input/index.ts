/**
 * The input layer: observations and task reports from apps, CSV and JSON, checked against a plan, with
 * every rejected record and the reason for it.
 *
 * @module
 */
export { acceptRecords, type AcceptOptions, type GivenRecords } from "./accept-records.js";
export { CsvSyntaxError, parseCsv, type CsvRow, type CsvSeparator, type ParseCsvOptions } from "./csv.js";
export { INPUT_LIMITS, type InputLimits, type ReadOptions } from "./bounds.js";
export { mergeInputs } from "./merge.js";
export { readCsvRecords, readCsvStream } from "./read-csv.js";
export { csvRowsOf } from "./csv-stream.js";
export { readJsonRecords } from "./read-json.js";
export {
  AcceptedObservation,
  AcceptedTaskReport,
  InputNote,
  Observation,
  ReadInput,
  RecordKind,
  RecordSource,
  RejectedRecord,
  TaskReport,
  TaskStatus,
} from "../model/records.js";
export { describeSource } from "../model/source.js";
