import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

/**
 * No date may move with the host's time zone: the plan's dates are Vietnam dates, and an instant given as
 * `asOf` is read as the date it is in Vietnam. Each child process below runs under another TZ (UTC,
 * America/Los_Angeles, 14 or 15 hours behind Vietnam, and Asia/Ho_Chi_Minh) and prints the scorecards it
 * computes; they must be the same bytes. Two of them are taken either side of midnight in Vietnam, when it is
 * still the previous afternoon in Los Angeles and 16:30 or 17:30 UTC.
 */
const run = promisify(execFile);
const ZONES = ["UTC", "America/Los_Angeles", "Asia/Ho_Chi_Minh"] as const;
const root = new URL("../", import.meta.url);
const index = new URL("src/index.ts", root).href;
const report = fileURLToPath(new URL("fixtures/report-2025-2026.json", root));

/** What each child prints: its time zone on the first line, then the scorecards as JSON on the second. */
const CHILD = `
import { readFileSync } from "node:fs";
import { evaluate, plans, readJsonRecords } from ${JSON.stringify(index)};
const plan = plans["haiphong-142"];
const file = ${JSON.stringify(report)};
const taskReports = [{ task: "NQ71-48", status: "in-progress", reportedOn: "15/09/2025" }];
const scorecards = {
  report: await evaluate({ plan, input: readJsonRecords("report-2025-2026.json", readFileSync(file, "utf8"), plan), asOf: "2026-11-26" }),
  beforeMidnight: await evaluate({ plan, taskReports, asOf: new Date("2025-09-30T23:30:00+07:00") }),
  afterMidnight: await evaluate({ plan, taskReports, asOf: new Date("2025-10-01T00:30:00+07:00") }),
};
const instant = new Date("2025-09-30T23:30:00+07:00");
process.stdout.write(JSON.stringify({ offset: instant.getTimezoneOffset(), localDate: instant.getDate(), localHour: instant.getHours() }) + "\\n");
process.stdout.write(JSON.stringify(scorecards) + "\\n");
`;

interface ChildOutput {
  /** How the child's host clock shows 23:30 on 30 September 2025 in Vietnam: minutes behind UTC, day and hour. */
  readonly zone: { offset: number; localDate: number; localHour: number };
  /** The scorecards exactly as printed. */
  readonly scorecards: string;
}

async function scorecardsIn(tz: string): Promise<ChildOutput> {
  const { stdout } = await run(process.execPath, ["--import", "tsx", "--input-type=module", "-e", CHILD], {
    cwd: fileURLToPath(root),
    env: { ...process.env, TZ: tz },
    maxBuffer: 64 * 1024 * 1024,
  });
  const newline = stdout.indexOf("\n");
  return { zone: JSON.parse(stdout.slice(0, newline)) as ChildOutput["zone"], scorecards: stdout.slice(newline + 1) };
}

interface Row {
  readonly rule: string;
  readonly entity: string;
  readonly verdict: string;
  readonly status: string;
  readonly facts: Record<string, unknown>;
}

describe("the scorecard whatever the host's time zone", () => {
  it("is the same bytes under TZ=UTC, America/Los_Angeles and Asia/Ho_Chi_Minh, and NQ71-48 turns overdue at midnight in Vietnam", async () => {
    const outputs = await Promise.all(ZONES.map(scorecardsIn));

    // Each child did run in its zone: 23:30 in Vietnam on 30 September is 16:30 on the 30th in UTC and 09:30 (PDT) in Los Angeles.
    expect(outputs.map((o) => [o.zone.offset, o.zone.localDate, o.zone.localHour])).toEqual([
      [0, 30, 16],
      [420, 30, 9],
      [-420, 30, 23],
    ]);
    const [utc, losAngeles, vietnam] = outputs.map((o) => o.scorecards) as [string, string, string];
    expect(utc.length).toBeGreaterThan(100_000);
    expect(losAngeles === utc, "Los Angeles and UTC give the same bytes").toBe(true);
    expect(vietnam === utc, "Ho Chi Minh City and UTC give the same bytes").toBe(true);

    const scorecards = JSON.parse(utc) as Record<"report" | "beforeMidnight" | "afterMidnight", { asOf: string; rows: Row[]; notes: { note: string }[] }>;
    expect(scorecards.report.asOf).toBe("2026-11-26");
    expect(scorecards.report.rows.length).toBeGreaterThan(100);
    const deadline = (name: "beforeMidnight" | "afterMidnight") => scorecards[name].rows.find((r) => r.rule === "task.deadline" && r.entity === "NQ71-48");
    expect(scorecards.beforeMidnight.asOf).toBe("2025-09-30");
    expect(deadline("beforeMidnight")).toMatchObject({ verdict: "warn", status: "due-soon", facts: { due: "2025-09-30", daysUntilDue: 0, reportedOn: "2025-09-15" } });
    expect(scorecards.afterMidnight.asOf).toBe("2025-10-01");
    expect(deadline("afterMidnight")).toMatchObject({ verdict: "fail", status: "overdue", facts: { due: "2025-09-30", daysUntilDue: -1, reportedOn: "2025-09-15" } });
    // The day/month/year date of the report was read the same way everywhere, and said so.
    expect(scorecards.afterMidnight.notes.map((n) => n.note)).toContain('reportedOn "15/09/2025" is read as 2025-09-15 (day/month/year, the Vietnamese convention)');
  }, 60_000);
});
