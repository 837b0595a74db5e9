import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { exitCodeFor } from "../../src/cli/scorecard-commands.js";
import { Decimal, standardRules, type Scorecard } from "../../src/index.js";
import ExcelJS from "exceljs";
import { readCsv } from "../render/csv-reader.js";
import { officeParts, paragraphs } from "../render/office-reader.js";

interface Terminal {
  isTTY?: boolean;
  columns?: number;
  env?: Record<string, string | undefined>;
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, "g");

async function run(argv: string[], terminal: Terminal = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), ...terminal });
  return { code, stdout, stderr };
}

/** A folder of files a user could have sent: observations and task reports as CSV and as JSON. */
function dataDir(): { dir: string; file: (name: string) => string } {
  const dir = mkdtempSync(join(tmpdir(), "nq57-scorecard-"));
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  write("observations.csv", "\uFEFFindicator,period,value,locality\r\nPL2-1,2025,62.5,\r\nPL2-1,2025,48,Kiến Thụy\r\nPL2-22,2025,310,\r\n");
  write("task-reports.csv", "task,status,period,reportedOn,completedOn\nT-1.2,completed,2025,2025-12-20,2025-12-15\nT-2.3,completed,,2026-11-20,2026-11-15\n");
  write("bad-row.csv", "indicator,period,value\nPL2-1,2026,70\nPL2-22,2026,ba trăm\n");
  write("report.json", JSON.stringify({ taskReports: [{ task: "T-2.1", status: "completed", reportedOn: "2025-07-01", completedOn: "2025-06-25" }] }));
  return { dir, file: (name) => join(dir, name) };
}

const { dir, file } = dataDir();
const base = ["scorecard", "--plan", "haiphong-142", "--data", file("observations.csv"), file("task-reports.csv"), "--data", file("report.json"), "--as-of", "2026-11-26"];

/** A copy of a standard rule file under another id, as an app would add its own. */
function customRule(id: string, change: (json: Record<string, unknown>) => void = () => {}): string {
  const json = structuredClone(standardRules.find((r) => r.file === "rules/task.deadline.json")!.json) as Record<string, unknown>;
  json.id = id;
  delete json.$schema;
  change(json);
  return JSON.stringify(json, null, 2);
}

