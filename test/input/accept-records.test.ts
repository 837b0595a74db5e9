import { describe, expect, it } from "vitest";
import { plans } from "../../src/index.js";
import { acceptRecords, type ReadInput } from "../../src/index.js";

const plan = plans["haiphong-142"];

const observe = (...observations: unknown[]) => acceptRecords(plan, { observations });
const report = (...taskReports: unknown[]) => acceptRecords(plan, { taskReports });
const records = (input: ReadInput) => input.observations.map((o) => o.record);
/** The only rejection, checked to be alone. */
function rejection(input: ReadInput) {
  expect(input.rejected).toHaveLength(1);
  return input.rejected[0];
}

describe("acceptRecords: observations", () => {
  it("accepts a figure of PL2-1 (percent) with where it was given", () => {
    const input = acceptRecords(plan, { observations: [{ indicator: "PL2-1", period: 2025, value: "61.5", source: "Sở KH&CN", reportedOn: "2025-10-15" }] }, { file: "app" });
    expect(input.observations).toEqual([
      { record: { indicator: "PL2-1", period: 2025, value: "61.5", source: "Sở KH&CN", reportedOn: "2025-10-15" }, source: { file: "app", index: 0 } },
    ]);
    expect(input.rejected).toEqual([]);
    expect(input.given).toEqual({ observations: 1, taskReports: 0 });
  });

  it.each([
    ["60.50", "60.5"],
    ["060", "60"],
    [" 12 ", "12"],
    ["1200.000", "1200"],
    ["-0", "0"],
    ["-3.50", "-3.5"],
    ["0.0000001", "0.0000001"],
  ])("normalises the decimal string %j to %j", (given, value) => expect(records(observe({ indicator: "PL2-22", period: 2025, value: given }))[0]?.value).toBe(value));

  it.each([
    [60.5, "60.5"],
    [300, "300"],
    [0.1, "0.1"],
    [-0, "0"],
    [1e21, "1000000000000000000000"],
    [1e-7, "0.0000001"],
  ])("reads the JS number %d as the decimal string %j", (given, value) => expect(records(observe({ indicator: "PL2-22", period: 2025, value: given }))[0]?.value).toBe(value));

  it.each([
    ["abc", 'value "abc" is not a number'],
    ["1.200.000", 'value "1.200.000" is not a number: write it without thousands separators and with a dot for decimals, e.g. 1200000'],
    ["1,234", 'value "1,234" is ambiguous, a decimal comma or a thousands separator: write 1.234 if the comma is the decimal mark, or 1234 if it separates thousands'],
    ["1234,567", 'value "1234,567" is ambiguous, a decimal comma or a thousands separator: write 1234.567 if the comma is the decimal mark, or 1234567 if it separates thousands'],
    ["1,234%", 'value "1,234%" is ambiguous, a decimal comma or a thousands separator: write 1.234 if the comma is the decimal mark, or 1234 if it separates thousands'],
    ["1,234.5", 'value "1,234.5" is not a number: write it without thousands separators, e.g. 1234.5'],
    ["1,234,567", 'value "1,234,567" is not a number: write it without thousands separators, e.g. 1234567'],
    ["60,5,1", 'value "60,5,1" is not a number'],
    ["60,", 'value "60," is not a number'],
    [",5", 'value ",5" is not a number'],
    ["1.23,4", 'value "1.23,4" is not a number'],
    ["1234.567,8", 'value "1234.567,8" is not a number'],
    ["6O%", 'value "6O%" is not a number'],
    ["60%%", 'value "60%%" is not a number'],
    ["%60", 'value "%60" is not a number'],
    ["%", 'value "%" is not a number'],
    ["1 200", 'value "1 200" is not a number: write it without spaces between the digits, e.g. 1200'],
    ["1e3", 'value "1e3" is not a number'],
    [".5", 'value ".5" is not a number'],
    [Number.NaN, "value NaN is not a finite number"],
    [Number.POSITIVE_INFINITY, "value Infinity is not a finite number"],
    [true, "value true is not a number"],
    [[60], "value a list is not a number"],
  ])("refuses the value %j", (value, reason) =>
    expect(rejection(observe({ indicator: "PL2-1", period: 2025, value }))).toMatchObject({ kind: "observation", field: "value", value, reason }));

  it.each([
    ["60,5", "60.5", 'value "60,5" is read as 60.5 (the comma is the decimal mark, as Vietnamese writes it)'],
    ["0,77", "0.77", 'value "0,77" is read as 0.77 (the comma is the decimal mark, as Vietnamese writes it)'],
    [" 60,50 ", "60.5", 'value " 60,50 " is read as 60.5 (the comma is the decimal mark, as Vietnamese writes it)'],
    ["1,2345", "1.2345", 'value "1,2345" is read as 1.2345 (the comma is the decimal mark, as Vietnamese writes it)'],
    ["60%", "60", 'value "60%" is read as 60 (the % sign left out)'],
    ["62.5 %", "62.5", 'value "62.5 %" is read as 62.5 (the % sign left out)'],
    ["62,5\u00a0%", "62.5", 'value "62,5\u00a0%" is read as 62.5 (the comma is the decimal mark, as Vietnamese writes it; the % sign left out)'],
    ["62,5 %", "62.5", 'value "62,5 %" is read as 62.5 (the comma is the decimal mark, as Vietnamese writes it; the % sign left out)'],
    ["0,5%", "0.5", 'value "0,5%" is read as 0.5 (the comma is the decimal mark, as Vietnamese writes it; the % sign left out)'],
  ])("reads the percentage %j of PL2-1 as %j, saying how", (given, value, note) => {
    const input = observe({ indicator: "PL2-1", period: 2025, value: given });
    expect(records(input)).toEqual([{ indicator: "PL2-1", period: 2025, value }]);
    expect(input.notes).toEqual([{ source: { index: 0 }, field: "value", note }]);
  });

  it.each([
    ["1.234,5", "1234.5", 'value "1.234,5" is read as 1234.5 (the dots group thousands and the comma is the decimal mark, as Vietnamese writes it)'],
    ["1.234.567,89", "1234567.89", 'value "1.234.567,89" is read as 1234567.89 (the dots group thousands and the comma is the decimal mark, as Vietnamese writes it)'],
    ["-1.234,5", "-1234.5", 'value "-1.234,5" is read as -1234.5 (the dots group thousands and the comma is the decimal mark, as Vietnamese writes it)'],
    ["305,5", "305.5", 'value "305,5" is read as 305.5 (the comma is the decimal mark, as Vietnamese writes it)'],
  ])("reads the count %j of PL2-22 as %j, saying how", (given, value, note) => {
    const input = observe({ indicator: "PL2-22", period: 2025, value: given });
    expect(records(input)).toEqual([{ indicator: "PL2-22", period: 2025, value }]);
    expect(input.notes.filter((n) => n.field === "value" && n.note.includes(" is read as "))).toEqual([{ source: { index: 0 }, field: "value", note }]);
  });

  it("reads the same figure written with a decimal comma and with a dot as one fact: the copy is a duplicate", () => {
    const input = observe({ indicator: "PL2-1", period: 2025, value: "60,5" }, { indicator: "PL2-1", period: 2025, value: "60.5%" }, { indicator: "PL2-1", period: 2025, value: 60.5 });
    expect(records(input)).toEqual([{ indicator: "PL2-1", period: 2025, value: "60.5" }]);
    expect(input.rejected.map((r) => r.clash)).toEqual(["duplicate", "duplicate"]);
  });

  it.each([
    ["PL2-22", 'value "12%" has a % sign, but PL2-22 is not measured in percent (it is a count): give the figure in that unit, without the % sign'],
    ["PL2-43", 'value "12%" has a % sign, but PL2-43 is not measured in percent (it is a rank): give the figure in that unit, without the % sign'],
    ["PL1-20", 'value "12%" has a % sign, but PL1-20 is not measured in percent (it is a growth rate, unit %/năm): give the figure in that unit, without the % sign'],
  ])("refuses a %% sign on a value of %s, which is not a percentage", (indicator, reason) =>
    expect(rejection(observe({ indicator, period: 2025, value: "12%" }))).toMatchObject({ field: "value", value: "12%", reason }));

  it("refuses a % sign on a value of a yes/no indicator as any value, and notes nothing for a value it refuses", () => {
    const input = observe({ indicator: "PL1-2", period: 2025, value: "60%" }, { indicator: "PL2-22", period: 2025, value: "1,5%" });
    expect(input.rejected.map((r) => r.reason)).toEqual([
      "PL1-2 is assessed as met or not: give met (yes or no) instead of value",
      'value "1,5%" has a % sign, but PL2-22 is not measured in percent (it is a count): give the figure in that unit, without the % sign',
    ]);
    expect(input.notes).toEqual([]);
  });

  it.each([
    [true, true],
    [false, false],
    ["yes", true],
    ["No", false],
    ["TRUE", true],
    ["false", false],
    ["1", true],
    ["0", false],
    [1, true],
    [0, false],
    ["có", true],
    ["Không", false],
    ["đạt", true],
    ["không đạt", false],
  ])("reads met %j of the qualitative PL1-2 as %j", (met, expected) =>
    expect(records(observe({ indicator: "PL1-2", period: 2025, met }))).toEqual([{ indicator: "PL1-2", period: 2025, met: expected }]));

  it("refuses a met that is not yes or no", () =>
    expect(rejection(observe({ indicator: "PL1-2", period: 2025, met: "maybe" }))).toMatchObject({
      field: "met",
      reason: 'met "maybe" is not yes or no: write yes/no, true/false, 1/0 or có/không',
    }));

  it("refuses a value for the qualitative PL1-2, which needs met", () => {
    expect(rejection(observe({ indicator: "PL1-2", period: 2025, value: "1" }))).toMatchObject({
      field: "value",
      reason: "PL1-2 is assessed as met or not: give met (yes or no) instead of value",
    });
    expect(rejection(observe({ indicator: "PL1-2", period: 2025 }))).toMatchObject({
      field: "met",
      reason: "met is missing: PL1-2 is assessed as met or not (yes or no)",
    });
  });

  it("refuses met for PL2-22 (count), PL2-43 (rank) and PL2-1 (percent), which need a value", () => {
    for (const indicator of ["PL2-22", "PL2-43", "PL2-1"])
      expect(rejection(observe({ indicator, period: 2025, met: true }))).toMatchObject({
        field: "met",
        reason: `${indicator} is measured by a number: give value instead of met`,
      });
    expect(rejection(observe({ indicator: "PL2-43", period: 2025 }))).toMatchObject({ field: "value", reason: "value is missing" });
  });

  it("accepts a rank of PL2-43", () =>
    expect(records(observe({ indicator: "PL2-43", period: 2030, value: 3 }))).toEqual([{ indicator: "PL2-43", period: 2030, value: "3" }]));

  it("rejects an unknown indicator id, naming the field", () =>
    expect(rejection(observe({ indicator: "PL9-1", period: 2025, value: 1 }))).toMatchObject({
      kind: "observation",
      source: { index: 0 },
      field: "indicator",
      value: "PL9-1",
      reason: 'unknown indicator "PL9-1"',
    }));

  it("hints at the id meant: a lower-case id, or a task id given as an indicator", () => {
    expect(rejection(observe({ indicator: "pl2-1", period: 2025, value: 1 }))?.reason).toBe('unknown indicator "pl2-1" (did you mean PL2-1?)');
    expect(rejection(observe({ indicator: "T-1.2", period: 2025, value: 1 }))?.reason).toBe(
      'unknown indicator "T-1.2" (T-1.2 is a task: report it as a task report with task and status)',
    );
  });

  it("rejects a figure for a heading indicator with no target of its own (PL1-36)", () =>
    expect(rejection(observe({ indicator: "PL1-36", period: 2025, value: 1 }))?.reason).toBe(
      "PL1-36 has no target of its own: report its parts PL1-36.1, PL1-36.2, PL1-36.3, PL1-36.4, PL1-36.5, PL1-36.6",
    ));

  it("reads a period given as digits as a number", () =>
    expect(records(observe({ indicator: "PL2-1", period: " 2025 ", value: 1 }))[0]?.period).toBe(2025));

  it.each([2025.5, 1899, 2201, "2025a", "năm 2025", true])("refuses the period %j: it must be a year such as 2025", (period) =>
    expect(rejection(observe({ indicator: "PL2-1", period, value: 1 }))).toMatchObject({
      field: "period",
      value: period,
      reason: expect.stringMatching(/^period must be a year such as 2025, not /),
    }));

  it("says what is missing", () => {
    expect(rejection(observe({ period: 2025, value: 1 }))).toMatchObject({ field: "indicator", reason: "indicator is missing" });
    expect(rejection(observe({ indicator: "PL2-1", value: 1 }))).toMatchObject({ field: "period", reason: "period is missing" });
  });

  it("lists every problem of a record, the first one's field in front", () =>
    expect(rejection(observe({ indicator: "PL9-1", period: 20.5, value: "abc" }))).toMatchObject({
      field: "indicator",
      value: "PL9-1",
      reason: 'unknown indicator "PL9-1"; period must be a year such as 2025, not 20.5; value "abc" is not a number',
    }));

  it.each([
    ["2024-02-29", undefined],
    ["2025-02-29", 'reportedOn "2025-02-29" is not a real date'],
    ["2025-04-31", 'reportedOn "2025-04-31" is not a real date'],
    ["2025-06-09T10:00:00Z", 'reportedOn "2025-06-09T10:00:00Z" is not a date written as YYYY-MM-DD, e.g. 2025-06-09, or day/month/year, e.g. 09/06/2025'],
    ["2025-6-9", 'reportedOn "2025-6-9" is not a date written as YYYY-MM-DD, e.g. 2025-06-09, or day/month/year, e.g. 09/06/2025'],
    ["31/12/25", 'reportedOn "31/12/25" is not a date written as YYYY-MM-DD, e.g. 2025-06-09, or day/month/year, e.g. 09/06/2025'],
    ["31/12-2025", 'reportedOn "31/12-2025" is not a date written as YYYY-MM-DD, e.g. 2025-06-09, or day/month/year, e.g. 09/06/2025'],
    ["31/12/2025 10:00", 'reportedOn "31/12/2025 10:00" is not a date written as YYYY-MM-DD, e.g. 2025-06-09, or day/month/year, e.g. 09/06/2025'],
    ["31/02/2025", 'reportedOn "31/02/2025" is not a real date: read as day/month/year (the Vietnamese convention), it would be day 31 of month 2 of 2025'],
    ["29.02.2025", 'reportedOn "29.02.2025" is not a real date: read as day/month/year (the Vietnamese convention), it would be day 29 of month 2 of 2025'],
    [
      "12/31/2025",
      'reportedOn "12/31/2025" is not a real date: read as day/month/year (the Vietnamese convention), it would be day 12 of month 31 of 2025; if it is month/day/year, write it as 2025-12-31',
    ],
    ["2025/12/31", 'reportedOn "2025/12/31" is not a date written as YYYY-MM-DD or day/month/year: write it as 2025-12-31 if it is year/month/day'],
    ["2025.06.09", 'reportedOn "2025.06.09" is not a date written as YYYY-MM-DD or day/month/year: write it as 2025-06-09 if it is year/month/day'],
  ])("checks that reportedOn %j is a real date", (reportedOn, reason) => {
    const input = observe({ indicator: "PL2-1", period: 2024, value: 1, reportedOn });
    if (reason === undefined) expect(records(input)[0]?.reportedOn).toBe(reportedOn);
    else expect(rejection(input)).toMatchObject({ field: "reportedOn", reason });
  });

  it.each([
    ["31/12/2025", "2025-12-31"],
    ["09/06/2025", "2025-06-09"],
    ["9/6/2025", "2025-06-09"],
    ["31-12-2025", "2025-12-31"],
    ["31.12.2025", "2025-12-31"],
    ["29/02/2024", "2024-02-29"],
  ])("reads reportedOn %j as day/month/year, the Vietnamese convention: %j, saying so", (reportedOn, iso) => {
    const input = observe({ indicator: "PL2-1", period: 2024, value: 1, reportedOn });
    expect(records(input)).toEqual([{ indicator: "PL2-1", period: 2024, value: "1", reportedOn: iso }]);
    expect(input.notes).toEqual([{ source: { index: 0 }, field: "reportedOn", note: `reportedOn ${JSON.stringify(reportedOn)} is read as ${iso} (day/month/year, the Vietnamese convention)` }]);
  });

  it("treats null and blank text as absent", () =>
    expect(records(observe({ indicator: "PL2-1", period: 2025, value: "60", met: null, locality: "  ", unit: "" }))).toEqual([
      { indicator: "PL2-1", period: 2025, value: "60" },
    ]));

  it("trims ids and text", () =>
    expect(records(observe({ indicator: " PL2-1 ", period: 2025, value: "60", locality: " Kiến An ", unit: " % " }))).toEqual([
      { indicator: "PL2-1", period: 2025, value: "60", unit: "%", locality: "Kiến An" },
    ]));

  it("rejects a record that is not an object", () =>
    expect(rejection(observe("PL2-1,2025,60"))).toEqual({
      kind: "observation",
      source: { index: 0 },
      reason: "a record must be an object with indicator, period and value or met",
      record: "PL2-1,2025,60",
    }));

  it("notes a field it does not know and reads the record anyway", () => {
    const input = observe({ indicator: "PL2-1", period: 2025, value: 60, comment: "ước tính" });
    expect(input.observations).toHaveLength(1);
    expect(input.notes).toEqual([
      {
        source: { index: 0 },
        field: "comment",
        note: 'field "comment" is not part of an observation; it is ignored (known fields: indicator, period, value, met, unit, locality, source, reportedOn)',
      },
    ]);
  });

  it("notes, but accepts, a value outside what the measure allows", () => {
    const input = observe(
      { indicator: "PL2-1", period: 2025, value: 150 },
      { indicator: "PL2-22", period: 2025, value: -1 },
      { indicator: "PL2-43", period: 2030, value: 0 },
      { indicator: "PL2-1", period: 2030, value: 100 },
    );
    expect(input.observations).toHaveLength(4);
    expect(input.notes.map((n) => n.note)).toEqual([
      "value 150 of PL2-1 is outside 0-100 for a percentage",
      "value -1 of PL2-22 is negative",
      "value 0 of PL2-43 is below 1, the first rank",
    ]);
  });

  it('notes that a count written "1.200" is read as 1.2, since Vietnamese writing uses the dot for thousands', () => {
    const input = observe({ indicator: "PL2-22", period: 2035, value: "1.200" });
    expect(records(input)[0]?.value).toBe("1.2");
    expect(input.notes.map((n) => n.note)).toEqual(['value "1.200" is read as 1.2 (the dot is the decimal mark); write 1200 if you meant thousands']);
    expect(observe({ indicator: "PL2-1", period: 2025, value: "60.500" }).notes).toEqual([]);
  });
});

