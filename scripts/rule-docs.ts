/**
 * The rule catalogue in `docs/rules/`, for auditors who do not read code: what a rule is and how a verdict and a
 * score are reached (`README.md`), one page per rule with its cases read in plain words and its worked examples
 * as they run (`<rule id>.md`), and which rules check each task and indicator of the plan (`coverage.md`).
 * Vietnamese first, English below or beside. Everything comes from the rule files, the fact sets, the operators
 * and the plan data; nothing is written twice. Pure: reads and writes no file.
 */
import type { DefinedPlan } from "../src/model/define-plan.js";
import type { Indicator, Task } from "../src/model/entities.js";
import type { LocalizedText } from "../src/model/text.js";
import { compileRule, decideCompiled } from "../src/rules/compile.js";
import { exampleCase, runRuleExamples, type ExampleResult } from "../src/rules/examples.js";
import { APP_FACT_KINDS, APP_FACT_KINDS_OF, APP_FACT_TYPES, FACT_SETS, MESSAGE_PLACEHOLDERS, factsOf, type AppFactKind, type AppFacts } from "../src/rules/fact-sets.js";
import { ENGINE_DIFFERENCES } from "../src/rules/differences.js";
import type { Lang } from "../src/model/text.js";
import { loadRules, placeholders, reference, type LoadedRule, type RuleSource } from "../src/rules/load.js";
import { OPERATORS, OPERATOR_MAP, operatorChain } from "../src/rules/operators.js";
import { innerConditions, isLeaf, type Condition, type FactSetName, type LeafCondition, type Outcome, type RuleCase, type RuleExample } from "../src/rules/rule-file.js";
import type { AppliesTo, Severity, StatusDefinition, Verdict } from "../src/model/verdict.js";
import { standardRules } from "../src/rules/standard.js";
import { scoreOf } from "../src/rules/score.js";
import { subjectList, subjectsFor, type EvaluationContext } from "../src/scorecard/subjects.js";
import { STANDARD_BANDS } from "../src/scorecard/summarize.js";
import { anchorOf, anchorTag, code, escapeMarkdown, page, table } from "./markdown.js";

/** The directory of the rule catalogue, relative to the repository root. */
export const RULE_DOCS_DIR = "docs/rules";

/** What the rule catalogue is made from. */
export interface RuleDocsOptions {
  /** The plan whose tasks and indicators `coverage.md` lists. */
  readonly plan: DefinedPlan;
  /** The rule files to document. Default: the standard rules of `rules/`. */
  readonly rules?: readonly RuleSource[];
  /** Facts an app brings, which its rules read: listed in `README.md` and read in words on the rule pages. */
  readonly appFacts?: AppFacts;
}

/** Thrown when a worked example of a rule does not give the outcome it expects: the docs would show a falsehood. */
export class RuleExampleFailure extends Error {
  readonly failures: readonly ExampleResult[];
  constructor(failures: readonly ExampleResult[]) {
    super(
      [
        `${failures.length} worked example${failures.length === 1 ? "" : "s"} of the rules do not give the outcome they expect:`,
        ...failures.map((f) => `  ${f.file}: "${f.example}": expected ${outcomeText(f.expected)}, got ${outcomeText(f.actual)}`),
      ].join("\n"),
    );
    this.name = "RuleExampleFailure";
    this.failures = failures;
  }
}

function outcomeText(o: { verdict: string; status: string; score?: string | null | undefined; skip?: boolean | undefined } | null): string {
  if (!o) return "no outcome";
  return [o.verdict, o.status, ...(o.score !== undefined ? [`score ${o.score ?? "none"}`] : []), ...(o.skip ? ["skip"] : [])].join(" / ");
}

/**
 * Every page of the rule catalogue, by path relative to the repository root (`docs/rules/README.md`,
 * `docs/rules/task.deadline.md`, `docs/rules/coverage.md`, `docs/rules/json-rules-engine.md`), with its content.
 *
 * @throws {RuleExampleFailure} when a worked example does not give the outcome it expects.
 */
export async function renderRuleDocs(options: RuleDocsOptions): Promise<Map<string, string>> {
  const sources = options.rules ?? standardRules;
  const load = options.appFacts ? { appFacts: options.appFacts } : {};
  const results = await runRuleExamples(sources, load);
  const failures = results.filter((r) => !r.passed);
  if (failures.length > 0) throw new RuleExampleFailure(failures);

  const rules = loadRules(sources, load);
  const files = new Map<string, string>();
  files.set(`${RULE_DOCS_DIR}/README.md`, renderIndex(rules, options.appFacts));
  files.set(`${RULE_DOCS_DIR}/${ENGINE_PAGE}`, renderEngineDifferences());
  for (const [i, rule] of rules.entries()) {
    const source = sources[i] as RuleSource;
    const examples = await workedExamples(source, rule, results);
    files.set(`${RULE_DOCS_DIR}/${rule.id}.md`, renderRulePage(rule, examples));
  }
  files.set(`${RULE_DOCS_DIR}/coverage.md`, renderCoverage(options.plan, rules, await coverageOf(options.plan, rules)));
  return files;
}

// ---------------------------------------------------------------------------------------------------
// Words of the docs: how the catalogue names verdicts, severities and what a rule checks


const VERDICT_WORDS: Readonly<Record<Verdict, LocalizedText>> = {
  pass: { vi: "đạt", en: "pass" },
  warn: { vi: "cảnh báo", en: "warn" },
  fail: { vi: "không đạt", en: "fail" },
  "no-data": { vi: "chưa có số liệu", en: "no data" },
  "not-applicable": { vi: "không áp dụng", en: "not applicable" },
};

const VERDICT_MEANINGS: Readonly<Record<Verdict, LocalizedText>> = {
  pass: { vi: "nghĩa vụ được thực hiện, hoặc phép kiểm tra không thấy vấn đề", en: "the duty is met, or the check finds no problem" },
  warn: { vi: "thực hiện một phần hoặc có nguy cơ không đạt", en: "partly met, or at risk" },
  fail: { vi: "nghĩa vụ không được thực hiện, hoặc phép kiểm tra thấy vấn đề", en: "the duty is not met, or the check finds a problem" },
  "no-data": { vi: "cần số liệu hoặc báo cáo nhưng chưa có", en: "a figure or report is expected but none was given" },
  "not-applicable": { vi: "chưa đến lúc, hoặc không thể đánh giá", en: "not (yet) to be judged" },
};

const SEVERITY_WORDS: Readonly<Record<Severity, LocalizedText>> = {
  high: { vi: "cao", en: "high" },
  medium: { vi: "trung bình", en: "medium" },
  low: { vi: "thấp", en: "low" },
};

const APPLIES_TO_WORDS: Readonly<Record<AppliesTo, LocalizedText>> = {
  indicator: { vi: "chỉ tiêu", en: "indicator" },
  task: { vi: "nhiệm vụ", en: "task" },
  observation: { vi: "số liệu được báo cáo", en: "reported figure" },
  plan: { vi: "chính văn bản kế hoạch", en: "the plan document itself" },
};

const W = {
  if: { vi: "Nếu", en: "If" },
  allOf: { vi: "tất cả các điều sau đều đúng (all of)", en: "all of" },
  anyOf: { vi: "ít nhất một trong các điều sau đúng (any of)", en: "any of" },
  not: { vi: "không phải", en: "not" },
  otherwise: { vi: "Trong mọi trường hợp còn lại", en: "Otherwise, in every remaining case" },
  never: { vi: "Không bao giờ (không có điều kiện nào để thỏa)", en: "Never (there is no condition to hold)" },
  empty: { vi: "trống", en: "empty" },
  isEmpty: { vi: "trống", en: "is empty" },
  isGiven: { vi: "có", en: "is given" },
  shared: { vi: "điều kiện dùng chung", en: "the shared condition" },
  yes: { vi: "có", en: "yes" },
  no: { vi: "không", en: "no" },
  param: { vi: "tham số", en: "parameter" },
  byDefault: { vi: "mặc định", en: "default" },
  status: { vi: "trạng thái", en: "status" },
  score: { vi: "điểm", en: "score" },
  theDefault: { vi: "mặc định", en: "the default" },
  notScored: { vi: "không tính điểm", en: "not scored" },
  shownNotScored: { vi: "có dòng nhưng không tính điểm", en: "shown but not scored" },
  noRow: { vi: "không ghi dòng nào: quy tắc chỉ báo khi có vấn đề", en: "no row: the rule only reports problems" },
  missingData: { vi: "tính là thiếu số liệu trong độ phủ", en: "counts as missing data in coverage" },
  message: { vi: "Thông điệp", en: "Message" },
  label: { vi: "Tiếng Việt", en: "English" },
} as const satisfies Record<string, LocalizedText>;

/** `vi — en` of a text from the data, escaped. */
function both(text: LocalizedText): string {
  return `${escapeMarkdown(text.vi)} — ${escapeMarkdown(text.en)}`;
}

/** The link from one rule page (or the index) to another rule's page. */
function ruleLink(id: string): string {
  return `[${code(id)}](${id}.md)`;
}

