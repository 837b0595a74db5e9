import { z } from "../zod.js";
import { IsoDate } from "./text.js";

/** Vietnamese text as a document writes it, with an English translation where one is given. */
const ViText = z.object({ vi: z.string().check(z.minLength(1)), en: z.optional(z.string().check(z.minLength(1))) });

/** An amendment as a scorecard lists it: its document, dates, and what each change is about. */
export const AmendmentSummary = z.object({
  id: z.string(),
  document: z.string(),
  title: z.optional(ViText),
  signer: z.string(),
  issuedOn: IsoDate,
  effectiveOn: IsoDate,
  changes: z.array(z.object({ change: z.string(), entity: z.string(), fields: z.array(z.string()) })),
});
export type AmendmentSummary = z.Infer<typeof AmendmentSummary>;

/** A waiver as a scorecard lists it: the waiver, and how many rows it exempted. */
export const WaiverSummary = z.object({
  id: z.string(),
  /** `agency`, `task` or `indicator`, and its id. */
  about: z.object({ kind: z.enum(["agency", "task", "indicator"]), id: z.string() }),
  periods: z.optional(z.array(z.int())),
  reason: ViText,
  document: z.string(),
  approvedOn: IsoDate,
  from: IsoDate,
  expiresOn: IsoDate,
  /** The rows it exempted in this scorecard (0 for a waiver not in force). */
  rows: z.int().check(z.gte(0)),
});
export type WaiverSummary = z.Infer<typeof WaiverSummary>;

/** One field that differs between two versions of an entity, with its value in each (absent where it has none). */
export const FieldChange = z.object({ field: z.string(), before: z.optional(z.unknown()), after: z.optional(z.unknown()) });
export type FieldChange = z.Infer<typeof FieldChange>;

/** One entity that differs between two plans: added, removed, or changed in the fields listed. */
export const EntityChange = z.object({
  kind: z.enum(["plan", "agency", "group", "task", "indicator"]),
  id: z.string(),
  change: z.enum(["added", "removed", "changed"]),
  fields: z.array(FieldChange),
});
export type EntityChange = z.Infer<typeof EntityChange>;

/** Two plans compared entity by entity and field by field: what an auditor reads when comparing versions. */
export const PlanDiff = z.object({
  /** The two plans: their ids and document numbers, with the date each is in force on and its amendments, when amended. */
  from: z.object({ id: z.string(), number: z.string(), asOf: z.optional(IsoDate), amendments: z.optional(z.array(z.string())) }),
  to: z.object({ id: z.string(), number: z.string(), asOf: z.optional(IsoDate), amendments: z.optional(z.array(z.string())) }),
  changes: z.array(EntityChange),
});
export type PlanDiff = z.Infer<typeof PlanDiff>;
