/**
 * nq57-scorecard: Hai Phong City's Plan 142/KH-UBND, implementing Resolution 57-NQ/TW, as typed data, and scorecards
 * of how it is carried out. The public API, in the order data flows: the plan (model and bundled plans), what
 * agencies report (input), the rules, the scorecard, and the outputs written from it.
 *
 * @packageDocumentation
 */

// ---------------------------------------------------------------- shared
export { Decimal } from "./decimal.js";
export { CellParseError, InputClosedError, Nq57Error, OptionsError, PlanDataError, PlanFileError, type PlanFileIssue, type PlanIssue } from "./errors.js";
export { VERSION } from "./version.js";
export { DecimalString, IsoDate, LANGUAGES, LocalizedText, SourceRef, type Lang } from "./model/text.js";
export { addMonthsToDate, daysBetween, VIETNAM_TIME_ZONE, vietnamDate } from "./model/vietnam-time.js";

// ---------------------------------------------------------------- the plan
export { Deadline, DeadlineKind } from "./model/deadline.js";
export { definePlan, type AgencyRole, type DefinedPlan, type DueItem, type PlanInput, type PlanLookups, type YearTarget } from "./model/define-plan.js";
export {
  Agency,
  AgencyKind,
  AmendmentMark,
  DataNote,
  DataNoteKind,
  Group,
  Inactive,
  Indicator,
  isSharedAssignee,
  Measure,
  Plan,
  PlanDocument,
  PlanPart,
  SHARED_AGENCY_KINDS,
  Succession,
  SuccessionMark,
  Task,
} from "./model/entities.js";
export { milestoneYearsOf } from "./model/milestones.js";
export { SimpleTargetKind, Target, TargetKind, TargetLevel, TargetMember } from "./model/target.js";
export { PLAN_ENTITIES, planTable, type PlanEntity, type Table } from "./model/tables.js";
export { isPlanId, plans, type PlanId } from "./plans/index.js";
export {
  HAIPHONG_142_AGENCY_IDS,
  HAIPHONG_142_INDICATOR_IDS,
  HAIPHONG_142_TASK_IDS,
  type Haiphong142AgencyId,
  type Haiphong142IndicatorId,
  type Haiphong142Observation,
  type Haiphong142TaskId,
  type Haiphong142TaskReport,
} from "./plans/index.js";
export { agencyMatcher, parseAgencyList, type AgencyMatcher, type AgencyName } from "./parse/agency-list.js";
export { parseDeadline } from "./parse/deadline.js";
export { parseVietnameseNumber } from "./parse/number.js";
export { parseTarget, type ParseTargetOptions } from "./parse/target.js";

// ---------------------------------------------------------------- other plans and versions of a plan
// Amendments, waivers and successions (`planInForce`, their readers and schemas) are the second entry point,
// `nq57-scorecard/changes`: an app scoring the plan as signed does not load them. `evaluate` takes them all the same.
export { AmendmentSummary, EntityChange, FieldChange, PlanDiff, WaiverSummary } from "./model/plan-changes.js";
export { diffPlans, type PlanVersion } from "./plans/diff.js";
export { PLAN_SHEETS, planFromSheets, type PlanSheet } from "./input/plan-sheets.js";
export type { ScoringChanges } from "./scorecard/plan-changes.js";

// ---------------------------------------------------------------- what agencies report
export {
  AcceptedObservation,
  AcceptedTaskReport,
  EARLIEST_REPORT_DATE,
  InputNote,
  Observation,
  ReadInput,
  RecordKind,
  RecordSource,
  RejectedRecord,
  TaskReport,
  TaskStatus,
  type ObservationInput,
  type TaskReportInput,
} from "./model/records.js";
export { describeSource } from "./model/source.js";
export { acceptRecords, type AcceptOptions, type GivenRecords } from "./input/accept-records.js";
export { createInputAccumulator, type InputAccumulator } from "./input/accumulate.js";
export { INPUT_LIMITS, type InputLimits, type ReadOptions } from "./input/bounds.js";
export { mergeInputs } from "./input/merge.js";
export { readCsvRecords, readCsvStream } from "./input/read-csv.js";
export { readJsonRecords } from "./input/read-json.js";