function factSetAnchor(name: FactSetName): string {
  return `fact-set-${anchorOf(name)}`;
}

/** A literal of a rule or an example, as an auditor reads it: numbers plain, text as code. */
function literal(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return W.empty[lang];
  if (typeof value === "boolean") return value ? W.yes[lang] : W.no[lang];
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return /^-?\d+(\.\d+)?$/.test(value) ? value : code(value);
  if (Array.isArray(value)) return value.length === 0 ? W.empty[lang] : value.map((v) => literal(v, lang)).join(", ");
  return code(JSON.stringify(value));
}

// ---------------------------------------------------------------------------------------------------
// Cases in plain words

type Leaf = LeafCondition;

function factWords(rule: LoadedRule, name: string, lang: Lang): string {
  const fact = factsOf(rule.definition.factSet, rule.appFacts)[name];
  return fact ? escapeMarkdown(fact.description[lang]) : code(name);
}

function paramWords(rule: LoadedRule, name: string, lang: Lang): string {
  const p = rule.definition.parameters[name];
  return `${W.param[lang]} ${code(name)}${p ? ` (${W.byDefault[lang]} ${literal(p.default, lang)})` : ""}`;
}

/** What a condition compares with: a literal, another fact or a parameter with its default. */
function valueWords(rule: LoadedRule, value: unknown, lang: Lang): string {
  const ref = reference(value);
  if (ref?.kind === "fact") return factWords(rule, ref.name, lang);
  if (ref?.kind === "param") return paramWords(rule, ref.name, lang);
  return literal(value, lang);
}

/** The condition as the rule file writes it, e.g. `` (`due` equal `null`) ``. */
function technical(leaf: Leaf): string {
  const ref = reference(leaf.value);
  return `(${code(leaf.fact)} ${leaf.operator} ${code(ref ? ref.name : JSON.stringify(leaf.value))})`;
}

/** One comparison in plain words, then as written: `the due date is empty (`due` equal `null`)`. */
export function readLeaf(rule: LoadedRule, leaf: Leaf, lang: Lang): string {
  const subject = factWords(rule, leaf.fact, lang);
  // "X is empty" and "X: yes" / "X: no" read better than "X is empty" through the operator's words, or "X is yes".
  if (leaf.operator === "equal" && leaf.value === null) return `${lang === "vi" ? `không có ${subject}` : `${subject} ${W.isEmpty.en}`} ${technical(leaf)}`;
  if (leaf.operator === "notEqual" && leaf.value === null) return `${lang === "vi" ? `có ${subject}` : `${subject} ${W.isGiven.en}`} ${technical(leaf)}`;
  if (leaf.operator === "equal" && typeof leaf.value === "boolean") return `${subject}: ${literal(leaf.value, lang)} ${technical(leaf)}`;
  const words = OPERATOR_MAP.get(leaf.operator)?.words[lang] ?? leaf.operator;
  return `${subject} ${escapeMarkdown(words)} ${valueWords(rule, leaf.value, lang)} ${technical(leaf)}`;
}

/** A condition as nested list items under `indent`. */
function conditionItems(rule: LoadedRule, c: Condition, lang: Lang, indent: string): string[] {
  if (isLeaf(c)) return [`${indent}- ${readLeaf(rule, c, lang)}`];
  if ("condition" in c)
    return [`${indent}- ${W.shared[lang]} ${code(c.condition)}:`, ...conditionItems(rule, rule.sharedConditions[c.condition] as Condition, lang, `${indent}  `)];
  if ("not" in c)
    return isLeaf(c.not)
      ? [`${indent}- ${W.not[lang]}: ${readLeaf(rule, c.not, lang)}`]
      : [`${indent}- ${W.not[lang]}:`, ...conditionItems(rule, c.not, lang, `${indent}  `)];
  const [word, list] = "all" in c ? [W.allOf[lang], c.all] : [W.anyOf[lang], c.any];
  return [`${indent}- ${word}:`, ...list.flatMap((x) => conditionItems(rule, x, lang, `${indent}  `))];
}

/** Whether a case's conditions hold whatever the facts (`all` of nothing). */
function alwaysHolds(k: RuleCase): boolean {
  return "all" in k.conditions && k.conditions.all.length === 0;
}

/** The condition of a case in one language: a sentence, or an opening line and a list. */
function caseCondition(rule: LoadedRule, k: RuleCase, lang: Lang): { opening: string; items: string[] } {
  const c = k.conditions as Condition;
  if (alwaysHolds(k)) return { opening: W.otherwise[lang], items: [] };
  if ("any" in c && c.any.length === 0) return { opening: W.never[lang], items: [] };
  const list = "all" in c ? c.all : "any" in c ? c.any : undefined;
  if (list?.length === 1 && isLeaf(list[0] as Condition)) return { opening: `${W.if[lang]} ${readLeaf(rule, list[0] as Leaf, lang)}`, items: [] };
  if ("not" in c && isLeaf(c.not)) return { opening: `${W.if[lang]} ${W.not[lang]}: ${readLeaf(rule, c.not, lang)}`, items: [] };
  if ("not" in c) return { opening: `${W.if[lang]} ${W.not[lang]}:`, items: conditionItems(rule, c.not, lang, "") };
  const items = (list ?? []).flatMap((x) => conditionItems(rule, x, lang, ""));
  return { opening: `${W.if[lang]} ${"all" in c ? W.allOf[lang] : W.anyOf[lang]}:`, items };
}

function verdictWords(verdict: Verdict, lang: Lang): string {
  const word = VERDICT_WORDS[verdict][lang];
  return word === verdict ? `**${word}**` : `**${word}** (${code(verdict)})`;
}

/** How a case's score is set, in words: the verdict's default, a literal, a parameter or a fact. */
function scoreWords(rule: LoadedRule, o: Outcome, lang: Lang): string {
  if (o.verdict === "no-data" || o.verdict === "not-applicable") return W.notScored[lang];
  if (o.scored === false) return `${W.shownNotScored[lang]} (${code("scored: false")})`;
  const s = o.score;
  if (s === undefined) return `${W.score[lang]} ${scoreOf(o, {}, {}) ?? "—"} (${W.theDefault[lang]})`;
  if (typeof s === "string") return `${W.score[lang]} ${s}`;
  if ("param" in s) return `${W.score[lang]} = ${paramWords(rule, s.param, lang)}`;
  return `${W.score[lang]} = ${factWords(rule, s.fact, lang)} (${code(s.fact)})`;
}

/** The outcome of a case in words: `→ **pass**, status `met`, score 1 (the default).` and its message. */
function outcomeWords(rule: LoadedRule, o: Outcome, lang: Lang): string {
  if (o.skip) return `→ ${W.noRow[lang]} (${code("skip")}).`;
  const message = `${W.message[lang]}: “${escapeMarkdown(o.message[lang])}”`;
  const missing = o.missingData === true ? `, ${W.missingData[lang]} (${code("missingData")})` : "";
  return `→ ${verdictWords(o.verdict, lang)}, ${W.status[lang]} ${code(o.status)}, ${scoreWords(rule, o, lang)}${missing}. ${message}`;
}

/** Anchors of a rule's cases on its page, unique even if two cases share a name. */
function caseAnchors(rule: LoadedRule): string[] {
  const seen = new Set<string>();
  return rule.definition.cases.map((k, i) => {
    const base = `case-${anchorOf(k.name).replace(/[^a-z0-9.-]+/g, "-")}`;
    const anchor = seen.has(base) ? `${base}-${i + 1}` : base;
    seen.add(anchor);
    return anchor;
  });
}

function caseBlocks(rule: LoadedRule): string[][] {
  const anchors = caseAnchors(rule);
  const firstAlways = rule.definition.cases.findIndex(alwaysHolds);
  const noCatchAll =
    firstAlways < 0
      ? [
          [
            "**Lưu ý:** không có trường hợp nào cho mọi trường hợp còn lại; nếu không trường hợp nào đúng, quy tắc dừng với lỗi. — **Note:** there is no case for everything else; if no case holds, the rule stops with an error.",
          ],
        ]
      : [];
  return [...noCatchAll, ...rule.definition.cases.flatMap((k, i) => {
    const blocks: string[][] = [[`### ${anchorTag(anchors[i] as string)}${i + 1}. ${code(k.name)}`]];
    if (firstAlways >= 0 && i > firstAlways) {
      const earlier = code((rule.definition.cases[firstAlways] as RuleCase).name);
      blocks.push([`**Không bao giờ được xét**: trường hợp ${earlier} trước nó luôn đúng. — **Never reached**: case ${earlier} before it always holds.`]);
    }
    for (const lang of ["vi", "en"] as const) {
      const { opening, items } = caseCondition(rule, k, lang);
      const outcome = outcomeWords(rule, k.event.params, lang);
      if (items.length === 0) blocks.push([`**${W.label[lang]}.** ${opening} ${outcome}`]);
      else blocks.push([`**${W.label[lang]}.** ${opening}`], items, [outcome]);
    }
    return blocks;
  })];
}