describe("acceptRecords: duplicates and conflicts", () => {
  it("keeps the first of two records with the same figure and rejects the copy", () => {
    const input = acceptRecords(plan, { observations: [{ indicator: "PL2-1", period: 2025, value: "60.50" }, { indicator: "PL2-1", period: 2025, value: 60.5 }] }, { file: "app.json" });
    expect(input.observations.map((o) => o.source)).toEqual([{ file: "app.json", index: 0 }]);
    expect(input.rejected).toEqual([
      {
        kind: "observation",
        source: { file: "app.json", index: 1 },
        field: "value",
        value: "60.5",
        reason: "duplicate of the record at app.json index 0",
        record: { indicator: "PL2-1", period: 2025, value: "60.5" },
        clash: "duplicate",
      },
    ]);
  });

  it("rejects all records that give different figures for one indicator, period and locality", () => {
    const input = observe(
      { indicator: "PL2-1", period: 2025, value: 60 },
      { indicator: "PL2-22", period: 2025, value: 300 },
      { indicator: "PL2-1", period: 2025, value: 65 },
    );
    expect(records(input)).toEqual([{ indicator: "PL2-22", period: 2025, value: "300" }]);
    const reason = "conflicting values for PL2-1 2025 (city): 60 at index 0, 65 at index 2";
    expect(input.rejected).toEqual([
      expect.objectContaining({ source: { index: 0 }, field: "value", value: "60", reason, clash: "conflict" }),
      expect.objectContaining({ source: { index: 2 }, field: "value", value: "65", reason, clash: "conflict" }),
    ]);
  });

  it("rejects every record of a conflict, the copies of one figure too", () => {
    const input = observe(
      { indicator: "PL2-1", period: 2025, value: 60 },
      { indicator: "PL2-1", period: 2025, value: 60 },
      { indicator: "PL2-1", period: 2025, value: 65 },
    );
    expect(input.observations).toEqual([]);
    expect(input.rejected.map((r) => r.reason)).toEqual(Array(3).fill("conflicting values for PL2-1 2025 (city): 60 at index 0, 60 at index 1, 65 at index 2"));
  });

  it("sees met and not met for PL1-2 as a conflict", () =>
    expect(observe({ indicator: "PL1-2", period: 2030, met: "có" }, { indicator: "PL1-2", period: 2030, met: false }).rejected.map((r) => r.reason)).toEqual(
      Array(2).fill("conflicting values for PL1-2 2030 (city): met at index 0, not met at index 1"),
    ));

  it("tells localities apart (case and spacing aside), and the city from them", () => {
    const input = observe(
      { indicator: "PL2-1", period: 2025, value: 60 },
      { indicator: "PL2-1", period: 2025, value: 48, locality: "Kiến Thụy" },
      { indicator: "PL2-1", period: 2025, value: 50, locality: "kiến  thụy" },
      { indicator: "PL2-1", period: 2026, value: 70 },
    );
    expect(input.observations.map((o) => o.source.index)).toEqual([0, 3]);
    expect(input.rejected.map((r) => r.reason)).toEqual(Array(2).fill("conflicting values for PL2-1 2025 (Kiến Thụy): 48 at index 1, 50 at index 2"));
  });

  it("keeps the earliest copy of a duplicate whole, its other fields included", () => {
    const a = { indicator: "PL2-1", period: 2025, value: 48, locality: "Kiến Thụy", source: "UBND huyện" };
    const b = { indicator: "PL2-1", period: 2025, value: "48.0", locality: "kiến thụy", source: "Sở KH&CN" };
    expect(records(observe(a, b))).toEqual([{ indicator: "PL2-1", period: 2025, value: "48", locality: "Kiến Thụy", source: "UBND huyện" }]);
    expect(records(observe(b, a))).toEqual([{ indicator: "PL2-1", period: 2025, value: "48", locality: "kiến thụy", source: "Sở KH&CN" }]);
  });

  it("reports the same conflict whatever order the records come in", () => {
    const a = { indicator: "PL2-1", period: 2025, value: 60 };
    const b = { indicator: "PL2-1", period: 2025, value: 65 };
    expect(observe(a, b).rejected.map((r) => r.value)).toEqual(["60", "65"]);
    expect(observe(b, a).rejected.map((r) => r.value)).toEqual(["65", "60"]);
    expect(observe(a, b).observations).toEqual(observe(b, a).observations);
  });

  it("does not count an invalid record towards a duplicate or a conflict", () => {
    const input = observe({ indicator: "PL2-1", period: 2025, value: 60 }, { indicator: "PL2-1", period: 2025, value: "6O" });
    expect(input.observations).toHaveLength(1);
    expect(input.rejected.map((r) => r.reason)).toEqual(['value "6O" is not a number']);
  });
});

