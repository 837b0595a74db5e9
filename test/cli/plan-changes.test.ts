/**
 * The plan as it changes, from the command line: a plan built from its sheets (`plan build`), templates for a plan
 * and its changes (`init --for`), a scorecard of the plan in force (`scorecard --plan FILE --amendments --waivers`),
 * and two versions of a plan compared (`plan diff`).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { definePlan, type Scorecard } from "../../src/index.js";
import { readAmendments, readSuccessions, readWaivers } from "../../src/changes.js";
import { SECOND_PLAN_DIR } from "../changes/second-plan.js";
import { run } from "./run-cli.js";

let dir: string;
let planFile: string;
const reports = ["observations.csv", "task-reports.csv"].map((name) => join(SECOND_PLAN_DIR, "reports", name));

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "nq57-plan-changes-"));
  planFile = join(dir, "minh-hoa.json");
  const built = await run("plan", "build", SECOND_PLAN_DIR, "--out", planFile, "--lang", "en");
  expect(built).toMatchObject({ code: 0, stderr: "" });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AMENDMENTS = [
  "amendment,document,issuedOn,signer,effectiveOn,change,task,indicator,deadline,year,target,reason_vi,reason_en",
  "qd-20-2026,20/QĐ-UBND,2026-09-01,Chủ tịch,2026-09-01,target,,CS-1,,2026,≥ 50%,,",
  "qd-20-2026,,,,,cancel,NV-3.2,,,,,Gộp vào NV-3.1,Merged into NV-3.1",
  "qd-5-2027,5/QĐ-UBND,2027-01-05,Chủ tịch,2027-06-01,deadline,NV-2.2,,Tháng 6/2028,,,,",
].join("\n");
const WAIVERS = ["id,task,reason_vi,reason_en,document,approvedOn,expiresOn", "mien-tru-1,NV-1.2,Chờ bố trí vốn,Awaiting funds,7/UBND-VP,2027-01-10,2027-03-15"].join("\n");

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe("nq57 plan build", () => {
  it("builds a plan file from a folder of sheets, which --plan then takes", async () => {
    const plan = definePlan(JSON.parse(readFileSync(planFile, "utf8")));
    expect(plan.id).toBe("minh-hoa");
    expect(plan.milestoneYears).toEqual([2026, 2028, 2030]);
    const shown = await run("plan", "show", planFile, "--lang", "en");
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("milestone years: 2026, 2028, 2030");
  });

  it("names the sheet and line of a bad cell, exit code 2, and writes nothing", async () => {
    const sheets = join(dir, "bad-sheets");
    const init = await run("init", sheets, "--for", "plan");
    expect(init.code).toBe(0);
    writeFileSync(join(sheets, "targets.csv"), "\uFEFFindicator,year,target,level\r\nCS-9,2026,≥ 60%,\r\n");
    const out = join(dir, "bad.json");
    const { code, stderr } = await run("plan", "build", sheets, "--out", out);
    expect(code).toBe(2);
    expect(stderr).toMatch(/targets\.csv:2: .*indicator.*CS-9/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("nq57 init --for plan | changes", () => {
  it("writes a plan's sheets that plan build builds as they stand", async () => {
    const sheets = join(dir, "sheets");
    const { code, stdout } = await run("init", sheets, "--for", "plan", "--lang", "en");
    expect(code).toBe(0);
    expect(stdout).toContain(`nq57 plan build ${sheets} --out plan.json`);
    const built = await run("plan", "build", sheets);
    expect(built.code).toBe(0);
    expect(definePlan(JSON.parse(built.stdout)).milestoneYears).toEqual([2026, 2028, 2030]);
  });

  it("writes amendment, waiver and succession templates made from the plan given, which their readers and the plan accept", async () => {
    const changes = join(dir, "changes");
    const { code, stdout } = await run("init", changes, "--for", "changes", "--plan", planFile, "--lang", "en");
    expect(code).toBe(0);
    expect(stdout).toContain(`nq57 scorecard --plan ${planFile} --data DATA.csv --amendments`);
    const text = (name: string) => readFileSync(join(changes, name), "utf8");
    const amendments = readAmendments("amendments.csv", text("amendments.csv"));
    expect(amendments[0]?.changes[0]).toMatchObject({ change: "deadline", task: "NV-1.1" });
    expect(readWaivers("waivers.csv", text("waivers.csv"))[0]).toMatchObject({ task: "NV-1.1" });
    expect(readSuccessions("successions.csv", text("successions.csv"))).toEqual({ successions: [], agencies: [] });
    const card = await run("scorecard", "--plan", planFile, "--data", ...reports, "--amendments", join(changes, "amendments.csv"), "--waivers", join(changes, "waivers.csv"), "--as-of", "2027-06-30", "--format", "json");
    expect(card.code).toBe(0);
  });
});

describe("nq57 scorecard --amendments --waivers", () => {
  it("scores the plan in force and lists the amendments and waivers, in JSON", async () => {
    const { code, stdout, stderr } = await run(
      "scorecard", "--plan", planFile, "--data", ...reports,
      "--amendments", write("amendments.csv", AMENDMENTS), "--waivers", write("waivers.csv", WAIVERS),
      "--as-of", "2027-02-20", "--format", "json",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const card = JSON.parse(stdout) as Scorecard;
    expect(card.amendments?.applied.map((a) => a.id)).toEqual(["qd-20-2026"]);
    expect(card.amendments?.notYetInForce.map((a) => a.id)).toEqual(["qd-5-2027"]);
    expect(card.waivers?.expiringSoon.map((w) => w.id)).toEqual(["mien-tru-1"]);
    expect(card.rows.find((r) => r.rule === "task.deadline" && r.entity === "NV-1.2")?.status).toBe("exempted");
    expect(card.rows.find((r) => r.rule === "indicator.milestone-met" && r.entity === "CS-1" && r.period === 2026)).toMatchObject({
      verdict: "fail",
      facts: { amendedBy: [{ amendment: "qd-20-2026", fields: ["targets.2026"] }] },
    });
  });

  it("shows them in Markdown: the amendments in force, the waivers expiring within 30 days", async () => {
    const { code, stdout } = await run(
      "scorecard", "--plan", planFile, "--data", ...reports,
      "--amendments", write("amendments.csv", AMENDMENTS), "--waivers", write("waivers.csv", WAIVERS),
      "--as-of", "2027-02-20", "--format", "md", "--lang", "en",
    );
    expect(code).toBe(0);
    expect(stdout).toContain("## Amendments of the plan in force");
    expect(stdout).toContain("## Waivers expiring within 30 days");
    expect(stdout).toMatch(/\| mien-tru-1 \| task NV-1\.2 \|.*\| 2027-03-15 \|/);
  });

  it("refuses an amendments file the plan cannot take with one line naming the file, line, entry and field, exit code 2", async () => {
    const bad = write("bad-amendments.csv", AMENDMENTS.replace("NV-3.2", "NV-9.9"));
    const { code, stdout, stderr } = await run("scorecard", "--plan", planFile, "--data", ...reports, "--amendments", bad, "--as-of", "2027-02-20");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`nq57: ${bad}:3: amendments[0] (qd-20-2026) changes[1].task: unknown task "NV-9.9"\n`);
  });
});

describe("nq57 plan diff", () => {
  it("compares a plan with itself amended, as Markdown and JSON", async () => {
    const amendments = write("amendments.csv", AMENDMENTS);
    const md = await run("plan", "diff", planFile, "--amendments", amendments, "--as-of", "2027-12-31", "--lang", "en");
    expect(md.code).toBe(0);
    expect(md.stdout).toContain("| NV-2.2 | changed | deadline | Tháng 12/2027 (2027-12-31) | Tháng 6/2028 (2028-06-30) |");
    const json = await run("plan", "diff", planFile, "--amendments", amendments, "--as-of", "2027-12-31", "--format", "json");
    const diff = JSON.parse(json.stdout) as { to: { amendments: string[] }; changes: Array<{ id: string }> };
    expect(diff.to.amendments).toEqual(["qd-20-2026", "qd-5-2027"]);
    expect(diff.changes.map((c) => c.id).sort()).toEqual(["CS-1", "NV-2.2", "NV-3.2"]);
  });

  it("compares two plan files", async () => {
    const plan = JSON.parse(readFileSync(planFile, "utf8")) as { tasks: Array<{ id: string; lead: string[] }> };
    plan.tasks.find((t) => t.id === "NV-1.2")!.lead = ["so-noi-vu"];
    const other = write("minh-hoa-2.json", JSON.stringify(plan));
    const { code, stdout } = await run("plan", "diff", planFile, other, "--format", "json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).changes).toEqual([{ kind: "task", id: "NV-1.2", change: "changed", fields: [{ field: "lead", before: ["so-tai-chinh"], after: ["so-noi-vu"] }] }]);
  });

  it("asks for a second plan or amendments when given neither", async () => {
    const { code, stderr } = await run("plan", "diff", planFile);
    expect(code).toBe(2);
    expect(stderr).toMatch(/give a second plan to compare with, or --amendments/);
  });
});

describe("the README's example of a second plan", () => {
  const readme = readFileSync(fileURLToPath(new URL("../../README.md", import.meta.url)), "utf8");
  const section = readme.slice(readme.indexOf("### Any province's plan"));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? "";
  const commands = block.split("\n").filter((line) => line.startsWith("npx nq57 "));

  it("builds the plan, scores it amended and with a waiver, and compares it with itself amended", async () => {
    expect(commands).toHaveLength(3);
    // Run from a folder of its own that sees the repository's fixtures, as the README runs from the repository.
    const cwd = process.cwd();
    const work = join(dir, "readme");
    mkdirSync(work);
    symlinkSync(fileURLToPath(new URL("../../fixtures", import.meta.url)), join(work, "fixtures"), "dir");
    process.chdir(work);
    try {
      const outputs: string[] = [];
      for (const command of commands) {
        const { code, stdout, stderr } = await run(...command.slice("npx nq57 ".length).split(/\s+/));
        expect(stderr, command).toBe("");
        expect(code, command).toBe(0);
        outputs.push(stdout);
      }
      expect(outputs[1]).toContain("# Scorecard of Plan 01/KH-UBND (minh họa), as of 2027-02-20");
      expect(outputs[1]).toContain("## Amendments of the plan in force");
      expect(outputs[1]).toContain("## Waivers expiring within 30 days");
      expect(outputs[1]).toContain("1 exempted (not scored); 1 out of the plan in force (not scored)");
      expect(outputs[2]).toContain("| NV-2.2 | changed | deadline | Tháng 12/2027 (2027-12-31) | Tháng 6/2028 (2028-06-30) |");
    } finally {
      process.chdir(cwd);
    }
  });
});