// ---------------------------------------------------------------------------------------------------
// Worked examples

interface WorkedExample {
  readonly example: RuleExample;
  readonly result: ExampleResult;
  /** The name of the case that decided. */
  readonly decidedBy: string;
}

async function workedExamples(source: RuleSource, rule: LoadedRule, results: readonly ExampleResult[]): Promise<WorkedExample[]> {
  const own = results.filter((r) => r.rule === rule.id);
  const out: WorkedExample[] = [];
  for (const [i, example] of rule.definition.examples.entries()) {
    const result = own[i];
    if (!result || result.example !== example.name) throw new Error(`${rule.file}: example ${i + 1} was not run`);
    const [withParams] = example.parameters ? loadRules([source], { parameters: { [rule.id]: example.parameters } }) : [rule];
    const decided = exampleCase(withParams as LoadedRule, example.facts);
    if ("error" in decided) throw new Error(`${rule.file}: example "${example.name}": ${decided.error}`);
    out.push({ example, result, decidedBy: (withParams as LoadedRule).cases[decided.index]!.name });
  }
  return out;
}

/** Facts a rule's cases read, in the order they first appear: the ones worth showing in an example. */
function factsRead(rule: LoadedRule): string[] {
  const names = new Set<string>();
  const walk = (c: Condition) => {
    if (isLeaf(c)) {
      names.add(c.fact);
      const ref = reference(c.value);
      if (ref?.kind === "fact") names.add(ref.name);
    } else if ("condition" in c) walk(rule.sharedConditions[c.condition] as Condition);
    else innerConditions(c).forEach(walk);
  };
  for (const k of rule.definition.cases) {
    walk(k.conditions as Condition);
    const s = k.event.params.score;
    if (s && typeof s === "object" && "fact" in s) names.add(s.fact);
  }
  return [...names];
}

interface TargetLike {
  readonly raw?: string;
  readonly kind?: string;
  readonly value?: string;
  readonly min?: string;
  readonly max?: string;
  readonly direction?: string;
  readonly parts?: readonly TargetLike[];
  readonly alternatives?: readonly TargetLike[];
}

function targetText(t: TargetLike): string {
  const bounds = t.kind === "range" ? ` ${t.min}–${t.max}` : t.value !== undefined ? ` ${t.value}` : "";
  const members = t.parts ?? t.alternatives;
  const detail = members ? `: ${members.map((m) => `${m.kind}${m.kind === "range" ? ` ${m.min}–${m.max}` : m.value !== undefined ? ` ${m.value}` : ""}`).join("; ")}` : "";
  const direction = t.direction === "decrease" ? "; direction decrease" : "";
  return `“${escapeMarkdown(t.raw ?? "")}” (${t.kind ?? "?"}${bounds}${detail}${direction})`;
}

/** A fact of an example, shown compactly: targets by their text and reading, observations by their value. */
function factValue(rule: LoadedRule, name: string, value: unknown): string {
  if (value === null || value === undefined) return "—";
  const type = factsOf(rule.definition.factSet, rule.appFacts)[name]?.type;
  if (type === "target" && typeof value === "object") return targetText(value as TargetLike);
  if (type === "observation" && typeof value === "object") {
    const o = value as { value?: unknown; met?: unknown };
    return "met" in o ? `met ${code(String(o.met))}` : escapeMarkdown(String(o.value));
  }
  if (Array.isArray(value)) return value.length === 0 ? code("[]") : value.map((v) => escapeMarkdown(String(v))).join(", ");
  if (typeof value === "string" && !/^-?\d+(\.\d+)?$/.test(value)) return code(value);
  if (typeof value === "object") return code(JSON.stringify(value));
  return escapeMarkdown(String(value));
}

function exampleFacts(rule: LoadedRule, read: readonly string[], example: RuleExample): string {
  const shown = read.filter((name) => Object.hasOwn(example.facts, name)).map((name) => `${code(name)} = ${factValue(rule, name, example.facts[name])}`);
  const params = Object.entries(example.parameters ?? {}).map(([name, v]) => `${W.param.vi}/${W.param.en} ${code(name)} = ${literal(v, "en")}`);
  return [...shown, ...params].join("<br>") || "—";
}

function resultCell(o: { verdict: string; status: string; score?: string | null | undefined; skip?: boolean | undefined }): string {
  const parts = [code(o.verdict), code(o.status)];
  if (o.score !== undefined) parts.push(o.score === null ? "không tính điểm/not scored" : `điểm/score ${o.score}`);
  if (o.skip !== undefined) parts.push(o.skip ? "không ghi dòng/no row" : "có dòng/a row");
  return parts.join(" · ");
}

function exampleTable(rule: LoadedRule, examples: readonly WorkedExample[]): string[] {
  const read = factsRead(rule);
  const anchors = caseAnchors(rule);
  return table(
    ["Ví dụ — Example", "Dữ kiện chính — Key facts", "Kỳ vọng — Expected", "Kết quả khi chạy — Actual", "Khớp — Agrees"],
    examples.map(({ example, result, decidedBy }) => {
      const at = rule.definition.cases.findIndex((k) => k.name === decidedBy);
      const caseRef = `[${code(decidedBy)}](#${anchors[at] ?? ""})`;
      return [
        escapeMarkdown(example.name),
        exampleFacts(rule, read, example),
        resultCell(result.expected),
        `${result.actual ? resultCell({ ...result.actual, skip: result.actual.skip ? true : undefined }) : escapeMarkdown(result.error ?? "—")}<br>trường hợp/case ${caseRef}`,
        result.passed ? "✓" : "✗",
      ];
    }),
  );
}

// ---------------------------------------------------------------------------------------------------
// One page per rule

function placeholderRows(rule: LoadedRule): string[][] {
  const names = new Set<string>();
  for (const k of rule.definition.cases)
    if (!k.event.params.skip) for (const lang of ["vi", "en"] as const) for (const n of placeholders(k.event.params.message[lang])) names.add(n);
  const facts = factsOf(rule.definition.factSet, rule.appFacts);
  return [...names].map((n) => {
    const meaning: LocalizedText = (Object.hasOwn(MESSAGE_PLACEHOLDERS, n) ? MESSAGE_PLACEHOLDERS[n] : undefined) ?? facts[n]?.description ?? rule.definition.parameters[n]?.description ?? { vi: n, en: n };
    return [code(`{${n}}`), escapeMarkdown(meaning.vi), escapeMarkdown(meaning.en)];
  });
}

/** The statuses a rule declares: their words in both languages, how urgently each needs attention, and follow-up. */
function statusBlock(rule: LoadedRule): string[][] {
  const statuses = Object.entries(rule.definition.statuses);
  if (statuses.length === 0) return [];
  return [
    ["## Trạng thái — Statuses"],
    [
      "Mỗi dòng của quy tắc có một trạng thái; các bản báo cáo hiển thị trạng thái bằng các từ dưới đây. Mức cần chú ý xếp thứ tự phần “Cần chú ý” (1 là gấp nhất); nhiệm vụ cần đôn đốc được liệt kê trong bảng nhiệm vụ của trang HTML.",
      "",
      "Each row of the rule has a status; the reports show it in the words below. The attention rank orders “Needs attention” (1 most urgent); tasks to follow up are listed in the HTML page's table of tasks.",
    ],
    table(
      ["Trạng thái — Status", "Tiếng Việt", "English", "Cần chú ý — Attention", "Cần đôn đốc — Follow up"],
      statuses.map(([id, s]) => [code(id), escapeMarkdown(s.label.vi), escapeMarkdown(s.label.en), s.attention === undefined ? "—" : String(s.attention), s.followUp ? "✓" : "—"]),
    ),
    ...remediationBlock(statuses),
  ];
}

/** What each status asks the responsible agency to do, as the reports show it beside a failing, warning or no-data row. */
function remediationBlock(statuses: readonly (readonly [string, StatusDefinition])[]): string[][] {
  const withSteps = statuses.filter(([, s]) => s.remediation !== undefined);
  if (withSteps.length === 0) return [];
  return [
    ["### Việc cần làm — What to do next"],
    table(
      ["Trạng thái — Status", "Tiếng Việt", "English"],
      withSteps.map(([id, s]) => [code(id), escapeMarkdown(s.remediation!.vi), escapeMarkdown(s.remediation!.en)]),
    ),
  ];
}

