import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { renderXlsx, type Scorecard, type XlsxOptions } from "../../src/index.js";
import { plan, sampleScorecard, withRow } from "./scorecard.js";

async function workbookOf(scorecard: Scorecard, options: XlsxOptions = {}) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await renderXlsx(scorecard, plan, options)) as unknown as ArrayBuffer);
  return workbook;
}

/** A sheet's rows under its header, as objects by header, and the header's row number. */
function table(sheet: ExcelJS.Worksheet) {
  const headerRow = (sheet.views[0] as Partial<ExcelJS.WorksheetViewFrozen>).ySplit!;
  const header = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows: { cells: Record<string, ExcelJS.Cell> }[] = [];
  for (let n = headerRow + 1; n <= sheet.rowCount; n++) {
    const row = sheet.getRow(n);
    rows.push({ cells: Object.fromEntries(header.map((h, i) => [h, row.getCell(i + 1)])) });
  }
  return { headerRow, header, rows };
}

describe("renderXlsx: the scorecard as an Excel workbook", async () => {
  const scorecard = await sampleScorecard;
  const vi = await workbookOf(scorecard);
  const sheet = (name: string) => vi.getWorksheet(name)!;
  const rulesFor = (appliesTo: string) => new Set(scorecard.rules.filter((r) => r.appliesTo === appliesTo).map((r) => r.id));

  it("has the summary, agencies, tasks, indicators, checks and rejected records, named in the language", async () => {
    expect(vi.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "Cơ quan", "Tình hình báo cáo", "Nhiệm vụ", "Chỉ tiêu", "Kiểm tra số liệu", "Bản ghi bị loại"]);
    expect((await workbookOf(scorecard, { lang: "en" })).worksheets.map((s) => s.name)).toEqual(["Summary", "Agencies", "Reporting rates", "Tasks", "Indicators", "Data checks", "Rejected records"]);
  });

  it("gives the reporting rates of the plan and each lead agency, over all years and by year, counts as numbers and rates as percentages", () => {
    const { rows } = table(sheet("Tình hình báo cáo"));
    const reporting = scorecard.summary.reporting!;
    const line = (id: string, year: number | null) => rows.find((r) => r.cells["Mã"]!.value === id && r.cells["Năm"]!.value === year)!.cells;
    const dost = reporting.byAgency["so-khoa-hoc-va-cong-nghe"]!;
    expect(line("so-khoa-hoc-va-cong-nghe", null)["Báo cáo phải gửi"]!.value).toBe(dost.total.due);
    expect(line("so-khoa-hoc-va-cong-nghe", null)["Đã nhận"]!.value).toBe(dost.total.received);
    const [year, rate] = Object.entries(dost.byPeriod)[0]!;
    expect(line("so-khoa-hoc-va-cong-nghe", Number(year))["Đúng hạn"]!.value).toBe(rate.onTime);
    expect(line(plan.id, null)["Tỷ lệ đã nhận"]!.value).toBe(Number(reporting.overall.receivedRate));
    expect(line(plan.id, null)["Tỷ lệ đã nhận"]!.numFmt).toBe("0.0%");
    expect(rows).toHaveLength(1 + Object.keys(reporting.byPeriod).length + Object.values(reporting.byAgency).reduce((n, a) => n + 1 + Object.keys(a.byPeriod).length, 0));
  });

  it("freezes each sheet's header row and filters its whole table", () => {
    for (const ws of vi.worksheets) {
      const { headerRow, header } = table(ws);
      expect(ws.views[0], ws.name).toMatchObject({ state: "frozen", xSplit: 0, ySplit: headerRow });
      const last = String.fromCharCode(64 + header.length);
      expect(ws.autoFilter, ws.name).toBe(`A${headerRow}:${last}${ws.rowCount}`);
      expect(ws.getRow(headerRow).font?.bold, ws.name).toBe(true);
    }
  });

  it("writes the summary's scores and coverage as numbers shown as percentages, and the date assessed as a date", () => {
    const ws = sheet("Tổng hợp");
    const asOf = ws.getRow(2).getCell(2);
    expect(asOf.value).toEqual(new Date(Date.UTC(2026, 10, 26)));
    expect(asOf.numFmt).toBe("dd/mm/yyyy");
    const { rows } = table(ws);
    const overall = rows[0]!.cells;
    expect(overall["Cấp"]!.value).toBe("Toàn thành phố");
    expect(overall["Điểm"]!.value).toBe(Number(scorecard.summary.overall.score));
    expect(overall["Điểm"]!.numFmt).toBe("0.0%");
    expect(overall["Độ phủ dữ liệu"]!.value).toBe(Number(scorecard.summary.overall.coverage));
    expect(overall["Độ phủ dữ liệu"]!.numFmt).toBe("0.0%");
    expect(overall["không đạt"]!.value).toBe(scorecard.summary.overall.counts.fail);
    const groups = Object.keys(scorecard.summary.byTaskGroup).length + Object.keys(scorecard.summary.byIndicatorGroup).length + Object.keys(scorecard.summary.byLocality).length;
    expect(rows).toHaveLength(1 + groups);
  });

  it("lists each agency's score beside what it leads and coordinates", () => {
    const { rows } = table(sheet("Cơ quan"));
    expect(rows).toHaveLength(Object.keys(scorecard.summary.byAgency).length + Object.keys(scorecard.summary.bySharedDuty).length);
    const dost = rows.find((r) => r.cells["Mã"]!.value === "so-khoa-hoc-va-cong-nghe")!.cells;
    expect(dost["Tên"]!.value).toBe("Sở Khoa học và Công nghệ");
    expect(dost["Điểm"]!.value).toBe(Number(scorecard.summary.byAgency["so-khoa-hoc-va-cong-nghe"]!.score));
    expect(dost["Số nhiệm vụ chủ trì"]!.value).toBe(plan.tasksByAgency("so-khoa-hoc-va-cong-nghe", "lead").length);
    expect(dost["Số chỉ tiêu chủ trì"]!.value).toBe(plan.indicatorsByAgency("so-khoa-hoc-va-cong-nghe").length);
  });

  it("writes one line per task row, its due, report and completion dates as dates", () => {
    const taskRows = scorecard.rows.filter((r) => rulesFor("task").has(r.rule));
    const { rows } = table(sheet("Nhiệm vụ"));
    expect(rows).toHaveLength(taskRows.length);
    const completed = taskRows.findIndex((r) => r.rule === "task.deadline" && r.facts.completedOn);
    expect(completed).toBeGreaterThanOrEqual(0);
    const row = taskRows[completed]!;
    const cells = rows[completed]!.cells;
    expect(cells["Mã"]!.value).toBe(row.entity);
    const date = (iso: unknown) => new Date(`${String(iso)}T00:00:00Z`);
    expect(cells["Hạn"]!.value).toEqual(date(row.facts.due));
    expect(cells["Ngày hoàn thành"]!.value).toEqual(date(row.facts.completedOn));
    expect(cells["Ngày báo cáo"]!.value).toEqual(date(row.facts.reportedOn));
    expect(cells["Hạn"]!.numFmt).toBe("dd/mm/yyyy");
    expect(cells["Điểm"]!.value).toBe(Number(row.score));
    expect(cells["Điểm"]!.numFmt).toBe("0.0%");
    expect(cells["Trạng thái"]!.value).toBe(scorecard.rules.find((r) => r.id === row.rule)!.statuses[row.status]!.label.vi);
    expect(cells["Cơ quan chủ trì"]!.value).toBe(plan.task(row.entity)!.lead.map((id) => plan.agency(id)!.name.vi).join("; "));
  });

  it("writes one line per indicator row, its figure a number beside its target as written", () => {
    const indicatorRows = scorecard.rows.filter((r) => rulesFor("indicator").has(r.rule));
    const { rows } = table(sheet("Chỉ tiêu"));
    expect(rows).toHaveLength(indicatorRows.length);
    const at = indicatorRows.findIndex((r) => r.rule === "indicator.milestone-met" && r.facts.observedValue !== null);
    const row = indicatorRows[at]!;
    const cells = rows[at]!.cells;
    expect(cells["Số liệu"]!.value).toBe(Number(row.facts.observedValue));
    expect(cells["Chỉ tiêu"]!.value).toBe(row.facts.targetRaw);
    expect(cells["Năm"]!.value).toBe(row.period);
  });

  it("lists every rejected record with where it was and why", async () => {
    const bad = { ...scorecard, rejected: [{ kind: "observation" as const, source: { file: "so-lieu.csv", line: 4 }, field: "value", value: "ba trăm", reason: "must be a decimal number" }] };
    const { rows } = table((await workbookOf(bad)).getWorksheet("Bản ghi bị loại")!);
    expect(rows.map((r) => [r.cells["Loại"]!.value, r.cells["Tệp"]!.value, r.cells["Dòng"]!.value, r.cells["Trường"]!.value, r.cells["Số liệu"]!.value, r.cells["Lý do"]!.value])).toEqual([
      ["số liệu chỉ tiêu", "so-lieu.csv", 4, "value", "ba trăm", "must be a decimal number"],
    ]);
  });

  it("adds the sheets given after its own, such as a comparison, each cell of its column's kind", async () => {
    const workbook = await workbookOf(scorecard, {
      sheets: [
        {
          name: "So sánh kỳ trước",
          columns: [
            { header: "Cơ quan", kind: "text" },
            { header: "Điểm kỳ trước", kind: "percent" },
            { header: "Ngày", kind: "date" },
          ],
          rows: [["Sở Tài chính", "0.25", "2026-06-30"]],
        },
      ],
    });
    const ws = workbook.worksheets.at(-1)!;
    expect(ws.name).toBe("So sánh kỳ trước");
    const [row] = table(ws).rows;
    expect(row!.cells["Điểm kỳ trước"]!.value).toBe(0.25);
    expect(row!.cells["Điểm kỳ trước"]!.numFmt).toBe("0.0%");
    expect(row!.cells["Ngày"]!.value).toEqual(new Date(Date.UTC(2026, 5, 30)));
  });

  it("writes text from data as text, never a formula, and without characters a file cannot hold", async () => {
    const index = scorecard.rows.findIndex((r) => rulesFor("task").has(r.rule));
    const odd = withRow(scorecard, index, { message: { vi: '=HYPERLINK("http://x","bấm")\u0007', en: "x" } });
    const { rows } = table((await workbookOf(odd)).getWorksheet("Nhiệm vụ")!);
    const cell = rows[0]!.cells["Nội dung"]!;
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x","bấm")\uFFFD');
  });
});
