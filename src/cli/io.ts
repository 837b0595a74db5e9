import { closeSync, openSync, statSync, write, writeFileSync, type Stats } from "node:fs";
import { Nq57Error } from "../errors.js";
import { inPieces } from "../render/pieces.js";
import { terminalPieces, terminalText } from "../safe-text.js";

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
  /** Whether standard error is a terminal: a progress bar is drawn there only then. Default `false`. */
  readonly stderrIsTTY?: boolean;
  /**
   * Resolves once standard output has passed on what it was given. A writer of a long text waits for it between
   * batches, so that a pipe to a slower program (`| gzip`) does not gather the whole text in memory. Default: no wait.
   */
  drained?(): Promise<void>;
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
  get stderrIsTTY() {
    return process.stderr.isTTY === true;
  },
  env: process.env,
  drained: () => {
    const out = process.stdout;
    if (!out.writableNeedDrain) return Promise.resolve();
    // Also on close or error: a reader that went away (`| head`) never drains the pipe.
    return new Promise((resolve) => {
      const done = () => {
        out.off("drain", done).off("close", done).off("error", done);
        resolve();
      };
      out.on("drain", done).on("close", done).on("error", done);
    });
  },
};

/** Whether output to standard output may be coloured: a terminal, and `NO_COLOR` not set (https://no-color.org). */
export function colorAllowed(io: CliIo): boolean {
  const noColor = io.env?.NO_COLOR;
  return io.isTTY === true && (noColor === undefined || noColor === "");
}

/**
 * Writes a command's result to `--out FILE`, as it is, or to standard output, which may be a terminal: there, control
 * characters and bidirectional overrides from data are written as escapes that show (see `terminalText`).
 */
export function emit(io: CliIo, text: string, out: string | undefined): void {
  if (!out) {
    io.stdout(terminalText(text));
    return;
  }
  checkOutFile(out);
  try {
    writeFileSync(out, text);
  } catch (error) {
    throw new UsageError(`${out}: cannot write the file (${errorCode(error)})`);
  }
}

/** Writes a binary result (a Word or Excel file) to `--out FILE`; such a file is never written to standard output. */
export function emitBytes(bytes: Uint8Array, out: string): void {
  checkOutFile(out);
  try {
    writeFileSync(out, bytes);
  } catch (error) {
    throw new UsageError(`${out}: cannot write the file (${errorCode(error)})`);
  }
}

/** Characters gathered before they are written: about a megabyte. */
const BATCH_CHARS = 1 << 20;

/**
 * Writes text given in pieces to `--out FILE` or to standard output, a megabyte or so at a time. To a file, each
 * piece is encoded as UTF-8 straight into one of two reused buffers, the other being written meanwhile: no piece
 * is copied into a larger string, and memory stays at a few megabytes however long the text. To standard output,
 * each batch waits until the one before has been passed on ({@link CliIo.drained}), for the same reason, and has its
 * control characters and bidirectional overrides written as escapes that show, unless `terminal` says the text is
 * already made for a terminal (the table, whose colours are escape codes). A file that cannot be opened or written
 * (a full disk) is a {@link UsageError} naming it.
 */
export async function emitPieces(io: CliIo, pieces: Iterable<string>, out: string | undefined, options: { readonly terminal?: boolean } = {}): Promise<void> {
  if (!out) {
    const batches = inPieces(pieces);
    for (const batch of options.terminal ? batches : terminalPieces(batches)) {
      io.stdout(batch);
      await io.drained?.();
    }
    return;
  }
  checkOutFile(out);
  let fd: number;
  try {
    fd = openSync(out, "w");
  } catch (error) {
    throw new UsageError(`${out}: cannot write the file (${errorCode(error)})`);
  }
  // Two buffers: one is written to the file on a worker thread of Node's pool while the other is filled, so that
  // writing a large file costs little more than encoding it.
  let writing: Promise<void> = Promise.resolve();
  try {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8, so a piece of n characters fits in 3n bytes.
    let buffer = Buffer.allocUnsafe(4 * BATCH_CHARS);
    let spare = Buffer.allocUnsafe(4 * BATCH_CHARS);
    let used = 0;
    const flush = async () => {
      await writing;
      const full = buffer;
      writing = writeFully(fd, full, used).catch((error: unknown) => {
        throw new UsageError(`${out}: cannot write the file (${errorCode(error)})`);
      });
      buffer = spare;
      spare = full;
      used = 0;
    };
    for (const piece of pieces) {
      if (used + 3 * piece.length > buffer.length) {
        await flush();
        if (3 * piece.length > buffer.length) buffer = Buffer.allocUnsafe(3 * piece.length);
      }
      used += buffer.write(piece, used);
    }
    await flush();
  } finally {
    // The last write ends (or fails) before the file is closed.
    await writing.finally(() => closeSync(fd));
  }
}

