import { z } from "../zod.js";
import { Deadline } from "./deadline.js";
import { Target } from "./target.js";
import { LocalizedText, SourceRef } from "./text.js";

const kebabId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be ASCII kebab-case, e.g. so-khoa-hoc-va-cong-nghe"));
/** Ids of tasks, indicators and groups: `T-5.8.1`, `PL1-11.2`, `NQ71-147.8`, `G-1`, `NQ57-1-3`. */
const entityId = z.string().check(z.regex(/^[A-Z][A-Z0-9]*-[0-9A-Za-z.-]+$/, "must look like T-1.1, PL2-44, NQ71-7 or G-1"));

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

/** A heading that tasks or indicators sit under: a task group of section B.II, an appendix part, an NQ57 item. */
export const Group = z.object({
  id: entityId,
  title: LocalizedText,
  /** 1 and 2 hold indicators; 3 and 4 hold tasks (section B.II's groups are those of Appendix 4). */
  appendix: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  /** The enclosing group (an NQ57 item's Appendix 3 part). */
  parent: z.optional(entityId),
  source: SourceRef,
});
export type Group = z.Infer<typeof Group>;

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
  appendix: z.union([z.literal(1), z.literal(2)]),
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
  agencies: z.array(Agency),
  groups: z.array(Group),
  tasks: z.array(Task),
  indicators: z.array(Indicator),
  dataNotes: z.array(DataNote),
});
export type Plan = z.Infer<typeof Plan>;
