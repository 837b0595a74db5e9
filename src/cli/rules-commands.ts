import { runRuleExamples, verifyRuleExamples, type ExampleResult, type VerifiedDecision } from "../rules/examples.js";
import { checkRuleFile, loadRules, reference, type RuleSource } from "../rules/load.js";
import type { Condition, RuleCase, RuleExample, RuleFile } from "../rules/rule-file.js";
import { standardRules } from "../rules/standard.js";
import { UsageError } from "./io.js";
import type { Lang } from "../model/text.js";

const words = {
  vi: {
    id: "Mã quy tắc",
    severity: "Mức độ",
    weight: "Trọng số",
    title: "Tên",
    severities: { high: "cao", medium: "trung bình", low: "thấp" },
    appliesTo: "Áp dụng cho",
    factSet: "Nhóm dữ kiện",
    file: "Tệp",
    description: "Mô tả",
    rationale: "Lý do",
    planClause: "Căn cứ trong kế hoạch",
    parameters: "Tham số (giá trị mặc định)",
    noParameters: "Không có tham số.",
    cases: "Các trường hợp, xét theo thứ tự (trường hợp đầu tiên thỏa mãn sẽ quyết định)",
    when: "khi",
    always: "luôn đúng",
    and: "và",
    or: "hoặc",
    not: "không",
    score: "điểm",
    notScored: "không tính điểm",
    noRow: "không tạo dòng",
    examples: "Ví dụ (chạy như kiểm thử bằng nq57 rules test)",
    parametersOf: "tham số",
    expect: "kết quả",
  },
  en: {
    id: "Rule id",
    severity: "Severity",
    weight: "Weight",
    title: "Title",
    severities: { high: "high", medium: "medium", low: "low" },
    appliesTo: "Applies to",
    factSet: "Fact set",
    file: "File",
    description: "Description",
    rationale: "Rationale",
    planClause: "Plan clause",
    parameters: "Parameters (defaults)",
    noParameters: "No parameters.",
    cases: "Cases, tried in order (the first that holds decides)",
    when: "when",
    always: "always",
    and: "and",
    or: "or",
    not: "not",
    score: "score",
    notScored: "not scored",
    noRow: "no row",
    examples: "Examples (run as tests by nq57 rules test)",
    parametersOf: "parameters",
    expect: "expect",
  },
} as const;

/** The standard rules, checked, in the order scorecards list them. */
function standardDefinitions(): { source: RuleSource; rule: RuleFile }[] {
  return standardRules.map((source) => ({ source, rule: checkRuleFile(source) }));
}

/** `nq57 rules list`: id, severity, weight and title of each standard rule, in aligned columns. */
export function ruleList(lang: Lang): string {
  const w = words[lang];
  const rows = [
    [w.id, w.severity, w.weight, w.title],
    ...standardDefinitions().map(({ rule }) => [rule.id, w.severities[rule.severity], String(rule.weight), rule.title[lang]]),
  ];
  const widths = [0, 1, 2].map((k) => Math.max(...rows.map((r) => [...r[k]!].length)));
  return `${rows.map((r) => r.map((cell, k) => (k < 3 ? cell.padEnd(widths[k]!) : cell)).join("  ")).join("\n")}\n`;
}

/** `nq57 rules show ID`: everything the rule file declares, cases in order with their outcome, and the examples. */
export function ruleDetails(id: string, lang: Lang): string {
  const found = standardDefinitions().find(({ rule }) => rule.id === id);
  if (!found) throw new UsageError(`unknown rule "${id}"; known rules: ${standardDefinitions().map(({ rule }) => rule.id).join(", ")}`);
  const { source, rule } = found;
  const w = words[lang];
  const out: string[] = [
    `${rule.id}: ${rule.title[lang]}`,
    `${w.severity}: ${w.severities[rule.severity]} · ${w.weight}: ${rule.weight} · ${w.appliesTo}: ${rule.appliesTo} · ${w.factSet}: ${rule.factSet}`,
    `${w.file}: ${source.file}`,
    "",
    `${w.description}:`,
    `  ${rule.description[lang]}`,
    "",
    `${w.rationale}:`,
    `  ${rule.rationale[lang]}`,
    "",
    `${w.planClause}:`,
    `  ${rule.planClause[lang]}`,
    "",
    `${w.parameters}:`,
  ];
  const params = Object.entries(rule.parameters);
  if (params.length === 0) out.push(`  ${w.noParameters}`);
  for (const [name, p] of params) out.push(`  ${name} = ${JSON.stringify(p.default)}  ${p.description[lang]}`);
  out.push("", `${w.cases}:`);
  rule.cases.forEach((k, i) => out.push(...describeCase(k, i, lang)));
  out.push("", `${w.examples}:`);
  for (const example of rule.examples) out.push(...describeExample(example, lang));
  return `${out.join("\n")}\n`;
}

