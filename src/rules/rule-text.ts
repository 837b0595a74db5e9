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
  return { file, json };
}
