import { Nq57Error } from "../errors.js";

/** A rule file that cannot be used: names the file, the path inside it and what is wrong. */
export class RuleFileError extends Nq57Error {
  override name = "RuleFileError";
  constructor(
    readonly file: string,
    /** JSON path inside the file, e.g. `cases[2].conditions.all[0].fact`. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${file}${path ? ` at ${path}` : ""}: ${reason}`);
  }
}

/**
 * A condition that cannot be answered as json-rules-engine answers it, for the values it met: the engine stops with an
 * error there (a fact not given, `in` with a number as its value), or answers otherwise than exact decimals (a
 * decimal text it reads as a rounded binary float, two texts it compares letter by letter). Names the rule file, the
 * condition and why, rather than give another answer than the engine's.
 */
export class RuleValueError extends Nq57Error {
  override name = "RuleValueError";
  constructor(
    readonly file: string,
    /** JSON path of the condition inside the file, e.g. `cases[2].conditions.all[0]`. */
    readonly path: string,
    readonly reason: string,
    /** json-rules-engine stops with an error on these values too (rather than answer otherwise). */
    readonly engineFails: boolean,
  ) {
    super(`${file} at ${path}: ${reason}`);
  }
}

/** Facts an app declares, or their values, that cannot be used: names the kind of entity, the entity and the fact. */
export class AppFactError extends Nq57Error {
  override name = "AppFactError";
  constructor(
    /** Where: `appFacts.task.budgetApproved`, `appFactValues.task["T-2.1"].budgetApproved`. */
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}