function describeCase(k: RuleCase, i: number, lang: Lang): string[] {
  const w = words[lang];
  const o = k.event.params;
  const score =
    o.score === undefined ? "" : typeof o.score === "string" ? `, ${w.score} ${o.score}` : `, ${w.score} ${"param" in o.score ? `{${o.score.param}}` : `{${o.score.fact}}`}`;
  const flags = [o.scored === false ? w.notScored : "", o.skip ? w.noRow : ""].filter(Boolean);
  return [
    `  ${i + 1}. ${k.name}: ${w.when} ${describeCondition(k.conditions as Condition, lang, true)}`,
    `     → ${o.verdict} / ${o.status}${score}${flags.length ? ` (${flags.join(", ")})` : ""}`,
    `     "${o.message[lang]}"`,
  ];
}

/** A condition in one line: `reportStatus equal "completed" and completedOn dateOnOrBefore {due}`. */
function describeCondition(c: Condition, lang: Lang, top = false): string {
  if ("condition" in c) return `{${c.condition}}`;
  const w = words[lang];
  const join = (list: readonly Condition[], word: string) => {
    if (list.length === 0) return word === w.and ? w.always : `(${w.not} ${w.always})`;
    const text = list.map((x) => describeCondition(x, lang)).join(` ${word} `);
    return top || list.length === 1 ? text : `(${text})`;
  };
  if ("all" in c) return join(c.all, w.and);
  if ("any" in c) return join(c.any, w.or);
  if ("not" in c) return `${w.not} (${describeCondition(c.not, lang, true)})`;
  const ref = reference(c.value);
  const value = ref ? `{${ref.name}}` : JSON.stringify(c.value);
  return `${c.fact} ${c.operator} ${value}`;
}

function describeExample(example: RuleExample, lang: Lang): string[] {
  const w = words[lang];
  const e = example.expect;
  const facts = Object.entries(example.facts)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(", ");
  const params = example.parameters ? `; ${w.parametersOf}: ${Object.entries(example.parameters).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(", ")}` : "";
  const expected = `${e.verdict} / ${e.status}${e.score !== undefined ? `, ${w.score} ${e.score ?? "—"}` : ""}${e.skip ? ` (${w.noRow})` : ""}`;
  return [`  - ${example.name}`, `    ${facts}${params}`, `    → ${w.expect}: ${expected}`];
}

/** What `nq57 rules test` found: the report to print and whether every example passed. */
export interface RuleTestReport {
  readonly text: string;
  readonly passed: boolean;
}

/**
 * `nq57 rules test`: checks an app's rule files (a bad file is a `RuleFileError`, exit 2), then runs every
 * worked example through its rule and reports PASS or FAIL for each.
 */
export async function testRuleFiles(sources: readonly RuleSource[]): Promise<RuleTestReport> {
  for (const source of sources) checkRuleFile(source);
  loadRules(sources);
  const results = await runRuleExamples(sources);
  const lines = results.map((r) => (r.passed ? `PASS ${r.rule}: ${r.example}` : `FAIL ${r.rule}: ${r.example} (${r.file}): ${mismatch(r)}`));
  const failed = results.filter((r) => !r.passed).length;
  lines.push(`${results.length} example${results.length === 1 ? "" : "s"} in ${sources.length} file${sources.length === 1 ? "" : "s"}: ${results.length - failed} passed, ${failed} failed`);
  return { text: `${lines.join("\n")}\n`, passed: failed === 0 };
}

function mismatch(r: ExampleResult): string {
  const e = r.expected;
  const show = (verdict: string, status: string, score: string | null | undefined, skip: boolean | undefined) =>
    `${verdict}/${status}${score !== undefined ? ` score ${score ?? "null"}` : ""}${skip ? " skip" : ""}`;
  return `expected ${show(e.verdict, e.status, e.score, e.skip)}, got ${r.actual ? show(r.actual.verdict, r.actual.status, r.actual.score, r.actual.skip) : `no outcome: ${r.error ?? "?"}`}`;
}

/**
 * `nq57 rules verify`: runs every worked example of the rule files (the standard ones when none is given) through the
 * compiled path and through a stock json-rules-engine, and reports each as SAME (the same case, or both stopping) or
 * DIFF with what each decided.
 */
export async function verifyRuleFiles(sources: readonly RuleSource[]): Promise<RuleTestReport> {
  for (const source of sources) checkRuleFile(source);
  loadRules(sources);
  const results = await verifyRuleExamples(sources);
  const shownDecision = (d: VerifiedDecision) => ("case" in d ? `case ${d.index + 1} ${d.case}` : `error: ${d.error}`);
  const lines = results.map((r) =>
    r.agree ? `SAME ${r.rule}: ${r.example} (${shownDecision(r.compiled)})` : `DIFF ${r.rule}: ${r.example} (${r.file}): compiled ${shownDecision(r.compiled)}; json-rules-engine ${shownDecision(r.engine)}`,
  );
  const differ = results.filter((r) => !r.agree).length;
  lines.push(
    `${results.length} example${results.length === 1 ? "" : "s"} in ${sources.length} file${sources.length === 1 ? "" : "s"} run in the compiled path and in json-rules-engine: ${results.length - differ} the same, ${differ} different`,
  );
  return { text: `${lines.join("\n")}\n`, passed: differ === 0 };
}
