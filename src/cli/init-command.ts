import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DefinedPlan } from "../model/define-plan.js";
import type { Table } from "../model/tables.js";
import { AMENDMENT_COLUMNS, SUCCESSION_COLUMNS, WAIVER_COLUMNS } from "../input/plan-change-files.js";
import { PLAN_SHEETS, type PlanSheet } from "../input/plan-sheets.js";
import { formatCsv } from "../render/csv.js";
import { checkOutFile, errorCode, UsageError, type CliIo } from "./io.js";
import { DEFAULT_PLAN } from "./plan-files.js";
import type { Lang } from "../model/text.js";

/** What `nq57 init` writes templates for: what agencies report, a plan's spreadsheets, or a plan's changes. */
export const INIT_KINDS = ["reports", "plan", "changes"] as const;
export type InitKind = (typeof INIT_KINDS)[number];

/**
 * The CSV templates `nq57 init` writes, by file name: the columns their reader reads, in the order a clerk fills them
 * in, and example rows that the plan (and the readers) accept as they stand, made from the plan's own data.
 */
export function initTemplates(kind: InitKind, plan: DefinedPlan): Record<string, Table> {
  switch (kind) {
    case "reports":
      return reportTemplates(plan);
    case "plan":
      return planTemplates();
    case "changes":
      return changeTemplates(plan);
  }
}

/** An observation of the plan's earliest milestone, at its target, and a report of its first annual task (or first dated one). */
function reportTemplates(plan: DefinedPlan): Record<string, Table> {
  const years = plan.indicators.flatMap((x) => x.targets.filter((t) => t.value !== undefined || t.min !== undefined).map((t) => t.year));
  const year = years.length > 0 ? Math.min(...years) : Number(plan.document.issuedOn.slice(0, 4));
  const indicator = plan.indicators.find((x) => x.targets.some((t) => t.year === year && (t.value !== undefined || t.min !== undefined)));
  const target = indicator?.targets.find((t) => t.year === year);
  const period = Number(plan.document.issuedOn.slice(0, 4));
  const task =
    plan.tasks.find((t) => plan.childrenOf(t.id).length === 0 && (t.deadline?.kind === "annual" || t.deadline?.kind === "fromYear")) ??
    plan.tasks.find((t) => plan.childrenOf(t.id).length === 0 && t.deadline?.due !== undefined) ??
    plan.tasks[0];
  return {
    "observations.csv": {
      columns: [...OBSERVATION_COLUMNS],
      rows: indicator
        ? [[indicator.id, String(year), target?.value ?? target?.min ?? "", "", "", plan.agency(indicator.lead[0] ?? "")?.name.vi ?? "", `${year + 1}-01-15`]]
        : [],
    },
    "task-reports.csv": {
      columns: [...TASK_REPORT_COLUMNS],
      rows: task ? [[task.id, "completed", String(period), `${period}-12-20`, `${period}-12-15`, `Báo cáo kết quả thực hiện năm ${period}`]] : [],
    },
  };
}

const OBSERVATION_COLUMNS = ["indicator", "period", "value", "met", "locality", "source", "reportedOn"] as const;
const TASK_REPORT_COLUMNS = ["task", "status", "period", "reportedOn", "completedOn", "evidence"] as const;

/** Example rows of a plan's sheets that `nq57 plan build` builds as they stand: a plan of one task and one indicator. */
const PLAN_EXAMPLE: Readonly<Record<PlanSheet, readonly (readonly string[])[]>> = {
  "plan.csv": [["ke-hoach-mau", "01/KH-UBND", "Ủy ban nhân dân tỉnh", "Provincial People's Committee", "2026-01-15", "Kế hoạch thực hiện Nghị quyết 57-NQ/TW", "Plan implementing Resolution 57-NQ/TW", "57-NQ/TW", "", "2026;2028;2030"]],
  "parts.csv": [["II", "II. Nhiệm vụ, giải pháp", "II. Tasks and solutions"]],
  "agencies.csv": [["so-khoa-hoc-va-cong-nghe", "Sở Khoa học và Công nghệ", "Department of Science and Technology", "department", "Sở KH&CN"]],
  "groups.csv": [["CT-1", "Chương trình 1: Hạ tầng số", "Programme 1: digital infrastructure", "", "", "", "II", "3"]],
  "tasks.csv": [["NV-1.1", "CT-1", "", "Phủ sóng cáp quang đến mọi thôn", "Bring fibre to every village", "Sở Khoa học và Công nghệ", "", "Báo cáo kết quả", "Report of results", "Tháng 12/2026", "", "II", "4"]],
  "indicators.csv": [["CS-1", "CT-1", "", "Tỷ lệ hộ gia đình có kết nối cáp quang", "Share of households with a fibre connection", "%", "%", "percent", "increase", "Sở Khoa học và Công nghệ", "", "", "", "II", "6"]],
  "targets.csv": [["CS-1", "2026", "≥ 60%", ""], ["CS-1", "2028", "≥ 80%", "locality"], ["CS-1", "2030", "100%", "locality"]],
  "data-notes.csv": [],
  "successions.csv": [],
};

