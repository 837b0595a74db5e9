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
