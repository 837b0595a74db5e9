import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { run } from "./run-cli.js";
import { plans, readCsvRecords } from "../../src/index.js";


const plan = plans["haiphong-142"];
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nq57-init-"));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const read = (name: string) => readFileSync(join(dir, name), "utf8");

describe("nq57 init", () => {
  it("writes observations.csv and task-reports.csv with a BOM, the header and one example row", async () => {
    const { code, stdout, stderr } = await run("init", dir);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const observations = read("observations.csv");
    const taskReports = read("task-reports.csv");
    expect(observations).toBe(
      "\uFEFFindicator,period,value,met,locality,source,reportedOn\r\nPL2-1,2025,60,,,Sở Khoa học và Công nghệ,2026-01-15\r\n",
    );
    expect(taskReports.startsWith("\uFEFFtask,status,period,reportedOn,completedOn,evidence\r\n")).toBe(true);
    expect(taskReports.trimEnd().split("\r\n")).toHaveLength(2);
    expect(stdout).toContain(join(dir, "observations.csv"));
    expect(stdout).toContain(join(dir, "task-reports.csv"));
    expect(stdout).toContain("nq57 validate --data");
  });

  it("writes templates that readCsvRecords reads with every row accepted", async () => {
    await run("init", dir);
    const observations = readCsvRecords("observations.csv", read("observations.csv"), plan);
    expect(observations.rejected).toEqual([]);
    expect(observations.observations.map((o) => o.record)).toEqual([
      // The earliest milestone's target, for the whole city: Plan 142's targets are the city's.
      { indicator: "PL2-1", period: 2025, value: "60", source: "Sở Khoa học và Công nghệ", reportedOn: "2026-01-15" },
    ]);
    const taskReports = readCsvRecords("task-reports.csv", read("task-reports.csv"), plan);
    expect(taskReports.rejected).toEqual([]);
    expect(taskReports.taskReports).toHaveLength(1);
    expect(taskReports.given.taskReports).toBe(1);
    // The only note is the BOM's: no column is ignored, no field questioned.
    for (const input of [observations, taskReports]) expect(input.notes.map((n) => n.note)).toEqual([expect.stringContaining("byte order mark")]);
  });

  it("writes templates that nq57 validate passes (exit code 0)", async () => {
    await run("init", dir);
    const { code, stdout } = await run("validate", "--data", join(dir, "observations.csv"), join(dir, "task-reports.csv"), "--lang", "en");
    expect(code).toBe(0);
    expect(stdout).toContain("2 files: 2 accepted, 0 rejected");
  });

  it("writes to the current folder when no folder is given", async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const { code, stdout } = await run("init", "--lang", "en");
      expect(code).toBe(0);
      expect(stdout).toContain("the current folder");
      expect(stdout).toContain("nq57 validate --data observations.csv task-reports.csv");
    } finally {
      process.chdir(cwd);
    }
    expect(existsSync(join(dir, "observations.csv"))).toBe(true);
    expect(existsSync(join(dir, "task-reports.csv"))).toBe(true);
  });

  it("makes the folder when it is missing", async () => {
    const nested = join(dir, "bao-cao", "2025");
    expect((await run("init", nested)).code).toBe(0);
    expect(existsSync(join(nested, "observations.csv"))).toBe(true);
  });

  it("refuses to overwrite: exit code 2, one line, and neither file written", async () => {
    writeFileSync(join(dir, "task-reports.csv"), "mine\n");
    const { code, stdout, stderr } = await run("init", dir, "--lang", "en");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toBe(`nq57: ${join(dir, "task-reports.csv")} already exists; nothing was written (use --force to overwrite)\n`);
    expect(read("task-reports.csv")).toBe("mine\n");
    expect(existsSync(join(dir, "observations.csv"))).toBe(false);
  });

  it("names both files when both exist, in Vietnamese by default", async () => {
    await run("init", dir);
    const { code, stderr } = await run("init", dir);
    expect(code).toBe(2);
    expect(stderr).toBe(`nq57: ${join(dir, "observations.csv")} và ${join(dir, "task-reports.csv")} đã có; không ghi tệp nào (thêm --force để ghi đè)\n`);
  });

  it("overwrites with --force", async () => {
    writeFileSync(join(dir, "observations.csv"), "mine\n");
    const { code } = await run("init", dir, "--force");
    expect(code).toBe(0);
    expect(read("observations.csv").startsWith("\uFEFFindicator,period,value")).toBe(true);
  });

  it("refuses a folder that is a file", async () => {
    const file = join(dir, "not-a-folder");
    writeFileSync(file, "");
    const { code, stderr } = await run("init", file);
    expect(code).toBe(2);
    expect(stderr).toBe(`nq57: ${file}: not a folder\n`);
  });

  it("prints its message in the language asked for", async () => {
    const vi = await run("init", join(dir, "vi"));
    expect(vi.stdout).toContain("Đã tạo 2 mẫu trong");
    const en = await run("init", join(dir, "en"), "--lang", "en");
    expect(en.stdout).toContain("Wrote 2 templates");
    expect((await run("init", join(dir, "fr"), "--lang", "fr")).code).toBe(2);
  });

  it("explains itself with --help, with an example", async () => {
    const { code, stdout } = await run("init", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: nq57 init [options] [dir]");
    expect(stdout).toContain("$ nq57 init");
    expect(stdout).toContain("--force");
  });

  it("is listed in nq57 --help", async () => {
    const { stdout } = await run("--help");
    expect(stdout).toMatch(/^ {2}init \[options\] \[dir\]/m);
  });
});

describe("nq57 init on a folder it cannot write", () => {
  it.skipIf(process.platform === "win32" || process.getuid?.() === 0)("says why in one line, exit code 2", async () => {
    const locked = join(dir, "locked");
    mkdirSync(locked, { mode: 0o500 });
    const { code, stderr } = await run("init", locked);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^nq57: .*observations\.csv: cannot write the file \(permission denied\)\n$/);
  });
});