function renderRulePage(rule: LoadedRule, examples: readonly WorkedExample[]): string {
  const d = rule.definition;
  const params = Object.entries(d.parameters);
  const weightNote =
    d.weight === 0
      ? " (không tính vào điểm, chỉ báo cáo — reported, never counted in scores)"
      : "";
  const placeholdersUsed = placeholderRows(rule);
  return page([
    [`# ${escapeMarkdown(d.title.vi)} — ${escapeMarkdown(d.title.en)}`],
    [`${code(rule.id)} · [Danh mục quy tắc — Rule index](README.md) · [Bảng phủ — Coverage](coverage.md)`],
    ["## Mô tả — Description"],
    [escapeMarkdown(d.description.vi)],
    [escapeMarkdown(d.description.en)],
    ["## Lý do — Rationale"],
    [escapeMarkdown(d.rationale.vi)],
    [escapeMarkdown(d.rationale.en)],
    ["## Thông tin — Metadata"],
    table(
      ["Mục — Field", "Giá trị — Value"],
      [
        ["Mã — Id", code(rule.id)],
        ["Mức độ — Severity", `${code(d.severity)} (${SEVERITY_WORDS[d.severity].vi} — ${SEVERITY_WORDS[d.severity].en})`],
        ["Trọng số — Weight", `${d.weight}${weightNote}`],
        ["Áp dụng cho — Applies to", `${code(d.appliesTo)} (${APPLIES_TO_WORDS[d.appliesTo].vi} — ${APPLIES_TO_WORDS[d.appliesTo].en})`],
        ["Bộ dữ kiện — Fact set", `[${code(d.factSet)}](README.md#${factSetAnchor(d.factSet)}): ${both(FACT_SETS[d.factSet].description)}`],
        ["Căn cứ trong kế hoạch — Plan clause", both(d.planClause)],
        ["Tệp nguồn — Source file", code(rule.file)],
        ["Số trường hợp — Cases", String(d.cases.length)],
        ["Số ví dụ — Worked examples", String(d.examples.length)],
      ],
    ),
    ["## Tham số — Parameters"],
    params.length === 0
      ? ["Quy tắc này không có tham số. — This rule has no parameters."]
      : [
          "Ứng dụng có thể thay giá trị mặc định khi chấm điểm. — An app may override the defaults when it scores.",
          "",
          ...table(
            ["Tham số — Parameter", "Mặc định — Default", "Mô tả (vi)", "Description (en)"],
            params.map(([name, p]) => [code(name), literal(p.default, "en"), escapeMarkdown(p.description.vi), escapeMarkdown(p.description.en)]),
          ),
        ],
    ...statusBlock(rule),
    ["## Các trường hợp — Cases"],
    [
      "Các trường hợp được xét lần lượt theo thứ tự dưới đây; trường hợp đầu tiên có điều kiện đúng quyết định kết quả, các trường hợp sau không được xét nữa.",
      "",
      "The cases are tried in the order below; the first whose conditions hold decides, and the later ones are not looked at.",
    ],
    ...caseBlocks(rule),
    ...(placeholdersUsed.length > 0
      ? [
          ["### Chỗ điền trong thông điệp — Placeholders in messages"],
          table(["Chỗ điền — Placeholder", "Được thay bằng (vi)", "Replaced by (en)"], placeholdersUsed),
        ]
      : []),
    ["## Ví dụ — Worked examples"],
    [
      "Mỗi ví dụ được chạy qua quy tắc khi tạo trang này; trang không được tạo nếu một ví dụ cho kết quả khác với kỳ vọng. Chỉ nêu các dữ kiện mà các trường hợp đọc; “—” là trống.",
      "",
      "Each example is run through the rule when this page is generated; the page is not generated if an example gives another outcome than expected. Only the facts the cases read are shown; “—” is empty.",
    ],
    exampleTable(rule, examples),
  ]);
}

// ---------------------------------------------------------------------------------------------------
// README.md: what a rule is, how verdicts and scores are reached, the index, operators and fact sets