describe("acceptRecords: task reports", () => {
  it("accepts reports of an annual task (T-1.2), a month-deadline task (T-2.3) and a continuous one (NQ71-2)", () => {
    const input = report(
      { task: "T-1.2", status: "completed", period: 2025, reportedOn: "2025-12-20", completedOn: "2025-12-15", evidence: "Báo cáo số 215/BC-SKHCN" },
      { task: "T-2.3", status: "in-progress", reportedOn: "2025-10-01" },
      { task: "NQ71-2", status: "not-started", reportedOn: "2025-09-01" },
    );
    expect(input.taskReports).toEqual([
      {
        record: { task: "T-1.2", status: "completed", period: 2025, reportedOn: "2025-12-20", completedOn: "2025-12-15", evidence: "Báo cáo số 215/BC-SKHCN" },
        source: { index: 0 },
      },
      { record: { task: "T-2.3", status: "in-progress", reportedOn: "2025-10-01" }, source: { index: 1 } },
      { record: { task: "NQ71-2", status: "not-started", reportedOn: "2025-09-01" }, source: { index: 2 } },
    ]);
    expect(input.rejected).toEqual([]);
    expect(input.notes).toEqual([]);
  });

  it("keeps every report of one task and period: the scorer uses the latest", () => {
    const input = report(
      { task: "T-1.2", status: "in-progress", period: 2025, reportedOn: "2025-06-30" },
      { task: "T-1.2", status: "completed", period: 2025, reportedOn: "2025-12-20" },
      { task: "T-1.2", status: "completed", period: 2025, reportedOn: "2025-12-20" },
    );
    expect(input.taskReports).toHaveLength(3);
    expect(input.rejected).toEqual([]);
  });

  it.each([
    ["Completed", "completed"],
    ["IN PROGRESS", "in-progress"],
    ["not_started", "not-started"],
    [" cancelled ", "cancelled"],
  ])("reads the status %j as %j", (status, expected) =>
    expect(report({ task: "T-2.3", status, reportedOn: "2025-10-01" }).taskReports[0]?.record.status).toBe(expected));

  it("refuses an unknown status, listing the known ones", () =>
    expect(rejection(report({ task: "T-2.3", status: "done", reportedOn: "2025-10-01" }))).toMatchObject({
      kind: "taskReport",
      field: "status",
      value: "done",
      reason: 'status "done" is not one of not-started, in-progress, completed, cancelled',
    }));

  it("rejects an unknown task id, naming the field, and hints when it is an indicator", () => {
    const on = { reportedOn: "2025-10-01" };
    expect(rejection(report({ task: "T-99.1", status: "completed", ...on }))).toMatchObject({ field: "task", value: "T-99.1", reason: 'unknown task "T-99.1"' });
    expect(rejection(report({ task: "PL2-1", status: "completed", ...on }))?.reason).toBe(
      'unknown task "PL2-1" (PL2-1 is an indicator: report it as an observation with indicator, period and value)',
    );
    expect(rejection(report({ task: "t-2.3", status: "completed", ...on }))?.reason).toBe('unknown task "t-2.3" (did you mean T-2.3?)');
  });

  it("reads reportedOn and completedOn written day/month/year, with a note for each", () => {
    const input = report({ task: "T-2.3", status: "completed", reportedOn: "20/11/2026", completedOn: "15.11.2026" });
    expect(input.taskReports.map((t) => t.record)).toEqual([{ task: "T-2.3", status: "completed", reportedOn: "2026-11-20", completedOn: "2026-11-15" }]);
    expect(input.notes).toEqual([
      { source: { index: 0 }, field: "reportedOn", note: 'reportedOn "20/11/2026" is read as 2026-11-20 (day/month/year, the Vietnamese convention)' },
      { source: { index: 0 }, field: "completedOn", note: 'completedOn "15.11.2026" is read as 2026-11-15 (day/month/year, the Vietnamese convention)' },
    ]);
  });

  it("checks period and dates as for observations", () => {
    expect(rejection(report({ task: "T-1.2", status: "completed", period: "2025/26", reportedOn: "2026-01-10" }))).toMatchObject({ field: "period" });
    expect(rejection(report({ task: "T-2.3", status: "completed", reportedOn: "2026-03-01", completedOn: "2026-02-30" }))).toMatchObject({
      field: "completedOn",
      reason: 'completedOn "2026-02-30" is not a real date',
    });
  });

  it("notes an annual task reported without a period, and a completion date on a task not completed", () => {
    const input = report({ task: "T-1.2", status: "completed", reportedOn: "2025-12-20" }, { task: "T-2.3", status: "in-progress", reportedOn: "2025-10-05", completedOn: "2025-10-01" });
    expect(input.taskReports).toHaveLength(2);
    expect(input.notes).toEqual([
      { source: { index: 0 }, field: "period", note: "T-1.2 is due every year; give period to say which year the report is for" },
      { source: { index: 1 }, field: "completedOn", note: "completedOn is given but the status is in-progress" },
    ]);
  });
});

