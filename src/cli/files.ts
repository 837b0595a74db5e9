import { closeSync, constants, createReadStream, fstatSync, openSync, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { DefinedPlan } from "../model/define-plan.js";
import { createInputAccumulator } from "../input/accumulate.js";
import { readCsvStream } from "../input/read-csv.js";
import { MAX_INPUT_CHARS } from "../input/file-text.js";
import { readJsonRecords } from "../input/read-json.js";
import type { ReadInput } from "../model/records.js";
import { RuleFileError } from "../rules/errors.js";
import { RULE_LIMITS, type RuleSource } from "../rules/load.js";
import { ruleSourceFromText } from "../rules/rule-text.js";
import { errorCode, notAFile, UsageError } from "./io.js";

/**
 * Opens a file to read, refusing (a {@link UsageError}) anything but a regular file before a byte is read: a named
 * pipe would wait for a writer for ever, `/dev/zero` never ends, a directory or a socket is no file. The file is
 * opened without waiting (a pipe opens at once) and its kind read from what was opened, so that nothing can swap it
 * in between. A file that cannot be opened (missing, unreadable) is a UsageError naming it and why.
 */
export function openRegularFile(file: string, what: string): { readonly fd: number; readonly size: number } {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // A socket cannot be opened at all: say what it is rather than the system's code.
    let kind: string | undefined;
    try {
      kind = notAFile(statSync(file));
    } catch {
      kind = undefined;
    }
    throw new UsageError(kind ? `${file}: ${kind}, not a file; give a ${what}` : `${file}: cannot read the file (${errorCode(error)})`);
  }
  const stat = fstatSync(fd);
  const kind = notAFile(stat);
  if (kind) {
    closeSync(fd);
    throw new UsageError(`${file}: ${kind}, not a file; give a ${what}`);
  }
  return { fd, size: stat.size };
}

const DATA_FILE = "data file (.json or .csv)";
const RULE_FILE = "rule file (.json) or a folder of them";

/**
 * Reads every data file into one input, so that duplicates across files are found: CSV files as streams (a
 * file of any size, a chunk at a time), JSON files whole. Every file is checked to be a regular file that can be
 * read before any is read; a JSON file too large to read whole is rejected without being read.
 */
export async function readDataFiles(files: readonly string[], plan: DefinedPlan, onProgress?: (bytes: number, total: number) => void): Promise<ReadInput> {
  if (files.length === 0) throw new UsageError("no data file given; use --data FILE (.json or .csv)");
  const opened: { file: string; fd: number; size: number }[] = [];
  try {
    for (const file of files) {
      const ext = extname(file).toLowerCase();
      if (ext !== ".json" && ext !== ".csv") throw new UsageError(`${file}: unknown kind of data file; give a .json or a .csv file`);
      opened.push({ file, ...openRegularFile(file, DATA_FILE) });
    }
  } catch (error) {
    for (const { fd } of opened) closeSync(fd);
    throw error;
  }
  const total = opened.reduce((a, b) => a + b.size, 0);
  let read = 0;
  const accumulator = createInputAccumulator(plan);
  // Each file is closed once read; those not reached when one fails are closed at the end.
  let next = 0;
  try {
    for (; next < opened.length; next++) await readOne(next);
  } finally {
    for (const { fd } of opened.slice(next + 1)) closeSync(fd);
  }
  return accumulator.finish();

  async function readOne(i: number): Promise<void> {
    const { file, fd, size } = opened[i]!;
    if (extname(file).toLowerCase() === ".json") {
      // A UTF-8 character takes at most three bytes per UTF-16 unit: a file larger than that cannot be within the limit.
      if (size > 3 * MAX_INPUT_CHARS) {
        closeSync(fd);
        accumulator.addRejected({ kind: "file", source: { file }, reason: tooLargeReason(size) }, "none");
      } else accumulator.addInput(readJsonRecords(file, readOpened(file, fd), plan));
    } else {
      // Bytes, not text: the reader decodes only the rows it cannot read from their bytes.
      const stream = createReadStream("", { fd, highWaterMark: 1 << 20 });
      const counted = async function* () {
        try {
          for await (const chunk of stream as AsyncIterable<Buffer>) {
            read += chunk.length;
            onProgress?.(read, total);
            yield chunk;
          }
        } catch (error) {
          throw new UsageError(`${file}: cannot read the file (${errorCode(error)})`);
        }
      };
      try {
        await readCsvStream(file, counted(), plan, accumulator);
      } finally {
        stream.destroy();
      }
    }
    read = opened.slice(0, i + 1).reduce((a, b) => a + b.size, 0);
    onProgress?.(read, total);
  }
}

/** Reads a scorecard's JSON file as text, refusing what is not a regular file. */
export function readScorecardText(file: string): string {
  const { fd } = openRegularFile(file, "scorecard written by nq57 scorecard --format json");
  return readOpened(file, fd);
}

/** Reads and closes a file opened by {@link openRegularFile}. */
function readOpened(file: string, fd: number): string {
  try {
    return readFileSync(fd, "utf8");
  } catch (error) {
    throw new UsageError(`${file}: cannot read the file (${errorCode(error)})`);
  } finally {
    closeSync(fd);
  }
}

function tooLargeReason(bytes: number): string {
  return `the file holds ${bytes.toLocaleString("en")} bytes, more than the ${MAX_INPUT_CHARS.toLocaleString("en")} characters (about 10 MB) a JSON data file may hold: split it into smaller files, e.g. one per year, or give the records as CSV, which is read as a stream; nothing in the file was read`;
}

/** The `.json` files a list of files and folders names: a folder's own `.json` files in name order. */
export function jsonFilesOf(paths: readonly string[]): string[] {
  return paths.flatMap((path) => {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      throw new UsageError(`${path}: cannot read (${errorCode(error)})`);
    }
    let entries: string[] = [];
    if (isDirectory)
      try {
        entries = readdirSync(path);
      } catch (error) {
        throw new UsageError(`${path}: cannot read the folder (${errorCode(error)})`);
      }
    if (!isDirectory) return [path];
    const files = entries
      .filter((name) => name.toLowerCase().endsWith(".json"))
      .sort()
      .map((name) => join(path, name));
    if (files.length === 0) throw new UsageError(`${path}: the folder holds no .json rule file`);
    return files;
  });
}

/**
 * Reads rule files (files or folders of them) as sources for `loadRules`: each a regular file, its text read by
 * `ruleSourceFromText` (a key given twice, or text that is not JSON, is a RuleFileError naming the file and where).
 */
export function readRuleSources(paths: readonly string[]): RuleSource[] {
  return jsonFilesOf(paths).map((file) => {
    const { fd, size } = openRegularFile(file, RULE_FILE);
    if (size > 3 * RULE_LIMITS.maxFileChars) {
      closeSync(fd);
      throw new RuleFileError(file, "", `the file holds ${size.toLocaleString("en")} bytes, more than the ${RULE_LIMITS.maxFileChars.toLocaleString("en")} characters a rule file may hold`);
    }
    return ruleSourceFromText(file, readOpened(file, fd));
  });
}
