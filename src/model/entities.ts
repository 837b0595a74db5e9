import { z } from "../zod.js";
import { Deadline } from "./deadline.js";
import { Target } from "./target.js";
import { IsoDate, LocalizedText, SourceRef } from "./text.js";

const kebabId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be ASCII kebab-case, e.g. so-khoa-hoc-va-cong-nghe"));
/** Ids of tasks, indicators and groups: a prefix in capitals, a hyphen, the document's numbering (`T-5.8.1`, `CT-3`). */
const entityId = z.string().check(z.regex(/^[A-Z][A-Z0-9]*-[0-9A-Za-z.-]+$/, "must be a prefix in capitals and digits, a hyphen, then the document's numbering, e.g. T-1.1"));

/** What sort of body an agency is; `collective` is a group of bodies named together, never split. */
export const AgencyKind = z.enum([
  "department",
  "office",
  "police",
  "bank",
  "authority",
  "publicUnit",
  "university",
  "organisation",
  "localGovernment",
  "peoplesCommittee",
  "collective",
]);
export type AgencyKind = z.Infer<typeof AgencyKind>;

/** A body the plan assigns work to. */
export const Agency = z.object({
  /** ASCII kebab-case of the Vietnamese name without diacritics. */
  id: kebabId,
  name: LocalizedText,
  /** Every spelling met in the text, the name itself included. */
  aliases: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  kind: AgencyKind,
});
export type Agency = z.Infer<typeof Agency>;

/**
 * Kinds that name many bodies at once ("Các Sở, ngành…", "Ủy ban nhân dân các cấp chính quyền địa phương"): a duty
 * assigned to one is shared among them, and no single body answers for it.
 */
export const SHARED_AGENCY_KINDS: ReadonlySet<AgencyKind> = new Set(["collective", "localGovernment"]);

/** Whether an agency names many bodies at once, so that what it leads is a shared duty (see {@link SHARED_AGENCY_KINDS}). */
export function isSharedAssignee(agency: Pick<Agency, "kind">): boolean {
  return SHARED_AGENCY_KINDS.has(agency.kind);
}

/** A year a plan sets targets for: from 2000 to 2100, as a target's year. */
const PlanYear = z.int().check(z.gte(2000)).check(z.lte(2100));

/** A part of the plan's document that entities name as their source (a section, an appendix), with its title. */
export const PlanPart = z.object({
  /** The id entities give in `source.part`, e.g. `B.II` or `PL2` in Plan 142. */
  id: z.string().check(z.minLength(1)),
  title: LocalizedText,
});
export type PlanPart = z.Infer<typeof PlanPart>;

/** A heading that tasks or indicators sit under: a group of tasks, a part of an appendix, an item of a resolution. */
export const Group = z.object({
  id: entityId,
  title: LocalizedText,
  /** The number of the document's appendix the group is in, when it is in one. */
  appendix: z.optional(z.int().check(z.positive())),
  /** The enclosing group. */
  parent: z.optional(entityId),
  /**
   * The years each indicator of the group sets a target for; absent: those of the enclosing group, else the plan's
   * `milestoneYears`. The plan's own checks list an indicator's missing years against them.
   */
  milestoneYears: z.optional(z.array(PlanYear).check(z.minLength(1))),
  source: SourceRef,
});
export type Group = z.Infer<typeof Group>;

/** That an amendment in force changed an entity: the amendment's id and number, the day it took effect, the fields. */
export const AmendmentMark = z.object({
  amendment: kebabId,
  /** The amending document's number, e.g. `215/QĐ-UBND`. */
  document: z.string().check(z.minLength(1)),
  effectiveOn: IsoDate,
  /** What it changed: `deadline`, `lead`, `coordinating`, `targets.2030`, `added` … */
  fields: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
});
export type AmendmentMark = z.Infer<typeof AmendmentMark>;

/** A task or indicator an amendment in force takes out of the plan: a task cancelled or suspended, an indicator withdrawn. */
export const Inactive = z.object({
  kind: z.enum(["cancelled", "suspended", "withdrawn"]),
  amendment: kebabId,
  document: z.string().check(z.minLength(1)),
  /** The day it took effect. */
  from: IsoDate,
  /** For a suspension with an end: the day the task is back in the plan. */
  until: z.optional(IsoDate),
  reason: z.optional(z.object({ vi: z.string().check(z.minLength(1)), en: z.optional(z.string().check(z.minLength(1))) })),
});
export type Inactive = z.Infer<typeof Inactive>;

/**
 * That one agency took over another's duties from a date, by a document: a renaming, a merger (several
 * predecessors, one successor) or a transfer. In the plan in force, lists naming the predecessor name the successor.
 */
export const Succession = z.object({
  predecessor: kebabId,
  successor: kebabId,
  /** The first day the successor answers for the predecessor's duties. */
  from: IsoDate,
  /** The number of the document that decided it. */
  document: z.string().check(z.minLength(1)),
  note: z.optional(z.object({ vi: z.optional(z.string().check(z.minLength(1))), en: z.string().check(z.minLength(1)) })),
});
export type Succession = z.Infer<typeof Succession>;

/** That a list of an entity named a predecessor, which the plan in force reads as its successor. */
export const SuccessionMark = z.object({
  predecessor: kebabId,
  successor: kebabId,
  from: IsoDate,
  document: z.string().check(z.minLength(1)),
  /** The lists it was named in: `lead`, `coordinating`. */
  fields: z.array(z.enum(["lead", "coordinating"])).check(z.minLength(1)),
});
export type SuccessionMark = z.Infer<typeof SuccessionMark>;