function renderIndex(rules: readonly LoadedRule[], appFacts: AppFacts | undefined): string {
  const defaults = (verdict: Verdict) => scoreOf({ verdict, status: "-", message: { vi: "-", en: "-" } }, {}, {});
  const usedBy = (pred: (r: LoadedRule) => boolean) => rules.filter(pred).map((r) => ruleLink(r.id)).join(", ") || "—";
  const operatorUsers = (name: string) =>
    usedBy((r) => {
      let found = false;
      const walk = (c: Condition) => {
        if (isLeaf(c)) found ||= operatorChain(c.operator)?.operator.name === name;
        else innerConditions(c).forEach(walk);
      };
      r.definition.cases.forEach((k) => walk(k.conditions as Condition));
      Object.values(r.sharedConditions).forEach((c) => walk(c as Condition));
      return found;
    });

  const factSetBlocks = (Object.keys(FACT_SETS) as FactSetName[]).flatMap((name) => {
    const set = FACT_SETS[name];
    return [
      [`### ${anchorTag(factSetAnchor(name))}${code(name)}`],
      [
        `- **Áp dụng cho — Applies to**: ${code(set.appliesTo)} (${APPLIES_TO_WORDS[set.appliesTo].vi} — ${APPLIES_TO_WORDS[set.appliesTo].en})`,
        `- **Đối tượng — Checks**: ${both(set.description)}`,
        `- **Quy tắc dùng — Used by**: ${usedBy((r) => r.definition.factSet === name)}`,
      ],
      table(
        ["Dữ kiện — Fact", "Kiểu — Type", "Mô tả (vi)", "Description (en)"],
        Object.entries(set.facts).map(([fact, def]) => [code(fact), code(def.type), escapeMarkdown(def.description.vi), escapeMarkdown(def.description.en)]),
      ),
    ];
  });

  return page([
    ["# Quy tắc chấm điểm — Scoring rules"],
    ["[Bảng phủ: quy tắc nào kiểm tra nhiệm vụ, chỉ tiêu nào — Coverage: which rules check each task and indicator](coverage.md)"],
    ["## Quy tắc là gì — What a rule is"],
    [
      "Mỗi quy tắc là một tệp JSON trong thư mục `rules/` và là nơi duy nhất ghi tên, mô tả, lý do, trọng số, tham số và ví dụ của quy tắc; các trang này được tạo ra từ các tệp đó. Một quy tắc kiểm tra một loại đối tượng (chỉ tiêu, nhiệm vụ, số liệu được báo cáo hoặc chính văn bản kế hoạch). Với mỗi đối tượng, thư viện tính một bộ dữ kiện (ví dụ: hạn hoàn thành, trạng thái trong báo cáo mới nhất), rồi quy tắc so sánh các dữ kiện đó để đưa ra một kết luận (verdict) kèm trạng thái, điểm và thông điệp. Mỗi kết luận là một dòng của bảng điểm.",
      "",
      "Each rule is a JSON file in `rules/`, the only place its title, description, rationale, weight, parameters and examples are written; these pages are generated from those files. A rule checks one kind of entity (an indicator, a task, a reported figure, or the plan document itself). For each entity the library computes a set of facts (for example the due date, or the status in the latest report), and the rule compares those facts to reach a verdict with a status, a score and a message. Each verdict is one row of the scorecard.",
    ],
    ["## Cách đưa ra kết luận — How a verdict is reached"],
    [
      "Một quy tắc gồm các trường hợp (cases) theo thứ tự. Các trường hợp được xét lần lượt; trường hợp đầu tiên có điều kiện đúng quyết định kết luận. Điều kiện là các phép so sánh một dữ kiện với một giá trị, với một dữ kiện khác hoặc với một tham số, ghép lại bằng “tất cả” (all), “ít nhất một” (any) hoặc “không phải” (not). Trường hợp cuối cùng không có điều kiện nên luôn đúng: nó quyết định mọi trường hợp còn lại.",
      "",
      "A rule is a list of cases in order. The cases are tried one after another; the first whose conditions hold decides the verdict. A condition compares a fact with a value, with another fact or with a parameter; conditions are combined with “all of”, “any of” or “not”. The last case has no condition, so it always holds: it decides everything else.",
    ],
    table(
      ["Kết luận — Verdict", "Ý nghĩa (vi)", "Meaning (en)", "Điểm — Score"],
      (Object.keys(VERDICT_WORDS) as Verdict[]).map((v) => [
        `${code(v)} (${VERDICT_WORDS[v].vi})`,
        escapeMarkdown(VERDICT_MEANINGS[v].vi),
        escapeMarkdown(VERDICT_MEANINGS[v].en),
        v === "warn"
          ? `theo quy tắc, mặc định ${defaults(v)} — as the rule states, ${defaults(v)} by default`
          : (defaults(v) ?? "không tính điểm — not scored"),
      ]),
    ),
    [
      "Một trường hợp có thể ghi `scored: false`: dòng vẫn được hiển thị nhưng không tính điểm (ví dụ nhiệm vụ sắp đến hạn hoặc đang thực hiện, chưa đến lúc đánh giá). Một trường hợp ghi `skip` thì không tạo dòng nào: các quy tắc chỉ báo khi có vấn đề dùng nó cho trường hợp không có vấn đề, và một đối tượng mà quy tắc bỏ qua như vậy không được tính là được quy tắc đó kiểm tra.",
      "",
      "A case may say `scored: false`: the row is shown but not scored (for example a task due soon or in progress, not yet to be judged). A case that says `skip` emits no row: rules that only report problems use it when there is none, and an entity a rule skips this way does not count as checked by that rule.",
    ],
    ["## Điểm, trọng số và tổng hợp — Scores, weights and summaries"],
    [
      `Điểm của một dòng là một số thập phân từ 0 đến 1: \`pass\` được ${defaults("pass")}, \`fail\` được ${defaults("fail")}, \`warn\` được điểm quy tắc ghi (mặc định ${defaults("warn")}); một trường hợp có thể lấy điểm từ một tham số hoặc một dữ kiện (ví dụ tỷ số tiến độ). Các dòng \`no-data\`, \`not-applicable\` và \`scored: false\` không có điểm. Một trường hợp ghi \`missingData: true\` khi dòng thiếu số liệu hoặc báo cáo cần có (không báo cáo, hoặc số liệu không hợp lệ bị gạt ra): dòng vẫn được điểm trường hợp ghi (thường là 0) và bị tính là thiếu dữ liệu trong độ phủ. Mỗi quy tắc có một trọng số (0 đến 100) áp cho mọi dòng của nó.`,
      "",
      `A row's score is a decimal from 0 to 1: \`pass\` scores ${defaults("pass")}, \`fail\` ${defaults("fail")}, \`warn\` what the rule states (${defaults("warn")} by default); a case may take its score from a parameter or a fact (for example the progress ratio). Rows that are \`no-data\`, \`not-applicable\` or \`scored: false\` have no score. A case says \`missingData: true\` when the row lacked the figure or report it needed (none given, or one set aside as invalid): the row still scores what the case says (usually 0), and counts as missing data in coverage. Each rule has a weight (0 to 100) applied to all its rows.`,
    ],
    ["### Ba loại dòng — Three kinds of rows"],
    [
      "- **Kết quả thực hiện — Performance**: quy tắc về nhiệm vụ và chỉ tiêu (`appliesTo` là `task` hoặc `indicator`). Chỉ các dòng này được tính vào điểm, độ phủ, xếp loại và số dòng ở phần tổng quan. — rules on tasks and indicators. Only these rows count in scores, coverage, bands and the headline counts.",
      "- **Kiểm tra số liệu báo cáo — Checks of the reported figures** (`observation`): có tổng hợp riêng (`summary.dataQuality`), không tính điểm. Số liệu không đạt một kiểm tra mức cao (`severity: high`) bị gạt ra: các quy tắc mốc và tiến độ không dùng nó, dòng của chúng ghi kiểm tra nào không đạt và tính như thiếu số liệu. — summed up apart (`summary.dataQuality`), never scored. A figure that fails a high-severity check is set aside: milestone and progress rules do not use it, and their rows name the check failed and count as missing data.",
      "- **Kiểm tra văn bản kế hoạch — Checks of the plan document** (`plan`): những điểm bất thường của chính văn bản (thiếu cơ quan chủ trì, hạn trước ngày ký…); có tổng hợp riêng (`summary.planChecks`), không tính vào bất kỳ điểm, số đếm tổng quan hay tổng hợp theo cơ quan nào. — slips of the document itself (no lead agency, a deadline before signing…); summed up apart (`summary.planChecks`), counted in no score, headline count or agency summary.",
    ],
    ["### Cấp của chỉ tiêu — Whose target"],
    [
      "Mọi chỉ tiêu của Kế hoạch 142 là chỉ tiêu của thành phố (`Target.level` vắng mặt hoặc `city`). Kết luận của thành phố và mọi tổng hợp toàn thành phố (tổng quan, nhóm, cơ quan) chỉ dùng số liệu của toàn thành phố. Số liệu của từng phường, xã được đối chiếu với chỉ tiêu của thành phố chỉ để tham chiếu: các dòng đó có `benchmark: true`, chỉ tính trong tổng hợp theo địa phương. Một kế hoạch đặt chỉ tiêu cho từng địa phương ghi `level: \"locality\"`; khi đó số liệu của mỗi địa phương được đánh giá thật và tính vào tổng hợp toàn thành phố.",
      "",
      "Every target of Plan 142 is the city's (`Target.level` absent or `city`). City verdicts and every city-wide summary (overall, groups, agencies) use the whole city's figures only. The figures of wards and communes are compared with the city's target only as benchmarks: their rows carry `benchmark: true` and count only in the summaries by locality. A plan that sets a target for each locality says `level: \"locality\"`; each locality's figure is then judged for real and counts city-wide.",
    ],
    ["### Thiếu số liệu — Missing data"],
    [
      "Tham số `whenMissing` của quy tắc mốc và quy tắc tiến độ (như chiến lược giá trị thiếu của DHIS2) quyết định một số liệu đến hạn mà không có số liệu hợp lệ được tính thế nào: `not-met` (mặc định) tính là không đạt, 0 điểm; `no-data` không chấm điểm. Mặc định là `not-met` vì chỉ như vậy việc không báo cáo một số liệu xấu không bao giờ làm điểm cao hơn báo cáo nó: với `no-data`, một cơ quan giấu số liệu không đạt sẽ thoát khỏi điểm 0. Cả hai cách đều làm giảm độ phủ. Số liệu đến hạn là số liệu của năm mốc đã qua (quy tắc mốc) và số liệu của năm gần nhất đã qua, từ năm ký kế hoạch (quy tắc tiến độ).",
      "",
      "The parameter `whenMissing` of the milestone and progress rules (as DHIS2's missing-value strategy) says how a figure that is due and has no valid value counts: `not-met` (the default) as missed, scoring 0; `no-data` as not scored. The default is `not-met` because only then does withholding a bad figure never raise a score: with `no-data`, an agency hiding a missed target would escape its 0. Either way coverage falls. The figure due is that of a milestone year past (milestone rule) and that of the latest year past, from the plan's own year on (progress rule).",
    ],
    ["### Báo cáo là lời khai — A report is a claim"],
    [
      "- Ngày trong báo cáo được kiểm tra với nhau khi đọc: báo cáo phải có ngày gửi (`reportedOn`); không nhận ngày trước năm 2000, ngày hoàn thành sau ngày gửi báo cáo, hay báo cáo (hoặc số liệu) về một năm chưa bắt đầu khi gửi. Báo cáo gửi sau ngày đánh giá được giữ nhưng không dùng, kèm ghi chú. — A report's dates are checked against each other when read: a report must give the day it was sent (`reportedOn`); a date before 2000, a completion after the report's own date, and a report (or figure) on a year not begun when it was sent are refused. A report sent after the date of the assessment is kept but not used, with a note.",
      "- Nhiệm vụ chỉ ra khỏi bảng điểm khi kế hoạch được sửa đổi: báo cáo “đã hủy” của cơ quan được giữ như một lời khai, nhưng nhiệm vụ được đánh giá như chưa có báo cáo đó, và dòng ghi rõ việc hủy chưa có quyết định của UBND thành phố (mục D.3). — A task leaves the scorecard only by the plan's own amendment: an agency's report of “cancelled” is kept as a claim, but the task is judged as if that report had not been sent, and the row says no decision of the People's Committee approves the cancellation (section D.3).",
      "- Nhiệm vụ định kỳ (hằng năm, thường xuyên) được đánh giá theo ngày gửi báo cáo của từng năm so với hạn báo cáo (tham số `annualReportDue`, mặc định 31/12 của năm được báo cáo; kế hoạch không đặt hạn này). Báo cáo muộn được `lateScore` và ghi số ngày muộn. — Recurring duties (annual, continuous) are judged on the day each year's report was sent against its due date (parameter `annualReportDue`, by default 31 December of the year reported on; the plan sets none). A late report earns `lateScore` and says how late.",
      "- **Đang thực hiện — In progress**: không được chấm điểm trước hạn của dòng (nhiệm vụ một lần: thời hạn; nhiệm vụ định kỳ: hạn báo cáo của năm), và được chấm điểm sau hạn: với nhiệm vụ một lần và hằng năm là chưa hoàn thành (0 điểm); với nhiệm vụ thường xuyên, vốn không có ngày hoàn thành, đang thực hiện là điều được yêu cầu (1 điểm nếu báo cáo đúng hạn). Báo cáo “chưa bắt đầu” trước hạn là cảnh báo không tính điểm, sau hạn là không đạt. — In progress is not scored before the row's due date (a one-off task's deadline; a recurring duty's report date) and is scored after it: for one-off and annual tasks it is not done (0); for a continuous task, which has no completion, being in progress is what is asked (1 when reported on time). A report of “not started” is an unscored warning before the due date and a fail after it.",
      "- Nhiệm vụ có hạn đã qua trước ngày ký kế hoạch (T-1.1, NQ71-7, NQ71-92) giữ hạn như văn bản ghi, vì kế hoạch tiếp tục các nội dung của Kế hoạch 44/KH-UBND (mục D.1); kiểm tra `plan.deadline-after-signing` ghi nhận điểm bất thường của văn bản. — Tasks whose deadline had passed when the plan was signed (T-1.1, NQ71-7, NQ71-92) keep the deadline as written, since the plan carries on the work of Plan 44/KH-UBND (section D.1); the check `plan.deadline-after-signing` records the document's slip.",
    ],
    ["### Tổng hợp — Summaries"],
    [
      "Bảng điểm tổng hợp các dòng kết quả thực hiện cho toàn thành phố và theo nhóm chỉ tiêu, nhóm nhiệm vụ, cơ quan chủ trì (`byAgency`), nhiệm vụ chung của tập thể nhiều cơ quan (`bySharedDuty`: “Các Sở, ngành…”, “Ủy ban nhân dân các cấp…”, không xếp hạng cùng các cơ quan vì không một cơ quan nào chịu trách nhiệm thay cả tập thể) và địa phương. Với mỗi tập dòng:",
      "",
      "The scorecard sums up the performance rows for the whole city and by indicator group, task group, lead agency (`byAgency`), duties shared by a collective of bodies (`bySharedDuty`: “Các Sở, ngành…”, “Ủy ban nhân dân các cấp…”, never ranked with agencies since no one body answers for the collective) and locality. For each set of rows:",
      "",
      "- **Điểm — Score** = trung bình có trọng số của các dòng có điểm: Σ (trọng số × điểm) ÷ Σ trọng số, chỉ xét dòng có trọng số lớn hơn 0 và có điểm. — the weighted mean of the scored rows: Σ (weight × score) ÷ Σ weight, over rows with a weight above 0 and a score.",
      "- **Độ phủ — Coverage** = số dòng có điểm và có số liệu ÷ (số dòng có điểm + số dòng `no-data`): tỷ lệ những gì cần số liệu hoặc báo cáo đã có. Dòng `missingData` có điểm nhưng không có số liệu. — scored rows that had their data ÷ (scored rows + `no-data` rows): the share of what needed a figure or a report that had one. A `missingData` row is scored but had no data.",
      "- **Xếp loại — Band**: chỉ khi độ phủ đạt mức tối thiểu (`evaluate({ minCoverage })`, mặc định 50%); dưới mức đó điểm được ghi là tạm tính (`provisional: true`) và xếp loại là “Chưa đủ dữ liệu”, vì trên quá ít số liệu một xếp loại nói về việc thiếu báo cáo hơn là về việc thực hiện. Khi đủ, xếp loại là mức đầu tiên (từ cao xuống thấp) mà điểm đạt tới, theo bảng dưới. — Only when coverage reaches the minimum (`evaluate({ minCoverage })`, 50% by default); below it the score is marked provisional (`provisional: true`) and the band is “Insufficient data”, since on so little data a band would say more about missing reports than about performance. Otherwise the band is the first, from the top, whose lower bound the score reaches, as below.",
      "",
      "Điểm và độ phủ được tính bằng số thập phân chính xác và làm tròn 4 chữ số; kết quả không phụ thuộc thứ tự các dòng. — Score and coverage are computed in exact decimals and rounded to 4 places; the result does not depend on row order.",
    ],
    table(
      ["Xếp loại — Band", "Từ điểm — From score", "Tên (vi)", "Label (en)"],
      STANDARD_BANDS.map((b) => [code(b.id), b.from, escapeMarkdown(b.label.vi), escapeMarkdown(b.label.en)]),
    ),
    [
      "**Căn cứ của xếp loại — Basis of the bands.** Kế hoạch không đặt thang xếp loại. Các mức là của thư viện và chỉ nói điểm cao hay thấp, không phải các mức xếp loại cán bộ của Nghị định 90/2020/NĐ-CP: 50% là một nửa số điểm có trọng số; 75% và 90% chia nửa trên thành các mức “khá” và “cao”, như các ngưỡng thường dùng khi chia một thang phần trăm. Ứng dụng dùng thang khác truyền `evaluate({ bands })`. — The plan sets no bands. These are the library's own and only say how high the score is; they are not the staff ratings of Decree 90/2020/NĐ-CP: 50% is half the weighted points; 75% and 90% split the upper half into “fairly high” and “high”, as percentage scales are commonly cut. An app using another scale passes `evaluate({ bands })`.",
      "",
      "**Căn cứ của trọng số — Basis of the weights.** Kế hoạch không đặt trọng số. Thư viện cho đạt chỉ tiêu tại mốc trọng số 3, vì chỉ tiêu của Phụ lục 1 và 2 là kết quả kế hoạch được đo bằng; tiến độ hướng tới mốc tiếp theo và hoàn thành nhiệm vụ có thời hạn trọng số 2, vì đó là các dấu hiệu sớm và các sản phẩm có ngày hoàn thành; báo cáo định kỳ của nhiệm vụ hằng năm và thường xuyên trọng số 1, vì đó là việc báo cáo đều đặn hơn là một sản phẩm; các kiểm tra trọng số 0. Ứng dụng thay trọng số bằng `evaluate({ weights })`. — The plan sets no weights. The library weighs milestones met 3, since the targets of Appendices 1 and 2 are the results the plan is measured by; progress toward the next milestone and one-off tasks done by their deadline 2, as early signs and dated deliverables; the yearly reports of annual and continuous tasks 1, as regular reporting rather than a deliverable; the checks 0. An app changes them with `evaluate({ weights })`.",
    ],
    ["## Danh mục quy tắc — Rule index"],
    table(
      ["Mã — Id", "Tên (vi)", "Title (en)", "Áp dụng cho — Applies to", "Mức độ — Severity", "Trọng số — Weight", "Căn cứ trong kế hoạch — Plan clause"],
      rules.map((r) => {
        const d = r.definition;
        return [
          ruleLink(r.id),
          escapeMarkdown(d.title.vi),
          escapeMarkdown(d.title.en),
          `${code(d.appliesTo)} (${APPLIES_TO_WORDS[d.appliesTo].vi})`,
          `${code(d.severity)} (${SEVERITY_WORDS[d.severity].vi})`,
          String(d.weight),
          `${escapeMarkdown(d.planClause.vi)}<br>*${escapeMarkdown(d.planClause.en)}*`,
        ];
      }),
    ),
    [heading2("operators", "Phép so sánh — Operators")],
    [
      "Cách các trang quy tắc đọc một điều kiện `dữ kiện phép-so-sánh giá trị`. Số được so sánh như số thập phân chính xác, ngày theo lịch Việt Nam; giá trị trống hoặc không đúng kiểu thì phép so sánh không đúng.",
      "",
      "How the rule pages read a condition `fact operator value`. Numbers compare as exact decimals and dates in the Vietnam calendar; an empty value or one of the wrong kind makes the comparison false.",
    ],
    table(
      ["Phép so sánh — Operator", "Cách đọc (vi)", "Reading (en)", "Quy tắc dùng — Used by"],
      OPERATORS.map((o) => [code(o.name), escapeMarkdown(o.words.vi), escapeMarkdown(o.words.en), operatorUsers(o.name)]),
    ),
    [heading2("fact-sets", "Bộ dữ kiện — Fact sets")],
    [
      "Các dữ kiện mà thư viện tính cho từng đối tượng được kiểm tra, theo bộ. Một quy tắc đọc các dữ kiện của đúng một bộ.",
      "",
      "The facts the library computes for each checked entity, by set. A rule reads the facts of exactly one set.",
    ],
    ...factSetBlocks,
    ...appFactBlocks(appFacts),
    [heading2("json-rules-engine", "json-rules-engine")],
    [
      `Mỗi trường hợp là một quy tắc của json-rules-engine 7.3, đọc với đúng nghĩa của bộ máy: mười phép so sánh, sáu bộ trang trí, \`all\` / \`any\` / \`not\`, độ ưu tiên và điều kiện dùng chung. Những chỗ thư viện đọc khác bộ máy, và lý do, được liệt kê trong [${ENGINE_PAGE}](${ENGINE_PAGE}); ở mọi chỗ đó tệp quy tắc bị từ chối khi nạp hoặc giá trị bị từ chối kèm lý do, không bao giờ cho một câu trả lời khác. \`addRuleToEngine\` chạy một tệp quy tắc không đổi trong một \`Engine\` của json-rules-engine; \`nq57 rules verify\` chạy mọi ví dụ qua cả hai và báo mọi khác biệt.`,
      "",
      `Each case is a json-rules-engine 7.3 rule, read with the engine's meaning: its ten operators, its six decorators, \`all\` / \`any\` / \`not\`, priorities and shared conditions. Where the library reads a rule otherwise, and why, is listed in [${ENGINE_PAGE}](${ENGINE_PAGE}); there the rule file is refused at load or the value refused with a reason, never answered otherwise. \`addRuleToEngine\` runs a rule file unchanged in a json-rules-engine \`Engine\`; \`nq57 rules verify\` runs every worked example through both and reports any difference.`,
    ],
  ]);
}

