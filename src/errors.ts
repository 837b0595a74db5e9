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
