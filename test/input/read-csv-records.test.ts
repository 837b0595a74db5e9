import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plans } from "../../src/index.js";
import { readCsvRecords } from "../../src/index.js";

const plan = plans["haiphong-142"];
const sample = (name: string) => readFileSync(new URL(`../../fixtures/input-samples/${name}`, import.meta.url), "utf8");
const csv = (...lines: string[]) => lines.join("\n") + "\n";

describe("readCsvRecords", () => {
  it("reads a CSV with a byte order mark, CRLF line ends, a quoted line break and reordered headers", () => {
    const text =
      "\uFEFFValue,Source,Period,Indicator\r\n" +
      '61.50,"Sở KH&CN,\r\nbáo cáo quý III",2025,PL2-1\r\n' +
      "310,Sở KH&CN,2025,PL2-22\r\n";
    const input = readCsvRecords("observations.csv", text, plan);
    expect(input.observations).toEqual([
      { record: { indicator: "PL2-1", period: 2025, value: "61.5", source: "Sở KH&CN,\r\nbáo cáo quý III" }, source: { file: "observations.csv", line: 2 } },
      { record: { indicator: "PL2-22", period: 2025, value: "310", source: "Sở KH&CN" }, source: { file: "observations.csv", line: 4 } },
    ]);
    expect(input.rejected).toEqual([]);
    expect(input.notes).toEqual([{ source: { file: "observations.csv", line: 1 }, note: "the UTF-8 byte order mark (BOM) at the start of the file was removed" }]);
    expect(input.given).toEqual({ observations: 2, taskReports: 0 });
  });

  it("reads headers without regard to case, spacing or order", () => {
    const input = readCsvRecords("o.csv", csv(" PERIOD , Reported On ,indicator,VALUE", "2025,2025-10-15,PL2-1,60"), plan);
    expect(input.notes).toEqual([]);
    expect(input.observations[0]?.record).toEqual({ indicator: "PL2-1", period: 2025, value: "60", reportedOn: "2025-10-15" });
  });

  it("tells task reports from observations by the header", () => {
    const input = readCsvRecords("tasks.csv", csv("Task,Status,Period,Reported On,Evidence", "T-1.2,completed,2025,2025-12-20,Báo cáo số 215", "T-2.3,in-progress,,2025-10-01,"), plan);
    expect(input.taskReports.map((t) => t.record)).toEqual([
      { task: "T-1.2", status: "completed", period: 2025, reportedOn: "2025-12-20", evidence: "Báo cáo số 215" },
      { task: "T-2.3", status: "in-progress", reportedOn: "2025-10-01" },
    ]);
    expect(input.given).toEqual({ observations: 0, taskReports: 2 });
  });

  it("reads observations with met but no value column", () => {
    const input = readCsvRecords("o.csv", csv("indicator,period,met", "PL1-2,2025,Có", "PL1-3,2025,không"), plan);
    expect(input.observations.map((o) => o.record)).toEqual([
      { indicator: "PL1-2", period: 2025, met: true },
      { indicator: "PL1-3", period: 2025, met: false },
    ]);
  });

  it.each([
    ["true", true],
    ["False", false],
    ["yes", true],
    ["NO", false],
    ["1", true],
    ["0", false],
    ["có", true],
    ["KHÔNG", false],
  ])("reads the met cell %j as %j", (cell, met) =>
    expect(readCsvRecords("o.csv", csv("indicator,period,value,met", `PL1-2,2025,,${cell}`), plan).observations[0]?.record.met).toBe(met));

  it("takes empty cells as absent", () => {
    const input = readCsvRecords("o.csv", csv("indicator,period,value,met,locality,unit", "PL2-1,2025,60,,, ", "PL1-2,2025,,yes,,"), plan);
    expect(input.observations.map((o) => o.record)).toEqual([
      { indicator: "PL2-1", period: 2025, value: "60" },
      { indicator: "PL1-2", period: 2025, met: true },
    ]);
  });

  it("notes and ignores a column it does not know", () => {
    const input = readCsvRecords("o.csv", csv("indicator,period,value,Ghi chú,", "PL2-1,2025,60,ước tính,"), plan);
    expect(input.observations).toHaveLength(1);
    expect(input.notes).toEqual([
      { source: { file: "o.csv", line: 1 }, note: 'column "Ghi chú" is not one of indicator, period, value, met, unit, locality, source, reportedOn; it is ignored' },
      { source: { file: "o.csv", line: 1 }, note: "column 5 has no name; it is ignored" },
    ]);
  });

  it("rejects the whole file when the header is of neither kind, listing the expected headers", () => {
    const input = readCsvRecords("data.csv", csv("id,year,amount", "PL2-1,2025,60", "PL2-22,2025,300"), plan);
    expect(input.rejected).toEqual([
      {
        kind: "file",
        source: { file: "data.csv", line: 1 },
        reason:
          "the header (id, year, amount) is not that of observations or task reports: " +
          "observations need indicator, period and value or met (optional: unit, locality, source, reportedOn); " +
          "task reports need task and status (optional: period, reportedOn, completedOn, evidence)",
      },
    ]);
    expect(input.given).toEqual({ observations: 0, taskReports: 0 });
    expect(input.observations).toEqual([]);
  });

  it("rejects a file whose cells seem separated by semicolons when the header split at them is still not valid", () =>
    expect(readCsvRecords("semicolons.csv", csv("indicator;periode;value", "PL2-1;2025;60,5"), plan).rejected).toEqual([
      {
        kind: "file",
        source: { file: "semicolons.csv", line: 1 },
        reason: expect.stringMatching(/^the file seems to separate cells with semicolons, but the header \(indicator, periode, value\) is not that of observations or task reports: /),
      },
    ]));

  it("rejects the whole file when a required column is missing (observations without period)", () =>
    expect(readCsvRecords("o.csv", csv("indicator,value", "PL2-1,60"), plan).rejected).toEqual([
      expect.objectContaining({ kind: "file", reason: expect.stringContaining("observations need indicator, period and value or met") }),
    ]));

  it("rejects the whole file when the header mixes both kinds", () =>
    expect(readCsvRecords("mixed.csv", csv("indicator,period,value,task,status"), plan).rejected).toEqual([
      {
        kind: "file",
        source: { file: "mixed.csv", line: 1 },
        reason: "the header has the columns of both observations (indicator, period, value or met) and task reports (task, status): put each kind in its own file",
      },
    ]));

  it("rejects the whole file when a column appears twice", () =>
    expect(readCsvRecords("o.csv", csv("indicator,period,value,Value", "PL2-1,2025,60,61"), plan).rejected).toEqual([
      { kind: "file", source: { file: "o.csv", line: 1 }, reason: "the column value appears twice in the header" },
    ]));

  it("rejects an empty file, and one with a quoted cell never closed", () => {
    expect(readCsvRecords("empty.csv", "\r\n\r\n", plan).rejected).toEqual([
      expect.objectContaining({ kind: "file", source: { file: "empty.csv" }, reason: expect.stringMatching(/^the file has no header row: /) }),
    ]);
    const open = readCsvRecords("open.csv", csv("indicator,period,value", "PL2-1,2025,60", 'PL2-22,2025,"300', "PL2-43,2030,3"), plan);
    expect(open.rejected).toEqual([
      { kind: "file", source: { file: "open.csv", line: 3 }, reason: "a quoted cell that starts on line 3 is never closed; nothing in the file was read" },
    ]);
    expect(open.given).toEqual({ observations: 0, taskReports: 0 });
  });

  it("rejects a row with an error, naming the file, line and field", () => {
    const input = readCsvRecords("o.csv", csv("indicator,period,value", "PL2-1,2025,60", "PL2-22,20x5,300", "PL9-1,2025,1"), plan);
    expect(input.observations).toHaveLength(1);
    expect(input.rejected).toEqual([
      {
        kind: "observation",
        source: { file: "o.csv", line: 3 },
        field: "period",
        value: "20x5",
        reason: 'period must be a year such as 2025, not "20x5"',
        record: { indicator: "PL2-22", period: "20x5", value: "300" },
      },
      { kind: "observation", source: { file: "o.csv", line: 4 }, field: "indicator", value: "PL9-1", reason: 'unknown indicator "PL9-1"', record: { indicator: "PL9-1", period: "2025", value: "1" } },
    ]);
  });

  it("rejects a row whose number of cells differs from the header's, as an unquoted decimal comma gives", () => {
    const input = readCsvRecords("o.csv", csv("indicator,period,value", "PL2-1,2025,60,5", "PL2-22,2025"), plan);
    expect(input.rejected).toEqual([
      {
        kind: "observation",
        source: { file: "o.csv", line: 2 },
        reason: "the row has 4 cells but the header has 3; a cell holding a comma, such as 60,5, must be in double quotes",
        record: ["PL2-1", "2025", "60", "5"],
      },
      { kind: "observation", source: { file: "o.csv", line: 3 }, reason: "the row has 2 cells but the header has 3", record: ["PL2-22", "2025"] },
    ]);
    expect(input.given).toEqual({ observations: 2, taskReports: 0 });
  });

  it("skips blank lines, rows of empty cells and blank lines before the header", () => {
    const input = readCsvRecords("o.csv", csv("", "indicator,period,value", "", "PL2-1,2025,60", ",,", "  ", "PL2-22,2025,300"), plan);
    expect(input.observations.map((o) => o.source.line)).toEqual([4, 7]);
    expect(input.rejected).toEqual([]);
    expect(input.given).toEqual({ observations: 2, taskReports: 0 });
  });

  it("applies the duplicate policy within the file, by line", () => {
    const input = readCsvRecords("o.csv", csv("indicator,period,value", "PL2-1,2025,60", "PL2-22,2025,300", "PL2-1,2025,60.0", "PL2-22,2025,301"), plan);
    expect(input.observations.map((o) => o.source)).toEqual([{ file: "o.csv", line: 2 }]);
    expect(input.rejected.map((r) => [r.source.line, r.reason])).toEqual([
      [3, "conflicting values for PL2-22 2025 (city): 300 at o.csv:3, 301 at o.csv:5"],
      [4, "duplicate of the record at o.csv:2"],
      [5, "conflicting values for PL2-22 2025 (city): 300 at o.csv:3, 301 at o.csv:5"],
    ]);
  });
});

