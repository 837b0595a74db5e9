import { describe, expect, it } from "vitest";
import { plans } from "../src/plans/index.js";
import { runRuleExamples } from "../src/rules/examples.js";
import { loadRules, type RuleSource } from "../src/rules/load.js";
import { ENGINE_DIFFERENCES } from "../src/rules/differences.js";
import type { AppFacts } from "../src/rules/fact-sets.js";
import { standardRules } from "../src/rules/standard.js";
import { checkDocs, repoRoot } from "../scripts/generate-docs.js";
import { anchorOf, code, escapeMarkdown } from "../scripts/markdown.js";
import { RULE_DOCS_DIR, RuleExampleFailure, coverageDate, renderRuleDocs } from "../scripts/rule-docs.js";

const plan = plans["haiphong-142"];
const docs = await renderRuleDocs({ plan });
const rules = loadRules(standardRules);
const results = await runRuleExamples(standardRules);

function pageOf(name: string): string {
  const content = docs.get(`${RULE_DOCS_DIR}/${name}`);
  if (content === undefined) throw new Error(`${RULE_DOCS_DIR}/${name} is not rendered`);
  return content;
}

/** The cells of a table row, split on pipes that are not escaped. */
function cells(line: string): string[] {
  return line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

/** The table row of `content` whose first cell is `first`. */
function rowStarting(content: string, first: string): string[] | undefined {
  return content
    .split("\n")
    .filter((l) => l.startsWith("|"))
    .map(cells)
    .find((row) => row[0] === first);
}

describe("renderRuleDocs", () => {
  it("renders the index, the coverage page and one page per rule, and nothing else", () => {
    expect([...docs.keys()].sort()).toEqual(
      [`${RULE_DOCS_DIR}/README.md`, `${RULE_DOCS_DIR}/coverage.md`, `${RULE_DOCS_DIR}/json-rules-engine.md`, ...rules.map((r) => `${RULE_DOCS_DIR}/${r.id}.md`)].sort(),
    );
  });

  it("lists every rule in the index, linked to its page, with its title, weight and severity", () => {
    const index = pageOf("README.md");
    for (const rule of rules) {
      const row = rowStarting(index, `[${code(rule.id)}](${rule.id}.md)`);
      expect(row, rule.id).toBeDefined();
      expect(row?.[1]).toBe(escapeMarkdown(rule.definition.title.vi));
      expect(row?.[2]).toBe(escapeMarkdown(rule.definition.title.en));
      expect(row?.[4]).toContain(code(rule.definition.severity));
      expect(row?.[5]).toBe(String(rule.definition.weight));
    }
  });

  it("shows on each rule's page its titles, its cases in order and its parameters with their defaults", () => {
    for (const rule of rules) {
      const md = pageOf(`${rule.id}.md`);
      const d = rule.definition;
      expect(md, rule.id).toContain(`# ${escapeMarkdown(d.title.vi)} — ${escapeMarkdown(d.title.en)}`);
      expect(md, rule.id).toContain(code(rule.file));
      const positions = d.cases.map((k, i) => md.indexOf(`${i + 1}. ${code(k.name)}`));
      for (const [i, at] of positions.entries()) expect(at, `${rule.id} case ${d.cases[i]?.name}`).toBeGreaterThan(0);
      expect(positions, rule.id).toEqual([...positions].sort((a, b) => a - b));
      for (const [name, p] of Object.entries(d.parameters)) {
        const row = rowStarting(md, code(name));
        expect(row, `${rule.id} parameter ${name}`).toBeDefined();
        // Numbers show plain, text (e.g. the month-day "12-31") as code.
        expect(row?.[1]?.replace(/`/g, "")).toBe(String(p.default));
      }
      for (const k of d.cases) if (!k.event.params.skip) expect(md, `${rule.id} ${k.name}`).toContain(escapeMarkdown(k.event.params.message.vi));
    }
  });

  it("reads a case in words in both languages, the technical form beside them", () => {
    const md = pageOf("task.deadline.md");
    expect(md).toContain("bằng `completed` (`reportStatus` equal `\"completed\"`)");
    expect(md).toContain("the status of the latest report, one saying cancelled aside (not-started, in-progress, completed) is `completed` (`reportStatus` equal `\"completed\"`)");
    expect(md).toContain("is at most parameter `dueSoonDays` (default 30) (`daysUntilDue` decimalAtMost `dueSoonDays`)");
    expect(md).toContain("→ **warn**, status `completed-late`, score = parameter `lateScore` (default 0.5).");
    expect(pageOf("indicator.milestone-met.md")).toContain("→ **pass**, status `met`, score 1 (the default).");
  });

  it("shows every worked example with the outcome it gives when run, and that it agrees", () => {
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      const row = rowStarting(pageOf(`${result.rule}.md`), escapeMarkdown(result.example));
      expect(row, `${result.rule}: ${result.example}`).toBeDefined();
      expect(result.passed, `${result.rule}: ${result.example}`).toBe(true);
      const actual = result.actual!;
      expect(row?.[3]).toContain(`${code(actual.verdict)} · ${code(actual.status)}`);
      if (actual.score !== null) expect(row?.[3]).toContain(`điểm/score ${actual.score}`);
      expect(row?.[4]).toBe("✓");
    }
  });

  it("refuses to render when a worked example does not give the outcome it expects", async () => {
    const source = standardRules.find((s) => s.file === "rules/task.deadline.json") as RuleSource;
    const json = structuredClone(source.json) as { examples: Array<{ expect: { verdict: string } }> };
    (json.examples[0] as { expect: { verdict: string } }).expect.verdict = "fail";
    const broken: RuleSource = { file: source.file, json };
    await expect(renderRuleDocs({ plan, rules: [broken] })).rejects.toBeInstanceOf(RuleExampleFailure);
    await expect(renderRuleDocs({ plan, rules: [broken] })).rejects.toThrow(/rules\/task\.deadline\.json: "Due 9\/2025, done on 30 September 2025": expected fail/);
  });
});

describe("json-rules-engine.md", () => {
  const md = pageOf("json-rules-engine.md");

  it("has a row for every difference from json-rules-engine, with what the engine does, what the library does and why, in both languages", () => {
    expect(ENGINE_DIFFERENCES.length).toBeGreaterThan(5);
    for (const d of ENGINE_DIFFERENCES) {
      const row = rowStarting(md, `<a id="${d.id}"></a>${code(d.id)}`);
      expect(row, d.id).toBeDefined();
      for (const [i, text] of [d.feature, d.engine, d.library, d.why].entries()) {
        expect(row?.[i + 1], `${d.id}`).toContain(text.vi);
        expect(row?.[i + 1], `${d.id}`).toContain(text.en);
      }
    }
    // The JSONPath refusal and the engine's bare TypeErrors are among them.
    expect(ENGINE_DIFFERENCES.map((d) => d.id)).toEqual(expect.arrayContaining(["path", "engine-errors", "float-rounding", "number-readings"]));
  });

  it("is linked from the index", () => {
    expect(pageOf("README.md")).toContain("](json-rules-engine.md)");
  });
});

describe("facts an app brings, in the catalogue", () => {
  const appFacts: AppFacts = { task: { budgetApproved: { type: "boolean", description: { vi: "Đã bố trí kinh phí", en: "Funding approved" } } } };
  const funding: RuleSource = {
    file: "my-rules/app.funding.json",
    json: {
      id: "app.funding",
      title: { vi: "Kinh phí", en: "Funding" },
      description: { vi: "x", en: "x" },
      rationale: { vi: "x", en: "x" },
      severity: "low",
      weight: 0,
      appliesTo: "task",
      factSet: "taskDeadline",
      planClause: { vi: "x", en: "x" },
      cases: [
        { name: "none", conditions: { all: [{ fact: "budgetApproved", operator: "equal", value: false }] }, event: { type: "outcome", params: { verdict: "warn", status: "no-funding", message: { vi: "{label}", en: "{label}" } } } },
        { name: "else", conditions: { all: [] }, event: { type: "outcome", params: { verdict: "pass", status: "ok", message: { vi: "{label}", en: "{label}" } } } },
      ],
      examples: [{ name: "No funding", facts: { budgetApproved: false }, expect: { verdict: "warn", status: "no-funding" } }],
    },
  };

  it("lists the kinds of entity an app brings facts for, and the app's own facts with their words, read in words on its rules' pages", async () => {
    expect(pageOf("README.md")).toMatch(/\| `task` \| nhiệm vụ \(và cơ quan chủ trì\) \| task \(and its lead agency\) \| .*\[`taskDeadline`\]\(#fact-set-taskdeadline\)/);
    const mine = await renderRuleDocs({ plan, rules: [funding], appFacts });
    expect(mine.get(`${RULE_DOCS_DIR}/README.md`)).toContain("| `budgetApproved` | `task` | `boolean` | Đã bố trí kinh phí | Funding approved |");
    const md = mine.get(`${RULE_DOCS_DIR}/app.funding.md`);
    expect(md).toContain("Funding approved: no (`budgetApproved` equal `false`)");
  });
});

describe("coverage.md", () => {
  const md = pageOf("coverage.md");

  it("is computed as of the day after the plan's last milestone", () => {
    expect(coverageDate(plan)).toBe("2046-01-01");
    expect(md).toContain("2046-01-01");
  });

  it("lists every task and indicator of the plan, linked to the catalogue, each checked by at least one rule", () => {
    for (const t of plan.tasks) {
      const pageName = plan.group(t.group)?.appendix === 3 ? "appendix-3.md" : "tasks.md";
      const row = rowStarting(md, `[${escapeMarkdown(t.id)}](../plan/${plan.id}/${pageName}#${anchorOf(t.id)})`);
      expect(row, t.id).toBeDefined();
      expect(Number(row?.at(-1)), t.id).toBeGreaterThanOrEqual(1);
    }
    for (const x of plan.indicators) {
      const row = rowStarting(md, `[${escapeMarkdown(x.id)}](../plan/${plan.id}/indicators.md#${anchorOf(x.id)})`);
      expect(row, x.id).toBeDefined();
      expect(Number(row?.at(-1)), x.id).toBeGreaterThanOrEqual(1);
    }
  });

  it("ends by asserting that every task and indicator is checked", () => {
    const lines = md.trimEnd().split("\n");
    expect(lines.at(-1)).toBe(
      `**Conclusion:** every one of the ${plan.tasks.length} tasks and ${plan.indicators.length} indicators of Plan ${escapeMarkdown(plan.document.number)} is checked by at least one rule.`,
    );
  });

  it("does not count an entity for a rule that skips it", () => {
    // task.deadline skips recurring duties: an annual task is not checked by it, but by task.annual-report.
    const row = rowStarting(md, `[T-1.2](../plan/${plan.id}/tasks.md#t-1.2)`);
    const header = md.split("\n").find((l) => l.startsWith("| Nhiệm vụ — Task"));
    const columns = cells(header as string);
    expect(row?.[columns.indexOf("[`task.deadline`](task.deadline.md)")]).toBe("·");
    expect(row?.[columns.indexOf("[`task.annual-report`](task.annual-report.md)")]).toMatch(/^✓/);
  });
});

describe("the committed docs/rules", () => {
  it("equal the rendered ones (run `npx tsx scripts/generate-docs.ts` to update them)", () => {
    const drift = checkDocs(repoRoot, docs);
    const inRules = (paths: readonly string[]) => paths.filter((p) => p.startsWith(`${RULE_DOCS_DIR}/`));
    expect({ stale: inRules(drift.stale), missing: inRules(drift.missing), extra: inRules(drift.extra) }).toEqual({ stale: [], missing: [], extra: [] });
  });
});
