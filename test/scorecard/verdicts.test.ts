/**
 * The readings a verdict rests on, each tried as an inspector who wants to overturn it would: whose target a figure
 * is judged against, which claims a report can make, what an agency's "cancelled" changes, when a recurring report
 * is on time, what an invalid or a withheld figure earns, what the headline counts, when a band is given, and where
 * each verdict's records came from.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal, evaluate, plans, readCsvRecords, STANDARD_BANDS, type EvaluateOptions, type Scorecard, type ScorecardRow } from "../../src/index.js";

const plan = plans["haiphong-142"];
const asOf = "2026-11-26";

const find = (s: Scorecard, rule: string, entity: string, extra: Partial<Pick<ScorecardRow, "period" | "locality">> = {}) =>
  s.rows.find((r) => r.rule === rule && r.entity === entity && r.period === extra.period && r.locality === extra.locality);
const score = (s: Scorecard) => new Decimal(s.summary.overall.score ?? 0);

describe("levels: Plan 142's targets are the city's", () => {
  const city = { indicator: "PL2-1", period: 2025, value: "63" };
  const wards = [
    { indicator: "PL2-1", period: 2025, value: "50", locality: "Phường Lê Chân" },
    { indicator: "PL2-1", period: 2025, value: "48", locality: "Phường Hồng Bàng" },
    { indicator: "PL2-1", period: 2025, value: "41", locality: "Phường Ngô Quyền" },
  ];

  it("keeps the city's verdict and every city-wide summary when wards report lower figures", async () => {
    const alone = await evaluate({ plan, observations: [city], asOf });
    const withWards = await evaluate({ plan, observations: [city, ...wards], asOf });
    expect(find(withWards, "indicator.milestone-met", "PL2-1", { period: 2025 })).toMatchObject({ status: "met", score: "1" });
    expect(withWards.summary.byIndicatorGroup["PL2-I"]).toEqual(alone.summary.byIndicatorGroup["PL2-I"]);
    expect(withWards.summary.byAgency).toEqual(alone.summary.byAgency);
    expect(withWards.summary.overall).toEqual(alone.summary.overall);
  });

  it("judges each ward against the city's target only as a benchmark, in the ward's own summary", async () => {
    const s = await evaluate({ plan, observations: [city, ...wards], asOf });
    const ward = find(s, "indicator.milestone-met", "PL2-1", { period: 2025, locality: "Phường Ngô Quyền" })!;
    expect(ward).toMatchObject({ benchmark: true, status: "not-met", facts: { targetLevel: "city", benchmark: true } });
    expect(ward.message.vi).toContain("(Phường Ngô Quyền, đối chiếu với chỉ tiêu của thành phố)");
    // Its one figure misses the target, and with no earlier one progress cannot be read: the missing baseline counts too.
    const failing = s.rows.filter((r) => r.locality === "Phường Ngô Quyền" && r.verdict === "fail").map((r) => `${r.rule} ${r.status}`);
    expect(failing.sort()).toEqual(["indicator.milestone-met not-met", "indicator.progress insufficient-data"]);
    expect(s.summary.byLocality["Phường Ngô Quyền"]?.counts.fail).toBe(2);
  });

  it("still judges the city when only wards reported: the city has no figure", async () => {
    const s = await evaluate({ plan, observations: wards, asOf });
    expect(find(s, "indicator.milestone-met", "PL2-1", { period: 2025 })).toMatchObject({ status: "no-figure", verdict: "fail", missingData: true });
  });

  it("judges every locality for real when a plan's target is each locality's", async () => {
    // The same plan, its PL2-1 targets set for each locality.
    const data = JSON.parse(JSON.stringify(plan));
    for (const t of data.indicators.find((x: { id: string }) => x.id === "PL2-1").targets) t.level = "locality";
    const { definePlan } = await import("../../src/index.js");
    const own = definePlan(data);
    const s = await evaluate({ plan: own, observations: wards, asOf });
    const rows = s.rows.filter((r) => r.rule === "indicator.milestone-met" && r.entity === "PL2-1" && r.period === 2025);
    expect(rows.map((r) => [r.locality, r.benchmark, r.status])).toEqual([
      ["Phường Hồng Bàng", undefined, "not-met"],
      ["Phường Lê Chân", undefined, "not-met"],
      ["Phường Ngô Quyền", undefined, "not-met"],
    ]);
    expect(s.summary.overall.counts.fail).toBeGreaterThanOrEqual(3);
  });
});

describe("claims are checked against their dates", () => {
  it("rejects a completion after its own report, and dates no report could carry", async () => {
    const s = await evaluate({
      plan,
      taskReports: [
        { task: "T-2.1", status: "completed", reportedOn: "2025-05-25", completedOn: "2025-06-20" },
        { task: "T-2.1", status: "completed", reportedOn: "2025-06-28", completedOn: "0001-01-01" },
      ],
      asOf,
    });
    expect(s.rejected.map((r) => [r.source.index, r.field])).toEqual([
      [0, "completedOn"],
      [1, "completedOn"],
    ]);
    expect(find(s, "task.deadline", "T-2.1")).toMatchObject({ status: "overdue", missingData: true });
  });

  it("keeps a report sent after the date of the assessment unused, with a note", async () => {
    const s = await evaluate({ plan, taskReports: [{ task: "T-2.1", status: "completed", reportedOn: "2026-12-01" }], asOf });
    expect(s.input.taskReports).toEqual({ given: 1, accepted: 1, rejected: 0 });
    expect(find(s, "task.deadline", "T-2.1")?.status).toBe("overdue");
    expect(s.notes).toContainEqual({ source: { index: 0 }, field: "reportedOn", note: `reportedOn 2026-12-01 is after the date of the assessment (${asOf}): the report is not used in this scorecard` });
  });
});

describe("a task leaves the scorecard only by the plan's own change", () => {
  it("judges a task its agency reports cancelled as if unreported, and says no decision approves it", async () => {
    const s = await evaluate({ plan, taskReports: [{ task: "T-1.3", status: "cancelled", reportedOn: "2026-11-20" }], asOf });
    const row = find(s, "task.deadline", "T-1.3")!;
    expect(row).toMatchObject({ verdict: "fail", status: "overdue", score: "0", missingData: true, facts: { hasReport: false, cancellationClaimedOn: "2026-11-20" } });
    expect(row.message.vi).toContain("chưa có quyết định sửa đổi kế hoạch của Ủy ban nhân dân thành phố (mục D.3)");
    const unreported = await evaluate({ plan, asOf });
    expect(score(s).toString()).toBe(score(unreported).toString());
  });

  it("warns about a cancellation claimed before the deadline, without scoring it", async () => {
    const s = await evaluate({ plan, taskReports: [{ task: "T-2.9", status: "cancelled", reportedOn: "2026-06-01" }], asOf });
    expect(find(s, "task.deadline", "T-2.9")).toMatchObject({ verdict: "warn", status: "cancellation-unapproved", score: null });
  });

  it("keeps a completion reported before the cancellation", async () => {
    const s = await evaluate({
      plan,
      taskReports: [
        { task: "T-2.1", status: "completed", reportedOn: "2025-06-28", completedOn: "2025-06-25" },
        { task: "T-2.1", status: "cancelled", reportedOn: "2025-09-01" },
      ],
      asOf,
    });
    expect(find(s, "task.deadline", "T-2.1")).toMatchObject({ status: "completed", score: "1", facts: { cancellationClaimedOn: "2025-09-01" } });
  });
});

describe("recurring duties are judged on when the report was sent", () => {
  it("scores T-1.4's 2025 report, sent on 20/03/2026, as late, whatever completion date it claims", async () => {
    const s = await evaluate({ plan, taskReports: [{ task: "T-1.4", status: "completed", period: 2025, reportedOn: "2026-03-20", completedOn: "2025-12-20" }], asOf });
    expect(find(s, "task.annual-report", "T-1.4", { period: 2025 })).toMatchObject({ status: "completed-late", score: "0.5", facts: { daysLate: 79, periodDue: "2025-12-31" } });
  });

  it("takes the report date as a parameter, checked", async () => {
    const reports = [{ task: "T-1.4", status: "completed", period: 2025, reportedOn: "2025-12-20" }];
    const early = await evaluate({ plan, taskReports: reports, asOf, parameters: { "task.annual-report": { annualReportDue: "12-15" } } });
    expect(find(early, "task.annual-report", "T-1.4", { period: 2025 })).toMatchObject({ status: "completed-late", facts: { daysLate: 5 } });
    await expect(evaluate({ plan, asOf, parameters: { "task.annual-report": { annualReportDue: "02-30" } } })).rejects.toThrow(/annualReportDue must be a day of the year/);
  });

  it("scores a continuous task's year on its report: on time 1, late lateScore, not started 0, none 0", async () => {
    const s = await evaluate({
      plan,
      taskReports: [
        { task: "NQ71-2", status: "in-progress", period: 2025, reportedOn: "2025-11-20" },
        { task: "NQ71-3", status: "in-progress", period: 2025, reportedOn: "2026-02-20" },
        { task: "NQ71-6", status: "not-started", period: 2025, reportedOn: "2025-10-01" },
      ],
      asOf,
    });
    const year = (task: string) => find(s, "task.continuous-report", task, { period: 2025 });
    expect(year("NQ71-2")).toMatchObject({ status: "carried-out", score: "1" });
    expect(year("NQ71-3")).toMatchObject({ status: "reported-late", score: "0.5", facts: { daysLate: 51 } });
    expect(year("NQ71-6")).toMatchObject({ status: "not-carried-out", score: "0" });
    const none = plan.tasks.find((t) => t.deadline?.kind === "continuous" && !["NQ71-2", "NQ71-3", "NQ71-6"].includes(t.id))!;
    expect(year(none.id)).toMatchObject({ status: "missing-report", score: "0", missingData: true });
  });
});

describe("invalid figures earn nothing", () => {
  it("sets a percentage of 104 aside: the milestone has no valid figure and says which check it failed", async () => {
    const s = await evaluate({ plan, observations: [{ indicator: "PL2-46", period: 2025, value: "104" }], asOf });
    expect(find(s, "observation.percent-in-range", "PL2-46", { period: 2025 })?.verdict).toBe("fail");
    expect(find(s, "indicator.milestone-met", "PL2-46", { period: 2025 })).toMatchObject({
      verdict: "fail",
      status: "invalid-figure",
      missingData: true,
      facts: { hasObservation: false, setAsideValue: "104", failedChecks: ["observation.percent-in-range"] },
    });
  });

  it("does not let a rank of 0 make PL1-4 top 3", async () => {
    const s = await evaluate({ plan, observations: [{ indicator: "PL1-4", period: 2024, value: "5" }, { indicator: "PL1-4", period: 2025, value: "0" }], asOf });
    const progress = find(s, "indicator.progress", "PL1-4")!;
    expect(progress.status).not.toBe("achieved");
    expect(progress).toMatchObject({ status: "no-recent-figure", facts: { failedChecks: ["observation.rank-at-least-one"] } });
  });

  it("earns an invalid figure no more than no figure at all", async () => {
    const invalid = await evaluate({ plan, observations: [{ indicator: "PL2-46", period: 2025, value: "104" }], asOf });
    const none = await evaluate({ plan, asOf });
    expect(invalid.summary.overall.score).toBe(none.summary.overall.score);
  });
});

describe("missing data has a policy", () => {
  // City series of a few indicators over 2023-2025 (2025 is a milestone, and the last year past as of 26/11/2026).
  const indicators = ["PL2-1", "PL2-22", "PL2-13", "PL1-4", "PL2-44"];
  const figure = (id: string) => (id === "PL1-4" ? fc.integer({ min: 1, max: 20 }) : id === "PL2-44" ? fc.integer({ min: 50, max: 99 }).map((n) => n / 100) : fc.integer({ min: 0, max: 700 }));
  const series = fc.tuple(
    ...indicators.map((id) => fc.subarray([2023, 2024, 2025], { minLength: 1 }).chain((years) => fc.tuple(...years.map((year) => figure(id).map((v) => ({ indicator: id, period: year, value: String(v) })))))),
  );

  it("never raises the overall score when a figure that is due is withheld (property)", async () => {
    await fc.assert(
      fc.asyncProperty(series, fc.nat(), async (lists, pick) => {
        const observations = lists.flat();
        const due = observations.filter((o) => o.period === 2025);
        fc.pre(due.length > 0);
        const withheld = due[pick % due.length]!;
        const full = await evaluate({ plan, observations, asOf });
        const without = await evaluate({ plan, observations: observations.filter((o) => o !== withheld), asOf });
        expect(score(without).lte(score(full)), `withholding ${JSON.stringify(withheld)}`).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("scores a series cut down to one figure short of its target no higher than the series that shows it regressing", async () => {
    // PL2-8: 92% in 2024, 70% in 2025 (2030: 100%); PL1-33: 9th in 2024, 12th in 2025 (2030: ≤ 10th).
    const earlier = [
      { indicator: "PL2-8", period: 2024, value: "92" },
      { indicator: "PL1-33", period: 2024, value: "9" },
    ];
    const latest = [
      { indicator: "PL2-8", period: 2025, value: "70" },
      { indicator: "PL1-33", period: 2025, value: "12" },
    ];
    const full = await evaluate({ plan, observations: [...earlier, ...latest], asOf });
    const cut = await evaluate({ plan, observations: latest, asOf });
    for (const id of ["PL2-8", "PL1-33"]) {
      expect(find(full, "indicator.progress", id)).toMatchObject({ verdict: "fail", status: "regressing", score: "0" });
      expect(find(cut, "indicator.progress", id)).toMatchObject({ verdict: "fail", status: "insufficient-data", score: "0", missingData: true });
    }
    expect(score(cut).lte(score(full))).toBe(true);
    const lenient = await evaluate({ plan, observations: latest, asOf, parameters: { "indicator.progress": { whenMissing: "no-data" } } });
    expect(find(lenient, "indicator.progress", "PL2-8")).toMatchObject({ verdict: "no-data", status: "insufficient-data", score: null });
  });

  it("never raises the overall score when a series is cut down to its latest figure (property)", async () => {
    await fc.assert(
      fc.asyncProperty(series, fc.nat(), async (lists, pick) => {
        const observations = lists.flat();
        const cutId = indicators[pick % indicators.length]!;
        const ofCut = observations.filter((o) => o.indicator === cutId);
        const last = ofCut.reduce((a, b) => (b.period > a.period ? b : a));
        fc.pre(ofCut.length > 1);
        const full = await evaluate({ plan, observations, asOf });
        const without = await evaluate({ plan, observations: observations.filter((o) => o.indicator !== cutId || o === last), asOf });
        expect(score(without).lte(score(full)), `keeping only ${JSON.stringify(last)}`).toBe(true);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  it("counts a missing figure as not met by default, or as no data when an app says so", async () => {
    const options: EvaluateOptions = { plan, asOf };
    const strict = await evaluate(options);
    const lenient = await evaluate({ ...options, parameters: { "indicator.milestone-met": { whenMissing: "no-data" }, "indicator.progress": { whenMissing: "no-data" } } });
    expect(find(strict, "indicator.milestone-met", "PL2-22", { period: 2025 })).toMatchObject({ verdict: "fail", score: "0", missingData: true });
    expect(find(lenient, "indicator.milestone-met", "PL2-22", { period: 2025 })).toMatchObject({ verdict: "no-data", score: null });
    expect(strict.summary.overall.coverage).toBe(lenient.summary.overall.coverage);
    // @ts-expect-error -- the compiler refuses it too: whenMissing is not-met or no-data
    await expect(evaluate({ ...options, parameters: { "indicator.progress": { whenMissing: "skip" } } })).rejects.toThrow(/whenMissing must be not-met or no-data/);
  });
});

describe("headlines are performance", () => {
  it("counts the checks of the plan document and of the figures apart from every score and headline count", async () => {
    const s = await evaluate({ plan, observations: [{ indicator: "PL2-46", period: 2025, value: "104" }], asOf });
    const kinds = new Map(s.rules.map((r) => [r.id, r.appliesTo]));
    const countOf = (kind: string) => s.rows.filter((r) => kinds.get(r.rule) === kind).length;
    expect(s.summary.planChecks.rows).toBe(countOf("plan"));
    expect(s.summary.dataQuality.rows).toBe(countOf("observation"));
    expect(s.summary.overall.rows).toBe(countOf("task") + countOf("indicator"));
    const agencyRows = Object.values(s.summary.byAgency).reduce((n, a) => n + a.rows, 0);
    expect(agencyRows).toBeLessThan(countOf("task") + countOf("indicator") + countOf("plan"));
    expect(Object.keys(s.summary.byAgency).some((id) => plan.agency(id)?.kind === "collective")).toBe(false);
  });

  it("lists duties assigned to collectives as shared duties, never beside accountable agencies", async () => {
    const s = await evaluate({ plan, asOf });
    expect(Object.keys(s.summary.bySharedDuty)).toContain("uy-ban-nhan-dan-cac-cap-chinh-quyen-dia-phuong");
    for (const id of Object.keys(s.summary.bySharedDuty)) expect(["collective", "localGovernment"]).toContain(plan.agency(id)!.kind);
    for (const id of Object.keys(s.summary.byAgency)) expect(["collective", "localGovernment"]).not.toContain(plan.agency(id)!.kind);
  });
});

describe("bands only on enough data", () => {
  it("gives no band below the minimum coverage, marking the score provisional", async () => {
    const s = await evaluate({ plan, taskReports: [{ task: "T-2.1", status: "completed", reportedOn: "2025-06-28" }], asOf });
    expect(new Decimal(s.summary.overall.coverage!).lt("0.5")).toBe(true);
    expect(s.summary.overall).toMatchObject({ provisional: true, band: { id: "insufficient-data", label: { vi: "Chưa đủ dữ liệu" } } });
    expect(s.minCoverage).toBe("0.5");
    const any = await evaluate({ plan, taskReports: [{ task: "T-2.1", status: "completed", reportedOn: "2025-06-28" }], asOf, minCoverage: "0" });
    expect(any.summary.overall.provisional).toBe(false);
    expect(any.summary.overall.band.id).not.toBe("insufficient-data");
    await expect(evaluate({ plan, asOf, minCoverage: "1.5" })).rejects.toThrow(/minCoverage: "1.5" is not a decimal from 0 to 1/);
  });

  it("names its bands in its own words, not the staff ratings of Decree 90/2020, each translation meaning what the Vietnamese says", () => {
    expect(STANDARD_BANDS.map((b) => [b.id, b.from, b.label.vi, b.label.en])).toEqual([
      ["high", "0.9", "Cao", "High"],
      ["fairly-high", "0.75", "Khá", "Fairly high"],
      ["medium", "0.5", "Trung bình", "Medium"],
      ["low", "0", "Thấp", "Low"],
    ]);
    for (const band of STANDARD_BANDS) expect(band.label.vi).not.toMatch(/hoàn thành/i);
  });

  it("counts a missing report against coverage although it scores 0", async () => {
    const s = await evaluate({ plan, asOf });
    const overdue = find(s, "task.deadline", "T-1.3")!;
    expect(overdue).toMatchObject({ verdict: "fail", missingData: true });
    expect(s.summary.overall.coverage).toBe("0.0000");
  });
});

describe("every verdict is traceable", () => {
  it("names the file and line of each record a row used, and the evidence a report names", async () => {
    const csv = "task,status,reportedOn,completedOn,evidence\nT-2.1,completed,2025-06-28,2025-06-25,Kế hoạch số 01/KH-SKHCN\n";
    const figures = "indicator,period,value\nPL2-22,2024,280\nPL2-22,2025,320\n";
    const { mergeInputs } = await import("../../src/index.js");
    const input = mergeInputs(readCsvRecords("tasks.csv", csv, plan), readCsvRecords("figures.csv", figures, plan));
    const s = await evaluate({ plan, input, asOf });
    expect(find(s, "task.deadline", "T-2.1")).toMatchObject({ sources: [{ file: "tasks.csv", line: 2 }], facts: { evidence: "Kế hoạch số 01/KH-SKHCN" } });
    expect(find(s, "indicator.milestone-met", "PL2-22", { period: 2025 })?.sources).toEqual([{ file: "figures.csv", line: 3 }]);
    expect(find(s, "indicator.progress", "PL2-22")?.sources).toEqual([
      { file: "figures.csv", line: 2 },
      { file: "figures.csv", line: 3 },
    ]);
  });

  it("names the index of each record an app gave as a list", async () => {
    const s = await evaluate({ plan, observations: [{ indicator: "PL2-1", period: 2025, value: "63" }], asOf });
    expect(find(s, "indicator.milestone-met", "PL2-1", { period: 2025 })?.sources).toEqual([{ index: 0 }]);
  });
});

describe("one reading each", () => {
  it("keeps the deadline of a task due before the plan was signed (T-1.1, 4/2025) as written", async () => {
    const done = await evaluate({ plan, taskReports: [{ task: "T-1.1", status: "completed", reportedOn: "2025-06-20", completedOn: "2025-04-25" }], asOf });
    expect(find(done, "task.deadline", "T-1.1")).toMatchObject({ status: "completed", score: "1", facts: { dueBeforeSigning: true } });
    const none = await evaluate({ plan, asOf });
    expect(find(none, "task.deadline", "T-1.1")?.message.en).toContain("The deadline had passed when the plan was signed (2025-06-09)");
  });

  it("scores in progress nowhere before the due date, and everywhere after it", async () => {
    const before = await evaluate({
      plan,
      taskReports: [
        { task: "T-2.9", status: "in-progress", reportedOn: "2026-09-01" },
        { task: "T-1.2", status: "in-progress", period: 2026, reportedOn: "2026-09-01" },
        { task: "NQ71-2", status: "in-progress", period: 2026, reportedOn: "2026-09-01" },
      ],
      asOf: "2026-10-01",
    });
    for (const [rule, task, period] of [
      ["task.deadline", "T-2.9", undefined],
      ["task.annual-report", "T-1.2", 2026],
      ["task.continuous-report", "NQ71-2", 2026],
    ] as const)
      expect(find(before, rule, task, period === undefined ? {} : { period }), rule).toMatchObject({ status: "in-progress", score: null });
    const after = await evaluate({
      plan,
      taskReports: [
        { task: "T-2.1", status: "in-progress", reportedOn: "2025-06-01" },
        { task: "T-1.2", status: "in-progress", period: 2025, reportedOn: "2025-09-01" },
        { task: "NQ71-2", status: "in-progress", period: 2025, reportedOn: "2025-09-01" },
      ],
      asOf,
    });
    expect(find(after, "task.deadline", "T-2.1")).toMatchObject({ status: "overdue", score: "0" });
    expect(find(after, "task.annual-report", "T-1.2", { period: 2025 })).toMatchObject({ status: "not-completed", score: "0" });
    expect(find(after, "task.continuous-report", "NQ71-2", { period: 2025 })).toMatchObject({ status: "carried-out", score: "1" });
  });
});
