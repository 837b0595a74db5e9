import type { DefinedPlan } from "../model/define-plan.js";
import { assembleInput, collectRecords } from "./accept-records.js";
import type { InputNote, ReadInput } from "./records.js";

const LISTS = ["observations", "taskReports"] as const;

/**
 * Reads a JSON file `{ "observations": [ … ], "taskReports": [ … ] }` (either list may be left out);
 * other keys are noted and ignored. Each record's source is the file, its index in its list and the line
 * it starts on. Text that is not JSON, or JSON that is not such an object, rejects the whole file. Records
 * are then checked as {@link acceptRecords} does.
 *
 * @example
 * const input = readJsonRecords("report.json", '{"taskReports":[{"task":"T-1.2","status":"completed","period":2025}]}', plans["haiphong-142"]);
 * input.taskReports[0]?.source; //=> { file: "report.json", line: 1, index: 0 }
 */
export function readJsonRecords(name: string, text: string, plan: DefinedPlan): ReadInput {
  const notes: InputNote[] = [];
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) {
    notes.push({ source: { file: name, line: 1 }, note: "the UTF-8 byte order mark (BOM) at the start of the file was removed" });
    body = body.slice(1);
  }
  if (body.trim() === "") return rejectFile(name, "the file is empty", notes);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return rejectFile(name, `the file is not valid JSON: ${jsonErrorMessage(error, body)}`, notes);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return rejectFile(name, 'the file must hold a JSON object such as { "observations": [ … ], "taskReports": [ … ] }', notes);
  for (const key of Object.keys(data))
    if (!(LISTS as readonly string[]).includes(key))
      notes.push({ source: { file: name }, field: key, note: `key ${JSON.stringify(key)} is not observations or taskReports; it is ignored` });
  const lists = data as { observations?: unknown[]; taskReports?: unknown[] };
  const lines = elementLines(body);
  return collectRecords(plan, { observations: lists.observations, taskReports: lists.taskReports }, name, (list, i) => lines.get(list)?.[i], notes);
}

/** The parser's message, with the line added where it gives only a position. */
function jsonErrorMessage(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at || /line/i.test(message)) return message;
  return `${message} (line ${lineAt(text, Number(at[1]))})`;
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let k = 0; k < position && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/**
 * For each key of the top-level object whose value is an array, the 1-based line each element starts
 * on; one pass over text already known to be valid JSON.
 */
function elementLines(text: string): Map<string, number[]> {
  const found = new Map<string, number[]>();
  let line = 1;
  let depth = 0;
  let key: string | undefined;
  let expectKey = false;
  let list: number[] | undefined;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "\n") {
      line++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") continue;
    if (depth === 2 && list && expectElement && c !== "]") {
      list.push(line);
      expectElement = false;
    }
    if (c === '"') {
      const end = stringEnd(text, i);
      if (depth === 1 && expectKey) {
        key = JSON.parse(text.slice(i, end + 1)) as string;
        expectKey = false;
      }
      i = end;
    } else if (c === "{" || c === "[") {
      depth++;
      if (depth === 1) expectKey = c === "{";
      if (depth === 2) {
        list = c === "[" && key !== undefined ? [] : undefined;
        if (list && key !== undefined) found.set(key, list);
        expectElement = true;
      }
    } else if (c === "}" || c === "]") {
      depth--;
      if (depth === 1) list = undefined;
    } else if (c === ",") {
      if (depth === 1) expectKey = true;
      if (depth === 2) expectElement = true;
    }
  }
  return found;
}

/** Index of the quote closing the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let k = start + 1;
  while (k < text.length && text[k] !== '"') k += text[k] === "\\" ? 2 : 1;
  return k;
}

function rejectFile(file: string, reason: string, notes: InputNote[]): ReadInput {
  return assembleInput({ observations: [], taskReports: [], rejected: [{ kind: "file", source: { file }, reason }], notes });
}
