/**
 * The changes since the previous report inside the report to the People's Committee (DOCX) and the workbook (XLSX):
 * read back from the files, on the bundled report scored a year apart, from the API and from `nq57 compare`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { compareScorecards, comparisonDocxSections, comparisonSections, comparisonXlsxSheet, evaluate, plans, renderDocx, renderJson, renderXlsx, type Scorecard } from "../../src/index.js";
import { readJsonRecords } from "../../src/input/read-json.js";
import { run } from "../cli/run-cli.js";
import { officeParts, paragraphs, tables } from "./office-reader.js";

const plan = plans["haiphong-142"];
const fixture = readFileSync(new URL("../../fixtures/report-2025-2026.json", import.meta.url), "utf8");
const at = (asOf: string) => evaluate({ plan, input: readJsonRecords("report.json", fixture, plan), asOf });
const [before, now]: [Scorecard, Scorecard] = await Promise.all([at("2025-11-26"), at("2026-11-26")]);
const comparison = compareScorecards(before, now);
const changedRows = [comparison.tasks.newlyOverdue, comparison.tasks.newlyCompleted, comparison.milestones.newlyMet, comparison.milestones.newlyMissed];

function docxText(bytes: Uint8Array) {
  const xml = officeParts(bytes)["word/document.xml"]!;
  return { text: paragraphs(xml), tables: tables(xml) };
}

async function workbook(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

describe("the comparison in the DOCX report", () => {
  it("adds the changes as numbered sections of part I: the overall change, the counts, each agency, each changed row", async () => {
    const { text, tables: found } = docxText(await renderDocx(now, plan, { sections: comparisonDocxSections(comparison, plan) }));
    const heading = text.findIndex((p) => p === "2. Thay đổi so với kỳ báo cáo trước (từ 26/11/2025 đến 26/11/2026)");
    expect(heading).toBeGreaterThan(0);
    const { overall } = comparisonSections(comparison, plan, "vi");
    expect(text.slice(heading + 1, heading + 1 + overall.length)).toEqual(overall.map((line) => `${line}.`));
    expect(text).toContain(`Nhiệm vụ mới quá hạn hoặc thiếu báo cáo: ${comparison.tasks.newlyOverdue.length}.`);
    expect(text).toContain(`Chỉ tiêu mới không đạt mốc: ${comparison.milestones.newlyMissed.length}.`);
    expect(text).toContain("3. Nhiệm vụ, chỉ tiêu thay đổi so với kỳ trước");
    const byAgency = found.find((t) => t.rows[0]![0] === "Tên" && t.rows[0]![1] === "Điểm (Kỳ trước)")!;
    expect(byAgency.rows.length - 1).toBe(Object.keys(comparison.byAgency).length);
    const changed = found.find((t) => t.rows[0]!.join("|") === "Thay đổi|Mã hoặc tên|Năm|Địa phương|Kỳ trước|Kỳ này|Nội dung")!;
    expect(changed.rows.length - 1).toBe(changedRows.reduce((n, list) => n + list.length, 0));
    const overdue = comparison.tasks.newlyOverdue[0]!;
    expect(changed.rows).toContainEqual(["Nhiệm vụ mới quá hạn hoặc thiếu báo cáo", overdue.entity, String(overdue.period ?? ""), overdue.locality ?? "", expect.any(String), expect.any(String), overdue.message.vi]);
  });

  it("is written in English with lang en", async () => {
    const { text } = docxText(await renderDocx(now, plan, { lang: "en", sections: comparisonDocxSections(comparison, plan, { lang: "en" }) }));
    expect(text).toContain("2. Changes since the last report (from 2025-11-26 to 2026-11-26)");
    expect(text.join("\n")).not.toMatch(/Kỳ trước|Thay đổi/);
  });
});

describe("the comparison in the XLSX workbook", () => {
  it("adds a sheet after the scorecard's own: one line per changed row and per agency, group and locality, scores as percentages", async () => {
    const book = await workbook(await renderXlsx(now, plan, { sheets: [comparisonXlsxSheet(comparison, plan)] }));
    const sheet = book.worksheets.at(-1)!;
    expect(sheet.name).toBe("So sánh");
    const headerRow = (sheet.views[0] as Partial<ExcelJS.WorksheetViewFrozen>).ySplit!;
    expect(sheet.getCell(1, 1).value).toBe("Thay đổi so với kỳ báo cáo trước: Kế hoạch 142/KH-UBND, từ 26/11/2025 đến 26/11/2026");
    const header = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
    expect(sheet.autoFilter).toBe(`A${headerRow}:M${sheet.rowCount}`);
    const rows = [];
    for (let n = headerRow + 1; n <= sheet.rowCount; n++) rows.push(Object.fromEntries(header.map((h, i) => [h, sheet.getRow(n).getCell(i + 1)])));
    const summaries = ["byAgency", "bySharedDuty", "byTaskGroup", "byIndicatorGroup", "byLocality"] as const;
    const expected =
      changedRows.reduce((n, list) => n + list.length, 0) +
      comparison.dataProblems.new.length +
      comparison.dataProblems.resolved.length +
      summaries.reduce((n, part) => n + Object.keys(comparison[part]).length, 0);
    expect(rows).toHaveLength(expected);
    const dost = comparison.byAgency["so-khoa-hoc-va-cong-nghe"]!;
    const line = rows.find((r) => r["Mã hoặc tên"]!.value === "Sở Khoa học và Công nghệ")!;
    expect(line["Điểm kỳ này"]!.value).toBe(Number(dost.current!.score));
    expect(line["Điểm kỳ này"]!.numFmt).toBe("0.0%");
    expect(line["Thay đổi điểm"]!.value).toBe(dost.scoreChange === null ? null : Number(dost.scoreChange));
    const overdue = comparison.tasks.newlyOverdue.find((r) => r.period !== undefined) ?? comparison.tasks.newlyOverdue[0]!;
    const row = rows.find((r) => r["Mã hoặc tên"]!.value === overdue.entity && r["Mục"]!.value === "Nhiệm vụ mới quá hạn hoặc thiếu báo cáo")!;
    expect(row["Nội dung"]!.value).toBe(overdue.message.vi);
    expect(row["Năm"]!.value).toBe(overdue.period ?? null);
  });
});

describe("nq57 compare --format docx|xlsx", () => {
  const dir = mkdtempSync(join(tmpdir(), "nq57-compare-office-"));
  const a = join(dir, "2025.json");
  const b = join(dir, "2026.json");
  writeFileSync(a, renderJson(before));
  writeFileSync(b, renderJson(now));

  it("writes the later scorecard's report and workbook with the changes, to --out only", async () => {
    const docx = join(dir, "bao-cao.docx");
    expect((await run("compare", a, b, "--format", "docx", "--out", docx)).code).toBe(0);
    expect(docxText(readFileSync(docx)).text).toContain("2. Thay đổi so với kỳ báo cáo trước (từ 26/11/2025 đến 26/11/2026)");
    const xlsx = join(dir, "bang.xlsx");
    expect((await run("compare", a, b, "--format", "xlsx", "--out", xlsx, "--lang", "en")).code).toBe(0);
    expect((await workbook(readFileSync(xlsx))).worksheets.map((s) => s.name).at(-1)).toBe("Comparison");
    const refused = await run("compare", a, b, "--format", "docx");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--format docx writes a file: give --out FILE/);
  });
});
