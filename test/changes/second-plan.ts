/** The illustrative second plan of `fixtures/plans/minh-hoa/`, built from its CSV sheets, and its reports. */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { mergeInputs, planFromSheets, readCsvRecords, type DefinedPlan, type ReadInput } from "../../src/index.js";

export const SECOND_PLAN_DIR = fileURLToPath(new URL("../../fixtures/plans/minh-hoa/", import.meta.url));

/** The plan's sheets by file name, as `nq57 plan build` reads a folder. */
export function secondPlanSheets(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(SECOND_PLAN_DIR)
      .filter((name) => name.endsWith(".csv"))
      .map((name) => [name, readFileSync(join(SECOND_PLAN_DIR, name), "utf8")]),
  );
}

export const secondPlan: DefinedPlan = planFromSheets(secondPlanSheets());

/** The fixture's observations and task reports, read against the plan. */
export function secondPlanReports(plan: DefinedPlan = secondPlan): ReadInput {
  const read = (name: string) => readCsvRecords(name, readFileSync(join(SECOND_PLAN_DIR, "reports", name), "utf8"), plan);
  return mergeInputs(read("observations.csv"), read("task-reports.csv"));
}
