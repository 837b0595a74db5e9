/**
 * Bad amendments, waivers and successions files: every one refused with the file, line, entry and field, every
 * reading accepted as documented, and each listed in docs/reliability.md ("Plan changes: refusals and readings").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, PlanFileError } from "../../src/index.js";
import { formatFileIssue } from "../../src/errors.js";
import { planInForce, readAmendments, readSuccessions, readWaivers } from "../../src/changes.js";
import { secondPlan } from "../changes/second-plan.js";

const reliability = readFileSync(new URL("../../docs/reliability.md", import.meta.url), "utf8");
// Table cells escape their pipes.
const section = reliability.slice(reliability.indexOf("## Plan changes: refusals and readings"), reliability.indexOf("## Limits")).replaceAll("\\|", "|");

const HEAD = "amendment,document,issuedOn,signer,effectiveOn,change,task,indicator,deadline,lead,year,target,until";
const amendmentsCsv = (...rows: string[]) => [HEAD, ...rows].join("\n");
const ROW = "qd-20-2026,20/QĐ-UBND,2026-09-01,Chủ tịch,2026-09-01";
const json = (...changes: object[]) =>
  JSON.stringify({ amendments: [{ id: "qd-20-2026", document: "20/QĐ-UBND", issuedOn: "2026-09-01", signer: "Chủ tịch", effectiveOn: "2026-09-01", changes }] }, null, 2);
const inForce = (file: string, text: string) => planInForce(secondPlan, "2027-01-01", { amendments: readAmendments(file, text) });
const WAIVER_HEAD = "id,agency,task,indicator,periods,reason_vi,document,approvedOn,expiresOn";
const waivers = (...rows: string[]) => [WAIVER_HEAD, ...rows].join("\n");
const scoreWaivers = (text: string) => evaluate({ plan: secondPlan, asOf: "2027-02-01", waivers: readWaivers("waivers.csv", text) });
const successions = (...rows: string[]) => ["predecessor,successor,from,document,successor_name_vi,successor_name_en", ...rows].join("\n");
const succeed = (text: string) => planInForce(secondPlan, "2027-01-01", readSuccessions("successions.csv", text));

/** Each refusal: what is given, and the one line it is refused with (`file:line: entry field: message`). */
const REFUSALS: Array<[string, () => unknown, string]> = [
  ["an unknown task", () => inForce("amendments.csv", amendmentsCsv(`${ROW},cancel,NV-9.9,,,,,,`)), 'amendments.csv:2: amendments[0] (qd-20-2026) changes[0].task: unknown task "NV-9.9"'],
  ["an unknown indicator", () => inForce("amendments.csv", amendmentsCsv(`${ROW},withdraw,,CS-99,,,,,`)), 'amendments.csv:2: amendments[0] (qd-20-2026) changes[0].indicator: unknown indicator "CS-99"'],
  [
    "an unknown agency",
    () => inForce("amendments.csv", amendmentsCsv(`${ROW},lead,NV-1.1,,,Sở Không Có,,,`)),
    'amendments.csv:2: amendments[0] (qd-20-2026) changes[0].lead[0]: unknown agency "Sở Không Có"; give an agency\'s id or a name of the plan',
  ],
  [
    "two amendments changing one field of one entity on the same day",
    () => inForce("amendments.csv", amendmentsCsv(`${ROW},deadline,NV-1.1,,Tháng 6/2028,,,,`, `qd-21-2026,21/QĐ-UBND,2026-09-01,Chủ tịch,2026-09-01,deadline,NV-1.1,,Tháng 7/2028,,,,`)),
    "amendments.csv:3: amendments[1] (qd-21-2026) changes[0].deadline: changes deadline of NV-1.1 on 2026-09-01, as amendments[0] (qd-20-2026) does on the same day: which one holds is unclear",
  ],
  [
    "one amendment changing one field twice",
    () => inForce("amendments.csv", amendmentsCsv(`${ROW},deadline,NV-1.1,,Tháng 6/2028,,,,`, "qd-20-2026,,,,,deadline,NV-1.1,,Tháng 7/2028,,,,")),
    "amendments.csv:3: amendments[0] (qd-20-2026) changes[1].deadline: changes deadline of NV-1.1 a second time (changes[0] does too); give one change",
  ],
  [
    "an effective date before the plan's",
    () => inForce("amendments.csv", amendmentsCsv("qd-20-2025,20/QĐ-UBND,2025-09-01,Chủ tịch,2025-09-01,cancel,NV-1.1,,,,,,")),
    "amendments.csv:2: amendments[0] (qd-20-2025) effectiveOn: takes effect on 2025-09-01, before the plan itself (01/KH-UBND (minh họa), signed 2026-01-15)",
  ],
  [
    "an id given twice",
    () => inForce("a.json", JSON.stringify({ amendments: [JSON.parse(json({ change: "cancel", task: "NV-1.1" })).amendments[0], JSON.parse(json({ change: "cancel", task: "NV-1.2" })).amendments[0]] }, null, 2)),
    `a.json:16: amendments[1] (qd-20-2026) id: id "qd-20-2026" is also amendments[0]'s; give each amendment its own id`,
  ],
  ["a task added under an id the plan has", () => inForce("a.json", json({ change: "addTask", task: { id: "NV-1.1", group: "CT-1", title: { vi: "x", en: "x" }, lead: ["so-noi-vu"] } })), 'a.json:3: amendments[0] (qd-20-2026) changes[0].task.id: "NV-1.1" is already an id of the plan'],
  ["a lead change naming a task and an indicator", () => inForce("a.json", json({ change: "lead", task: "NV-1.1", indicator: "CS-1", lead: ["so-noi-vu"] })), "a.json:3: amendments[0] (qd-20-2026) changes[0].indicator: name exactly one of task and indicator"],
  ["a suspension ending before it starts", () => inForce("amendments.csv", amendmentsCsv(`${ROW},suspend,NV-1.1,,,,,,2026-08-01`)), "amendments.csv:2: amendments[0] (qd-20-2026) changes[0].until: the suspension ends (2026-08-01) before it starts (2026-09-01)"],
  ["a deadline cell that cannot be read", () => inForce("amendments.csv", amendmentsCsv(`${ROW},deadline,NV-1.1,,sớm nhất có thể,,,,`)), 'amendments.csv:2: amendments[0] (qd-20-2026) changes[0].deadline: '],
  ["a change of no known kind", () => readAmendments("amendments.csv", amendmentsCsv(`${ROW},move,NV-1.1,,,,,,`)), "amendments.csv:2: amendment qd-20-2026 change: Invalid discriminator value. Expected 'deadline' | 'lead' | 'coordinating' | 'cancel' | 'suspend' | 'resume' | 'addTask' | 'target' | 'addIndicator' | 'withdraw'"],
  ["a date not written YYYY-MM-DD", () => readAmendments("amendments.csv", amendmentsCsv("qd-20-2026,20/QĐ-UBND,01/09/2026,Chủ tịch,2026-09-01,cancel,NV-1.1,,,,,,")), "amendments.csv:2: amendment qd-20-2026 issuedOn: not a date written as YYYY-MM-DD, e.g. 2026-09-01"],
  ["a year not in four digits", () => readAmendments("amendments.csv", amendmentsCsv(`${ROW},target,,CS-1,,,năm 2026,≥ 50%,`)), "amendments.csv:2: amendment qd-20-2026 year: not a year written in four digits, e.g. 2026"],
  ["a row without the amendment's id", () => readAmendments("amendments.csv", amendmentsCsv(",20/QĐ-UBND,2026-09-01,Chủ tịch,2026-09-01,cancel,NV-1.1,,,,,,")), "amendments.csv:2: amendment: give the amendment's id on every row, e.g. qd-215-2026"],
  [
    "a later row of an amendment giving another document",
    () => readAmendments("amendments.csv", amendmentsCsv(`${ROW},cancel,NV-1.1,,,,,,`, "qd-20-2026,21/QĐ-UBND,,,,cancel,NV-1.2,,,,,,")),
    'amendments.csv:3: amendment qd-20-2026 document: "21/QĐ-UBND" differs from "20/QĐ-UBND" given on an earlier row of the same amendment',
  ],
  ["an id not in kebab-case", () => readAmendments("a.json", json({ change: "cancel", task: "NV-1.1" }).replace('"qd-20-2026"', '"QĐ 20"')), "a.json:3: amendments[0] (QĐ 20) id: must be ASCII kebab-case, e.g. qd-215-2026"],
  ["a key the format does not have", () => readAmendments("a.json", json({ change: "cancel", task: "NV-1.1", why: "x" })), 'a.json:3: amendments[0] (qd-20-2026) changes[0]: Unrecognized key: "why"'],
  ["an amendment without changes", () => readAmendments("a.json", json()), "a.json:3: amendments[0] (qd-20-2026) changes: Too small: expected array to have >=1 items"],
  ["a JSON key given twice", () => readAmendments("a.json", '{"amendments": [],\n"amendments": []}'), 'a.json:2: amendments: the key "amendments" is given twice in one object (lines 1 and 2): JSON keeps only the last, so which one is meant is unclear; give it once'],
  ["a JSON file without the list", () => readAmendments("a.json", "[]"), 'a.json: the file must be an object with a "amendments" list'],
  ["text that is not JSON", () => readAmendments("a.json", '{"amendments": [}'), "a.json: not valid JSON: "],
  ["an empty CSV file", () => readAmendments("amendments.csv", ""), "amendments.csv: the file is empty; it needs a header row: amendment,document,"],
  ["a column the format does not have", () => readAmendments("amendments.csv", `${HEAD},ghi chu\n${ROW},cancel,NV-1.1,,,,,,,`), 'amendments.csv:1: ghi chu: unknown column "ghi chu"; the columns are amendment, document,'],
  ["a waiver of no subject", () => readWaivers("waivers.csv", waivers("mien-tru-1,,,,,Chờ vốn,7/UBND-VP,2027-01-10,2027-03-15")), "waivers.csv:2: waivers[0] (mien-tru-1) agency: name exactly one of agency, task and indicator"],
  ["a waiver of two subjects", () => readWaivers("waivers.csv", waivers("mien-tru-1,,NV-1.1,CS-1,,Chờ vốn,7/UBND-VP,2027-01-10,2027-03-15")), "waivers.csv:2: waivers[0] (mien-tru-1) indicator: name exactly one of agency, task and indicator, not task and indicator"],
  ["a waiver expiring the day it starts or before", () => readWaivers("waivers.csv", waivers("mien-tru-1,,NV-1.1,,,Chờ vốn,7/UBND-VP,2027-01-10,2027-01-10")), "waivers.csv:2: waivers[0] (mien-tru-1) expiresOn: expires on 2027-01-10, not after it starts (2027-01-10)"],
  ["a waiver without a reason", () => readWaivers("waivers.csv", waivers("mien-tru-1,,NV-1.1,,,,7/UBND-VP,2027-01-10,2027-03-15")), "waivers.csv:2: waivers[0] (mien-tru-1) reason: missing"],
  ["a waiver of an unknown task", () => scoreWaivers(waivers("mien-tru-1,,NV-9.1,,,Chờ vốn,7/UBND-VP,2027-01-10,2027-03-15")), 'waivers.csv:2: waivers[0] (mien-tru-1) task: unknown task "NV-9.1"'],
  ["a waiver of an unknown agency", () => scoreWaivers(waivers("mien-tru-1,so-x,,,,Chờ vốn,7/UBND-VP,2027-01-10,2027-03-15")), 'waivers.csv:2: waivers[0] (mien-tru-1) agency: unknown agency "so-x"'],
  [
    "two waivers with one id",
    () => scoreWaivers(waivers("mien-tru-1,,NV-1.1,,,Chờ vốn,7/UBND-VP,2027-01-10,2027-03-15", "mien-tru-1,,NV-1.2,,,Chờ vốn,7/UBND-VP,2027-01-10,2027-03-15")),
    `waivers.csv:3: waivers[1] (mien-tru-1) id: id "mien-tru-1" is also waivers[0]'s; give each waiver its own id`,
  ],
  [
    "a succession from or to an agency no one names",
    () => succeed(successions("so-tai-chinh,so-y,2026-07-01,12/QĐ-UBND,,")),
    'successions.csv:2: successions[0] successor: unknown agency "so-y": give an agency\'s id, and the successor as an agency when the plan does not name it',
  ],
  ["an agency succeeded twice", () => succeed(successions("so-tai-chinh,so-noi-vu,2026-07-01,12/QĐ-UBND,,", "so-tai-chinh,so-khoa-hoc-va-cong-nghe,2026-08-01,13/QĐ-UBND,,")), "successions.csv:3: successions[1] predecessor: so-tai-chinh already has a successor, so-noi-vu"],
  ["successions in a circle", () => succeed(successions("so-tai-chinh,so-noi-vu,2026-07-01,12/QĐ-UBND,,", "so-noi-vu,so-tai-chinh,2026-07-01,13/QĐ-UBND,,")), "successions successor: the successions make a circle: so-tai-chinh → so-noi-vu → so-tai-chinh"],
  ["a new successor named in Vietnamese only", () => succeed(successions("so-tai-chinh,so-tai-chinh-ke-hoach,2026-07-01,12/QĐ-UBND,Sở Tài chính - Kế hoạch,")), "successions.csv:2: successions[0] successor_name_en: give the successor's English name beside its Vietnamese one"],
];