describe("acceptRecords: a report's dates are claims checked against each other", () => {
  it("refuses a report without the date it was sent", () =>
    expect(rejection(report({ task: "T-2.3", status: "completed", completedOn: "2025-10-01" }))).toMatchObject({
      field: "reportedOn",
      reason: "reportedOn is missing: a report is judged by the date it was sent",
    }));

  it("refuses a completion dated after the report that claims it (a report of 25/05/2025 saying done on 20/06/2025)", () =>
    expect(rejection(report({ task: "T-2.1", status: "completed", reportedOn: "2025-05-25", completedOn: "2025-06-20" }))).toMatchObject({
      field: "completedOn",
      value: "2025-06-20",
      reason: "completedOn 2025-06-20 is after reportedOn 2025-05-25: a report cannot say a task was completed after the day it was made",
    }));

  it.each([
    ["completedOn", { reportedOn: "2025-06-28", completedOn: "0001-01-01" }],
    ["reportedOn", { reportedOn: "1999-12-31" }],
  ])("refuses a %s before the year 2000", (field, dates) =>
    expect(rejection(report({ task: "T-2.1", status: "completed", ...dates }))).toMatchObject({
      field,
      reason: `${field} ${(dates as Record<string, string>)[field]} is before 2000-01-01: no report on this plan can carry it`,
    }));

  it("refuses a report on a year that had not begun when it was sent", () =>
    expect(rejection(report({ task: "T-1.2", status: "completed", period: 2027, reportedOn: "2026-11-20" }))).toMatchObject({
      field: "period",
      reason: "period 2027 had not begun on reportedOn 2026-11-20: a report cannot report on a year to come",
    }));

  it("refuses a figure for a year that had not begun when it was reported: a forecast", () =>
    expect(rejection(observe({ indicator: "PL2-1", period: 2030, value: 100, reportedOn: "2026-11-10" }))).toMatchObject({
      field: "period",
      reason: "period 2030 had not begun on reportedOn 2026-11-10: a figure for a year to come is a forecast, not a figure",
    }));

  it("accepts a completion on the day of the report, and a report sent the same year as its period", () => {
    const input = report({ task: "T-1.2", status: "completed", period: 2025, reportedOn: "2025-12-20", completedOn: "2025-12-20" });
    expect(input.rejected).toEqual([]);
    expect(input.taskReports).toHaveLength(1);
  });

  it("keeps a report saying cancelled as the agency's claim, noting that only an amendment of the plan cancels a task", () => {
    const input = report({ task: "T-1.3", status: "cancelled", reportedOn: "2026-11-20" });
    expect(input.taskReports.map((r) => r.record)).toEqual([{ task: "T-1.3", status: "cancelled", reportedOn: "2026-11-20" }]);
    expect(input.notes).toEqual([
      {
        source: { index: 0 },
        field: "status",
        note: "status cancelled is kept as the agency's claim, but it does not take the task out of the scorecard: only a decision of the People's Committee amending the plan cancels a task (section D.3)",
      },
    ]);
  });
});

