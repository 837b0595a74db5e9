/**
 * nq57-scorecard: Hai Phong City's Plan 142/KH-UBND, implementing Resolution 57-NQ/TW, as typed data,
 * with the parsers that read it and the look-ups apps need.
 *
 * @packageDocumentation
 */
export { Decimal } from "./decimal.js";
export { CellParseError, Nq57Error, PlanDataError, type PlanIssue } from "./errors.js";
export { Deadline, DeadlineKind } from "./model/deadline.js";
export {
  definePlan,
  foldName,
  type AgencyRole,
  type DefinedPlan,
  type DueItem,
  type PlanInput,
  type PlanLookups,
  type YearTarget,
} from "./model/define-plan.js";
export {
  Agency,
  AgencyKind,
  DataNote,
  DataNoteKind,
  Group,
  Indicator,
  isSharedAssignee,
  Measure,
  Plan,
  PlanDocument,
  SHARED_AGENCY_KINDS,
  Task,
} from "./model/entities.js";
export { PLAN_ENTITIES, planTable, type PlanEntity, type Table } from "./model/tables.js";
export { SimpleTargetKind, Target, TargetKind, TargetLevel, TargetMember } from "./model/target.js";
export { DecimalString, IsoDate, LocalizedText, SourceRef } from "./model/text.js";
export { VIETNAM_TIME_ZONE, vietnamDate } from "./model/vietnam-time.js";
export { agencyIdOf } from "./parse/agency-id.js";
export { agencyMatcher, parseAgencyList, type AgencyMatcher, type AgencyName } from "./parse/agency-list.js";
export { parseDeadline } from "./parse/deadline.js";
export { parseVietnameseNumber } from "./parse/number.js";
export { parseTarget, type ParseTargetOptions } from "./parse/target.js";
export { haiphong142, isPlanId, plans, type PlanId } from "./plans/index.js";
export { formatCsv, type CsvOptions } from "./render/csv.js";
export { markdownCell, markdownText, QUOTED_CHARS, quoted, spreadsheetText, terminalText, type TerminalTextOptions } from "./safe-text.js";
export { RuleFileError } from "./rules/errors.js";
export { runRuleExamples, type ExampleResult } from "./rules/examples.js";
export { FACT_SETS, type FactDefinition, type FactSetDefinition } from "./rules/fact-sets.js";
export { checkRuleFile, loadRules, RULE_LIMITS, type LoadedRule, type ParameterValue, type RuleOverrides, type RuleSource } from "./rules/load.js";
export { ruleSourceFromText } from "./rules/rule-text.js";
export { compareDecimals, meetsTarget, OPERATORS, type OperatorDefinition, type OperatorFn } from "./rules/operators.js";
export { Condition, FactSetName, Outcome, RuleCase, RuleExample, RuleFile, RuleParameter } from "./rules/rule-file.js";
export { AppliesTo, rowKindOf, Severity, Verdict, VERDICTS, type RowKind } from "./model/verdict.js";
export { decide, type Decision } from "./rules/run.js";
export { compileRule, decideCompiled, NotCompilable, type CompiledRule, type Facts } from "./rules/compile.js";
export { standardRules } from "./rules/standard.js";
export { evaluate, type EvaluateOptions } from "./scorecard/evaluate.js";
export { Band, CheckSummary, Scorecard, ScorecardRow, Summary, VerdictCounts } from "./model/scorecard.js";
export { DEFAULT_MIN_COVERAGE, STANDARD_BANDS, summarize, type BandDefinition, type SummaryOptions } from "./scorecard/summarize.js";
export { addMonthsToDate, daysBetween } from "./model/vietnam-time.js";
export { VERSION } from "./version.js";
export * from "./input/index.js";
export { escapeMarkdownCell, renderMarkdown, renderMarkdownPieces, type MarkdownOptions } from "./render/markdown.js";
export { SCORECARD_COLUMNS, scorecardCsv, scorecardTable } from "./render/scorecard-csv.js";
export { renderTerminal, renderTerminalPieces, rowsNeedingAttention, summaryTables, type SummarySection, type TerminalOptions } from "./render/table.js";
export { createInputAccumulator, type InputAccumulator } from "./input/accumulate.js";
export { evaluateStream, type EvaluateStreamOptions, type RecordStream } from "./scorecard/evaluate-stream.js";
export { renderHtml, renderHtmlPieces, type HtmlOptions } from "./render/html.js";
export { scorecardJson } from "./render/json.js";
