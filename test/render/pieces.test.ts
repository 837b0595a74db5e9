import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  evaluate,
  formatCsv,
  plans,
  renderHtml,
  renderHtmlPieces,
  renderMarkdown,
  renderMarkdownPieces,
  renderTerminal,
  renderTerminalPieces,
  renderCsvPieces,
  renderJsonPieces,
  scorecardTable,
  type Scorecard,
  type ScorecardRow,
} from "../../src/index.js";

const plan = plans["haiphong-142"];
const fixture = JSON.parse(readFileSync("fixtures/report-2025-2026.json", "utf8")) as { observations: unknown[]; taskReports: unknown[] };

/** Observations in a few communes over three years, some that the observation checks flag. */
function observations(): { indicator: string; period: number; value: string; locality?: string }[] {
  const out: { indicator: string; period: number; value: string; locality?: string }[] = [];
  for (let place = 0; place < 5; place++)
    for (const [k, indicator] of ["PL2-1", "PL2-3", "PL1-1", "PL1-8"].entries())
      for (const period of [2024, 2025, 2026]) out.push({ indicator, period, value: String(((place * 17 + k * 7 + period) % 130) - 5), ...(place > 0 ? { locality: `Xã ${place}` } : {}) });
  return out;
}

const scorecardOf = () => evaluate({ plan, observations: [...(fixture.observations as never[]), ...observations()], taskReports: fixture.taskReports, asOf: "2026-11-26" });
const rowsUnread = (s: Scorecard) => typeof Object.getOwnPropertyDescriptor(s, "rows")!.get === "function";

/** Every format's pieces, and the same format made from a scorecard whose rows were read first. */
const FORMATS = [
  { name: "Markdown", pieces: (s: Scorecard) => renderMarkdownPieces(s, plan, { lang: "en" }), whole: (s: Scorecard) => renderMarkdown(s, plan, { lang: "en" }) },
  { name: "HTML", pieces: (s: Scorecard) => renderHtmlPieces(s, plan, { lang: "vi" }), whole: (s: Scorecard) => renderHtml(s, plan, { lang: "vi" }) },
  {
    name: "terminal",
    pieces: (s: Scorecard) => renderTerminalPieces(s, plan, { lang: "vi", color: true, width: 120 }),
    whole: (s: Scorecard) => renderTerminal(s, plan, { lang: "vi", color: true, width: 120 }),
  },
  { name: "CSV", pieces: (s: Scorecard) => renderCsvPieces(s), whole: (s: Scorecard) => formatCsv(scorecardTable(s)) },
  // Rows not yet read are written as they are made, their facts not copied: the same text as from rows read first.
  {
    name: "JSON",
    pieces: (s: Scorecard) => renderJsonPieces(s),
    whole: (s: Scorecard) => {
      void s.rows; // made and kept, with facts of their own
      return [...renderJsonPieces(s)].join("");
    },
  },
] as const;

describe.each(FORMATS)("$name in pieces", ({ pieces, whole }) => {
  it("joins to the whole text, made from rows not yet read, which stay unread", async () => {
    const unread = await scorecardOf();
    const read = await scorecardOf();
    expect(read.rows.length).toBeGreaterThan(500);
    const expected = whole(read);
    const parts = [...pieces(unread)];
    expect(rowsUnread(unread)).toBe(true);
    expect(parts.join("")).toBe(expected);
    // A second pass over the same unread rows writes the same text.
    expect([...pieces(unread)].join("")).toBe(expected);
    expect(whole(unread)).toBe(expected);
  });
});

describe("Markdown's rows by rule", () => {
  it("lists each rule's rows under it in the rows' order, whatever order the rows come in", async () => {
    const s = await scorecardOf();
    const shuffled = [...s.rows].reverse();
    const md = renderMarkdown({ ...s, rows: shuffled }, plan, { lang: "en" });
    const sections = md.split("\n### ").slice(1);
    expect(sections).toHaveLength(s.rules.length);
    for (const [i, rule] of s.rules.entries()) {
      const section = sections[i]!;
      expect(section.startsWith(`${rule.id}: `)).toBe(true);
      const rows = shuffled.filter((r) => r.rule === rule.id);
      expect(section).toContain(`Rows: ${rows.length}`);
      const lines = section.split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| ---")).slice(1);
      expect(lines.map((l) => l.split(" | ")[0]!.slice(2))).toEqual(rows.map((r) => r.entity));
    }
  });
});

/**
 * A scorecard of 150,000 rows of one rule across 3,000 communes, made from the fixture's: far more rows than a
 * function's arguments may be, and more communes than a chart compares one by one with all the others.
 */
async function nationalScorecard(): Promise<Scorecard> {
  const s = await scorecardOf();
  const model = s.rows.find((r) => r.rule === "indicator.milestone-met" && r.facts.observedValue !== null)!;
  const rows: ScorecardRow[] = [];
  for (let i = 0; i < 150_000; i++) {
    const locality = `Xã ${String(i % 3000).padStart(4, "0")}`;
    const year = 2024 + Math.floor(i / 3000) % 3;
    rows.push({ ...model, locality, period: year, facts: { ...model.facts, locality, year, observedValue: String((i * 7) % 101) }, verdict: i % 5 === 0 ? "fail" : "pass" });
  }
  return { ...s, rows };
}

describe("a national scorecard", () => {
  it("is written in every format, a line or table row for each row", { timeout: 120_000 }, async () => {
    const s = await nationalScorecard();
    // Counts the lines (or table rows) that match, checking on the way that pieces are a megabyte or more but the last.
    const count = (parts: Iterable<string>, line: RegExp) => {
      let n = 0;
      let short = 0;
      for (const part of parts) {
        n += part.match(line)?.length ?? 0;
        if (part.length < 1 << 20) short++;
      }
      expect(short).toBe(1);
      return n;
    };
    const model = s.rows[0]!;
    expect(count(renderTerminalPieces(s, plan, { lang: "en", color: false }), new RegExp(`^[✓✗] ${model.entity} `, "gm"))).toBe(s.rows.length);
    const failing = s.rows.filter((r) => r.verdict === "fail").length;
    // Each row once under its rule, and each failing one again under "Needs attention", there named by its rule's title.
    const title = s.rules.find((r) => r.id === model.rule)!.title.en.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    expect(count(renderMarkdownPieces(s, plan, { lang: "en" }), new RegExp(`^\\| (${title} \\| )?${model.entity} \\|`, "gm"))).toBe(s.rows.length + failing);
    // The rows of the full tables (which name the rule); the drill-down repeats a few.
    expect(count(renderHtmlPieces(s, plan, { lang: "en" }), /<tr data-verdict="[^"]*" data-rule=/g)).toBe(s.rows.length);
    expect(count(renderCsvPieces(s), /\r\n/g)).toBe(s.rows.length + 1);
  });
});
