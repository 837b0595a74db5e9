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
  Measure,
  Plan,
  PlanDocument,
  Task,
} from "./model/entities.js";
export { PLAN_ENTITIES, planTable, type PlanEntity, type Table } from "./model/tables.js";
export { SimpleTargetKind, Target, TargetKind, TargetMember } from "./model/target.js";
export { DecimalString, IsoDate, LocalizedText, SourceRef } from "./model/text.js";
export { VIETNAM_TIME_ZONE, vietnamDate } from "./model/vietnam-time.js";
export { agencyIdOf } from "./parse/agency-id.js";
export { agencyMatcher, parseAgencyList, type AgencyMatcher, type AgencyName } from "./parse/agency-list.js";
export { parseDeadline } from "./parse/deadline.js";
export { parseVietnameseNumber } from "./parse/number.js";
export { parseTarget, type ParseTargetOptions } from "./parse/target.js";
export { haiphong142, isPlanId, plans, type PlanId } from "./plans/index.js";
export { formatCsv, type CsvOptions } from "./render/csv.js";
