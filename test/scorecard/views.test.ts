/** Views of a scorecard for national runs and for one agency: only the problems, one row a line, one agency's rows. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, onlyProblems, plans, renderJson, renderMarkdown, renderNdjsonPieces, scorecardForAgency, type Scorecard } from "../../src/index.js";
import { readJsonRecords } from "../../src/input/read-json.js";
import { run } from "../cli/run-cli.js";

const plan = plans["haiphong-142"];
const fixtureFile = new URL("../../fixtures/report-2025-2026.json", import.meta.url);
const make = (): Promise<Scorecard> => evaluate({ plan, input: readJsonRecords("report.json", readFileSync(fixtureFile, "utf8"), plan), asOf: "2026-11-26" });
const problem = (v: string) => v === "fail" || v === "warn" || v === "no-data";

describe("onlyProblems", () => {
  it("keeps the rows that fail, warn or lack data, with their facts, and the whole scorecard's summaries", async () => {
    const whole = await make();
    const view = onlyProblems(await make());
    const expected = whole.rows.filter((r) => problem(r.verdict));
    expect(view.rows).toEqual(expected);
    expect(view.summary).toEqual(whole.summary);
    expect(Object.keys(view)).toEqual(Object.keys(whole));
    expect(JSON.parse(renderJson(view)).rows).toEqual(JSON.parse(JSON.stringify(expected)));
  });
});

describe("renderNdjsonPieces", () => {
  it("writes one row a line, each the row's JSON with its facts", async () => {
    const whole = await make();
    const lines = [...renderNdjsonPieces(await make())].join("").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(JSON.parse(JSON.stringify(whole.rows)));
  });
});

describe("scorecardForAgency", () => {
  it("keeps the rows of what the agency leads and coordinates, with its own summary as the overall one", async () => {
    const id = "so-tai-chinh";
    const whole = await make();
    const view = scorecardForAgency(await make(), plan, id);
    const mine = new Set([...plan.tasksByAgency(id), ...plan.indicatorsByAgency(id)].map((e) => e.id));
    expect(view.rows.length).toBeGreaterThan(0);
    expect(view.rows).toEqual(whole.rows.filter((r) => mine.has(r.entity)));
    expect(view.summary.overall).toEqual(whole.summary.byAgency[id]);
    expect(Object.keys(view.summary.byAgency)).toEqual([id]);
    expect(view.summary.reporting!.overall).toEqual(whole.summary.reporting!.byAgency[id]!.total);
    const md = renderMarkdown(view, plan, { lang: "vi" });
    expect(md.split("\n")[0]).toBe("# Bảng đánh giá thực hiện Kế hoạch 142/KH-UBND — Sở Tài chính, tính đến ngày 26/11/2026");
    expect(md).not.toContain("Sở Khoa học và Công nghệ |");
    expect(view.scope).toEqual({ agency: id });
    expect(JSON.parse(renderJson(view)).scope).toEqual({ agency: id });
  });

  it("refuses an agency the plan does not have", async () => {
    expect(() => scorecardForAgency(scorecard0, plan, "so-khong-co")).toThrow(/no agency "so-khong-co"/);
  });
});

const scorecard0: Scorecard = await make();

describe("nq57 scorecard --format ndjson --only problems --agency", () => {
  const data = fixtureFile.pathname;
  it("streams the problem rows one a line, of one agency when asked, and refuses an unknown agency", async () => {
    const all = await run("scorecard", "--data", data, "--as-of", "2026-11-26", "--format", "ndjson", "--only", "problems");
    expect(all.code).toBe(0);
    const rows = all.stdout.trim().split("\n").map((l) => JSON.parse(l) as { verdict: string; entity: string });
    expect(rows.length).toBe(scorecard0.rows.filter((r) => problem(r.verdict)).length);
    const md = await run("scorecard", "--data", data, "--as-of", "2026-11-26", "--format", "md", "--only", "problems", "--agency", "so-tai-chinh", "--lang", "en");
    expect(md.code).toBe(0);
    // Rows listed by rule show a verdict in the fourth column: never "pass".
    const verdicts = md.stdout.split("\n").filter((l) => /^\| (T|NQ71|PL\d)-/.test(l)).map((l) => l.split(" | ")[3]);
    expect(verdicts.length).toBeGreaterThan(0);
    expect(verdicts).not.toContain("pass");
    const unknown = await run("scorecard", "--data", data, "--agency", "so-khong-co");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--agency "so-khong-co"');
  });
});
