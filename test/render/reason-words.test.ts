/**
 * Every reason and note the readers write, on every file of the fixtures a user could send (the samples, the invalid
 * and the hostile files), reads as Vietnamese in Vietnamese output, and stays as written in English.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { plans, readCsvRecords } from "../../src/index.js";
import { readJsonRecords } from "../../src/input/read-json.js";
import { reasonWords } from "../../src/render/reason-words.js";

const plan = plans["haiphong-142"];
const fixtures = new URL("../../fixtures/", import.meta.url);
// Words of the readers' English that no Vietnamese rendering keeps.
const ENGLISH = new Set(
  "the is are not must give was file record read missing given twice of and it to be has have cannot with for as only same first written differ its holds leave empty whole write place name column ignored comma decimal mark case invisible characters row header cells number would line skipped key list none nothing never closed quoted starts sign left out separator thousands digits spaces formula spreadsheet save computes instead object below negative report target parts unknown did you mean".split(" "),
);

/** The reasons and notes of reading each fixture file, by the file they came from. */
function reasons(): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of ["input-samples", "invalid", "hostile"]) {
    const folder = new URL(`${dir}/`, fixtures);
    for (const name of readdirSync(folder).filter((f) => /\.(csv|json)$/.test(f))) {
      const text = readFileSync(new URL(name, folder), "utf8");
      const input = name.endsWith(".csv") ? readCsvRecords(name, text, plan) : readJsonRecords(name, text, plan);
      for (const r of input.rejected) found.set(r.reason, `${dir}/${name}`);
      for (const n of input.notes ?? []) found.set(n.note, `${dir}/${name}`);
    }
  }
  return found;
}

describe("reasonWords", () => {
  const all = reasons();

  it("reads many reasons from the fixtures", () => {
    expect(all.size).toBeGreaterThan(100);
  });

  it("leaves no English word in Vietnamese, besides the user's own text, column names and a JSON parser's detail", () => {
    for (const [reason, file] of all) {
      const vi = reasonWords(reason, "vi")
        .replace(/^tệp không phải JSON hợp lệ: [\s\S]*/, "")
        .replace(/"(?:[^"\\]|\\.)*"/g, "")
        .replace(/\([a-zA-Z, /-]*\)/g, "");
      const english = (vi.match(/\p{L}+/gu) ?? []).filter((w) => ENGLISH.has(w));
      expect(english, `${file}: ${reason} → ${reasonWords(reason, "vi")}`).toEqual([]);
    }
  });

  it("writes the readers' decimals with a decimal comma and their dates as dd/mm/yyyy in Vietnamese", () => {
    expect(reasonWords('value "305,5" is read as 305.5 (the comma is the decimal mark, as Vietnamese writes it)', "vi")).toBe(
      'value "305,5" được đọc là 305,5 (dấu phẩy là dấu thập phân, theo cách viết của Việt Nam)',
    );
    expect(reasonWords('reportedOn "5/3/2026" is read as 2026-03-05 (day/month/year, the Vietnamese convention)', "vi")).toContain("ngày 05/03/2026");
  });

  it("keeps English as written", () => {
    for (const reason of all.keys()) expect(reasonWords(reason, "en")).toBe(reason);
  });
});