/** The page listing every difference from json-rules-engine, relative to `docs/rules/`. */
const ENGINE_PAGE = "json-rules-engine.md";

/** Text the library writes itself (Markdown code spans kept): only the pipes of a table cell are escaped. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

/** `json-rules-engine.md`: every way the library reads a rule file otherwise than a stock json-rules-engine, and why. */
function renderEngineDifferences(): string {
  return page([
    ["# Khác biệt với json-rules-engine — Differences from json-rules-engine"],
    [
      "Tệp quy tắc là các quy tắc của json-rules-engine 7.3 (bộ máy với tùy chọn mặc định). Ngoài các điểm dưới đây, thư viện đọc chúng đúng như bộ máy; số được so sánh như số thập phân chính xác và trả lời như bộ máy ở mọi giá trị bộ máy đọc không làm tròn. Ở mỗi điểm khác, tệp quy tắc bị từ chối khi nạp (lỗi nêu điểm khác) hoặc giá trị bị từ chối kèm lý do (`RuleValueError`): không bao giờ một câu trả lời khác mà không báo, không bao giờ một lỗi trần khi chạy. Một phép thử so sánh đường biên dịch với json-rules-engine trên các điều kiện sinh ngẫu nhiên; `nq57 rules verify` làm điều đó với các ví dụ của mọi tệp quy tắc.",
      "",
      "Rule files are json-rules-engine 7.3 rules (the engine with its default options). Apart from the points below, the library reads them as the engine does; numbers compare as exact decimals and answer as the engine on every value the engine reads without rounding. At each difference the rule file is refused at load (the error names the difference) or the value is refused with a reason (`RuleValueError`): never another answer given silently, never a bare error while running. A differential test runs the compiled path against json-rules-engine on generated conditions; `nq57 rules verify` does so with the worked examples of any rule file.",
    ],
    table(
      ["Điểm — Point", "Nội dung — Feature", "json-rules-engine", "Thư viện — Library", "Lý do — Why"],
      ENGINE_DIFFERENCES.map((d) => [
        `${anchorTag(d.id)}${code(d.id)}`,
        `${cell(d.feature.vi)}<br>*${cell(d.feature.en)}*`,
        `${cell(d.engine.vi)}<br>*${cell(d.engine.en)}*`,
        `${cell(d.library.vi)}<br>*${cell(d.library.en)}*`,
        `${cell(d.why.vi)}<br>*${cell(d.why.en)}*`,
      ]),
    ),
  ]);
}