/** Writes `length` bytes of a buffer at the file's position, however many calls the system takes. */
async function writeFully(fd: number, buffer: Buffer, length: number): Promise<void> {
  for (let done = 0; done < length; ) done += await new Promise<number>((resolve, reject) => write(fd, buffer, done, length - done, null, (error, n) => (error ? reject(error) : resolve(n))));
}

/**
 * The exit codes of every command, one meaning each:
 * - 0 `success`: done, and nothing found that was asked about;
 * - 1 `findings`: done, and the check found what it looks for (a row that fails with `--fail-on`, a rejected record
 *   in `validate`, an example that fails in `rules test`);
 * - 2 `usage`: not done, because of how the command was called or what it was given (an unknown option, a file that
 *   is missing, unreadable or not a regular file, a rule file that is not valid, a template that exists);
 * - 3 `unexpected`: not done, because of an error the CLI did not expect (a bug: run again with `--debug`).
 */
export const EXIT = { success: 0, findings: 1, usage: 2, unexpected: 3 } as const;

/** The exit codes in one line for a command's help, with what a finding is for that command. */
export function exitCodesHelp(findings: string | undefined): string {
  return `Exit codes: 0 done${findings ? `; 1 ${findings}` : ""}; 2 bad input or usage (a file missing, unreadable or not a regular file, an invalid rule file); 3 unexpected error.`;
}

/** What a path is, in words, when it is not a regular file; undefined for a regular file. */
export function notAFile(stat: Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a named pipe (FIFO)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

/**
 * Checks that `--out FILE` can be written without harm: a directory, a named pipe (which would wait for a reader),
 * a socket or a block device is refused; a regular file, a new one, or a terminal or `/dev/null` is written.
 */
export function checkOutFile(file: string, why = "--out writes a file (pipe standard output instead)"): void {
  let stat: Stats;
  try {
    stat = statSync(file);
  } catch {
    return; // Not there yet: it is made, or opening it says why not.
  }
  if (stat.isFile() || stat.isCharacterDevice()) return;
  throw new UsageError(`${file}: ${notAFile(stat)}; ${why}`);
}

/** A mistake in how the CLI was called or in its input (an unreadable file, a bad rule file): reported as one line, exit code 2. */
export class UsageError extends Nq57Error {
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

/** Inputs at least this large get a progress bar: below it, reading takes no more than a moment. */
const PROGRESS_FROM_BYTES = 8 * 1024 * 1024;

/**
 * A progress bar on standard error for reading large inputs, redrawn at most ten times a second; nothing when
 * standard error is not a terminal or the input is small. Returns the update function and one to clear it.
 */
export function progressBar(io: CliIo, label: string): { update(done: number, total: number): void; end(): void } {
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      if (!io.stderrIsTTY || total < PROGRESS_FROM_BYTES) return;
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      const share = Math.min(1, done / total);
      const width = 30;
      const filled = Math.round(share * width);
      io.stderr(`\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${Math.round(share * 100)}% (${Math.round(done / 1048576)} / ${Math.round(total / 1048576)} MB)`);
    },
    end() {
      if (shown) io.stderr("\r\u001b[2K");
    },
  };
}
