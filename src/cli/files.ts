import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { DefinedPlan } from "../model/define-plan.js";
import { mergeInputs } from "../input/merge.js";
import { readCsvRecords } from "../input/read-csv.js";
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

/** Reads every data file (all of them checked to exist before any is read) and merges them, so duplicates across files are found. */
export function readDataFiles(files: readonly string[], plan: DefinedPlan): ReadInput {
  if (files.length === 0) throw new UsageError("no data file given; use --data FILE (.json or .csv)");
  return mergeInputs(...files.map((file) => readDataFile(file, plan)));
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