describe("readCsvRecords: cells separated by semicolons or tabs", () => {
  const read = (name: string, text: string) => readCsvRecords(name, text, plan);
  const semicolonNote = "the cells are separated by semicolons, not commas (as Excel saves CSV under a Vietnamese or European locale): the file was read with semicolons";

  it("reads a file Excel saved under a Vietnamese locale: semicolons, decimal commas, CRLF, a quoted cell holding a semicolon and a line break", () => {
    const input = read("vi.csv", '\uFEFFChỉ tiêu;indicator;period;value;source\r\nx;PL2-1;2025;62,5;"Sở KH&CN; báo cáo\r\nquý III"\r\ny;PL2-22;2025;310;"Sở ""KH"""\r\n');
    expect(input.observations).toEqual([
      { record: { indicator: "PL2-1", period: 2025, value: "62.5", source: "Sở KH&CN; báo cáo\r\nquý III" }, source: { file: "vi.csv", line: 2 } },
      { record: { indicator: "PL2-22", period: 2025, value: "310", source: 'Sở "KH"' }, source: { file: "vi.csv", line: 4 } },
    ]);
    expect(input.rejected).toEqual([]);
    expect(input.notes).toEqual([
      { source: { file: "vi.csv", line: 1 }, note: "the UTF-8 byte order mark (BOM) at the start of the file was removed" },
      { source: { file: "vi.csv", line: 1 }, note: semicolonNote },
      { source: { file: "vi.csv", line: 1 }, note: 'column "Chỉ tiêu" is not one of indicator, period, value, met, unit, locality, source, reportedOn; it is ignored' },
      { source: { file: "vi.csv", line: 2 }, field: "value", note: 'value "62,5" is read as 62.5 (the comma is the decimal mark, as Vietnamese writes it)' },
    ]);
  });

  it("reads Excel's sep=; line as the separator, skips it, and keeps line numbers", () => {
    const input = read("sep.csv", csv("sep=;", "", "indicator;period;value", "PL2-1;2025;62,5", "PL2-22;2025"));
    expect(input.observations.map((o) => [o.source.line, o.record.value])).toEqual([[4, "62.5"]]);
    expect(input.rejected).toEqual([{ kind: "observation", source: { file: "sep.csv", line: 5 }, reason: "the row has 2 cells but the header has 3", record: ["PL2-22", "2025"] }]);
    expect(input.notes.map((n) => [n.source.line, n.note])).toEqual([
      [1, 'the line "sep=;" that Excel writes before the header was skipped; cells are read as separated by semicolons, as it says'],
      [4, 'value "62,5" is read as 62.5 (the comma is the decimal mark, as Vietnamese writes it)'],
    ]);
  });

  it("reads task reports separated by tabs, a quoted cell holding a tab and a line break included", () => {
    const input = read("tasks.tsv.csv", 'task\tstatus\treportedOn\tcompletedOn\tevidence\nT-2.3\tHoàn thành\t2026-11-20\t15/11/2026\t"a\tb\nc"\nT-9.9\tcompleted\t2026-11-20\t\t\n');
    expect(input.taskReports).toEqual([
      { record: { task: "T-2.3", status: "completed", reportedOn: "2026-11-20", completedOn: "2026-11-15", evidence: "a\tb\nc" }, source: { file: "tasks.tsv.csv", line: 2 } },
    ]);
    expect(input.rejected.map((r) => [r.source.line, r.reason])).toEqual([[4, 'unknown task "T-9.9"']]);
    expect(input.notes.map((n) => n.note)).toEqual([
      "the cells are separated by tabs, not commas (as a spreadsheet copies cells, or a .tsv file): the file was read with tabs",
      'completedOn "15/11/2026" is read as 2026-11-15 (day/month/year, the Vietnamese convention)',
    ]);
  });

  it("says a cell holding the separator must be quoted when a row has too many cells", () =>
    expect(read("o.csv", csv("indicator;period;value;source", "PL2-1;2025;60;Sở; KH&CN")).rejected.map((r) => r.reason)).toEqual([
      "the row has 5 cells but the header has 4; a cell holding a semicolon must be in double quotes",
    ]));

  it("keeps reading commas when the header is valid at commas, whatever semicolons the cells hold", () => {
    const input = read("o.csv", csv("indicator,period,value,source", "PL2-1,2025,60,Sở KH&CN; báo cáo"));
    expect(input.observations.map((o) => o.record.source)).toEqual(["Sở KH&CN; báo cáo"]);
    expect(input.notes).toEqual([]);
  });

  it.each([
    ["a header that is not valid at commas nor at semicolons", csv("id;year;amount", "PL2-1;2025;60"), "the file seems to separate cells with semicolons, but the header (id, year, amount) is not that of"],
    ["a sep=; line before a comma-separated header", csv("sep=;", "indicator,period,value", "PL2-1,2025,60"), 'the file\'s first line "sep=;" says its cells are separated by semicolons, but the header (indicator,period,value) is not that of'],
    ["a sep= line naming another separator", csv("sep=|", "indicator|period|value", "PL2-1|2025|60"), 'the file\'s first line "sep=|" says its cells are separated by "|": save it as CSV with commas, semicolons or tabs'],
    ["a header with a column twice at semicolons", csv("indicator;period;value;Value", "PL2-1;2025;60;61"), "the file seems to separate cells with semicolons, but the column value appears twice in the header"],
    ["a tab-separated header of neither kind", csv("id\tyear", "PL2-1\t2025"), "the file seems to separate cells with tabs, but the header (id, year) is not that of"],
  ])("rejects the whole file for %s", (_, text, reason) => {
    const input = read("x.csv", text);
    expect(input.rejected).toEqual([expect.objectContaining({ kind: "file", reason: expect.stringContaining(reason) })]);
    expect(input.given).toEqual({ observations: 0, taskReports: 0 });
  });

  it("rejects an unclosed quote in a semicolon file, naming its line", () =>
    expect(read("o.csv", csv("indicator;period;value", "PL2-1;2025;60", 'PL2-22;2025;"310', "PL2-43;2025;2")).rejected).toEqual([
      { kind: "file", source: { file: "o.csv", line: 3 }, reason: "a quoted cell that starts on line 3 is never closed; nothing in the file was read" },
    ]));

  it("gives the same records for one file saved with commas, semicolons and tabs", () => {
    const rows = [
      ["indicator", "period", "value", "source", "reportedOn"],
      ["PL2-1", "2025", "62.5", "Sở KH&CN, báo cáo; quý III", "2025-10-15"],
      ["PL2-22", "2025", "310", 'Sở "Nội vụ"', ""],
    ];
    const quoted = (cell: string) => (/[,;\t"]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
    const as = (separator: string) => read("o.csv", rows.map((r) => r.map(quoted).join(separator)).join("\r\n")).observations;
    expect(as(";")).toEqual(as(","));
    expect(as("\t")).toEqual(as(","));
    expect(as(",")).toHaveLength(2);
  });
});

describe("readCsvRecords: cells read another way, each with a note", () => {
  it("reads decimal commas, % signs and day/month/year dates, and refuses the near misses", () => {
    const input = readCsvRecords(
      "o.csv",
      csv(
        "indicator,period,value,reportedOn",
        'PL2-1,2025,"60,5",31/12/2025',
        "PL2-1,2026,61%,09.06.2026",
        'PL2-22,2025,"1.234,5",',
        'PL2-22,2026,"1,234",',
        'PL2-1,2027,"60,5,1",',
        "PL2-1,2028,6O%,",
        "PL2-1,2029,60,31/02/2025",
        "PL2-1,2030,60,2025/12/31",
      ),
      plan,
    );
    expect(input.observations.map((o) => [o.source.line, o.record])).toEqual([
      [2, { indicator: "PL2-1", period: 2025, value: "60.5", reportedOn: "2025-12-31" }],
      [3, { indicator: "PL2-1", period: 2026, value: "61", reportedOn: "2026-06-09" }],
      [4, { indicator: "PL2-22", period: 2025, value: "1234.5" }],
    ]);
    expect(input.notes.map((n) => [n.source.line, n.field, n.note])).toEqual([
      [2, "value", 'value "60,5" is read as 60.5 (the comma is the decimal mark, as Vietnamese writes it)'],
      [2, "reportedOn", 'reportedOn "31/12/2025" is read as 2025-12-31 (day/month/year, the Vietnamese convention)'],
      [3, "value", 'value "61%" is read as 61 (the % sign left out)'],
      [3, "reportedOn", 'reportedOn "09.06.2026" is read as 2026-06-09 (day/month/year, the Vietnamese convention)'],
      [4, "value", 'value "1.234,5" is read as 1234.5 (the dots group thousands and the comma is the decimal mark, as Vietnamese writes it)'],
    ]);
    expect(input.rejected.map((r) => [r.source.line, r.field, r.reason])).toEqual([
      [5, "value", 'value "1,234" is ambiguous, a decimal comma or a thousands separator: write 1.234 if the comma is the decimal mark, or 1234 if it separates thousands'],
      [6, "value", 'value "60,5,1" is not a number'],
      [7, "value", 'value "6O%" is not a number'],
      [8, "reportedOn", 'reportedOn "31/02/2025" is not a real date: read as day/month/year (the Vietnamese convention), it would be day 31 of month 2 of 2025'],
      [9, "reportedOn", 'reportedOn "2025/12/31" is not a date written as YYYY-MM-DD or day/month/year: write it as 2025-12-31 if it is year/month/day'],
    ]);
  });
});

describe("readCsvRecords on the sample files", () => {
  it("reads fixtures/input-samples/observations.csv (Excel's UTF-8 CSV: BOM, CRLF)", () => {
    const input = readCsvRecords("observations.csv", sample("observations.csv"), plan);
    expect(input.observations.map((o) => [o.source.line, o.record])).toEqual([
      [2, { indicator: "PL2-1", period: 2025, value: "62.5", unit: "%", source: "Sở Khoa học và Công nghệ", reportedOn: "2025-10-15" }],
      [4, { indicator: "PL1-2", period: 2025, met: true, source: "Sở Nội vụ", reportedOn: "2025-10-20" }],
      [5, { indicator: "PL2-43", period: 2025, value: "250", source: 'Báo cáo "Chỉ số hệ sinh thái khởi nghiệp"\n(StartupBlink)', reportedOn: "2025-10-20" }],
      [7, { indicator: "PL2-1", period: 2025, value: "48", unit: "%", locality: "Kiến Thụy", source: "UBND huyện Kiến Thụy", reportedOn: "2025-10-16" }],
    ]);
    // Line 9's "305,5" is read as 305.5: a second figure for PL2-22 in 2025, so both it and line 3's 310 are rejected as a conflict.
    const conflict = "conflicting values for PL2-22 2025 (city): 310 at observations.csv:3, 305.5 at observations.csv:9";
    expect(input.rejected.map((r) => [r.source.line, r.field, r.reason])).toEqual([
      [3, "value", conflict],
      [8, "value", "duplicate of the record at observations.csv:2"],
      [9, "value", conflict],
      [10, "indicator", 'unknown indicator "PL9-1"'],
    ]);
    expect(input.notes.map((n) => n.note)).toEqual([
      "the UTF-8 byte order mark (BOM) at the start of the file was removed",
      'value "305,5" is read as 305.5 (the comma is the decimal mark, as Vietnamese writes it)',
    ]);
    expect(input.given).toEqual({ observations: 8, taskReports: 0 });
  });

  it("reads fixtures/input-samples/task-reports.csv", () => {
    const input = readCsvRecords("task-reports.csv", sample("task-reports.csv"), plan);
    expect(input.taskReports.map((t) => [t.source.line, t.record])).toEqual([
      [2, { task: "T-1.2", status: "completed", period: 2025, reportedOn: "2025-12-20", completedOn: "2025-12-15", evidence: "Báo cáo số 215/BC-SKHCN" }],
      [3, { task: "T-2.3", status: "in-progress", reportedOn: "2025-10-01" }],
      [4, { task: "NQ71-2", status: "in-progress", reportedOn: "2025-10-01", evidence: "Cập nhật hằng tháng;\nđã có 3 báo cáo" }],
      [6, { task: "T-2.3", status: "completed", reportedOn: "2026-11-20", completedOn: "2026-11-15", evidence: "Quyết định ban hành" }],
    ]);
    expect(input.rejected.map((r) => [r.source.line, r.field, r.reason])).toEqual([
      [7, "task", 'unknown task "T-9.9"'],
      [8, "status", 'status "done" is not one of not-started, in-progress, completed, cancelled'],
    ]);
    expect(input.given).toEqual({ observations: 0, taskReports: 6 });
  });
});