describe("nq57 scorecard", () => {
  it("prints the scorecard as JSON when standard output is not a terminal", async () => {
    const { code, stdout, stderr } = await run(base);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const scorecard = JSON.parse(stdout) as Scorecard;
    expect(scorecard.asOf).toBe("2026-11-26");
    expect(scorecard.plan).toEqual({ id: "haiphong-142", number: "142/KH-UBND" });
    expect(scorecard.input.observations).toEqual({ given: 3, accepted: 3, rejected: 0 });
    expect(scorecard.input.taskReports).toEqual({ given: 3, accepted: 3, rejected: 0 });
    expect(scorecard.rows.find((r) => r.rule === "task.deadline" && r.entity === "T-2.1")).toMatchObject({ verdict: "pass", status: "completed" });
  });

  it("prints the table on a terminal, coloured unless NO_COLOR is set", async () => {
    const tty = await run([...base, "--lang", "en"], { isTTY: true, columns: 120, env: {} });
    expect(tty.code).toBe(0);
    expect(tty.stdout.split("\n")[0]).toBe("Scorecard of Plan 142/KH-UBND — as of 2026-11-26");
    expect(tty.stdout).toContain("\x1b[31m✗\x1b[0m");
    expect(Math.max(...tty.stdout.split("\n").map((l) => [...l.replace(ANSI, "")].length))).toBeLessThanOrEqual(120);
    const noColor = await run(base, { isTTY: true, env: { NO_COLOR: "1" } });
    expect(noColor.stdout.split("\n")[0]).toBe("Bảng đánh giá thực hiện Kế hoạch 142/KH-UBND — tính đến ngày 26/11/2026");
    expect(noColor.stdout).not.toContain("\x1b");
    const piped = await run([...base, "--format", "table"], { isTTY: false, env: {} });
    expect(piped.stdout).not.toContain("\x1b");
  });

  it("gives a band on any data with --min-coverage 0, a provisional score without it, and refuses a share outside 0-1", async () => {
    const json = async (...extra: string[]) => JSON.parse((await run([...base, "--format", "json", ...extra])).stdout) as Scorecard;
    const strict = await json();
    expect(strict.summary.overall.provisional).toBe(true);
    expect(strict.minCoverage).toBe("0.5");
    const any = await json("--min-coverage", "0");
    expect(any.summary.overall.provisional).toBe(false);
    expect(any.minCoverage).toBe("0");
    const wrong = await run([...base, "--min-coverage", "50%"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--min-coverage "50%" is not a share from 0 to 1; write it as a decimal, e.g. 0.5');
  });

  it("counts a missing figure as no data when --param says so, and refuses another reading by name", async () => {
    const lenient = JSON.parse((await run([...base, "--format", "json", "--param", "indicator.milestone-met.whenMissing=no-data"])).stdout) as Scorecard;
    expect(lenient.rows.find((r) => r.rule === "indicator.milestone-met" && r.entity === "PL2-3")?.verdict).toBe("no-data");
    const wrong = await run([...base, "--param", "indicator.milestone-met.whenMissing=skip"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("whenMissing must be not-met or no-data");
  });

  it("writes JSON, Markdown and CSV that agree with each other: the same rows, the same overall score", async () => {
    const json = JSON.parse((await run([...base, "--format", "json"])).stdout) as Scorecard;
    const md = (await run([...base, "--format", "md", "--lang", "en"])).stdout;
    const csv = (await run([...base, "--format", "csv"])).stdout;

    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [header, ...rows] = readCsv(csv.slice(1));
    expect(rows).toHaveLength(json.rows.length);
    // The overall score is the weighted mean of the city's scored rows: the CSV carries what it takes to recompute it.
    const col = (name: string) => header!.indexOf(name);
    const scored = rows.filter(
      (r) => r[col("score")] !== "" && r[col("benchmark")] !== "true" && !new Decimal(r[col("weight")]!).isZero() && ["pass", "warn", "fail"].includes(r[col("verdict")]!),
    );
    const weights = scored.reduce((s, r) => s.plus(r[col("weight")]!), new Decimal(0));
    const mean = scored.reduce((s, r) => s.plus(new Decimal(r[col("weight")]!).times(r[col("score")]!)), new Decimal(0)).div(weights);
    expect(mean.toFixed(4)).toBe(json.summary.overall.score);

    const percent = new Decimal(json.summary.overall.score!).times(100).toDecimalPlaces(1);
    expect(md).toContain(`- Score: **${percent.isInteger() ? percent.toFixed(0) : percent.toFixed(1)}%** `);
    const byRule = md.slice(md.indexOf("## Rows by rule"));
    const rowLines = byRule.split("\n").filter((l) => /^\| (?!Id \||---)/.test(l));
    expect(rowLines).toHaveLength(json.rows.length);
  });

  it("writes to --out, and prints nothing else", async () => {
    const out = join(dir, "scorecard.md");
    const { code, stdout } = await run([...base, "--format", "md", "--out", out], { isTTY: true });
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^# Bảng đánh giá thực hiện Kế hoạch 142\/KH-UBND/);
    const json = join(dir, "scorecard.json");
    await run([...base, "--out", json], { isTTY: true });
    expect(JSON.parse(readFileSync(json, "utf8")).asOf).toBe("2026-11-26");
  });

  it("writes the report to the People's Committee (docx) and the workbook (xlsx) to --out, in the language asked", async () => {
    const docx = join(dir, "bao-cao.docx");
    const written = await run([...base, "--format", "docx", "--out", docx, "--lang", "en"], { isTTY: true });
    expect(written).toMatchObject({ code: 0, stdout: "" });
    const text = paragraphs(officeParts(readFileSync(docx))["word/document.xml"]!);
    expect(text).toContain("REPORT");
    expect(text).toContain("Results of carrying out Plan No. 142/KH-UBND as of 2026-11-26");
    const xlsx = join(dir, "bang-danh-gia.xlsx");
    expect(await run([...base, "--format", "xlsx", "--out", xlsx])).toMatchObject({ code: 0, stdout: "" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Tổng hợp", "Cơ quan", "Tình hình báo cáo", "Nhiệm vụ", "Chỉ tiêu", "Kiểm tra số liệu", "Bản ghi bị loại"]);
    const json = JSON.parse((await run([...base, "--format", "json"])).stdout) as Scorecard;
    expect(workbook.getWorksheet("Tổng hợp")!.getRow(5).getCell(4).value).toBe(Number(json.summary.overall.score));
  });

  it("counts rejected records on standard error and keeps them in the JSON", async () => {
    const { code, stdout, stderr } = await run(["scorecard", "--data", file("bad-row.csv"), "--as-of", "2026-11-26", "--lang", "en"]);
    expect(code).toBe(0);
    expect(stderr).toBe("1 record rejected; see rejected[] in the JSON\n");
    const scorecard = JSON.parse(stdout) as Scorecard;
    expect(scorecard.rejected).toMatchObject([{ kind: "observation", source: { file: file("bad-row.csv"), line: 3 }, field: "value" }]);
    expect(scorecard.input.observations).toEqual({ given: 2, accepted: 1, rejected: 1 });
    const md = await run(["scorecard", "--data", file("bad-row.csv"), "--as-of", "2026-11-26", "--format", "md", "--lang", "en"]);
    expect(md.stderr).toBe("1 record rejected; see rejected[] in the JSON (--format json), or run nq57 validate\n");
    // In Vietnamese by default, as the output is.
    const vi = await run(["scorecard", "--data", file("bad-row.csv"), "--as-of", "2026-11-26", "--format", "md"]);
    expect(vi.stderr).toBe("1 bản ghi bị loại; xem rejected[] trong JSON (--format json), hoặc chạy nq57 validate --lang vi\n");
  });

  it("overrides a rule parameter with --param, typed as the parameter's default", async () => {
    const dueSoon = (s: Scorecard) => s.rows.filter((r) => r.rule === "task.deadline" && r.status === "due-soon").length;
    const standard = JSON.parse((await run(base)).stdout) as Scorecard;
    const none = JSON.parse((await run([...base, "--param", "task.deadline.dueSoonDays=0"])).stdout) as Scorecard;
    expect(dueSoon(standard)).toBeGreaterThan(0);
    expect(dueSoon(none)).toBe(0);
    const late = JSON.parse((await run([...base, "--param", "task.deadline.lateScore=0.25", "--param", "task.deadline.dueSoonDays=0"])).stdout) as Scorecard;
    expect(dueSoon(late)).toBe(0);
  });

  it("adds an app's rule files with --rules", async () => {
    const rulesDir = mkdtempSync(join(tmpdir(), "nq57-rules-"));
    writeFileSync(join(rulesDir, "app.task-deadline.json"), customRule("app.task-deadline"));
    const { code, stdout } = await run([...base, "--rules", rulesDir, "--param", "app.task-deadline.dueSoonDays=0"]);
    expect(code).toBe(0);
    const scorecard = JSON.parse(stdout) as Scorecard;
    expect(scorecard.rulesVersion).toMatch(/\+custom$/);
    expect(scorecard.rules.map((r) => r.id)).toContain("app.task-deadline");
    expect(scorecard.rows.filter((r) => r.rule === "app.task-deadline").length).toBe(scorecard.rows.filter((r) => r.rule === "task.deadline").length);
  });

  it.each([
    [["pass", "not-applicable"], 0, 0],
    [["pass", "warn"], 0, 1],
    [["warn", "fail"], 1, 1],
  ] as const)("with rows %j exits %i on --fail-on fail and %i on --fail-on warn", (verdicts, onFail, onWarn) => {
    const scorecard = { rows: verdicts.map((verdict) => ({ verdict })) } as unknown as Scorecard;
    expect(exitCodeFor(scorecard, undefined)).toBe(0);
    expect(exitCodeFor(scorecard, "fail")).toBe(onFail);
    expect(exitCodeFor(scorecard, "warn")).toBe(onWarn);
  });

  it("exits 1 with --fail-on fail when a row fails, and with --fail-on warn when one warns", async () => {
    expect((await run(base)).code).toBe(0);
    expect((await run([...base, "--fail-on", "fail"])).code).toBe(1);
    expect((await run([...base, "--fail-on", "warn"])).code).toBe(1);
    const { code, stdout } = await run([...base, "--fail-on", "fail"]);
    expect(code).toBe(1);
    expect((JSON.parse(stdout) as Scorecard).rows.some((r) => r.verdict === "fail")).toBe(true);
  });

  it.each([
    ["an unknown plan", ["scorecard", "--plan", "hanoi-1", "--data", file("report.json")], /^nq57: unknown plan "hanoi-1"; give the id of a plan shipped with the library \(haiphong-142\) or a plan file \(\.json\)\n$/],
    ["a missing file", ["scorecard", "--data", join(dir, "missing.csv")], /^nq57: .*missing\.csv: cannot read the file \(no such file\)\n$/],
    ["a data file of another kind", ["scorecard", "--data", join(dir, "notes.txt")], /^nq57: .*notes\.txt: unknown kind of data file; give a \.json or a \.csv file\n$/],
    ["a date that does not exist", [...base.slice(0, -1), "2026-02-30"], /^nq57: --as-of "2026-02-30" is not a date; write it as YYYY-MM-DD, e.g\. 2026-11-26\n$/],
    ["a date not written YYYY-MM-DD", [...base.slice(0, -1), "26/11/2026"], /^nq57: --as-of "26\/11\/2026" is not a date/],
    ["an unknown rule in --param", [...base, "--param", "task.dedline.dueSoonDays=14"], /^nq57: --param "task\.dedline\.dueSoonDays=14": no rule "task\.dedline" is loaded; known rules: indicator\.milestone-met, /],
    ["an unknown parameter", [...base, "--param", "task.deadline.soon=14"], /^nq57: --param "task\.deadline\.soon=14": rule task\.deadline has no parameter "soon"; its parameters: dueSoonDays, lateScore\n$/],
    ["a parameter of the wrong type", [...base, "--param", "task.deadline.dueSoonDays=two"], /^nq57: --param "task\.deadline\.dueSoonDays=two": task\.deadline\.dueSoonDays is a number, not "two"\n$/],
    ["a --param without a value", [...base, "--param", "task.deadline.dueSoonDays"], /^nq57: --param "task\.deadline\.dueSoonDays": write it as RULE\.PARAMETER=VALUE/],
    ["an unknown format", [...base, "--format", "xml"], /error: option '--format <format>' argument 'xml' is invalid/],
    ["a Word report without --out", [...base, "--format", "docx"], /^nq57: --format docx writes a file: give --out FILE, e\.g\. --out report\.docx\n$/],
    ["a workbook without --out", [...base, "--format", "xlsx"], /^nq57: --format xlsx writes a file: give --out FILE, e\.g\. --out report\.xlsx\n$/],
    ["no --data", ["scorecard", "--as-of", "2026-11-26"], /error: required option '--data <files\.\.\.>' not specified/],
  ])("answers %s with one line and exit code 2", async (_what, argv, message) => {
    const { code, stdout, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("names the file and line of a rule file that is not JSON, and shows the stack only with --debug", async () => {
    const bad = join(mkdtempSync(join(tmpdir(), "nq57-rules-")), "broken.json");
    writeFileSync(bad, '{\n  "id": "app.x",\n  oops\n}');
    const { code, stderr } = await run([...base, "--rules", bad]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^nq57: .*broken\.json: not valid JSON \(line 3\): /);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    const debug = await run([...base, "--rules", bad, "--debug"]);
    expect(debug.stderr.split("\n").length).toBeGreaterThan(2);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it("has help with examples", async () => {
    const { code, stdout } = await run(["scorecard", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("$ nq57 scorecard --plan haiphong-142 --data report.json --as-of 2026-11-26 --format md");
    expect(stdout).toContain("--fail-on <verdict>");
  });
});

describe("nq57 validate", () => {
  it("prints accepted and rejected counts per file and exits 0 when nothing is rejected", async () => {
    const { code, stdout } = await run(["validate", "--plan", "haiphong-142", "--data", file("observations.csv"), file("task-reports.csv"), file("report.json"), "--lang", "en"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${file("observations.csv")}: 3 accepted, 0 rejected\n`);
    expect(stdout).toContain(`${file("task-reports.csv")}: 2 accepted, 0 rejected\n`);
    expect(stdout).toContain(`${file("report.json")}: 1 accepted, 0 rejected\n`);
    expect(stdout).toContain("3 files: 6 accepted, 0 rejected\n");
    const vi = await run(["validate", "--data", file("observations.csv")]);
    expect(vi.stdout).toContain(`${file("observations.csv")}: 3 bản ghi được nhận, 0 bị loại\n`);
  });

  it("prints each rejected record as file:line: field: reason and exits 1, a finding", async () => {
    const { code, stdout } = await run(["validate", "--data", file("bad-row.csv"), "--lang", "en"]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file("bad-row.csv")}: 1 accepted, 1 rejected\n`);
    expect(stdout).toMatch(new RegExp(`^${escape(file("bad-row.csv"))}:3: value: .*ba trăm`, "m"));
  });

  it("finds the same figure given in two files", async () => {
    writeFileSync(file("repeated.csv"), "indicator,period,value\nPL2-22,2025,310\n");
    const { code, stdout } = await run(["validate", "--data", file("observations.csv"), "--data", file("repeated.csv"), "--lang", "en"]);
    expect(code).toBe(1);
    expect(stdout).toContain(`${file("repeated.csv")}: 0 accepted, 1 rejected\n`);
    expect(stdout).toContain(`${file("repeated.csv")}:2: value: duplicate of the record at ${file("observations.csv")}:4`);
  });

  it("answers a missing file with one line and exit code 2", async () => {
    const { code, stderr } = await run(["validate", "--data", join(dir, "nope.json")]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^nq57: .*nope\.json: cannot read the file \(no such file\)\n$/);
  });
});

describe("nq57 rules", () => {
  it("lists the standard rules: id, severity, weight, title", async () => {
    const en = await run(["rules", "list", "--lang", "en"]);
    expect(en.code).toBe(0);
    const lines = en.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(standardRules.length + 1);
    expect(lines.find((l) => l.startsWith("task.deadline "))).toMatch(/^task\.deadline +high +2 +Task done by its deadline$/);
    const vi = await run(["rules", "list"]);
    expect(vi.stdout).toMatch(/^task\.deadline +cao +2 +Hoàn thành nhiệm vụ đúng hạn$/m);
  });

  it("shows a rule: metadata, parameters with defaults, clause, cases in order with their outcome, examples", async () => {
    const { code, stdout } = await run(["rules", "show", "task.deadline", "--lang", "en"]);
    expect(code).toBe(0);
    expect(stdout.split("\n")[0]).toBe("task.deadline: Task done by its deadline");
    expect(stdout).toContain("Severity: high · Weight: 2 · Applies to: task · Fact set: taskDeadline");
    expect(stdout).toContain("  dueSoonDays = 30  How many days before its deadline a task is due soon");
    expect(stdout).toContain('  lateScore = "0.5"  The score of a task done late');
    expect(stdout).toContain("Appendix 3 (deadline column) and Appendix 4 (time frame column); section D.3");
    const cases = [...stdout.matchAll(/^ {2}(\d+)\. ([a-z-]+): when /gm)].map((m) => m[2]);
    expect(cases).toEqual([
      "recurring",
      "referenced",
      "no-deadline",
      "done-on-time",
      "done-late",
      "overdue-cancellation-unapproved",
      "overdue-reported-cancellation-unapproved",
      "overdue-due-before-signing",
      "overdue-unreported",
      "overdue",
      "cancellation-unapproved",
      "due-soon",
      "in-progress",
      "not-started",
      "not-due",
    ]);
    expect(stdout).toContain('4. done-on-time: when reportStatus equal "completed" and completedOn dateOnOrBefore {due}');
    expect(stdout).toContain("→ warn / completed-late, score {lateScore}");
    expect(stdout).toContain("→ warn / due-soon (not scored)");
    expect(stdout).toContain("15. not-due: when always");
    expect(stdout).toContain("  - Due 9/2025, done on 1 October 2025: late");
    expect(stdout).toContain("→ expect: warn / completed-late, score 0.5");
    expect((await run(["rules", "show", "task.deadline"])).stdout).toContain("Mức độ: cao · Trọng số: 2");
  });

  it("answers an unknown rule id with one line and exit code 2", async () => {
    const { code, stderr } = await run(["rules", "show", "task.dedline"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^nq57: unknown rule "task\.dedline"; known rules: indicator\.milestone-met, .*\n$/);
  });

  it("tests an app's rule files: PASS per example, exit 0", async () => {
    const rulesDir = mkdtempSync(join(tmpdir(), "nq57-rules-"));
    writeFileSync(join(rulesDir, "app.task-deadline.json"), customRule("app.task-deadline"));
    const { code, stdout } = await run(["rules", "test", rulesDir]);
    expect(code).toBe(0);
    const examples = (standardRules.find((r) => r.file === "rules/task.deadline.json")!.json as { examples: unknown[] }).examples.length;
    expect(stdout.split("\n").filter((l) => l.startsWith("PASS app.task-deadline: "))).toHaveLength(examples);
    expect(stdout).toContain(`${examples} examples in 1 file: ${examples} passed, 0 failed`);
  });

  it("reports a failing example as FAIL with what was expected and exits 1", async () => {
    const rulesDir = mkdtempSync(join(tmpdir(), "nq57-rules-"));
    const ruleFile = join(rulesDir, "app.wrong.json");
    writeFileSync(
      ruleFile,
      customRule("app.wrong", (json) => {
        (json.examples as { expect: { verdict: string } }[])[0]!.expect.verdict = "fail";
      }),
    );
    const { code, stdout } = await run(["rules", "test", ruleFile, "rules/task.deadline.json"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL app\.wrong: Due 9\/2025, done on 30 September 2025 \(.*app\.wrong\.json\): expected fail\/completed score 1, got pass\/completed score 1$/m);
    expect(stdout).toMatch(/^PASS task\.deadline: /m);
    expect(stdout).toMatch(/: \d+ passed, 1 failed\n$/);
  });

  it("answers an invalid rule file with the RuleFileError's message and exit code 2", async () => {
    const ruleFile = join(mkdtempSync(join(tmpdir(), "nq57-rules-")), "app.bad.json");
    writeFileSync(
      ruleFile,
      customRule("app.bad", (json) => {
        (json.cases as { conditions: { all: { fact: string }[] } }[])[3]!.conditions.all[0]!.fact = "reportState";
      }),
    );
    const { code, stdout, stderr } = await run(["rules", "test", ruleFile]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^nq57: .*app\.bad\.json at cases\[3\]\.conditions\.all\[0\]\.fact: unknown fact "reportState" for fact set taskDeadline; known facts: /);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("answers duplicate rule ids and missing paths with exit code 2", async () => {
    expect((await run(["rules", "test", "rules/task.deadline.json", "rules/task.deadline.json"])).stderr).toMatch(/duplicate rule id "task\.deadline"/);
    expect(await run(["rules", "test", join(dir, "no-rules")])).toMatchObject({ code: 2, stderr: expect.stringMatching(/no-rules: cannot read \(no such file\)\n$/) });
  });

  it("verifies the standard rules' examples in the compiled path and in json-rules-engine: SAME for each, exit 0", async () => {
    const { code, stdout } = await run(["rules", "verify"]);
    expect(code).toBe(0);
    const examples = standardRules.reduce((n, r) => n + (r.json as { examples: unknown[] }).examples.length, 0);
    expect(stdout.split("\n").filter((l) => l.startsWith("SAME "))).toHaveLength(examples);
    expect(stdout).toContain(`${examples} examples in ${standardRules.length} files run in the compiled path and in json-rules-engine: ${examples} the same, 0 different`);
  });

  it("reports an example the two decide otherwise as DIFF, with what each did, and exits 1", async () => {
    const ruleFile = join(mkdtempSync(join(tmpdir(), "nq57-rules-")), "app.float.json");
    const base = structuredClone(standardRules.find((r) => r.file === "rules/observation.not-negative.json")!.json) as Record<string, unknown>;
    const rule = {
      ...base,
      id: "app.float",
      statuses: {},
      cases: [
        { name: "small", conditions: { all: [{ fact: "value", operator: "lessThanInclusive", value: 0.3 }] }, event: { type: "outcome", params: { verdict: "fail", status: "small", message: { vi: "x", en: "x" } } } },
        { name: "else", conditions: { all: [] }, event: { type: "outcome", params: { verdict: "pass", status: "ok", message: { vi: "x", en: "x" } } } },
      ],
      examples: [
        { name: "A tenth", facts: { value: "0.1" }, expect: { verdict: "fail", status: "small" } },
        { name: "Just above 0.3", facts: { value: "0.30000000000000001" }, expect: { verdict: "pass", status: "ok" } },
      ],
    };
    writeFileSync(ruleFile, JSON.stringify(rule));
    const { code, stdout } = await run(["rules", "verify", ruleFile]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^SAME app\.float: A tenth \(case 1 small\)$/m);
    expect(stdout).toMatch(/^DIFF app\.float: Just above 0\.3 \(.*app\.float\.json\): compiled error: .*binary float 0\.3.*; json-rules-engine case 1 small$/m);
    expect(stdout).toContain("2 examples in 1 file run in the compiled path and in json-rules-engine: 1 the same, 1 different");
  });

  it.each([["list"], ["show"], ["test"], ["verify"]])("has help with examples (rules %s)", async (command) => {
    const { code, stdout } = await run(["rules", command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain(`$ nq57 rules ${command}`);
  });
});

describe("nq57 demo", () => {
  it("prints the scorecard of the bundled data as of 2026-11-26", async () => {
    const { code, stdout } = await run(["demo", "--lang", "en"]);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Illustrative figures made up for the demo; not official data.");
    expect(lines[2]).toBe("Scorecard of Plan 142/KH-UBND — as of 2026-11-26");
    expect(lines[3]).toMatch(/^Score: \d+(\.\d)?% (· |\(provisional\))/);
    expect(stdout).toContain("By lead agency");
    expect(stdout).not.toContain("\x1b");
  });

  it("is the same as nq57 scorecard on fixtures/report-2025-2026.json", async () => {
    const demo = await run(["demo"]);
    const scorecard = await run(["scorecard", "--data", "fixtures/report-2025-2026.json", "--as-of", "2026-11-26", "--format", "table"]);
    expect(demo.stdout).toBe(`Số liệu minh họa, tự đặt ra để chạy thử; không phải số liệu chính thức.\n\n${scorecard.stdout}`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