/** The line a call is refused with. */
async function refusedWith(call: () => unknown): Promise<string> {
  try {
    await call();
  } catch (error) {
    if (!(error instanceof PlanFileError)) throw error;
    return formatFileIssue(error.issues[0]!);
  }
  return "accepted";
}

describe("plan-change files refused", () => {
  it.each(REFUSALS)("%s", async (_what, call, expected) => {
    const line = await refusedWith(call);
    expect(line.startsWith(expected), `${line}\n  does not start with\n${expected}`).toBe(true);
  });

  it("lists every refusal in docs/reliability.md, with its message", async () => {
    expect(section.length).toBeGreaterThan(100);
    for (const [what, call] of REFUSALS) {
      let message = "";
      try {
        await call();
      } catch (error) {
        // JSON.parse's own words differ between Node versions: the docs quote what comes before them.
        message = (error as PlanFileError).issues[0]!.message.replace(/^(not valid JSON: ).*/, "$1").slice(0, 60);
      }
      expect(section, `${what}: "${message}"`).toContain(message);
    }
  });
});

describe("plan-change files: readings accepted", () => {
  it("reads agencies by id or by a name or alias of the plan, and a cell naming several", () => {
    const { plan } = inForce("amendments.csv", amendmentsCsv(`${ROW},lead,NV-1.1,,,"Sở KH&CN, so-noi-vu",,,`));
    expect(plan.task("NV-1.1")?.lead).toEqual(["so-khoa-hoc-va-cong-nghe", "so-noi-vu"]);
  });

  it("reads deadline and target cells as a plan's cells are read, a text target as qualitative", () => {
    const { plan } = inForce("amendments.csv", amendmentsCsv(`${ROW},deadline,NV-1.1,,Tháng 12/2027,,,,`, `qd-20-2026,,,,,target,,CS-2,,,2026,đạt mức khá,`));
    expect(plan.task("NV-1.1")?.deadline?.due).toBe("2027-12-31");
    expect(plan.indicator("CS-2")?.targets.find((t) => t.year === 2026)).toMatchObject({ raw: "đạt mức khá", kind: "qualitative" });
  });

  it("reads the amendment's own cells from its first row, empty or repeated on the others, and a byte order mark", () => {
    const [a] = readAmendments("amendments.csv", `\uFEFF${amendmentsCsv(`${ROW},cancel,NV-1.1,,,,,,`, `${ROW},cancel,NV-1.2,,,,,,`, "qd-20-2026,,,,,cancel,NV-2.1,,,,,,")}`);
    expect(a?.changes.map((c) => ("task" in c ? c.task : ""))).toEqual(["NV-1.1", "NV-1.2", "NV-2.1"]);
  });

  it("reads a waiver's years separated by semicolons", () => {
    const [w] = readWaivers("waivers.csv", waivers("mien-tru-1,,NV-1.1,,2026; 2027,Chờ vốn,7/UBND-VP,2027-01-10,2027-03-15"));
    expect(w?.periods).toEqual([2026, 2027]);
  });

  it("lists the readings in docs/reliability.md", () => {
    for (const phrase of ["Sở KH&CN, so-noi-vu", "Tháng 12/2027", "qualitative", "2026; 2027", "first row"]) expect(section).toContain(phrase);
  });
});