describe("acceptRecords: counts", () => {
  it("counts what was given: accepted + rejected = given for each kind", () => {
    const input = acceptRecords(plan, {
      observations: [{ indicator: "PL2-1", period: 2025, value: 1 }, { indicator: "PL2-1", period: 2025, value: 1 }, { indicator: "PL9-1" }, 42],
      taskReports: [{ task: "T-2.3", status: "completed", reportedOn: "2025-10-01" }, {}],
    });
    expect(input.given).toEqual({ observations: 4, taskReports: 2 });
    expect(input.observations).toHaveLength(1);
    expect(input.taskReports).toHaveLength(1);
    expect(input.rejected.filter((r) => r.kind === "observation")).toHaveLength(3);
    expect(input.rejected.filter((r) => r.kind === "taskReport")).toHaveLength(1);
  });

  it("gives an empty result for no records", () =>
    expect(acceptRecords(plan, {})).toEqual({ observations: [], taskReports: [], rejected: [], notes: [], given: { observations: 0, taskReports: 0 } }));

  it("rejects a list that is not an array as a whole, counting none of it", () => {
    const input = acceptRecords(
      plan,
      { observations: { indicator: "PL2-1" } as unknown as unknown[], taskReports: [{ task: "T-2.3", status: "completed", reportedOn: "2025-10-01" }] },
      { file: "app" },
    );
    expect(input.rejected).toEqual([
      { kind: "file", source: { file: "app" }, field: "observations", value: { indicator: "PL2-1" }, reason: "observations must be a list of records ([ … ]); none of it was read" },
    ]);
    expect(input.given).toEqual({ observations: 0, taskReports: 1 });
  });
});
