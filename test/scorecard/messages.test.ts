/**
 * Messages as an official reads them: Vietnamese output in Vietnamese (decimal commas, dd/mm/yyyy, statuses and
 * reports in words), English output in English, and each failing row with what to do next.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, plans, type Scorecard } from "../../src/index.js";
import { readJsonRecords } from "../../src/input/read-json.js";
import { yearAtPace } from "../../src/scorecard/exact.js";
import { figureWords, formatDecimal, formatIsoDate, targetWords } from "../../src/scorecard/figure-words.js";

const plan = plans["haiphong-142"];
const fixture = readFileSync(new URL("../../fixtures/report-2025-2026.json", import.meta.url), "utf8");
const scorecard: Promise<Scorecard> = evaluate({ plan, input: readJsonRecords("report.json", fixture, plan), asOf: "2026-11-26" });

/** A message without the ids it names (`PL1-11.1`, `T-5.26.4`), whose dots are not decimal points. */
const withoutIds = (text: string) => text.replace(/[A-Z][A-Z0-9]*-[\d.]+\d/g, "ID");

describe("Vietnamese messages", () => {
  it("write decimals with a comma and dates as dd/mm/yyyy, never a decimal point or an ISO date", async () => {
    const s = await scorecard;
    for (const r of s.rows) {
      expect(withoutIds(r.message.vi), r.message.vi).not.toMatch(/\d\.\d/);
      expect(r.message.vi, r.message.vi).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    expect(s.rows.some((r) => /\d,\d/.test(withoutIds(r.message.vi)))).toBe(true);
    expect(s.rows.some((r) => /\d{2}\/\d{2}\/\d{4}/.test(r.message.vi))).toBe(true);
  });

  it("say a report's status in words, and never the words the templates used to repeat", async () => {
    const s = await scorecard;
    for (const r of s.rows) {
      expect(r.message.vi).not.toMatch(/\b(in-progress|not-started|completed|cancelled)\b/);
      expect(r.message.vi).not.toContain("phấn đấu phấn đấu");
      expect(r.message.vi).not.toMatch(/đạt \d+:/);
    }
  });

  it("give a percentage's change a year in percentage points, with its unit and rounded", async () => {
    const s = await scorecard;
    const row = s.rows.find((r) => r.rule === "indicator.progress" && r.entity === "PL2-3" && r.locality === undefined)!;
    expect(row.message.vi).toContain("mỗi năm thay đổi 7 điểm phần trăm, so với mức cần có 9,17 điểm phần trăm mỗi năm để đạt chỉ tiêu ≥ 100% vào năm 2030");
    expect(row.message.en).toContain("changing by 7 percentage points a year against the 9.17 percentage points a year needed to reach ≥ 100% by 2030");
  });
});

describe("English messages", () => {
  it("hold no Vietnamese words of their own (names of places aside) and keep ISO dates and decimal points", async () => {
    const s = await scorecard;
    for (const r of s.rows) {
      const text = r.locality ? r.message.en.replaceAll(r.locality, "") : r.message.en;
      expect(text, text).not.toMatch(/\b(năm|chưa|đạt|số liệu|chỉ tiêu)\b/);
      expect(withoutIds(text)).not.toMatch(/\d,\d/);
    }
  });
});

describe("what to do next", () => {
  it("comes with every failing, warning or no-data row that its status declares, in both languages, and with no other", async () => {
    const s = await scorecard;
    const needs = s.rows.filter((r) => r.verdict === "fail" || r.verdict === "warn" || r.verdict === "no-data");
    expect(needs.length).toBeGreaterThan(100);
    for (const r of needs) {
      const declared = s.rules.find((rule) => rule.id === r.rule)!.statuses[r.status]!.remediation;
      expect(r.remediation, `${r.rule} ${r.status}`).toEqual(declared);
      expect(r.remediation?.vi.length ?? 0, `${r.rule} ${r.status}`).toBeGreaterThan(20);
    }
    for (const r of s.rows.filter((r) => r.verdict === "pass" || r.verdict === "not-applicable")) expect(r.remediation).toBeUndefined();
  });
});

describe("figure words", () => {
  it.each([
    ["0.966667", "vi", 2, "0,967"],
    ["9.166667", "vi", 2, "9,17"],
    ["0.966667", "en", 2, "0.967"],
    ["1200000", "vi", undefined, "1.200.000"],
    ["1200000", "en", undefined, "1,200,000"],
    ["0.0042", "vi", 2, "0,0042"],
    ["-2.5", "vi", undefined, "-2,5"],
    ["58", "vi", undefined, "58"],
  ] as const)("formatDecimal(%s, %s, %s) is %s", (value, lang, places, expected) => {
    expect(formatDecimal(value, lang, places)).toBe(expected);
  });

  it("writes dates, figures and targets the language's way", () => {
    expect(formatIsoDate("2026-11-26", "vi")).toBe("26/11/2026");
    expect(formatIsoDate("2026-11-26", "en")).toBe("2026-11-26");
    expect(figureWords("58.5", "percent", "vi")).toBe("58,5%");
    expect(figureWords({ met: false }, "qualitative", "vi")).toBe("không đạt");
    expect(targetWords({ year: 2025, raw: "≥ 60", kind: "atLeast", value: "60", aspirational: false }, "percent", "vi")).toBe("≥ 60%");
    expect(targetWords({ year: 2030, raw: "62-65", kind: "range", min: "62.5", max: "65", aspirational: false }, "percent", "vi")).toBe("từ 62,5 đến 65%");
    expect(targetWords({ year: 2030, raw: "phấn đấu đạt top 3 toàn quốc", kind: "rankAtMost", value: "3", aspirational: true }, "rank", "vi")).toBe("top 3 toàn quốc");
  });
});

describe("the year a target is reached at the observed pace", () => {
  it("is worked out from the latest figure and the change a year, and said beside the progress row", async () => {
    const s = await scorecard;
    // PL2-3: 45% in 2024, 52% in 2025 (7 points a year); 48 points to go to 100%: 7 years, 2032.
    const row = s.rows.find((r) => r.rule === "indicator.progress" && r.entity === "PL2-3" && r.locality === undefined)!;
    expect(row.facts.yearReachedAtPace).toBe(2032);
    expect(row.message.vi).toContain("Nếu giữ tốc độ này thì đạt chỉ tiêu vào năm 2032.");
    expect(row.message.en).toContain("At this pace it reaches the target in 2032.");
    const away = s.rows.find((r) => r.rule === "indicator.progress" && r.entity === "PL2-8" && r.locality === undefined)!;
    expect(away.facts.yearReachedAtPace).toBeNull();
    expect(away.message.vi).toContain("nếu giữ tốc độ này thì không đạt được chỉ tiêu");
    expect(away.message.en).toContain("at this pace it never reaches the target");
  });

  it.each([
    ["52", 2025, "100", "7", "increase", 2032],
    ["100", 2025, "100", "7", "increase", 2025],
    ["52", 2025, "100", "0", "increase", null],
    ["11", 2025, "3", "-2", "decrease", 2029],
    ["11", 2025, "10", "2", "decrease", null],
    ["1", 2025, "1000", "1", "increase", null],
  ] as const)("yearAtPace(%s, %i, %s, %s, %s) is %s", (latest, year, target, actual, direction, expected) => {
    expect(yearAtPace(latest, year, target, actual, direction)).toBe(expected);
  });
});
