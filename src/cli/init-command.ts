import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Table } from "../model/tables.js";
import { formatCsv } from "../render/csv.js";
import { checkOutFile, errorCode, UsageError, type CliIo } from "./io.js";
import type { Lang } from "../model/text.js";

/**
 * The CSV templates `nq57 init` writes, by file name: the columns `readCsvRecords` reads, in the order a clerk
 * fills them in, and one example row each that the plan accepts as it stands.
 */
export const INIT_TEMPLATES: Readonly<Record<"observations.csv" | "task-reports.csv", Table>> = {
  "observations.csv": {
    columns: ["indicator", "period", "value", "met", "locality", "source", "reportedOn"],
    rows: [["PL2-1", "2025", "62", "", "Phường Lê Chân", "Sở Khoa học và Công nghệ", "2026-01-15"]],
  },
  "task-reports.csv": {
    columns: ["task", "status", "period", "reportedOn", "completedOn", "evidence"],
    rows: [["T-1.2", "completed", "2025", "2025-12-20", "2025-12-15", "Báo cáo kết quả thực hiện năm 2025"]],
  },
};

/** The text of a template: UTF-8 with a byte order mark (so that Excel shows Vietnamese), CRLF line endings. */
export function templateText(name: keyof typeof INIT_TEMPLATES): string {
  return formatCsv(INIT_TEMPLATES[name]);
}

/** The options of `nq57 init`, as commander parses them. */
export interface InitCommandOptions {
  readonly force?: boolean;
  readonly lang: Lang;
}

const WORDS = {
  vi: {
    wrote: (dir: string) => `Đã tạo 2 mẫu báo cáo trong ${dir === "." ? "thư mục hiện tại" : dir}:`,
    observations: "số liệu chỉ tiêu: indicator, period, value hoặc met, locality, source, reportedOn",
    taskReports: "tình hình thực hiện nhiệm vụ: task, status, period, reportedOn, completedOn, evidence",
    next: "Thay dòng ví dụ của mỗi tệp bằng số liệu của đơn vị, giữ nguyên dòng tiêu đề, lưu dạng CSV UTF-8, rồi kiểm tra:",
    exists: (files: readonly string[]) => `${files.join(" và ")} đã có; không ghi tệp nào (thêm --force để ghi đè)`,
  },
  en: {
    wrote: (dir: string) => `Wrote 2 templates to ${dir === "." ? "the current folder" : dir}:`,
    observations: "figures of indicators: indicator, period, value or met, locality, source, reportedOn",
    taskReports: "where tasks stand: task, status, period, reportedOn, completedOn, evidence",
    next: "Replace the example row of each file with your own, keep the header row, save as CSV UTF-8, then check them:",
    exists: (files: readonly string[]) => `${files.join(" and ")} already exist${files.length > 1 ? "" : "s"}; nothing was written (use --force to overwrite)`,
  },
} as const;

/**
 * `nq57 init [DIR]`: writes `observations.csv` and `task-reports.csv` to DIR (made if missing) for an agency to
 * fill in. Refuses, writing nothing, when either file exists, unless `force`. Returns the exit code.
 */
export function initCommand(io: CliIo, dir: string, options: InitCommandOptions): number {
  const w = WORDS[options.lang];
  const names = Object.keys(INIT_TEMPLATES) as (keyof typeof INIT_TEMPLATES)[];
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
      writeFileSync(path, templateText(name), { flag: options.force ? "w" : "wx" });
    } catch (error) {
      throw new UsageError(`${path}: cannot write the file (${errorCode(error)})`);
    }
  });
  const width = Math.max(...paths.map((p) => p.length));
  io.stdout(
    [
      w.wrote(dir),
      `  ${paths[0]!.padEnd(width)}  ${w.observations}`,
      `  ${paths[1]!.padEnd(width)}  ${w.taskReports}`,
      w.next,
      `  nq57 validate --data ${paths.map(shellWord).join(" ")}`,
      "",
    ].join("\n"),
  );
  return 0;
}

/** A path as one shell word: quoted when it holds anything but plain characters. */
function shellWord(path: string): string {
  return /^[\w./:@%+=,-]+$/.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
