import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "./run-cli.js";
import { plans } from "../../src/index.js";
import pkg from "../../package.json";
import { readCsv } from "../render/csv-reader.js";



const plan = plans["haiphong-142"];

describe("nq57 plan export", () => {
  it("prints the plan as the JSON of the model", async () => {
    const { code, stdout } = await run("plan", "export", "haiphong-142", "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it.each([
    ["tasks", plan.tasks.length],
    ["indicators", plan.indicators.length],
    ["targets", plan.indicators.reduce((n, x) => n + x.targets.length, 0)],
    ["agencies", plan.agencies.length],
  ])("prints %s as a CSV table with a BOM, one row each (%i)", async (entity, count) => {
    const { code, stdout } = await run("plan", "export", "haiphong-142", "--format", "csv", "--entity", entity);
    expect(code).toBe(0);
    expect(stdout.startsWith("\uFEFF")).toBe(true);
    const rows = readCsv(stdout.slice(1));
    expect(rows).toHaveLength(count + 1);
    expect(new Set(rows.map((r) => r.length)).size).toBe(1);
  });

  it("keeps Vietnamese text, commas and quotes intact in the CSV", async () => {
    const { stdout } = await run("plan", "export", "haiphong-142", "--format", "csv", "--entity", "tasks");
    const [header, ...rows] = readCsv(stdout.slice(1));
    const col = (name: string) => header!.indexOf(name);
    const task = rows.find((r) => r[col("id")] === "T-5.12")!;
    expect(task[col("title_vi")]).toBe(plan.task("T-5.12")!.title.vi);
    expect(task[col("lead_vi")]).toBe("Sở Tư pháp");
    const t513 = rows.find((r) => r[col("id")] === "T-1.5")!;
    expect(t513[col("title_vi")]).toContain('"học tập số"');
    const targets = readCsv((await run("plan", "export", "haiphong-142", "--format", "csv", "--entity", "targets")).stdout.slice(1));
    expect(targets.find((r) => r[0] === "PL2-22" && r[1] === "2035")).toEqual(["PL2-22", "2035", "≥ 1.200", "atLeast", "1200", "", "", "false", ""]);
  });

  it("writes to --out", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "nq57-")), "agencies.csv");
    const { code, stdout } = await run("plan", "export", "haiphong-142", "--format", "csv", "--entity", "agencies", "--out", file);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(readFileSync(file, "utf8")).toContain("so-khoa-hoc-va-cong-nghe,Sở Khoa học và Công nghệ");
  });

  it("answers bad input with one line and exit code 2", async () => {
    expect(await run("plan", "export", "hanoi-1")).toMatchObject({ code: 2, stderr: 'nq57: unknown plan "hanoi-1"; give the id of a plan shipped with the library (haiphong-142) or a plan file (.json)\n' });
    const noEntity = await run("plan", "export", "haiphong-142", "--format", "csv");
    expect(noEntity).toMatchObject({ code: 2 });
    expect(noEntity.stderr).toMatch(/^nq57: --format csv needs --entity tasks\|indicators\|targets\|agencies\n$/);
    expect((await run("plan", "export", "haiphong-142", "--format", "xml")).code).toBe(2);
  });
});

describe("nq57", () => {
  it("prints its version", async () => {
    expect(await run("--version")).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
  });

  it("lists what falls due between two dates", async () => {
    const { code, stdout } = await run("plan", "deadlines", "--from", "2025-09-01", "--to", "2025-09-30", "--lang", "en");
    expect(code).toBe(0);
    expect(stdout.split("\n").filter((l) => l.startsWith("  2025-09-30"))).toHaveLength(7);
    expect((await run("plan", "deadlines", "--from", "2025-13-01", "--to", "2025-09-30")).code).toBe(2);
  });

  it("shows the plan's summary", async () => {
    const { code, stdout } = await run("plan", "show", "--lang", "en");
    expect(code).toBe(0);
    expect(stdout).toContain("128 tasks (14 sub-items, 8 strategic):\n    90  Section B.II: other specific tasks and solutions\n    24  Appendix 3\n");
    expect(stdout).toContain("120 indicators:\n    62  Appendix 1\n    58  Appendix 2\n");
    expect(stdout).toContain("milestone years: 2025, 2030, 2035, 2040, 2045\n");
  });

  it("shows help with examples", async () => {
    const { code, stdout } = await run("plan", "export", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("$ nq57 plan export haiphong-142 --format csv --entity tasks");
  });
});