/** What the plan in force says of an entity beside the signed plan; absent on the plan as signed. */
const inForce = {
  /** The amendments in force that changed it, in the order they took effect. */
  amendedBy: z.optional(z.array(AmendmentMark).check(z.minLength(1))),
  /** Present when an amendment in force takes it out of the plan. */
  inactive: z.optional(Inactive),
  /** The predecessors its agency lists named, read as their successors. */
  successions: z.optional(z.array(SuccessionMark).check(z.minLength(1))),
};

/** A task (nhiệm vụ) with who leads it, who helps, what it delivers and when. */
export const Task = z.object({
  id: entityId,
  group: entityId,
  /** The task a bullet sub-item belongs to. */
  parent: z.optional(entityId),
  title: LocalizedText,
  /** The Appendix 4 wording when it differs from section B's. */
  assignmentText: z.optional(z.object({ vi: z.string().check(z.minLength(1)), en: z.optional(z.string().check(z.minLength(1))) })),
  /** Lead agencies (cơ quan chủ trì); empty where the document names none. */
  lead: z.array(kebabId),
  /** Coordinating agencies (cơ quan phối hợp). */
  coordinating: z.array(kebabId),
  /** Output (sản phẩm đầu ra) or result to reach (kết quả cần đạt); absent where the document gives none. */
  output: z.optional(LocalizedText),
  /** Absent where the document gives none (a task without an Appendix 4 row, a task whose sub-items carry it). */
  deadline: z.optional(Deadline),
  /** Marked "Nhiệm vụ, giải pháp mang tính chiến lược, đặc thù". */
  strategic: z.boolean(),
  /** The NQ57 item an Appendix 3 task implements, e.g. `NQ57-1-3`. */
  nq57Item: z.optional(entityId),
  /** The task's number in Government Resolution 71/NQ-CP, e.g. `147 (8)`. */
  nq71Number: z.optional(z.string()),
  /** Where the task is stated (section B.II or Appendix 3). */
  source: SourceRef,
  /** Where its Appendix 4 row starts, for section-B tasks that have one. */
  assignmentSource: z.optional(SourceRef),
  ...inForce,
});
export type Task = z.Infer<typeof Task>;

/**
 * What an indicator counts, which decides the sane range of its values: `percent` 0-100, `count`,
 * `ratio` (per inhabitants) and `index` at least 0, `growth` (% a year) any sign, `rank` at least 1,
 * `qualitative` assessed by a yes/no.
 */
export const Measure = z.enum(["percent", "count", "ratio", "growth", "rank", "index", "qualitative"]);
export type Measure = z.Infer<typeof Measure>;

/** An indicator (chỉ tiêu) with its phased targets. */
export const Indicator = z.object({
  id: entityId,
  /** The number of the document's appendix the indicator is in, when it is in one. */
  appendix: z.optional(z.int().check(z.positive())),
  group: z.optional(entityId),
  parent: z.optional(entityId),
  children: z.optional(z.array(entityId)),
  name: LocalizedText,
  /** The unit cell (Appendix 1), or `%` where Appendix 2's cells carry it; absent where neither gives one. */
  unit: z.optional(LocalizedText),
  /** Absent on a heading row with no target of its own. */
  measure: z.optional(Measure),
  /** Which way is better: ranks improve as they fall. */
  direction: z.enum(["increase", "decrease"]),
  lead: z.array(kebabId),
  output: z.optional(LocalizedText),
  targets: z.array(Target),
  source: SourceRef,
  ...inForce,
});
export type Indicator = z.Infer<typeof Indicator>;

/** What sort of slip of the source a data note records. */
export const DataNoteKind = z.enum([
  "missingCell",
  "missingRow",
  "missingUnitSign",
  "duplicate",
  "variantSpelling",
  "typo",
  "deadlineBeforeSigning",
  "numberingGap",
  "mergedCell",
  "truncatedText",
  "leadAlsoCoordinating",
  "elidedName",
  "missingSeparator",
  "agencySuccession",
]);
export type DataNoteKind = z.Infer<typeof DataNoteKind>;

/** A place where the source is not clean, and how the dataset reads it. */
export const DataNote = z.object({
  id: kebabId,
  /** Entity ids (or the plan id) the note concerns. */
  about: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  kind: DataNoteKind,
  text: z.object({ vi: z.optional(z.string().check(z.minLength(1))), en: z.string().check(z.minLength(1)) }),
});
export type DataNote = z.Infer<typeof DataNote>;

/** The document a plan comes from. */
export const PlanDocument = z.object({
  number: z.string().check(z.minLength(1)),
  issuer: LocalizedText,
  issuedOn: z.iso.date(),
  title: LocalizedText,
  /** Numbers of the documents the plan implements. */
  implements: z.array(z.string().check(z.minLength(1))),
  /** Number of the plan it replaces. */
  replaces: z.optional(z.string().check(z.minLength(1))),
});
export type PlanDocument = z.Infer<typeof PlanDocument>;

/** A whole plan as data: the shape of the JSON export. */
export const Plan = z.object({
  id: kebabId,
  document: PlanDocument,
  /** The parts of the document entities name in `source.part`; absent: any part is taken as written. */
  parts: z.optional(z.array(PlanPart)),
  /** The years every indicator sets a target for, unless its group says otherwise (`Group.milestoneYears`). */
  milestoneYears: z.optional(z.array(PlanYear).check(z.minLength(1))),
  agencies: z.array(Agency),
  groups: z.array(Group),
  tasks: z.array(Task),
  indicators: z.array(Indicator),
  dataNotes: z.array(DataNote),
  /** Agencies that took over others' duties; in the plan in force, lists naming a predecessor name its successor. */
  successions: z.optional(z.array(Succession)),
});
export type Plan = z.Infer<typeof Plan>;
