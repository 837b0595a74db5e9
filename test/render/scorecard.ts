import { readFileSync } from "node:fs";
import { evaluate, mergeInputs, plans, readCsvRecords, type Scorecard, type ScorecardRow } from "../../src/index.js";

/** The plan the renderers are tested on. */
export const plan = plans["haiphong-142"];

const sample = (name: string) => readFileSync(new URL(`../../fixtures/input-samples/${name}`, import.meta.url), "utf8");

/** The scorecard of the input samples (Excel CSVs a user could send) as of 26 November 2026. */
export const sampleScorecard: Promise<Scorecard> = evaluate({
  plan,
  input: mergeInputs(
    readCsvRecords("observations.csv", sample("observations.csv"), plan),
    readCsvRecords("task-reports.csv", sample("task-reports.csv"), plan),
  ),
  asOf: "2026-11-26",
});

/** A copy of a scorecard with one row's fields replaced, to test how odd text is shown. */
export function withRow(scorecard: Scorecard, index: number, change: Partial<ScorecardRow>): Scorecard {
  return { ...scorecard, rows: scorecard.rows.map((r, i) => (i === index ? ({ ...r, ...change } as ScorecardRow) : r)) };
}
