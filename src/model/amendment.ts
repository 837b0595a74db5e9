import { z } from "../zod.js";
import { Deadline } from "./deadline.js";
import { Agency, Measure, Succession } from "./entities.js";
import { Target, TargetLevel } from "./target.js";
import { IsoDate } from "./text.js";

const kebabId = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be ASCII kebab-case, e.g. qd-215-2026"));
const text = z.string().check(z.minLength(1));
/** Vietnamese text as the decision writes it, with an English translation where one is given. */
const ViText = z.strictObject({ vi: text, en: z.optional(text) });
/** Vietnamese text and its English translation, both required: what becomes a task's title or an indicator's name. */
const BothText = z.strictObject({ vi: text, en: text });
/** Agencies by id (`so-tai-chinh`) or by a name or alias of the plan (`Sở Tài chính`). */
const Agencies = z.array(text);
const Year = z.int().check(z.gte(2000)).check(z.lte(2100));
/** A deadline as the decision writes it (`Tháng 12/2026`, read as a plan cell is), or already read. */
const DeadlineInput = z.union([text, Deadline]);
/** A target as the decision writes it (`≥ 70%`, read as a plan cell is), or already read. */
const TargetInput = z.union([text, Target]);

/** A task a decision adds to the plan. */
export const NewTask = z.strictObject({
  id: text,
  group: text,
  parent: z.optional(text),
  title: BothText,
  lead: Agencies,
  coordinating: z.optional(Agencies),
  output: z.optional(BothText),
  deadline: z.optional(DeadlineInput),
  strategic: z.optional(z.boolean()),
});
export type NewTask = z.Infer<typeof NewTask>;

/** A target a decision sets: the year, the cell, and whom it binds (default the whole city). */
export const NewTarget = z.strictObject({ year: Year, target: TargetInput, level: z.optional(TargetLevel) });
export type NewTarget = z.Infer<typeof NewTarget>;

/** An indicator a decision adds to the plan, with its targets. */
export const NewIndicator = z.strictObject({
  id: text,
  group: z.optional(text),
  parent: z.optional(text),
  name: BothText,
  unit: z.optional(BothText),
  measure: z.optional(Measure),
  /** Default `increase` (`decrease` for a rank). */
  direction: z.optional(z.enum(["increase", "decrease"])),
  lead: Agencies,
  targets: z.optional(z.array(NewTarget)),
});
export type NewIndicator = z.Infer<typeof NewIndicator>;

/**
 * One change a decision makes to a plan, by `change`: `deadline` (a task's deadline moved), `lead` (a task's or an
 * indicator's lead agencies), `coordinating` (a task's coordinating agencies), `cancel`, `suspend` and `resume` (a
 * task), `addTask`, `target` (an indicator's target for a year changed or added), `addIndicator`, `withdraw` (an
 * indicator).
 */
export const AmendmentChange = z.discriminatedUnion("change", [
  z.strictObject({ change: z.literal("deadline"), task: text, deadline: DeadlineInput }),
  z.strictObject({ change: z.literal("lead"), task: z.optional(text), indicator: z.optional(text), lead: Agencies.check(z.minLength(1)) }),
  z.strictObject({ change: z.literal("coordinating"), task: text, coordinating: Agencies }),
  z.strictObject({ change: z.literal("cancel"), task: text, reason: z.optional(ViText) }),
  /** Suspended until a later decision resumes it, or until `until` (the first day it is back). */
  z.strictObject({ change: z.literal("suspend"), task: text, until: z.optional(IsoDate), reason: z.optional(ViText) }),
  z.strictObject({ change: z.literal("resume"), task: text }),
  z.strictObject({ change: z.literal("addTask"), task: NewTask }),
  z.strictObject({ change: z.literal("target"), indicator: text, year: Year, target: TargetInput, level: z.optional(TargetLevel) }),
  z.strictObject({ change: z.literal("addIndicator"), indicator: NewIndicator }),
  z.strictObject({ change: z.literal("withdraw"), indicator: text, reason: z.optional(ViText) }),
]);
export type AmendmentChange = z.Infer<typeof AmendmentChange>;

/**
 * A decision that changes a plan (Plan 142's section D: agencies propose, the People's Committee decides): its
 * document, who signed it, the day it takes effect and its changes, applied in order.
 *
 * @example
 * Amendment.parse({
 *   id: "qd-215-2026", document: "215/QĐ-UBND", issuedOn: "2026-03-02", signer: "Phó Chủ tịch", effectiveOn: "2026-03-02",
 *   changes: [{ change: "deadline", task: "T-2.1", deadline: "Tháng 12/2026" }],
 * });
 */
