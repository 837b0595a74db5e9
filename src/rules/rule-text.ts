import { Decimal } from "../decimal.js";
import { keyGivenTwice, parseJsonText } from "../json-text.js";
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
  const parsed = parseJsonText(text);
  const body = parsed.body;
  if (!parsed.ok) throw new RuleFileError(file, "", `not valid JSON${parsed.line !== undefined ? ` (line ${parsed.line})` : ""}: ${parsed.message}`);
  const json = parsed.json;
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
