import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Decimal, evaluate, plans, RuleFileError, Scorecard, standardRules, VERSION, type ScorecardRow } from "../../src/index.js";
import { readJsonRecords } from "../../src/input/read-json.js";

const plan = plans["haiphong-142"];
const FIXTURE = "fixtures/report-2025-2026.json";
const fixtureText = readFileSync(FIXTURE, "utf8");
const fixture = JSON.parse(fixtureText) as { observations: unknown[]; taskReports: unknown[] };
const scoreFixture = () => evaluate({ plan, input: readJsonRecords(FIXTURE, fixtureText, plan), asOf: "2026-11-26" });

const statuses = (rows: readonly ScorecardRow[], rule: string) => new Set(rows.filter((r) => r.rule === rule).map((r) => r.status));

describe("evaluate on the bundled fixture", async () => {
  const scorecard = await scoreFixture();

  it("is plain JSON that the published schema describes", () => {
    expect(Scorecard.parse(JSON.parse(JSON.stringify(scorecard)))).toEqual(scorecard);
    expect(scorecard).toMatchObject({ plan: { id: "haiphong-142", number: "142/KH-UBND" }, asOf: "2026-11-26", rulesVersion: VERSION });
  });

  it("shows every milestone status", () => {
    expect(statuses(scorecard.rows, "indicator.milestone-met")).toEqual(new Set(["met", "not-met", "no-figure", "invalid-figure"]));
  });

  it("shows every progress status", () => {
    expect(statuses(scorecard.rows, "indicator.progress")).toEqual(
      new Set(["achieved", "on-track", "needs-acceleration", "off-track", "regressing", "insufficient-data", "no-recent-figure"]),
    );
  });

  it("shows every task status", () => {
    const tasks = new Set([...statuses(scorecard.rows, "task.deadline"), ...statuses(scorecard.rows, "task.annual-report"), ...statuses(scorecard.rows, "task.continuous-report")]);
    for (const s of ["completed", "completed-late", "in-progress", "not-due", "due-soon", "overdue", "missing-report", "not-assessable", "carried-out"]) expect(tasks.has(s), s).toBe(true);
  });

  it("explains every verdict in both languages, placeholders filled", () => {
    for (const row of scorecard.rows) {
      expect(row.message.vi, `${row.rule} ${row.entity}`).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(row.message.en, `${row.rule} ${row.entity}`).not.toMatch(/\{[a-zA-Z]+\}/);
      expect(row.message.vi.length).toBeGreaterThan(10);
    }
    const late = scorecard.rows.find((r) => r.rule === "task.deadline" && r.entity === "NQ71-12")!;
    expect(late).toMatchObject({ verdict: "warn", status: "completed-late", score: "0.5" });
    expect(late.message.en).toBe("NQ71-12 «Develop a plan to implement training and refresher programmes for…» was done on 2025-10-15, 15 days after its deadline 2025-09-30.");
    expect(late.facts).toMatchObject({ due: "2025-09-30", completedOn: "2025-10-15", reportStatus: "completed", daysLate: 15 });
  });

  it("lists every record it could not use, and uses all others", () => {
    expect(scorecard.input.observations).toEqual({ given: fixture.observations.length, accepted: fixture.observations.length - 4, rejected: 4 });
    expect(scorecard.input.taskReports).toEqual({ given: fixture.taskReports.length, accepted: fixture.taskReports.length - 2, rejected: 2 });
    expect(scorecard.rejected.map((r) => r.reason)).toEqual(expect.arrayContaining(['unknown indicator "PL2-99"', 'unknown task "T-9.9"']));
    for (const r of scorecard.rejected) expect(r.source.file).toBe(FIXTURE);
  });

  it("flags data problems: a percentage over 100, a year before the plan's baselines, conflicting figures", () => {
    const quality = scorecard.rows.filter((r) => r.rule.startsWith("observation."));
    expect(quality.map((r) => `${r.rule} ${r.entity} ${r.period}`).sort()).toEqual([
      "observation.consistent-values PL2-50 2025",
      "observation.percent-in-range PL2-46 2025",
      "observation.year-in-plan PL1-12 2012",
    ]);
  });

  it("checks every task and indicator of the plan with at least one rule", () => {
    const checked = new Set(scorecard.rows.map((r) => r.entity));
    for (const t of plan.tasks) expect(checked.has(t.id), t.id).toBe(true);
    for (const x of plan.indicators) expect(checked.has(x.id), x.id).toBe(true);
  });

  it("judges localities' figures against the city's target as benchmarks, summed up by locality", () => {
    expect(Object.keys(scorecard.summary.byLocality)).toEqual(["Phường Hồng Bàng", "Phường Lê Chân"]);
    const wards = scorecard.rows.filter((r) => r.locality === "Phường Lê Chân").map((r) => `${r.rule} ${r.status} ${r.benchmark}`);
    expect(wards).toEqual(["indicator.milestone-met not-met true", "indicator.progress off-track true"]);
  });

  it("computes each city-wide summary as the weighted mean of the city's scored performance rows, in exact decimals", () => {
    const performance = new Set(scorecard.rules.filter((r) => r.appliesTo === "task" || r.appliesTo === "indicator").map((r) => r.id));
    const cityWide = scorecard.rows.filter((r) => performance.has(r.rule) && r.benchmark !== true);
    const check = (rows: readonly ScorecardRow[], score: string | null) => {
      let sum = new Decimal(0);
      let weights = new Decimal(0);
      for (const r of rows)
        if (r.score !== null && r.weight !== "0") {
          sum = sum.plus(new Decimal(r.weight).times(r.score));
          weights = weights.plus(r.weight);
        }
      expect(score).toBe(weights.isZero() ? null : sum.div(weights).toDecimalPlaces(4).toFixed(4));
    };
    check(cityWide, scorecard.summary.overall.score);
    for (const [group, summary] of Object.entries(scorecard.summary.byTaskGroup))
      check(cityWide.filter((r) => plan.task(r.entity)?.group === group), summary.score);
    for (const [agency, summary] of Object.entries({ ...scorecard.summary.byAgency, ...scorecard.summary.bySharedDuty }))
      check(cityWide.filter((r) => (plan.task(r.entity)?.lead ?? plan.indicator(r.entity)?.lead ?? []).includes(agency)), summary.score);
    const counts = scorecard.summary.overall.counts;
    expect(counts.pass + counts.warn + counts.fail + counts["no-data"] + counts["not-applicable"]).toBe(cityWide.length);
    const checks = (s: { counts: typeof counts }) => Object.values(s.counts).reduce((a, b) => a + b, 0);
    expect(cityWide.length + checks(scorecard.summary.dataQuality) + checks(scorecard.summary.planChecks) + scorecard.rows.filter((r) => r.benchmark).length).toBe(
      scorecard.rows.length,
    );
  });
});