function planTemplates(): Record<string, Table> {
  return Object.fromEntries(
    (Object.keys(PLAN_SHEETS) as PlanSheet[]).map((name) => [name, { columns: PLAN_SHEETS[name], rows: PLAN_EXAMPLE[name] }]),
  );
}

/** An amendment moving the plan's first dated task's deadline, a waiver of it, and the successions' header. */
function changeTemplates(plan: DefinedPlan): Record<string, Table> {
  const year = Number(plan.document.issuedOn.slice(0, 4)) + 1;
  const task = plan.tasks.find((t) => plan.childrenOf(t.id).length === 0 && t.deadline?.due !== undefined) ?? plan.tasks[0];
  const row = (columns: readonly string[], cells: Readonly<Record<string, string>>) => columns.map((c) => cells[c] ?? "");
  return {
    "amendments.csv": {
      columns: AMENDMENT_COLUMNS,
      rows: task
        ? [row(AMENDMENT_COLUMNS, { amendment: `qd-1-${year}`, document: `1/QĐ-UBND`, title_vi: "Quyết định điều chỉnh kế hoạch", issuedOn: `${year}-03-01`, signer: "Chủ tịch", effectiveOn: `${year}-03-01`, change: "deadline", task: task.id, deadline: `Tháng 12/${year}` })]
        : [],
    },
    "waivers.csv": {
      columns: WAIVER_COLUMNS,
      rows: task
        ? [row(WAIVER_COLUMNS, { id: `mien-tru-1-${year}`, task: task.id, reason_vi: "Chờ bố trí kinh phí", reason_en: "Awaiting funds", document: `2/UBND-VP`, approvedOn: `${year}-02-01`, expiresOn: `${year}-12-31` })]
        : [],
    },
    "successions.csv": { columns: SUCCESSION_COLUMNS, rows: [] },
  };
}

/** The text of a template: UTF-8 with a byte order mark (so that Excel shows Vietnamese), CRLF line endings. */
export function templateText(table: Table): string {
  return formatCsv(table);
}

/** The options of `nq57 init`, as commander parses them. */
export interface InitCommandOptions {
  readonly force?: boolean;
  readonly lang: Lang;
  /** What to write templates for; default `reports`. */
  readonly for?: InitKind;
  /** The plan as given (`--plan`): repeated in the command the message suggests when it is not the default. */
  readonly plan?: string;
}

