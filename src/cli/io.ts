import { writeFileSync } from "node:fs";

/** Where a command writes, and what it knows of the terminal: injectable so that tests run the CLI in process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether standard output is a terminal (default output format and colour depend on it). Default `false`. */
  readonly isTTY?: boolean;
  /** Width of the terminal in characters. */
  readonly columns?: number;
  /** Environment variables read by the CLI (`NO_COLOR`). Default: none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  get isTTY() {
    return process.stdout.isTTY === true;
  },
  get columns() {
    return process.stdout.columns;
  },
  env: process.env,
};

/** Whether output to standard output may be coloured: a terminal, and `NO_COLOR` not set (https://no-color.org). */
export function colorAllowed(io: CliIo): boolean {
  const noColor = io.env?.NO_COLOR;
  return io.isTTY === true && (noColor === undefined || noColor === "");
}

/** Writes a command's result to `--out FILE` or to standard output. */
export function emit(io: CliIo, text: string, out: string | undefined): void {
  if (!out) {
    io.stdout(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new UsageError(`${out}: cannot write the file (${errorCode(error)})`);
  }
}

/** A mistake in how the CLI was called or in its input: reported as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Why a file could not be read or written, in words: `no such file`, `a directory`, or Node's code. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR") return "a folder on the path is a file";
  return typeof code === "string" ? code : error instanceof Error ? error.message : String(error);
}