describe("evaluate", () => {
  it("gives the same scorecard whatever order the records come in", async () => {
    const reversed = await evaluate({ plan, observations: [...fixture.observations].reverse(), taskReports: [...fixture.taskReports].reverse(), asOf: "2026-11-26" });
    const shuffled = await evaluate({
      plan,
      observations: fixture.observations.map((o, i) => [o, (i * 7919) % 101] as const).sort((a, b) => a[1] - b[1]).map(([o]) => o),
      taskReports: fixture.taskReports.map((o, i) => [o, (i * 7919) % 97] as const).sort((a, b) => a[1] - b[1]).map(([o]) => o),
      asOf: "2026-11-26",
    });
    // The same verdicts; only where each record was read (its index in the list) differs.
    const withoutSources = (rows: readonly ScorecardRow[]) => rows.map(({ sources: _, ...row }) => row);
    expect(withoutSources(shuffled.rows)).toEqual(withoutSources(reversed.rows));
    expect(shuffled.summary).toEqual(reversed.summary);
  });

  it("reads asOf in Vietnam time: a task due 9/2025 is late from 1 October 00:00 there", async () => {
    const at = (instant: string) =>
      evaluate({ plan, taskReports: [{ task: "NQ71-48", status: "in-progress", reportedOn: "2025-09-01" }], asOf: new Date(instant) }).then(
        (s) => s.rows.find((r) => r.rule === "task.deadline" && r.entity === "NQ71-48")!,
      );
    expect(await at("2025-09-30T16:30:00Z")).toMatchObject({ status: "due-soon", facts: { asOf: "2025-09-30", daysUntilDue: 0 } });
    expect(await at("2025-09-30T17:30:00Z")).toMatchObject({ status: "overdue", facts: { asOf: "2025-10-01", daysUntilDue: -1 } });
  });

  it("refuses an asOf that is not a date", async () => {
    await expect(evaluate({ plan, asOf: "2025-02-30" })).rejects.toThrow(/not a date/);
  });

  it("lets an app override a parameter and a weight", async () => {
    const base = { plan, taskReports: [], asOf: "2026-11-10" } as const;
    const standard = await evaluate(base);
    const tight = await evaluate({ ...base, parameters: { "task.deadline": { dueSoonDays: 7 } }, weights: { "task.deadline": 5 } });
    const dueSoon = (s: Scorecard) => s.rows.filter((r) => r.rule === "task.deadline" && r.status === "due-soon").length;
    expect(dueSoon(standard)).toBeGreaterThan(0);
    expect(dueSoon(tight)).toBe(0);
    expect(tight.rules.find((r) => r.id === "task.deadline")?.weight).toBe("5");
    // @ts-expect-error -- the compiler refuses it too: task.deadline has no parameter dueSoon
    await expect(evaluate({ ...base, parameters: { "task.deadline": { dueSoon: 7 } } })).rejects.toThrow(RuleFileError);
    await expect(evaluate({ ...base, parameters: { "task.nothing": { dueSoonDays: 7 } } })).rejects.toThrow(/no rule "task.nothing"/);
  });

  it("runs an app's own rule beside the standard ones and says so in rulesVersion", async () => {
    const own = {
      file: "my-rules/strategic-first.json",
      json: {
        id: "task.strategic-started",
        title: { vi: "Nhiệm vụ chiến lược đã bắt đầu", en: "Strategic tasks started" },
        description: { vi: "Mô tả", en: "Description" },
        rationale: { vi: "Lý do", en: "Rationale" },
        severity: "medium",
        weight: 1,
        appliesTo: "task",
        factSet: "taskDeadline",
        planClause: { vi: "Mục B.II", en: "Section B.II" },
        cases: [
          { name: "started", conditions: { all: [{ fact: "hasReport", operator: "equal", value: true }] }, event: { type: "outcome", params: { verdict: "pass", status: "started", message: { vi: "{label} đã có báo cáo.", en: "{label} has a report." } } } },
          { name: "silent", conditions: { all: [] }, event: { type: "outcome", params: { verdict: "fail", status: "silent", message: { vi: "{label} chưa có báo cáo.", en: "{label} has no report." } } } },
        ],
        examples: [{ name: "none", facts: { hasReport: false }, expect: { verdict: "fail", status: "silent" } }],
      },
    };
    const s = await evaluate({ plan, asOf: "2026-01-01", rules: [...standardRules, own] });
    expect(s.rulesVersion).toBe(`${VERSION}+custom`);
    expect(s.rows.filter((r) => r.rule === "task.strategic-started")).toHaveLength(s.rows.filter((r) => r.rule === "plan.task-has-lead").length - 4);
  });

  it("scores nothing it has no data for, and says so", async () => {
    const s = await evaluate({ plan, asOf: "2025-07-01" });
    expect(s.rows.filter((r) => r.rule === "indicator.milestone-met")).toEqual([]);
    expect(s.summary.byIndicatorGroup["PL2-I"]).toMatchObject({ score: null, band: { id: "insufficient-data" } });
  });
});
