import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runCli } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";
import { parseCsv } from "../../src/input/csv.js";

/** A file of the hostile-input corpus, `fixtures/hostile/`. */
export const hostile = (name: string) => fileURLToPath(new URL(`../../fixtures/hostile/${name}`, import.meta.url));

/** The custom rule whose title, status, message and example name carry payloads of every kind. */
export const HOSTILE_RULE = hostile("rules/app.hostile-text.json");

/** The payloads a corpus file gives as localities, one a row, in the order written (its `locality` column). */
export function payloadsOf(name: string): string[] {
  const text = readFileSync(hostile(name), "utf8");
  // The corpus files quote every cell that needs it; parsed as the library parses CSV.
  const rows = parseCsv(text);
  const column = rows[0]!.indexOf("locality");
  return rows.slice(1).flatMap((row) => (row[column] ? [row[column]!] : []));
}

/**
 * Characters no output that may reach a terminal may hold raw: C0 controls but tab, line feed and a carriage return
 * before a line feed, DEL, C1 controls, the Arabic letter mark, LRM and RLM, the line and paragraph separators, and
 * the bidirectional embeddings, overrides and isolates.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
export const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

/** The first character of `text` a terminal would act on, with where it is, or undefined. */
export function terminalUnsafe(text: string): string | undefined {
  const at = TERMINAL_UNSAFE.exec(text);
  return at ? `U+${at[0].charCodeAt(0).toString(16).padStart(4, "0")} at ${at.index}: ${JSON.stringify(text.slice(Math.max(0, at.index - 30), at.index + 30))}` : undefined;
}

/** Whether a spreadsheet would run a cell as a formula (OWASP's list, full-width forms included). */
export function isFormula(cell: string): boolean {
  return /^(?:[\t\r\n\0]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/.test(cell) && cell !== "-" && !/^-?\d+(?:\.\d+)?$/.test(cell);
}

/** Runs the CLI in process, as a pipe would (not a terminal), and gives its exit code and what it wrote. */
export async function cli(argv: readonly string[], io: Partial<CliIo> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), ...io });
  return { code, stdout, stderr };
}
