import { closeSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { PlanDataError } from "../errors.js";
import { readAmendments, readSuccessions, readWaivers } from "../input/plan-change-files.js";
import { PLAN_SHEETS } from "../input/plan-sheets.js";
import { definePlan, type DefinedPlan } from "../model/define-plan.js";
import { isPlanId, plans } from "../plans/index.js";
import type { ScoringChanges } from "../scorecard/plan-changes.js";
import { openRegularFile } from "./files.js";
import { errorCode, UsageError } from "./io.js";

/** The plan a command uses when none is named: the first plan shipped with the library. */
export const DEFAULT_PLAN: string = Object.keys(plans)[0]!;

/** The most characters a plan or plan-change file may hold: about 10 MB, ten times Plan 142 as JSON. */
const MAX_PLAN_FILE_BYTES = 30_000_000;

/** A file's text, the file checked to be a regular file of a sane size before it is read. */
export function readTextFile(file: string, what: string): string {
  const { fd, size } = openRegularFile(file, what);
  try {
    if (size > MAX_PLAN_FILE_BYTES) throw new UsageError(`${file}: the file holds ${size.toLocaleString("en")} bytes, more than a ${what} may (${MAX_PLAN_FILE_BYTES.toLocaleString("en")})`);
    return readFileSync(fd, "utf8");
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${file}: cannot read the file (${errorCode(error)})`);
  } finally {
    closeSync(fd);
  }
}

/**
 * A plan by the id of a plan shipped with the library (`nq57 plan show` lists it), or from a plan file (`.json`, as
 * `nq57 plan export` and `nq57 plan build` write it), validated: a broken plan is a usage error naming the file and
 * the entity and field of each problem.
 */
export function loadPlan(spec: string): DefinedPlan {
  if (isPlanId(spec)) return plans[spec];
  if (extname(spec).toLowerCase() !== ".json")
    throw new UsageError(`unknown plan "${spec}"; give the id of a plan shipped with the library (${Object.keys(plans).join(", ")}) or a plan file (.json)`);
  const text = readTextFile(spec, "plan file (.json)");
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new UsageError(`${spec}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return definePlan(json);
  } catch (error) {
    if (error instanceof PlanDataError)
      throw new UsageError(`${spec}: ${error.message.split("\n").map((l) => l.replace(/^\s+- /, "")).join("; ")}`);
    throw error;
  }
}

/** The files of plan changes a command was given. */
export interface ChangeFileOptions {
  readonly amendments?: readonly string[];
  readonly waivers?: readonly string[];
  readonly successions?: readonly string[];
}

/** Reads the change files a command was given into what `evaluate` and `planInForce` take; none given, none read. */
export function readChangeFiles(options: ChangeFileOptions): ScoringChanges {
  const read = <T>(files: readonly string[] | undefined, what: string, reader: (file: string, text: string) => T): T[] =>
    (files ?? []).map((file) => reader(file, readTextFile(file, what)));
  const amendments = read(options.amendments, "amendments file (.json or .csv)", readAmendments).flat();
  const waivers = read(options.waivers, "waivers file (.json or .csv)", readWaivers).flat();
  const successions = read(options.successions, "successions file (.json or .csv)", readSuccessions);
  return {
    ...(options.amendments?.length ? { amendments } : {}),
    ...(options.waivers?.length ? { waivers } : {}),
    ...(successions.length > 0 ? { successions: successions.flatMap((s) => s.successions), agencies: successions.flatMap((s) => s.agencies) } : {}),
  };
}

/** The CSV sheets of a folder, by file name, for `planFromSheets`: every `.csv` file in it (another name is an error there). */
export function readPlanSheets(dir: string): Record<string, string> {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a folder; give the folder of the plan's sheets (${Object.keys(PLAN_SHEETS).join(", ")})`);
    names = readdirSync(dir);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${dir}: cannot read the folder (${errorCode(error)})`);
  }
  const sheets = names.filter((n) => n.toLowerCase().endsWith(".csv")).sort();
  if (sheets.length === 0) throw new UsageError(`${dir}: the folder holds no .csv sheet; write the templates with: nq57 init ${dir} --for plan`);
  return Object.fromEntries(sheets.map((name) => [basename(name), readTextFile(join(dir, name), "plan sheet (.csv)")]));
}
