import { existsSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { officeParts, paragraphs } from "../render/office-reader.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) console.warn(`Skipping the DOCX and XLSX browser test: ${CHROMIUM} is missing (CI installs Debian's chromium there).`);

/** What the page makes: the plan scored as of a date, then the report and the workbook, as arrays of bytes. */
const ENTRY = `
import { evaluate, plans, renderDocx, renderXlsx } from "./src/index.ts";
globalThis.makeOffice = async () => {
  const plan = plans["haiphong-142"];
  const scorecard = await evaluate({ plan, asOf: "2026-11-26", taskReports: [{ task: "T-2.1", status: "completed", reportedOn: "2025-07-15", completedOn: "2025-07-10" }] });
  const docx = await renderDocx(scorecard, plan, { number: "125" });
  const xlsx = await renderXlsx(scorecard, plan, { lang: "en" });
  return { docx: Array.from(docx), xlsx: Array.from(xlsx), docxType: docx.constructor.name, xlsxType: xlsx.constructor.name };
};
`;

describe.skipIf(!available)("the DOCX report and XLSX workbook made in Chromium", { timeout: 120_000 }, () => {
  let browser: Browser;
  let made: { docx: number[]; xlsx: number[]; docxType: string; xlsxType: string };
  const problems: string[] = [];

  beforeAll(async () => {
    const esbuild = await import("esbuild");
    // As an app's bundler would: for the browser, the libraries' browser builds, no Node built-ins or globals.
    const bundle = await esbuild.build({
      stdin: { contents: ENTRY, resolveDir: join(import.meta.dirname, "../.."), sourcefile: "office-entry.ts", loader: "ts" },
      bundle: true,
      platform: "browser",
      format: "iife",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
    const page = await browser.newPage();
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    await page.setContent("<!doctype html><title>office</title>");
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    made = await page.evaluate(() => (globalThis as unknown as { makeOffice: () => Promise<typeof made> }).makeOffice());
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("makes a Word report in the page, with no Node.js built-in or global", () => {
    expect(problems).toEqual([]);
    expect(made.docxType).toBe("Uint8Array");
    const text = paragraphs(officeParts(new Uint8Array(made.docx))["word/document.xml"]!);
    expect(text).toContain("BÁO CÁO");
    expect(text).toContain("Số: 125/BC-SKHCN");
    expect(text).toContain("Phụ lục II");
  });

  it("makes an Excel workbook in the page that exceljs reads back", async () => {
    expect(made.xlsxType).toBe("Uint8Array");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(made.xlsx) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Summary", "Agencies", "Reporting rates", "Tasks", "Indicators", "Data checks", "Rejected records"]);
    expect(workbook.getWorksheet("Summary")!.getRow(2).getCell(2).value).toEqual(new Date(Date.UTC(2026, 10, 26)));
  });
});