export const Amendment = z.strictObject({
  /** The amendment's id, ASCII kebab-case, unique among the amendments given: what rows and marks name. */
  id: kebabId,
  /** The document's number and symbol, e.g. `215/QĐ-UBND`. */
  document: text,
  title: z.optional(ViText),
  issuedOn: IsoDate,
  /** Who signed it (name or title). */
  signer: text,
  /** The day it takes effect: the plan in force on a date holds the amendments effective on or before it. */
  effectiveOn: IsoDate,
  changes: z.array(AmendmentChange).check(z.minLength(1)),
});
export type Amendment = z.Infer<typeof Amendment>;

/** An amendments file: `{ "amendments": [ … ] }`. */
export const AmendmentFile = z.strictObject({ $schema: z.optional(z.string()), amendments: z.array(Amendment) });
export type AmendmentFile = z.Infer<typeof AmendmentFile>;

/** What an exemption is about: exactly one of an agency, a task or an indicator. */
const WaiverSubject = {
  /** The duties an agency leads (alone: a duty it shares with another lead stays scored). */
  agency: z.optional(text),
  /** A task, and its sub-items. */
  task: z.optional(text),
  /** An indicator, and its child indicators. */
  indicator: z.optional(text),
};

/**
 * An approved exemption: an agency, task or indicator excused for a time, for a reason, by a document. While in force
 * (from `from` until the day before `expiresOn`) the rows it covers are shown as exempted and not scored.
 *
 * @example
 * Waiver.parse({
 *   id: "mien-tru-1", task: "T-3.4", reason: { vi: "Chờ bố trí vốn đầu tư công" },
 *   document: "88/UBND-KGVX", approvedOn: "2026-02-10", expiresOn: "2026-12-31",
 * });
 */
export const Waiver = z
  .strictObject({
    id: kebabId,
    ...WaiverSubject,
    /** The years of the duty it covers (an annual report, a milestone); absent: every year, and rows without a year. */
    periods: z.optional(z.array(z.int().check(z.gte(1900)).check(z.lte(2200))).check(z.minLength(1))),
    reason: ViText,
    /** The number of the document that approved it. */
    document: text,
    approvedOn: IsoDate,
    /** The first day it holds; default `approvedOn`. */
    from: z.optional(IsoDate),
    /** The day it expires: it holds until the day before, and from this day the rows are judged again. */
    expiresOn: IsoDate,
  })
  .check(
    z.superRefine((w, ctx) => {
      const named = (["agency", "task", "indicator"] as const).filter((k) => w[k] !== undefined);
      if (named.length !== 1)
        ctx.addIssue({ code: "custom", path: [named[1] ?? "agency"], message: `name exactly one of agency, task and indicator${named.length ? `, not ${named.join(" and ")}` : ""}` });
      if (w.expiresOn <= (w.from ?? w.approvedOn))
        ctx.addIssue({ code: "custom", path: ["expiresOn"], message: `expires on ${w.expiresOn}, not after it starts (${w.from ?? w.approvedOn})` });
    }),
  );
export type Waiver = z.Infer<typeof Waiver>;

/** A waivers file: `{ "waivers": [ … ] }`. */
export const WaiverFile = z.strictObject({ $schema: z.optional(z.string()), waivers: z.array(Waiver) });
export type WaiverFile = z.Infer<typeof WaiverFile>;

/**
 * A successions file an app supplies: the successions (`predecessor`, `successor`, `from`, `document`) and any
 * successor the plan does not name yet, as an agency.
 *
 * @example
 * SuccessionFile.parse({ successions: [{ predecessor: "ke-hoach-va-dau-tu", successor: "so-tai-chinh", from: "2025-03-01", document: "…" }] });
 */
export const SuccessionFile = z.strictObject({
  $schema: z.optional(z.string()),
  agencies: z.optional(z.array(Agency)),
  successions: z.array(Succession),
});
export type SuccessionFile = z.Infer<typeof SuccessionFile>;

/** Where an entry of a plan-change file was read: the file, the 1-based line it starts on, its position in its list. */
export interface EntrySource {
  readonly file?: string;
  readonly line?: number;
  readonly index?: number;
  /** The line of each of an amendment's changes, where each has its own (a CSV file's rows). */
  readonly changeLines?: readonly number[];
}

const entrySources = new WeakMap<object, EntrySource>();

/**
 * Records where an entry of a plan-change file was read, so that a problem found later (an unknown task, two
 * amendments on one field) names the file and line.
 *
 * @internal
 */
export function rememberEntrySource(entry: object, source: EntrySource): void {
  entrySources.set(entry, source);
}

/**
 * Where an entry was read, if a reader recorded it.
 *
 * @internal
 */
export function entrySource(entry: object): EntrySource | undefined {
  return entrySources.get(entry);
}
