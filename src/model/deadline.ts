import { z } from "../zod.js";
import { IsoDate } from "./text.js";

/** How a deadline cell is read. */
export const DeadlineKind = z.enum(["month", "year", "range", "annual", "continuous", "fromYear", "referenced"]);
export type DeadlineKind = z.Infer<typeof DeadlineKind>;

/**
 * When a task is due. Dates are Vietnam calendar dates: a task due "9/2025" has `due: "2025-09-30"`
 * and is late from 2025-10-01 00:00 in Asia/Ho_Chi_Minh.
 */
export const Deadline = z
  .object({
    /** The cell verbatim. */
    raw: z.string().check(z.minLength(1)),
    kind: DeadlineKind,
    /** Last day of the period (month, year, range). */
    due: z.optional(IsoDate),
    /** First day of a range. */
    start: z.optional(IsoDate),
    /** Last day of a range. */
    end: z.optional(IsoDate),
    /** First day of a `fromYear` duty. */
    from: z.optional(IsoDate),
  }).check(z.superRefine((d, ctx) => {
    const need: Record<DeadlineKind, ReadonlyArray<"due" | "start" | "end" | "from">> = {
      month: ["due"],
      year: ["due"],
      range: ["due", "start", "end"],
      annual: [],
      continuous: [],
      fromYear: ["from"],
      referenced: [],
    };
    for (const key of ["due", "start", "end", "from"] as const) {
      const wanted = need[d.kind].includes(key);
      if (wanted && d[key] === undefined) ctx.addIssue({ code: "custom", message: `kind ${d.kind} needs ${key}`, path: [key] });
      if (!wanted && d[key] !== undefined) ctx.addIssue({ code: "custom", message: `kind ${d.kind} takes no ${key}`, path: [key] });
    }
    if (d.start && d.end && d.start > d.end) ctx.addIssue({ code: "custom", message: "start is after end", path: ["start"] });
  }));
export type Deadline = z.Infer<typeof Deadline>;
