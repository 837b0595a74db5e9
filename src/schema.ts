/**
 * JSON Schemas (draft 2020-12) of the library's JSON, generated from its zod schemas, for apps that
 * validate or generate types in other languages. The same schemas are committed in `docs/schema/`.
 *
 * @example
 * import { planJsonSchema } from "nq57-scorecard/schema";
 * planJsonSchema.title; //=> "Plan"
 */
import { toJSONSchema, type ZodMiniType } from "zod/mini";
import { z } from "./zod.js";
import { Deadline } from "./model/deadline.js";
import { Agency, DataNote, Indicator, Plan, Task } from "./model/entities.js";
import { Target } from "./model/target.js";
import { Observation, ReadInput, TaskReport } from "./model/records.js";
import { RuleFile } from "./rules/rule-file.js";
import { Scorecard } from "./model/scorecard.js";
import { AmendmentFile, SuccessionFile, WaiverFile } from "./model/amendment.js";
import { PlanDiff } from "./model/plan-changes.js";

/** A JSON Schema document. */
export type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: ZodMiniType, title: string, description: string): JsonSchema {
  return { title, description, ...toJSONSchema(schema, { target: "draft-2020-12", io: "output", unrepresentable: "any" }) };
}

/** JSON Schema of a whole plan, the output of `nq57 plan export --format json`. */
export const planJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(Plan, "Plan", "A plan as data: agencies, groups, tasks, indicators with phased targets, and data notes.");
/** JSON Schema of one task. */
export const taskJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(Task, "Task", "A task with its lead and coordinating agencies, output and deadline.");
/** JSON Schema of one indicator. */
export const indicatorJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(Indicator, "Indicator", "An indicator with its phased targets.");
/** JSON Schema of one target. */
export const targetJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(Target, "Target", "A target for one milestone year.");
/** JSON Schema of one deadline. */
export const deadlineJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(Deadline, "Deadline", "When a task is due, in the Vietnam calendar.");
/** JSON Schema of one agency. */
export const agencyJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(Agency, "Agency", "A body the plan assigns work to.");
/** JSON Schema of one data note. */
export const dataNoteJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(DataNote, "DataNote", "A slip of the source and how the dataset reads it.");

/** JSON Schema of a scorecard, the output of `evaluate()` and `nq57 scorecard --format json`. */
export const scorecardJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(Scorecard, "Scorecard", "Every verdict with its reasons, and the scores they add up to.");
/** JSON Schema of one observation an app reports. */
export const observationJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(Observation, "Observation", "A reported figure of an indicator for a year.");
/** JSON Schema of one task report. */
export const taskReportJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(TaskReport, "TaskReport", "A report of where a task stands.");
/** JSON Schema of a data file: `{ "observations": [...], "taskReports": [...] }`. */
export const dataFileJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(
  z.object({ observations: z.optional(z.array(Observation)), taskReports: z.optional(z.array(TaskReport)) }),
  "DataFile",
  "A JSON data file of observations and task reports.",
);
/** JSON Schema of read input: accepted, rejected and notes. */
export const readInputJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(ReadInput, "ReadInput", "Input read from files or arrays: accepted records, rejected ones with reasons, notes.");
/** JSON Schema of a rule file of `rules/`. */
export const ruleFileJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(RuleFile, "RuleFile", "A rule: metadata, parameters, cases (json-rules-engine rules) and worked examples.");

/** JSON Schema of an amendments file, as `readAmendments` and `nq57 scorecard --amendments` read it. */
export const amendmentFileJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(
  AmendmentFile,
  "AmendmentFile",
  "Decisions amending a plan: document, signer, dates and the changes (deadline, lead, coordinating, cancel, suspend, resume, addTask, target, addIndicator, withdraw).",
);
/** JSON Schema of a waivers file, as `readWaivers` and `nq57 scorecard --waivers` read it. */
export const waiverFileJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(
  WaiverFile,
  "WaiverFile",
  "Approved exemptions of an agency, task or indicator: the years, the reason, the approving document and the expiry.",
);
/** JSON Schema of a successions file, as `readSuccessions` and `nq57 scorecard --successions` read it. */
export const successionFileJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(
  SuccessionFile,
  "SuccessionFile",
  "Agencies succeeding others (predecessor, successor, from, document), and successors the plan does not name.",
);
/** JSON Schema of a plan comparison, the output of `diffPlans` and `nq57 plan diff --format json`. */
export const planDiffJsonSchema: JsonSchema = /* @__PURE__ */ jsonSchema(PlanDiff, "PlanDiff", "Two plans compared entity by entity and field by field.");

/** Every published schema by file name, as written to `docs/schema/`. */
export const jsonSchemas: Readonly<Record<string, JsonSchema>> = {
  "plan.schema.json": planJsonSchema,
  "task.schema.json": taskJsonSchema,
  "indicator.schema.json": indicatorJsonSchema,
  "target.schema.json": targetJsonSchema,
  "deadline.schema.json": deadlineJsonSchema,
  "agency.schema.json": agencyJsonSchema,
  "data-note.schema.json": dataNoteJsonSchema,
  "scorecard.schema.json": scorecardJsonSchema,
  "observation.schema.json": observationJsonSchema,
  "task-report.schema.json": taskReportJsonSchema,
  "data-file.schema.json": dataFileJsonSchema,
  "read-input.schema.json": readInputJsonSchema,
  "rule-file.schema.json": ruleFileJsonSchema,
  "amendment-file.schema.json": amendmentFileJsonSchema,
  "waiver-file.schema.json": waiverFileJsonSchema,
  "succession-file.schema.json": successionFileJsonSchema,
  "plan-diff.schema.json": planDiffJsonSchema,
};
