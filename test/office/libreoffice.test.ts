import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { renderDocx, renderXlsx } from "../../src/index.js";
import { plan, sampleScorecard } from "../render/scorecard.js";

/** LibreOffice's command, when installed (Debian: libreoffice-writer-nogui and libreoffice-calc-nogui). */
const SOFFICE = ["soffice", "libreoffice"].find((command) => spawnSync(command, ["--version"], { encoding: "utf8" }).status === 0);
if (!SOFFICE) console.warn("Skipping the test that opens the DOCX and XLSX in LibreOffice: soffice is not installed.");

const work = mkdtempSync(join(tmpdir(), "nq57-office-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Converts a file with LibreOffice headless (its own profile, so that runs never share one) and gives the result's path. */
function convert(file: string, to: string, extension: string): string {
  const result = spawnSync(SOFFICE!, [`-env:UserInstallation=file://${join(work, "profile")}`, "--headless", "--convert-to", to, "--outdir", work, file], { encoding: "utf8", timeout: 120_000 });
  expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
  return file.replace(/\.\w+$/, `.${extension}`);
}

describe.skipIf(!SOFFICE)("the DOCX and XLSX opened in LibreOffice", { timeout: 180_000 }, async () => {
  const scorecard = await sampleScorecard;

  it("reads the report as a Word document: its text, and a PDF of several A4 pages", async () => {
    const file = join(work, "bao-cao.docx");
    writeFileSync(file, await renderDocx(scorecard, plan, { number: "125" }));
    const text = readFileSync(convert(file, "txt:Text (encoded):UTF8", "txt"), "utf8");
    for (const expected of ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Số: 125/BC-SKHCN", "BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "Phụ lục II"])
      expect(text).toContain(expected);
    const pdf = readFileSync(convert(file, "pdf", "pdf"));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThan(3);
    // A4 in points: 595 × 842.
    expect(pdf.toString("latin1")).toMatch(/\/MediaBox\s*\[\s*0 0 595(?:\.\d+)? 841\.\d+|\/MediaBox\s*\[\s*0 0 595(?:\.\d+)? 842/);
  });

  it("reads the workbook as a spreadsheet: the summary sheet's lines and a PDF", async () => {
    const file = join(work, "bang-danh-gia.xlsx");
    writeFileSync(file, await renderXlsx(scorecard, plan));
    // LibreOffice writes the first sheet, the summary, as CSV (UTF-8, comma-separated, as shown: percentages and dates formatted).
    const csv = readFileSync(convert(file, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true", "csv"), "utf8");
    expect(csv).toContain("Toàn thành phố");
    expect(csv).toContain("26/11/2026");
    const percent = (Number(scorecard.summary.overall.score) * 100).toFixed(1);
    expect(csv).toContain(`${percent}%`);
    expect(readFileSync(convert(file, "pdf", "pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