const WORDS = {
  vi: {
    wrote: (dir: string, n: number) => `Đã tạo ${n} mẫu trong ${dir === "." ? "thư mục hiện tại" : dir}:`,
    observations: "số liệu chỉ tiêu: indicator, period, value hoặc met, locality, source, reportedOn",
    taskReports: "tình hình thực hiện nhiệm vụ: task, status, period, reportedOn, completedOn, evidence",
    next: "Thay dòng ví dụ của mỗi tệp bằng số liệu của đơn vị, giữ nguyên dòng tiêu đề, lưu dạng CSV UTF-8, rồi kiểm tra:",
    plan: "các bảng của kế hoạch (cột theo dòng tiêu đề; plan build đọc cả thư mục)",
    planNext: "Thay các dòng ví dụ bằng nội dung kế hoạch, giữ nguyên dòng tiêu đề, lưu dạng CSV UTF-8, rồi dựng kế hoạch:",
    changes: {
      "amendments.csv": "văn bản sửa đổi kế hoạch: mỗi dòng một thay đổi",
      "waivers.csv": "miễn trừ được phê duyệt: mỗi dòng một miễn trừ",
      "successions.csv": "cơ quan kế nhiệm: mỗi dòng một cơ quan được kế nhiệm",
    } as Record<string, string>,
    changesNext: "Thay dòng ví dụ bằng văn bản của đơn vị, giữ nguyên dòng tiêu đề, lưu dạng CSV UTF-8, rồi chấm điểm:",
    exists: (files: readonly string[]) => `${files.join(" và ")} đã có; không ghi tệp nào (thêm --force để ghi đè)`,
  },
  en: {
    wrote: (dir: string, n: number) => `Wrote ${n} templates to ${dir === "." ? "the current folder" : dir}:`,
    observations: "figures of indicators: indicator, period, value or met, locality, source, reportedOn",
    taskReports: "where tasks stand: task, status, period, reportedOn, completedOn, evidence",
    next: "Replace the example row of each file with your own, keep the header row, save as CSV UTF-8, then check them:",
    plan: "the plan's sheets (columns as their header rows say; plan build reads the whole folder)",
    planNext: "Replace the example rows with the plan's content, keep the header rows, save as CSV UTF-8, then build the plan:",
    changes: {
      "amendments.csv": "decisions amending the plan: one change a row",
      "waivers.csv": "approved exemptions: one waiver a row",
      "successions.csv": "agencies succeeding others: one succession a row",
    } as Record<string, string>,
    changesNext: "Replace the example rows with your documents, keep the header rows, save as CSV UTF-8, then score with them:",
    exists: (files: readonly string[]) => `${files.join(" and ")} already exist${files.length > 1 ? "" : "s"}; nothing was written (use --force to overwrite)`,
  },
} as const;

/**
 * `nq57 init [DIR]`: writes `observations.csv` and `task-reports.csv` to DIR (made if missing) for an agency to
 * fill in. Refuses, writing nothing, when either file exists, unless `force`. Returns the exit code.
 */
export function initCommand(io: CliIo, dir: string, options: InitCommandOptions, plan: DefinedPlan): number {
  const w = WORDS[options.lang];
  const kind = options.for ?? "reports";
  const templates = initTemplates(kind, plan);
  const names = Object.keys(templates);
  const paths = names.map((name) => join(dir, name));
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`${dir}: not a folder`);
  for (const path of paths) checkOutFile(path, "a template is written as a file");
  const existing = paths.filter((path) => existsSync(path));
  if (existing.length > 0 && !options.force) throw new UsageError(w.exists(existing));
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new UsageError(`${dir}: cannot create the folder (${errorCode(error)})`);
  }
  names.forEach((name, i) => {
    const path = paths[i]!;
    try {
      // Without --force, "wx" still refuses a file that appeared since the check above.
      writeFileSync(path, templateText(templates[name]!), { flag: options.force ? "w" : "wx" });
    } catch (error) {
      throw new UsageError(`${path}: cannot write the file (${errorCode(error)})`);
    }
  });
  const width = Math.max(...paths.map((p) => p.length));
  const planArg = options.plan !== undefined && options.plan !== DEFAULT_PLAN ? ` --plan ${shellWord(options.plan)}` : "";
  const lines =
    kind === "reports"
      ? [`  ${paths[0]!.padEnd(width)}  ${w.observations}`, `  ${paths[1]!.padEnd(width)}  ${w.taskReports}`, w.next, `  nq57 validate${planArg} --data ${paths.map(shellWord).join(" ")}`]
      : kind === "plan"
        ? [`  ${paths.join(", ")}`, `    ${w.plan}`, w.planNext, `  nq57 plan build ${shellWord(dir)} --out plan.json`]
        : [
            ...names.map((name, i) => `  ${paths[i]!.padEnd(width)}  ${w.changes[name] ?? ""}`),
            w.changesNext,
            `  nq57 scorecard${planArg} --data DATA.csv --amendments ${shellWord(paths[0]!)} --waivers ${shellWord(paths[1]!)} --successions ${shellWord(paths[2]!)}`,
          ];
  io.stdout([w.wrote(dir, names.length), ...lines, ""].join("\n"));
  return 0;
}

/** A path as one shell word: quoted when it holds anything but plain characters. */
function shellWord(path: string): string {
  return /^[\w./:@%+=,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
