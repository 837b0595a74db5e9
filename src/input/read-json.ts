import { Decimal } from "../decimal.js";
import type { DefinedPlan } from "../model/define-plan.js";
import { assembleInput, collectRecords, type Refusal } from "./accept-records.js";
import { checkFileText, lineAt } from "./file-text.js";
import { cutText, quoted } from "../safe-text.js";
import { limitsOf, type ReadOptions } from "./bounds.js";
import type { InputNote, ReadInput } from "../model/records.js";

const LISTS = ["observations", "taskReports"] as const;
type List = (typeof LISTS)[number];
const isList = (key: string | undefined): key is List => key !== undefined && (LISTS as readonly string[]).includes(key);

/**
 * Reads a JSON file `{ "observations": [ … ], "taskReports": [ … ] }` (either list may be left out);
 * other keys are noted and ignored. Each record's source is the file, its index in its list and the line
 * it starts on. Text that is not JSON, or JSON that is not such an object, rejects the whole file. Records
 * are then checked as {@link acceptRecords} does.
 *
 * Where JSON itself would lose what was written, the reader says so instead: a number with more digits
 * than a JSON (binary) number holds exactly, such as `123456789012345678901` or `1e309`, is read as the
 * text it is written as, with a note, so that a value is never read as a nearby number; a record giving
 * one key twice is rejected, since JSON would keep the last silently; a list given twice rejects the
 * file. As for CSV: a BOM is removed with a note, bytes that were not UTF-8 are noted, and a file of more
 * than 10,000,000 characters, or one holding NUL characters (UTF-16), is rejected as a whole; a record with a text of
 * more than 10,000 characters, or of more than 100,000 in all, is rejected with its line (see {@link INPUT_LIMITS};
 * `options.limits` gives others).
 *
 * @example
 * const input = readJsonRecords("report.json", '{"taskReports":[{"task":"T-1.2","status":"completed","period":2025}]}', plans["haiphong-142"]);
 * input.taskReports[0]?.source; //=> { file: "report.json", line: 1, index: 0 }
 */
export function readJsonRecords(name: string, text: string, plan: DefinedPlan, options?: ReadOptions): ReadInput {
  const limits = limitsOf(options);
  const checked = checkFileText(name, text, { maxChars: limits.maxFileChars });
  if (checked.reject !== undefined) return rejectFile(name, checked.reject, []);
  const notes: InputNote[] = [];
  let body = text;
  if (body.charCodeAt(0) === 0xfeff) {
    notes.push({ source: { file: name, line: 1 }, note: "the UTF-8 byte order mark (BOM) at the start of the file was removed" });
    body = body.slice(1);
  }
  notes.push(...checked.notes);
  if (body.trim() === "") return rejectFile(name, "the file is empty", notes);
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    return rejectFile(name, `the file is not valid JSON: ${jsonErrorMessage(error, body)}`, notes);
  }
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return rejectFile(name, 'the file must hold a JSON object such as { "observations": [ … ], "taskReports": [ … ] }', notes);
  const scan = scanJson(body);
  if (scan.listTwice) return rejectFile(name, `the key "${scan.listTwice.key}" appears twice (lines ${scan.listTwice.lines.join(" and ")}): JSON would keep only the last list; put all ${scan.listTwice.key} in one list; nothing in the file was read`, notes);
  if (scan.inexact.length > 0) {
    for (const n of scan.inexact)
      notes.push({ source: { file: name, line: n.line }, note: `the number ${cutText(n.token)} cannot be held exactly by a JSON number (it would be read as ${String(Number(n.token))}); it is read as the text ${quoted(n.token)}` });
    data = JSON.parse(quoteNumbers(body, scan.inexact));
  }
  const keys = Object.keys(data as object);
  for (const key of keys)
    if (!isList(key)) notes.push({ source: { file: name }, field: cutText(key), note: `key ${quoted(key)} is not observations or taskReports; it is ignored` });
  if (!keys.some(isList)) notes.push({ source: { file: name }, note: "the file has neither observations nor taskReports; nothing was read" });
  const lists = data as { observations?: unknown[]; taskReports?: unknown[] };
  const refusal: Refusal = (list, i) => {
    const twice = scan.keysTwice.get(list)?.get(i);
    return twice && { field: cutText(twice.key), reason: `the key ${quoted(twice.key)} is given twice in this record (lines ${twice.lines.join(" and ")}): JSON keeps only the last, so which one is meant is unclear; give it once` };
  };
  return collectRecords(plan, { observations: lists.observations, taskReports: lists.taskReports }, name, (list, i) => scan.lines.get(list)?.[i], notes, refusal, limits);
}

/** The parser's message, with the line added where it gives only a position. */
function jsonErrorMessage(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  if (!at || /line/i.test(message)) return message;
  return `${message} (line ${lineAt(text, Number(at[1]))})`;
}

