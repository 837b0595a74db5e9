/** One problem found in plan data: where it is and what is wrong. */
export interface PlanIssue {
  /** Path from the plan root, e.g. `["tasks", 12, "lead", 0]`. */
  readonly path: ReadonlyArray<string | number>;
  /** Id of the entity the problem is in, when the entity has one. */
  readonly entity?: string;
  /** Field of that entity, e.g. `lead`. */
  readonly field?: string;
  readonly message: string;
}

/** Base class of every error the library throws on purpose, so apps can tell them from bugs. */
export class Nq57Error extends Error {
  override name = "Nq57Error";
}

/**
 * An option given to a function of the library that cannot be used: names the option and why (an `asOf` that is not
 * a date, a `minCoverage` outside 0 to 1, no plan).
 */
export class OptionsError extends Nq57Error {
  override name = "OptionsError";
  constructor(
    /** The option, e.g. `asOf`. */
    readonly option: string,
    readonly reason: string,
  ) {
    super(`${option}: ${reason}`);
  }
}

/** An input accumulator used after `finish()`: its input is complete, so further records go to a new one. */
export class InputClosedError extends Nq57Error {
  override name = "InputClosedError";
}

/** A plan given to {@link definePlan} breaks the model: each issue names the entity and field. */
export class PlanDataError extends Nq57Error {
  override name = "PlanDataError";
  readonly issues: readonly PlanIssue[];
  constructor(issues: readonly PlanIssue[], planId?: string) {
    const head = `Plan${planId ? ` "${planId}"` : ""} is invalid (${issues.length} problem${issues.length === 1 ? "" : "s"})`;
    super([head, ...issues.slice(0, 20).map((i) => `  - ${formatIssue(i)}`), ...(issues.length > 20 ? [`  - … and ${issues.length - 20} more`] : [])].join("\n"));
    this.issues = issues;
  }
}

/** A cell of the source document (target, deadline or agency list) has a form the parsers do not know. */
export class CellParseError extends Nq57Error {
  override name = "CellParseError";
  constructor(
    /** Which parser: `target`, `deadline` or `agency list`. */
    readonly what: "target" | "deadline" | "agency list",
    /** The cell text, verbatim. */
    readonly cell: string,
    readonly reason: string,
  ) {
    super(`Cannot read ${what} cell "${cell}": ${reason}`);
  }
}

function formatIssue(issue: PlanIssue): string {
  const where = issue.entity ? `${issue.entity}${issue.field ? `.${issue.field}` : ""}` : issue.path.join(".") || "(plan)";
  return `${where}: ${issue.message}`;
}

/** One problem in a file of plan data: where it is (file, entry, line, field) and what is wrong. */
export interface PlanFileIssue {
  readonly file?: string;
  /** The entry at fault: `amendments[1] (qd-215-2026) changes[0]`, `waivers[2]`, a sheet's row. */
  readonly entry?: string;
  /** 1-based line of the entry in the file, where known. */
  readonly line?: number;
  /** The field at fault, e.g. `task`, `effectiveOn`, `lead`. */
  readonly field?: string;
  readonly message: string;
}

/**
 * A file of plan data cannot be used as written: plan sheets (`planFromSheets`), amendments, waivers or successions.
 * Such a file is used whole or not at all (a plan half amended would judge agencies against duties no one set), and
 * every problem found is listed, each naming the file, the entry and the field.
 */
export class PlanFileError extends Nq57Error {
  override name = "PlanFileError";
  readonly issues: readonly PlanFileIssue[];
  constructor(
    /** What the file holds: `amendments`, `waivers`, `successions`, `plan sheets`. */
    readonly what: string,
    issues: readonly PlanFileIssue[],
  ) {
    const head = issues.length === 1 ? formatFileIssue(issues[0]!) : `${issues.length} problems in the ${what}; the first: ${formatFileIssue(issues[0]!)}`;
    super([head, ...(issues.length > 1 ? issues.slice(0, 50).map((i) => `  - ${formatFileIssue(i)}`) : []), ...(issues.length > 50 ? [`  - … and ${issues.length - 50} more`] : [])].join("\n"));
    this.issues = issues;
  }
}

/** `amendments.json:12: amendments[1] (qd-9-2026) changes[0].task: unknown task "T-99"`. */
export function formatFileIssue(issue: PlanFileIssue): string {
  const place = issue.file !== undefined ? `${issue.file}${issue.line !== undefined ? `:${issue.line}` : ""}: ` : issue.line !== undefined ? `line ${issue.line}: ` : "";
  const where = [issue.entry, issue.field].filter((p) => p !== undefined && p !== "").join(issue.entry && issue.field ? " " : "");
  return `${place}${where ? `${where}: ` : ""}${issue.message}`;
}

/** A schema path as a field of a plan-change file: `changes[0].task`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("");
}

/** A schema's message in the words of the person who fills the file in: what is missing, the form a date or year takes. */
export function fileIssueMessage(message: string, path: readonly PropertyKey[]): string {
  if (/received undefined$/.test(message)) return "missing";
  if (message === "Invalid ISO date") return "not a date written as YYYY-MM-DD, e.g. 2026-09-01";
  const field = [...path].reverse().find((p) => typeof p === "string");
  if ((field === "year" || field === "periods") && /^Invalid input: expected number/.test(message)) return "not a year written in four digits, e.g. 2026";
  return message;
}