// ---------------------------------------------------------------- rules
export { AppliesTo, Severity, StatusDefinition, Verdict, VERDICTS, type RowKind } from "./model/verdict.js";
export { Condition, FactSetName, Outcome, RuleCase, RuleExample, RuleFile, RuleParameter, TopCondition, type ConditionCommon, type LeafCondition } from "./rules/rule-file.js";
export {
  APP_FACT_KINDS,
  APP_FACT_KINDS_OF,
  APP_FACT_TYPES,
  FACT_SETS,
  MESSAGE_PLACEHOLDERS,
  type AppFactDefinition,
  type AppFactKind,
  type AppFacts,
  type AppFactType,
  type FactDefinition,
  type FactSetDefinition,
} from "./rules/fact-sets.js";
export { ComparisonError, OPERATOR_DECORATORS, OPERATORS, type OperatorDecorator, type OperatorDefinition, type OperatorFn } from "./rules/operators.js";
export { checkRuleFile, loadRules, RULE_LIMITS, type LoadedRule, type LoadOptions, type ParameterValue, type RuleOverrides, type RuleSource } from "./rules/load.js";
export { ruleSourceFromText } from "./rules/rule-text.js";
export { runRuleExamples, verifyRuleExamples, type ExampleResult, type VerifiedDecision, type VerifiedExample } from "./rules/examples.js";
export { addRuleToEngine, decidedCase, engineRules } from "./rules/engine.js";
export { ENGINE_DIFFERENCES, type EngineDifference } from "./rules/differences.js";
export { AppFactError, RuleFileError, RuleValueError } from "./rules/errors.js";
export { standardRules } from "./rules/standard.js";
export {
  isRowOf,
  STANDARD_RULE_STATUSES,
  type RecurringReportParameters,
  type StandardRow,
  type StandardRuleId,
  type StandardRuleParameters,
  type StandardStatus,
  type WhenMissing,
} from "./rules/standard-types.js";

// ---------------------------------------------------------------- the scorecard
export {
  AgencyReporting,
  Band,
  CheckSummary,
  NO_DATA_BAND_ID,
  ReportingRate,
  ReportingSummary,
  Scorecard,
  ScorecardChanges,
  ScorecardRow,
  Summary,
  VerdictCounts,
  type BandId,
  type StandardBandId,
} from "./model/scorecard.js";
export { evaluate, type EvaluateOptions } from "./scorecard/evaluate.js";
export { checkAppFacts, type AppFactValues, type IndicatorFactValues } from "./scorecard/app-facts.js";
export { evaluateStream, type EvaluateStreamOptions, type RecordStream } from "./scorecard/evaluate-stream.js";
export { DEFAULT_MIN_COVERAGE, STANDARD_BANDS, summarize, type BandDefinition, type SummaryOptions } from "./scorecard/summarize.js";
export { onlyProblems, PROBLEM_VERDICTS, scorecardForAgency } from "./scorecard/views.js";
export { compareScorecards, type ReportingChange, type RowChange, type RowState, type ScorecardComparison, type SummaryChange } from "./scorecard/compare.js";

// ---------------------------------------------------------------- outputs: each format a string, or pieces to write in turn
export { renderCsv, renderCsvPieces, SCORECARD_COLUMNS, scorecardTable } from "./render/scorecard-csv.js";
export { DOCX_FONT, DOCX_PAGE, renderDocx, type DocxIssuer, type DocxOptions, type DocxSection } from "./render/docx.js";
export { renderXlsx, type XlsxCell, type XlsxColumn, type XlsxColumnKind, type XlsxOptions, type XlsxSheet } from "./render/xlsx.js";
export { renderHtml, renderHtmlPieces, type HtmlOptions } from "./render/html.js";
export { renderJson, renderJsonPieces, renderNdjsonPieces } from "./render/json.js";
export { renderMarkdown, renderMarkdownPieces, type MarkdownOptions } from "./render/markdown.js";
export { renderTerminal, renderTerminalPieces, rowsNeedingAttention, summaryTables, type SummarySection, type TerminalOptions } from "./render/table.js";
export { formatCsv, type CsvOptions } from "./render/csv.js";
export { comparisonDocxSections, comparisonXlsxSheet } from "./render/comparison-office.js";
export { comparisonSections, renderComparisonHtml, renderComparisonJson, renderComparisonMarkdown, type ComparisonOptions, type ComparisonSection } from "./render/comparison.js";
export { renderPlanDiff, type PlanDiffOptions } from "./render/plan-diff.js";
export { markdownText, officeText, spreadsheetText, terminalText, type TerminalTextOptions } from "./safe-text.js";