/** A key given twice in one object, and the lines it is given on. */
interface KeyTwice {
  readonly key: string;
  readonly lines: readonly number[];
}

/** A number token of the text that a JS number does not hold exactly. */
interface InexactNumber {
  readonly start: number;
  readonly end: number;
  readonly token: string;
  readonly line: number;
}

/** What one pass over a file's JSON text finds that `JSON.parse` does not tell. */
interface JsonScan {
  /** For each list of the top-level object, the 1-based line each element starts on. */
  readonly lines: Map<string, number[]>;
  /** For each list, the elements (records) that give one of their own keys twice. */
  readonly keysTwice: Map<string, Map<number, KeyTwice>>;
  /** A list key given twice in the top-level object. */
  readonly listTwice?: KeyTwice;
  readonly inexact: InexactNumber[];
}

interface Frame {
  readonly open: "{" | "[";
  /** Keys of an object so far, with the line each was given on. */
  readonly keys: Map<string, number>;
  key?: string;
  expectKey: boolean;
  /** Elements of an array so far. */
  count: number;
  /** The list and element index this frame is inside of (depth 3 and more). */
  readonly element?: { readonly list: string; readonly index: number };
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** One pass over text already known to be a valid JSON object. */
function scanJson(text: string): JsonScan {
  const lines = new Map<string, number[]>();
  const keysTwice = new Map<string, Map<number, KeyTwice>>();
  const inexact: InexactNumber[] = [];
  let listTwice: KeyTwice | undefined;
  const stack: Frame[] = [];
  let line = 1;
  /** Called where a value starts: counts it as an element of the array it is in. */
  const valueStarts = (): { list: string; index: number } | undefined => {
    const top = stack.at(-1);
    if (!top) return undefined;
    if (top.open === "{") return top.element;
    const index = top.count++;
    if (stack.length === 2) {
      const list = stack[0]?.key;
      if (list === undefined) return undefined;
      lines.get(list)?.push(line);
      return { list, index };
    }
    return top.element;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      continue;
    }
    if (c === 32 || c === 9 || c === 13 || c === 58 /* : */) continue;
    const top = stack.at(-1);
    if (c === 34 /* " */) {
      const end = stringEnd(text, i);
      if (top?.open === "{" && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const first = top.keys.get(key);
        if (first !== undefined) {
          const twice = { key, lines: [first, line] };
          if (stack.length === 1 && isList(key)) listTwice ??= twice;
          if (stack.length === 3 && top.element) {
            const byIndex = keysTwice.get(top.element.list) ?? new Map<number, KeyTwice>();
            keysTwice.set(top.element.list, byIndex);
            if (!byIndex.has(top.element.index)) byIndex.set(top.element.index, twice);
          }
        } else top.keys.set(key, line);
        top.key = key;
        top.expectKey = false;
      } else valueStarts();
      i = end;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      const element = valueStarts();
      const open = c === 123 ? "{" : "[";
      stack.push({ open, keys: new Map(), expectKey: open === "{", count: 0, ...(element ? { element } : {}) });
      if (stack.length === 2 && open === "[" && stack[0]?.key !== undefined) lines.set(stack[0].key, []);
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      if (top?.open === "{") top.expectKey = true;
    } else {
      valueStarts();
      NUMBER.lastIndex = i;
      const number = c === 45 || (c >= 48 && c <= 57) ? NUMBER.exec(text) : null;
      const token = number?.[0];
      if (token !== undefined) {
        if (!holdsExactly(token)) inexact.push({ start: i, end: i + token.length, token, line });
        i += token.length - 1;
      } else {
        // true, false, null
        while (i + 1 < text.length && /[a-z]/.test(text[i + 1] as string)) i++;
      }
    }
  }
  return { lines, keysTwice, inexact, ...(listTwice ? { listTwice } : {}) };
}

/** Whether the JS number JSON gives for a number token has the token's decimal value. */
function holdsExactly(token: string): boolean {
  const [mantissa = "", exponent] = token.split(/[eE]/);
  const digits = mantissa.replace(/^-/, "").replace(".", "").replace(/^0+/, "");
  // Up to 15 significant digits without an exponent always come back the same from a double.
  if (exponent === undefined && digits.length <= 15) return true;
  const n = Number(token);
  if (!Number.isFinite(n)) return false;
  if (n === 0) return !/[1-9]/.test(mantissa);
  return new Decimal(token).eq(new Decimal(String(n)));
}

/** The text with each inexact number token put in quotes, so that it reads as the text it is written as. */
function quoteNumbers(text: string, numbers: readonly InexactNumber[]): string {
  let out = "";
  let from = 0;
  for (const n of numbers) {
    out += `${text.slice(from, n.start)}"${n.token}"`;
    from = n.end;
  }
  return out + text.slice(from);
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