const APP_FACT_KIND_WORDS: Readonly<Record<AppFactKind, LocalizedText>> = {
  task: { vi: "nhiệm vụ (và cơ quan chủ trì)", en: "task (and its lead agency)" },
  indicator: { vi: "chỉ tiêu, cho toàn thành phố hoặc từng địa phương", en: "indicator, for the whole city or each locality" },
  agency: { vi: "cơ quan chủ trì của nhiệm vụ", en: "a task's lead agency" },
};

/** The facts-an-app-brings section of the index: which kinds each fact set reads, then the app's own facts if given. */
function appFactBlocks(appFacts: AppFacts | undefined): string[][] {
  const declared = appFacts ? APP_FACT_KINDS.flatMap((kind) => Object.entries(appFacts[kind] ?? {}).map(([name, def]) => ({ kind, name, def }))) : [];
  return [
    [heading2("app-facts", "Dữ kiện của ứng dụng — Facts an app brings")],
    [
      `Một ứng dụng khai báo dữ kiện của riêng mình (\`evaluate({ appFacts })\`: tên, kiểu và mô tả hai thứ tiếng) cho một loại đối tượng, đưa giá trị qua \`appFactValues\` và viết quy tắc trên chúng; quy tắc được kiểm tra khi nạp như với dữ kiện của thư viện. Kiểu: ${APP_FACT_TYPES.map(code).join(", ")}; dữ kiện không có giá trị cho một đối tượng là \`null\`.`,
      "",
      `An app declares facts of its own (\`evaluate({ appFacts })\`: name, type, description in both languages) for a kind of entity, gives their values as \`appFactValues\`, and writes rules on them, checked at load as the library's facts are. Types: ${APP_FACT_TYPES.map(code).join(", ")}; a fact with no value for an entity is \`null\`.`,
    ],
    table(
      ["Loại — Kind", "Đối tượng (vi)", "Entity (en)", "Bộ dữ kiện đọc — Read by fact sets"],
      APP_FACT_KINDS.map((kind) => [
        code(kind),
        escapeMarkdown(APP_FACT_KIND_WORDS[kind].vi),
        escapeMarkdown(APP_FACT_KIND_WORDS[kind].en),
        (Object.keys(APP_FACT_KINDS_OF) as FactSetName[])
          .filter((set) => APP_FACT_KINDS_OF[set].includes(kind))
          .map((set) => `[${code(set)}](#${factSetAnchor(set)})`)
          .join(", "),
      ]),
    ),
    ...(declared.length > 0
      ? [
          table(
            ["Dữ kiện — Fact", "Loại — Kind", "Kiểu — Type", "Mô tả (vi)", "Description (en)"],
            declared.map(({ kind, name, def }) => [code(name), code(kind), code(def.type), escapeMarkdown(def.description.vi), escapeMarkdown(def.description.en)]),
          ),
        ]
      : []),
  ];
}

function heading2(id: string, text: string): string {
  return `## ${anchorTag(id)}${text}`;
}

// ---------------------------------------------------------------------------------------------------
// coverage.md: which rules check each task and indicator of the plan

/** What one rule says of one entity in the coverage run: the periods it checks and the outcomes. */
interface Mark {
  readonly periods: number[];
  readonly verdicts: Set<Verdict>;
  readonly statuses: Set<string>;
}

/** For each rule id, the entities it checks (rows it would emit, skipped ones left out). */
export interface Coverage {
  /** The assessment date of the coverage run: 1 January after the plan's last milestone year. */
  readonly asOf: string;
  readonly byRule: ReadonlyMap<string, ReadonlyMap<string, Mark>>;
}

/** The date after every milestone of the plan: 1 January of the year after its last target. */
export function coverageDate(plan: DefinedPlan): string {
  const last = Math.max(Number(plan.document.issuedOn.slice(0, 4)), ...plan.indicators.flatMap((x) => x.targets.map((t) => t.year)));
  return `${last + 1}-01-01`;
}

/**
 * Runs every rule on every subject of its fact set for the plan with nothing reported, as of the day after the
 * last milestone, and records which entities each rule would give a row for (a `skip` outcome does not count).
 */
export async function coverageOf(plan: DefinedPlan, rules: readonly LoadedRule[]): Promise<Coverage> {
  const asOf = coverageDate(plan);
  const context: EvaluationContext = { plan, asOf, observations: [], taskReports: [], conflicts: [] };
  const byRule = new Map<string, Map<string, Mark>>();
  for (const rule of rules) {
    const marks = new Map<string, Mark>();
    const compiled = compileRule(rule);
    for (const subject of subjectList(subjectsFor(rule.definition.factSet, context, rule.parameters))) {
      const outcome = decideCompiled(compiled, subject.facts);
      if (!outcome) throw new Error(`${rule.file}: no case holds for ${subject.entity}`);
      if (outcome.skip) continue;
      let mark = marks.get(subject.entity);
      if (!mark) marks.set(subject.entity, (mark = { periods: [], verdicts: new Set(), statuses: new Set() }));
      if (subject.period !== undefined) mark.periods.push(subject.period);
      mark.verdicts.add(outcome.verdict);
      mark.statuses.add(outcome.status);
    }
    byRule.set(rule.id, marks);
  }
  return { asOf, byRule };
}

/** A cell of the coverage table: ✓ with the periods, ○ with the statuses when every row is not applicable, or ·. */
function markCell(mark: Mark | undefined, asOfYear: number): string {
  if (!mark) return "·";
  if ([...mark.verdicts].every((v) => v === "not-applicable")) return `○ ${[...mark.statuses].map(code).join(", ")}`;
  const periods = [...new Set(mark.periods)].sort((a, b) => a - b);
  if (periods.length === 0) return "✓";
  const yearly = periods.length > 2 && periods.at(-1) === asOfYear && periods.every((p, i) => i === 0 || p === (periods[i - 1] as number) + 1);
  return yearly ? `✓ từ/from ${periods[0]}` : `✓ ${periods.join(", ")}`;
}

function checkedBy(coverage: Coverage, rules: readonly LoadedRule[], id: string): LoadedRule[] {
  return rules.filter((r) => coverage.byRule.get(r.id)?.has(id));
}

