import { Decimal } from "../decimal.js";
import { RuleFileError } from "./errors.js";
import { RULE_LIMITS, type RuleSource } from "./load.js";

/**
 * A rule file's text read as a {@link RuleSource}, refusing what `JSON.parse` would lose without a word: a key given
 * twice in one object (`"weight": 0` then `"weight": 50` would load 50) is a {@link RuleFileError} naming the file,
 * the path of the object and the key, and the lines it is given on. Text that is not JSON names its line; a file of
 * more than {@link RULE_LIMITS}`.maxFileChars` characters is refused before it is parsed; a UTF-8 byte order mark is
 * removed. The source is then checked as any other, by `checkRuleFile` and `loadRules`.
 *
 * @example
 * const source = ruleSourceFromText("budget.json", await readFile("budget.json", "utf8"));
 * loadRules([...standardRules, source]);
 */
export function ruleSourceFromText(file: string, text: string): RuleSource {
  if (text.length > RULE_LIMITS.maxFileChars)
    throw new RuleFileError(file, "", `the file holds ${text.length.toLocaleString("en")} characters, more than the ${RULE_LIMITS.maxFileChars.toLocaleString("en")} a rule file may hold`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const at = /position (\d+)/.exec(message);
    const line = at ? lineOf(body, Number(at[1])) : undefined;
    throw new RuleFileError(file, "", `not valid JSON${line !== undefined ? ` (line ${line})` : ""}: ${message}`);
  }
  const twice = keyGivenTwice(body);
  if (twice)
    throw new RuleFileError(
      file,
      twice.path,
      `the key ${JSON.stringify(twice.key)} is given twice in one object (lines ${twice.lines.join(" and ")}): JSON keeps only the last, so which one is meant is unclear; give it once`,
    );
  const rounded = roundedNumber(body);
  if (rounded)
    throw new RuleFileError(
      file,
      "",
      `the number ${rounded.token} (line ${rounded.line}) is read by JSON as the binary float ${rounded.read}, which json-rules-engine would compare: write a decimal as text ("${rounded.token}") and compare it with the decimal operators`,
    );
  return { file, json };
}

const NUMBER_TOKEN = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The first number of a JSON text that `JSON.parse` reads as another number (a binary float rounds it), with its line. */
function roundedNumber(text: string): { token: string; read: string; line: number } | undefined {
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34 /* " */) {
      i++;
      while (i < text.length && text.charCodeAt(i) !== 34) i += text.charCodeAt(i) === 92 ? 2 : 1;
    } else if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      NUMBER_TOKEN.lastIndex = i;
      const token = NUMBER_TOKEN.exec(text)?.[0];
      if (!token) continue;
      const read = Number(token);
      // Short numbers (15 significant digits or fewer) always read back as written.
      if (token.replace(/^-|\.|[eE].*$/g, "").replace(/^0+/, "").length > 15 && !new Decimal(token).eq(new Decimal(String(read)))) return { token, read: String(read), line };
      i += token.length - 1;
    }
  }
  return undefined;
}

/** A key given twice in one object of a JSON text: its path, the key and the lines. */
interface KeyTwice {
  readonly path: string;
  readonly key: string;
  readonly lines: readonly [number, number];
}

interface Frame {
  readonly array: boolean;
  /** Keys of an object so far, with the line each is given on. */
  readonly keys: Map<string, number>;
  /** The key whose value is being read, or the index of the element. */
  key: string | undefined;
  index: number;
  expectKey: boolean;
  /** The path of this object or array. */
  readonly path: string;
}

/** The first key given twice in one object of a text already known to be valid JSON, in one pass. */
function keyGivenTwice(text: string): KeyTwice | undefined {
  const stack: Frame[] = [];
  let line = 1;
  /** The path of the value starting now, in the object or array on top of the stack. */
  const pathHere = (): string => {
    const top = stack.at(-1);
    if (!top) return "";
    if (top.array) return `${top.path}[${top.index}]`;
    const key = top.key ?? "";
    const name = /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
    return top.path ? `${top.path}.${name}` : name;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (c === 34 /* " */) {
      let end = i + 1;
      while (end < text.length && text.charCodeAt(end) !== 34) end += text.charCodeAt(end) === 92 ? 2 : 1;
      const top = stack.at(-1);
      if (top && !top.array && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        const first = top.keys.get(key);
        top.key = key;
        if (first !== undefined) return { path: pathHere(), key, lines: [first, line] };
        top.keys.set(key, line);
        top.expectKey = false;
      }
      i = end;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      stack.push({ array: c === 91, keys: new Map(), key: undefined, index: 0, expectKey: c === 123, path: pathHere() });
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      stack.pop();
    } else if (c === 44 /* , */) {
      const top = stack.at(-1);
      if (top?.array) top.index++;
      else if (top) top.expectKey = true;
    }
  }
  return undefined;
}

/** The 1-based line of a position in a text. */
function lineOf(text: string, position: number): number {
  let line = 1;
  for (let k = 0; k < position && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}
