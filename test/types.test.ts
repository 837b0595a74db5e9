/**
 * The literal types an app's code is checked against: the standard rules' ids, statuses and parameters, the bands,
 * the bundled plan's ids, the input types and a row's score typed by its verdict. Each list is checked against the
 * data it mirrors (the rule files, the plan), and each type against what the compiler accepts and refuses
 * (`expectTypeOf` and `@ts-expect-error` are checked by `tsc --noEmit`).
 */
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  evaluate,
  HAIPHONG_142_AGENCY_IDS,
  HAIPHONG_142_INDICATOR_IDS,
  HAIPHONG_142_TASK_IDS,
  isRowOf,
  loadRules,
  plans,
  STANDARD_BANDS,
  STANDARD_RULE_STATUSES,
  standardRules,
  type BandId,
  type EvaluateOptions,
  type Haiphong142IndicatorId,
  type Haiphong142Observation,
  type ObservationInput,
  type ScorecardRow,
  type StandardBandId,
  type StandardRuleId,
  type StandardRuleParameters,
  type StandardStatus,
  type TaskReportInput,
} from "../src/index.js";

const plan = plans["haiphong-142"];
const rules = loadRules(standardRules);

describe("the standard rules' types", () => {
  it("list every standard rule and exactly the statuses its file declares", () => {
    expect(Object.keys(STANDARD_RULE_STATUSES).sort()).toEqual(rules.map((r) => r.id).sort());
    for (const rule of rules) expect(STANDARD_RULE_STATUSES[rule.id as StandardRuleId], rule.id).toEqual(Object.keys(rule.definition.statuses));
    expectTypeOf<StandardStatus<"task.deadline">>().toExtend<StandardStatus>();
    expectTypeOf<"overdue">().toExtend<StandardStatus<"task.deadline">>();
    expectTypeOf<"overdue">().not.toExtend<StandardStatus<"indicator.progress">>();
  });

  it("type every parameter of every standard rule as its default is", () => {
    // Written with the types of StandardRuleParameters, every parameter required: a parameter the type lacks, or one
    // of another type, does not compile; one the rule files have and the type lacks fails here.
    const defaults: { readonly [R in keyof StandardRuleParameters]-?: Required<NonNullable<StandardRuleParameters[R]>> } = {
      "task.deadline": { dueSoonDays: 30, lateScore: "0.5" },
      "task.annual-report": { annualReportDue: "12-31", dueSoonDays: 30, lateScore: "0.5" },
      "task.continuous-report": { annualReportDue: "12-31", dueSoonDays: 30, lateScore: "0.5" },
      "indicator.milestone-met": { whenMissing: "not-met" },
      "indicator.progress": { onTrackRatio: "0.95", accelerationRatio: "0.5", regressionRatio: "-0.1", whenMissing: "not-met" },
      "observation.year-in-plan": { baselineYears: 10 },
    };
    const withParameters = Object.fromEntries(rules.filter((r) => Object.keys(r.parameters).length > 0).map((r) => [r.id, r.parameters]));
    expect(withParameters).toEqual(defaults);
  });

  it("are what evaluate takes: a misspelt parameter, or a value of the wrong type, does not compile", () => {
    expectTypeOf<{ parameters: { "task.deadline": { dueSoonDays: 14 } } }>().toExtend<Pick<EvaluateOptions, "parameters">>();
    expectTypeOf<{ parameters: { "task.deadline": { dueSoonDays: "14" } } }>().not.toExtend<Pick<EvaluateOptions, "parameters">>();
    expectTypeOf<{ parameters: { "indicator.progress": { whenMissing: "skip" } } }>().not.toExtend<Pick<EvaluateOptions, "parameters">>();
    // An app's own rule takes any parameter of the types a rule file allows.
    expectTypeOf<{ parameters: { "city.own-rule": { fromYear: 2030 } } }>().toExtend<Pick<EvaluateOptions, "parameters">>();
    expectTypeOf<{ weights: { "task.deadline": 2; "city.own-rule": 1 } }>().toExtend<Pick<EvaluateOptions, "weights">>();
  });

  it("narrow a row to a standard rule's, its status to that rule's", async () => {
    const scorecard = await evaluate({ plan, asOf: "2026-11-26" });
    const deadlines = scorecard.rows.filter((r) => isRowOf(r, "task.deadline"));
    expect(deadlines.length).toBe(scorecard.rows.filter((r) => r.rule === "task.deadline").length);
    expect(deadlines.length).toBeGreaterThan(0);
    expectTypeOf(deadlines[0]!.status).toEqualTypeOf<StandardStatus<"task.deadline">>();
    const row = scorecard.rows[0]!;
    expect(isRowOf(row, "indicator.progress")).toBe(row.rule === "indicator.progress");
    // A row whose status the rule does not declare is not taken for one of its rows.
    expect(isRowOf({ ...row, rule: "task.deadline", status: "met" } as ScorecardRow, "task.deadline")).toBe(false);
  });
});

describe("a row's score", () => {
  it("is typed by its verdict: no-data and not-applicable rows have none", async () => {
    const scorecard = await evaluate({ plan, asOf: "2026-11-26" });
    for (const row of scorecard.rows)
      if (row.verdict === "no-data" || row.verdict === "not-applicable") {
        expectTypeOf(row.score).toEqualTypeOf<null>();
        expect(row.score).toBeNull();
      } else expectTypeOf(row.score).toEqualTypeOf<string | null>();
  });
});

describe("bands", () => {
  it("have literal ids", () => {
    expect(STANDARD_BANDS.map((b) => b.id)).toEqual(["high", "fairly-high", "medium", "low"] satisfies StandardBandId[]);
    expectTypeOf<(typeof STANDARD_BANDS)[number]["id"]>().toEqualTypeOf<StandardBandId>();
    expectTypeOf<"insufficient-data">().toExtend<BandId>();
  });
});

describe("the bundled plan's ids", () => {
  it("are the plan's tasks, indicators and agencies, in order", () => {
    expect([...HAIPHONG_142_TASK_IDS]).toEqual(plan.tasks.map((t) => t.id));
    expect([...HAIPHONG_142_INDICATOR_IDS]).toEqual(plan.indicators.map((x) => x.id));
    expect([...HAIPHONG_142_AGENCY_IDS]).toEqual(plan.agencies.map((a) => a.id));
  });

  it("type an app's input: numbers are taken as evaluate takes them, and an id the plan lacks can be refused", async () => {
    const observations: Haiphong142Observation[] = [{ indicator: "PL2-1", period: 2025, value: 61.5 }];
    const taskReports: TaskReportInput[] = [{ task: "T-2.1", status: "completed", reportedOn: "2025-07-15", period: "2025" }];
    // @ts-expect-error -- PL2-999 is no indicator of Plan 142
    const wrong: ObservationInput<Haiphong142IndicatorId> = { indicator: "PL2-999", period: 2025, value: 1 };
    expectTypeOf<Haiphong142Observation>().toEqualTypeOf<ObservationInput<Haiphong142IndicatorId>>();
    // By default any id is taken (another plan's).
    const other: ObservationInput = { indicator: "X-1", period: 2025, value: "1" };
    const scorecard = await evaluate({ plan, asOf: "2026-11-26", observations: [...observations, wrong, other], taskReports });
    expect(scorecard.input.observations).toEqual({ given: 3, accepted: 1, rejected: 2 });
    expect(scorecard.rows.find((r) => r.rule === "indicator.milestone-met" && r.entity === "PL2-1" && r.period === 2025)?.facts["observedValue"]).toBe("61.5");
    expect(scorecard.input.taskReports.accepted).toBe(1);
  });
});