function renderCoverage(plan: DefinedPlan, rules: readonly LoadedRule[], coverage: Coverage): string {
  const asOfYear = Number(coverage.asOf.slice(0, 4));
  const taskIds = new Set(plan.tasks.map((t) => t.id));
  const indicatorIds = new Set(plan.indicators.map((x) => x.id));
  const checksAny = (ids: ReadonlySet<string>) => (r: LoadedRule) => [...(coverage.byRule.get(r.id)?.keys() ?? [])].some((id) => ids.has(id));
  const taskRules = rules.filter(checksAny(taskIds));
  const indicatorRules = rules.filter(checksAny(indicatorIds));
  const reportRules = rules.filter((r) => !taskRules.includes(r) && !indicatorRules.includes(r));
  const label = `Kế hoạch ${escapeMarkdown(plan.document.number)}`;
  const labelEn = `Plan ${escapeMarkdown(plan.document.number)}`;
  const catalogue = `../plan/${plan.id}`;

  const taskPage = (t: Task) => (plan.group(t.group)?.appendix === 3 ? "appendix-3.md" : "tasks.md");
  const taskLink = (t: Task) => `[${escapeMarkdown(t.id)}](${catalogue}/${taskPage(t)}#${anchorOf(t.id)})`;
  const indicatorLink = (x: Indicator) => `[${escapeMarkdown(x.id)}](${catalogue}/indicators.md#${anchorOf(x.id)})`;
  const count = (id: string) => String(checkedBy(coverage, rules, id).length);

  const deadlineCell = (t: Task) =>
    t.deadline ? `${escapeMarkdown(t.deadline.raw)} (${code(t.deadline.kind)})` : plan.childrenOf(t.id).length > 0 ? "— (có nhiệm vụ con/has sub-items)" : "—";
  const targetsCell = (x: Indicator) => {
    const years = x.targets.filter((t) => t.kind !== "none").map((t) => t.year);
    if (years.length > 0) return years.join(", ");
    return (x.children?.length ?? 0) > 0 ? "— (dòng tiêu đề/heading row)" : "—";
  };

  const taskTable = (tasks: readonly Task[]) =>
    table(
      ["Nhiệm vụ — Task", "Thời hạn — Deadline", ...taskRules.map((r) => ruleLink(r.id)), "Số quy tắc — Rules"],
      tasks.map((t) => [taskLink(t), deadlineCell(t), ...taskRules.map((r) => markCell(coverage.byRule.get(r.id)?.get(t.id), asOfYear)), count(t.id)]),
    );
  const indicatorTable = (list: readonly Indicator[]) =>
    table(
      ["Chỉ tiêu — Indicator", "Năm có chỉ tiêu — Target years", ...indicatorRules.map((r) => ruleLink(r.id)), "Số quy tắc — Rules"],
      list.map((x) => [indicatorLink(x), targetsCell(x), ...indicatorRules.map((r) => markCell(coverage.byRule.get(r.id)?.get(x.id), asOfYear)), count(x.id)]),
    );

  const groupBlocks = <T extends { id: string; group?: string | undefined }>(items: readonly T[], render: (list: readonly T[]) => string[]) => {
    const blocks: string[][] = [];
    for (const g of plan.groups) {
      const list = items.filter((i) => i.group === g.id);
      if (list.length === 0) continue;
      blocks.push([`### ${escapeMarkdown(g.id)}. ${escapeMarkdown(g.title.vi)}`], [`*${escapeMarkdown(g.title.en)}*`], render(list));
    }
    const rest = items.filter((i) => !i.group || !plan.group(i.group));
    if (rest.length > 0) blocks.push(["### Không thuộc nhóm nào — In no group"], render(rest));
    return blocks;
  };

  // Entities whose carrying out no rule of their own kind judges: only plan-document checks, or only "not applicable".
  const judgedBy = (id: string, kind: AppliesTo) =>
    rules.some((r) => r.definition.appliesTo === kind && [...(coverage.byRule.get(r.id)?.get(id)?.verdicts ?? [])].some((v) => v !== "not-applicable"));
  const whyNot = (id: string, kind: AppliesTo) => {
    if (plan.childrenOf(id).length > 0) return kind === "task" ? "có nhiệm vụ con — has sub-items" : "dòng tiêu đề — heading row";
    const na = rules
      .filter((r) => r.definition.appliesTo === kind && coverage.byRule.get(r.id)?.has(id))
      .map((r) => `${ruleLink(r.id)}: ${[...(coverage.byRule.get(r.id)?.get(id)?.statuses ?? [])].map(code).join(", ")}`);
    return na.length > 0 ? na.join("; ") : "không quy tắc nào áp dụng — no rule applies";
  };
  const unjudgedTasks = plan.tasks.filter((t) => !judgedBy(t.id, "task"));
  const unjudgedIndicators = plan.indicators.filter((x) => !judgedBy(x.id, "indicator"));

  const uncheckedTasks = plan.tasks.filter((t) => checkedBy(coverage, rules, t.id).length === 0);
  const uncheckedIndicators = plan.indicators.filter((x) => checkedBy(coverage, rules, x.id).length === 0);
  const conclusion =
    uncheckedTasks.length + uncheckedIndicators.length === 0
      ? [
          `**Kết luận:** tất cả ${plan.tasks.length} nhiệm vụ và ${plan.indicators.length} chỉ tiêu của ${label} đều được ít nhất một quy tắc kiểm tra.`,
          "",
          `**Conclusion:** every one of the ${plan.tasks.length} tasks and ${plan.indicators.length} indicators of ${labelEn} is checked by at least one rule.`,
        ]
      : [
          `**Kết luận:** ${uncheckedTasks.length} nhiệm vụ và ${uncheckedIndicators.length} chỉ tiêu của ${label} chưa được quy tắc nào kiểm tra: ${[...uncheckedTasks.map(taskLink), ...uncheckedIndicators.map(indicatorLink)].join(", ")}.`,
          "",
          `**Conclusion:** ${uncheckedTasks.length} tasks and ${uncheckedIndicators.length} indicators of ${labelEn} are checked by no rule (listed above).`,
        ];

  return page([
    [`# Bảng phủ quy tắc — Rule coverage: ${label}`],
    ["[Danh mục quy tắc — Rule index](README.md)"],
    [
      `Quy tắc nào kiểm tra từng nhiệm vụ và từng chỉ tiêu của ${label}. Bảng được tính bằng cách chạy mọi quy tắc trên mọi đối tượng của bộ dữ kiện của nó, với kế hoạch không có số liệu hay báo cáo nào, vào ngày ${coverage.asOf} (sau mốc cuối cùng của kế hoạch), để mọi thời hạn và mốc đều đã đến. Đối tượng mà quy tắc bỏ qua (\`skip\`) không được tính.`,
      "",
      `Which rules check each task and each indicator of ${labelEn}. The table is computed by running every rule on every entity of its fact set, for the plan with no figure or report at all, as of ${coverage.asOf} (after the plan's last milestone) so that every deadline and milestone has come. An entity a rule skips (\`skip\`) does not count.`,
    ],
    [
      "- ✓ — quy tắc kiểm tra đối tượng này (kèm các năm được kiểm tra nếu có). — the rule checks it (with the years checked, where there are years).",
      "- ○ `trạng thái` — quy tắc có ghi dòng, nhưng khi chưa có báo cáo thì kết luận là `not-applicable` với trạng thái này (không tính điểm). — the rule lists it, but with nothing reported its verdict is `not-applicable` with this status (never scored).",
      "- · — quy tắc không kiểm tra đối tượng này. — the rule does not check it.",
    ],
    [
      `Các quy tắc kiểm tra số liệu được báo cáo (${reportRules.map((r) => ruleLink(r.id)).join(", ") || "—"}) kiểm tra từng số liệu khi nó được báo cáo, cho bất kỳ chỉ tiêu nào, nên không có cột trong các bảng dưới.`,
      "",
      `The rules on reported figures (${reportRules.map((r) => ruleLink(r.id)).join(", ") || "—"}) check each figure as it is reported, whatever its indicator, so they have no column in the tables below.`,
    ],
    ["## Tóm tắt — Summary"],
    table(
      ["Quy tắc — Rule", "Áp dụng cho — Applies to", "Nhiệm vụ được kiểm tra — Tasks checked", "Chỉ tiêu được kiểm tra — Indicators checked"],
      rules.map((r) => {
        const ids = [...(coverage.byRule.get(r.id)?.keys() ?? [])];
        return [
          ruleLink(r.id),
          code(r.definition.appliesTo),
          `${ids.filter((id) => taskIds.has(id)).length} / ${plan.tasks.length}`,
          `${ids.filter((id) => indicatorIds.has(id)).length} / ${plan.indicators.length}`,
        ];
      }),
    ),
    [heading2("tasks", "Nhiệm vụ — Tasks")],
    ...groupBlocks(plan.tasks, taskTable),
    [heading2("indicators", "Chỉ tiêu — Indicators")],
    ...groupBlocks(plan.indicators, indicatorTable),
    [heading2("not-judged", "Lưu ý — Notes")],
    [
      "Các đối tượng sau chỉ được kiểm tra trên chính văn bản kế hoạch, hoặc chỉ với kết luận `not-applicable` khi chưa có báo cáo: việc thực hiện chúng không được quy tắc nhiệm vụ hay chỉ tiêu nào chấm điểm. Nhiệm vụ có nhiệm vụ con được chấm qua các nhiệm vụ con; dòng tiêu đề được chấm qua các chỉ tiêu con.",
      "",
      "The entities below are checked only on the plan document itself, or only with a `not-applicable` verdict when nothing is reported: no task or indicator rule scores how they are carried out. A task with sub-items is scored through its sub-items; a heading row through its child indicators.",
    ],
    unjudgedTasks.length + unjudgedIndicators.length === 0
      ? ["Không có. — None."]
      : table(
          ["Đối tượng — Entity", "Lý do — Why"],
          [...unjudgedTasks.map((t) => [taskLink(t), whyNot(t.id, "task")]), ...unjudgedIndicators.map((x) => [indicatorLink(x), whyNot(x.id, "indicator")])],
        ),
    ["## Kết luận — Conclusion"],
    conclusion,
  ]);
}
