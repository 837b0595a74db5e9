import { createReadStream, readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { DefinedPlan } from "../model/define-plan.js";
import { createInputAccumulator } from "../input/accumulate.js";
import { readCsvRecords, readCsvStream } from "../input/read-csv.js";
import { readJsonRecords } from "../input/read-json.js";
import type { ReadInput } from "../input/records.js";
import type { RuleSource } from "../rules/load.js";
import { errorCode, UsageError } from "./io.js";

/** Reads a text file as UTF-8, or says in one line why it cannot. */
export function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    throw new UsageError(`${file}: cannot read the file (${errorCode(error)})`);
  }
}

/**
 * Reads one data file with the reader its extension asks for: `.json` (observations and task reports) or
 * `.csv` (observations or task reports, told apart by the header).
 */
export function readDataFile(file: string, plan: DefinedPlan, name: string = file): ReadInput {
  const ext = extname(file).toLowerCase();
  if (ext !== ".json" && ext !== ".csv") throw new UsageError(`${file}: unknown kind of data file; give a .json or a .csv file`);
  const text = readText(file);
  return ext === ".json" ? readJsonRecords(name, text, plan) : readCsvRecords(name, text, plan);
}

/**
 * Reads every data file into one input, so that duplicates across files are found: CSV files as streams (a
 * file of any size, a chunk at a time), JSON files whole. Every file is checked to exist before any is read.
 */
export async function readDataFiles(files: readonly string[], plan: DefinedPlan, onProgress?: (bytes: number, total: number) => void): Promise<ReadInput> {
  if (files.length === 0) throw new UsageError("no data file given; use --data FILE (.json or .csv)");
  const sizes = files.map((file) => {
    const ext = extname(file).toLowerCase();
    if (ext !== ".json" && ext !== ".csv") throw new UsageError(`${file}: unknown kind of data file; give a .json or a .csv file`);
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new UsageError(`${file}: not a file`);
      return stat.size;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${file}: cannot read the file (${errorCode(error)})`);
    }
  });
  const total = sizes.reduce((a, b) => a + b, 0);
  let read = 0;
  const accumulator = createInputAccumulator(plan);
  for (const [i, file] of files.entries()) {
    if (extname(file).toLowerCase() === ".json") accumulator.addInput(readJsonRecords(file, readText(file), plan));
    else {
      const stream = createReadStream(file, { encoding: "utf8", highWaterMark: 1 << 20 });
      const counted = async function* () {
        for await (const chunk of stream as AsyncIterable<string>) {
          read += Buffer.byteLength(chunk, "utf8");
          onProgress?.(read, total);
          yield chunk;
        }
      };
      await readCsvStream(file, counted(), plan, accumulator);
    }
    read = sizes.slice(0, i + 1).reduce((a, b) => a + b, 0);
    onProgress?.(read, total);
  }
  return accumulator.finish();
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
    if (!isDirectory) return [path];
    const files = readdirSync(path)
      .filter((name) => name.toLowerCase().endsWith(".json"))
      .sort()
      .map((name) => join(path, name));
    if (files.length === 0) throw new UsageError(`${path}: the folder holds no .json rule file`);
    return files;
  });
}

/** Reads rule files (files or folders of them) as sources for `loadRules`; text that is not JSON is one line naming the file and line. */
export function readRuleSources(paths: readonly string[]): RuleSource[] {
  return jsonFilesOf(paths).map((file) => ({ file, json: parseJson(file, readText(file)) }));
}

/** Parses JSON, naming the file and the line of a syntax error. */
export function parseJson(file: string, text: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const line = at ? body.slice(0, Number(at[1])).split("\n").length : undefined;
    throw new UsageError(`${file}${line !== undefined ? `:${line}` : ""}: not valid JSON: ${message}`);
  }
}
