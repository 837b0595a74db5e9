/**
 * Generates the committed docs from the library's own declarations: the JSON Schemas in `docs/schema/`,
 * a bilingual catalogue of every shipped plan in `docs/plan/`, for a reviewer to compare row by row with
 * the source document, and the bilingual rule catalogue in `docs/rules/` (see `rule-docs.ts`), for
 * auditors who do not read code.
 *
 *   npx tsx scripts/generate-docs.ts           writes the docs (and removes stale files in the generated directories)
 *   npx tsx scripts/generate-docs.ts --check   writes nothing; exits 1 if a file is stale, missing or extra
 *
 * Either refuses, exit code 1, when a rule's worked example does not give the outcome it expects.
 * Output is deterministic: document order as in the data, no dates or times, LF line endings.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { Deadline } from "../src/model/deadline.js";
import type { DefinedPlan } from "../src/model/define-plan.js";
import type { Agency, DataNote, Group, Indicator, Task } from "../src/model/entities.js";
import type { LocalizedText } from "../src/model/text.js";
import type { Target, TargetMember } from "../src/model/target.js";
import { plans } from "../src/plans/index.js";
import { jsonSchemas } from "../src/schema.js";
import { GENERATED_NOTICE, anchorOf, anchorTag, code, escapeMarkdown, page, table } from "./markdown.js";
import { RuleExampleFailure, renderRuleDocs } from "./rule-docs.js";

export { GENERATED_NOTICE, anchorOf, escapeMarkdown };

/** The directories whose every file is generated, relative to the repository root. */
export const GENERATED_DIRS: readonly string[] = ["docs/plan", "docs/rules", "docs/schema"];

/** The repository root (the parent of `scripts/`). */
export const repoRoot: string = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The pages of one plan's catalogue, all in `docs/plan/<plan id>/`. */
export type PlanPage = "README.md" | "tasks.md" | "appendix-3.md" | "indicators.md" | "agencies.md" | "data-notes.md";

const PAGE_TITLES: ReadonlyArray<readonly [PlanPage, string]> = [
  ["README.md", "Overview"],
  ["tasks.md", "Tasks (B.II / Appendix 4)"],
  ["appendix-3.md", "Appendix 3"],
  ["indicators.md", "Indicators (Appendices 1 and 2)"],
  ["agencies.md", "Agencies"],
  ["data-notes.md", "Data notes"],
];

// ---------------------------------------------------------------------------------------------------
// Markdown primitives

function bilingual(text: LocalizedText | { vi: string; en?: string | undefined }): string {
  return text.en ? `${escapeMarkdown(text.vi)} — ${escapeMarkdown(text.en)}` : escapeMarkdown(text.vi);
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---------------------------------------------------------------------------------------------------
// Readings of deadlines and targets

const DEADLINE_GLOSS: Record<Deadline["kind"], string> = {
  month: "due at the end of a month",
  year: "due at the end of a year",
  range: "a span of years, due at its end",
  annual: "every year",
  continuous: "ongoing",
  fromYear: "every year from a given year",
  referenced: "as set by the documents it refers to",
};

/** How a deadline is read, e.g. `month, due 2025-04-30` or `annual (every year)`; not escaped. */
export function readDeadline(deadline: Deadline): string {
  const dates = (["start", "end", "from", "due"] as const).filter((k) => deadline[k] !== undefined).map((k) => `${k} ${deadline[k]}`);
  return dates.length > 0 ? `${deadline.kind}, ${dates.join(", ")}` : `${deadline.kind} (${DEADLINE_GLOSS[deadline.kind]})`;
}

const TARGET_SYMBOL: Partial<Record<Target["kind"], string>> = {
  atLeast: "≥",
  greaterThan: ">",
  atMost: "≤",
  lessThan: "<",
  exactly: "=",
};

/** How one comparison is read, e.g. `atLeast, value 60 (≥ 60)`; not escaped. */
export function readComparison(t: Pick<Target, "kind" | "value" | "min" | "max">): string {
  const bounds = (["value", "min", "max"] as const).filter((k) => t[k] !== undefined).map((k) => `${k} ${t[k]}`);
  const symbol = TARGET_SYMBOL[t.kind];
  const gloss =
    symbol !== undefined
      ? `${symbol} ${t.value}`
      : t.kind === "range"
        ? `${t.min} to ${t.max}`
        : t.kind === "rankAtMost"
          ? `rank ${t.value} or better`
          : t.kind === "qualitative"
            ? "assessed by a yes/no"
            : t.kind === "none"
              ? "no target for this year"
              : undefined;
  return `${t.kind}${bounds.length > 0 ? `, ${bounds.join(", ")}` : ""}${gloss ? ` (${gloss})` : ""}`;
}

// ---------------------------------------------------------------------------------------------------
// One plan's catalogue

/** What every page of a plan needs: the plan, where each entity lives, and the notes about it. */
interface Catalogue {
  readonly plan: DefinedPlan;
  readonly pageOf: ReadonlyMap<string, PlanPage>;
  readonly notesAbout: ReadonlyMap<string, readonly DataNote[]>;
}

function catalogueOf(plan: DefinedPlan): Catalogue {
  const pageOf = new Map<string, PlanPage>();
  pageOf.set(plan.id, "README.md");
  for (const g of plan.groups) pageOf.set(g.id, g.appendix === 4 ? "tasks.md" : g.appendix === 3 ? "appendix-3.md" : "indicators.md");
  for (const t of plan.tasks) pageOf.set(t.id, plan.group(t.group)?.appendix === 3 ? "appendix-3.md" : "tasks.md");
  for (const x of plan.indicators) pageOf.set(x.id, "indicators.md");
  for (const a of plan.agencies) pageOf.set(a.id, "agencies.md");
  for (const n of plan.dataNotes) pageOf.set(n.id, "data-notes.md");
  const notesAbout = new Map<string, DataNote[]>();
  for (const note of plan.dataNotes)
    for (const id of new Set(note.about)) {
      const list = notesAbout.get(id);
      if (list) list.push(note);
      else notesAbout.set(id, [note]);
    }
  return { plan, pageOf, notesAbout };
}

/** A link from `from` to the entity `id`, shown as `text` (the id by default). */
function link(c: Catalogue, from: PlanPage, id: string, text: string = escapeMarkdown(id)): string {
  const target = c.pageOf.get(id);
  if (target === undefined) return text;
  if (target === "README.md" && id === c.plan.id) return from === "README.md" ? text : `[${text}](README.md)`;
  return `[${text}](${target === from ? "" : target}#${anchorOf(id)})`;
}

function links(c: Catalogue, from: PlanPage, ids: readonly string[]): string {
  return ids.length === 0 ? "—" : ids.map((id) => link(c, from, id)).join(", ");
}

function noteLinks(c: Catalogue, from: PlanPage, id: string): string | undefined {
  const notes = c.notesAbout.get(id);
  return notes && notes.length > 0 ? notes.map((n) => link(c, from, n.id)).join(", ") : undefined;
}

/** Agency names in Vietnamese with the English in brackets, each linked to agencies.md. */
function agencyList(c: Catalogue, from: PlanPage, ids: readonly string[]): string {
  return ids
    .map((id) => {
      const a = c.plan.agency(id);
      return a ? `${link(c, from, id, escapeMarkdown(a.name.vi))} (${escapeMarkdown(a.name.en)})` : escapeMarkdown(id);
    })
    .join("; ");
}

/** Agency names in Vietnamese, linked, with the English as the link's title (for crowded tables). */
function agencyNames(c: Catalogue, from: PlanPage, ids: readonly string[]): string {
  if (ids.length === 0) return "—";
  return ids
    .map((id) => {
      const a = c.plan.agency(id);
      if (!a) return escapeMarkdown(id);
      const title = a.name.en.replace(/"/g, "&quot;");
      return `[${escapeMarkdown(a.name.vi)}](${from === "agencies.md" ? "" : "agencies.md"}#${anchorOf(id)} "${title}")`;
    })
    .join("; ");
}

function sourceText(part: string, line: number): string {
  const name = part === "B.II" ? "section B.II" : part.startsWith("PL") ? `Appendix ${part.slice(2)}` : part;
  return `${name}, line ${line}`;
}

function navigation(current: PlanPage): string[] {
  return [PAGE_TITLES.map(([p, title]) => (p === current ? `**${title}**` : `[${title}](${p})`)).join(" · ")];
}

function heading(level: number, id: string, text: string): string {
  return `${"#".repeat(level)} ${anchorTag(id)}${text}`;
}

function documentLabel(plan: DefinedPlan): string {
  return `Plan ${escapeMarkdown(plan.document.number)}`;
}

// README.md ------------------------------------------------------------------------------------------

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

function renderOverview(c: Catalogue): string {
  const { plan } = c;
  const doc = plan.document;
  const from: PlanPage = "README.md";
  const b2 = plan.tasks.filter((t) => plan.group(t.group)?.appendix === 4);
  const a3 = plan.tasks.filter((t) => plan.group(t.group)?.appendix === 3);
  const pl1 = plan.indicators.filter((x) => x.appendix === 1);
  const pl2 = plan.indicators.filter((x) => x.appendix === 2);
  const strategic = plan.tasks.filter((t) => t.strategic);
  const targets = plan.indicators.flatMap((x) => x.targets);
  const deadlines = plan.tasks.flatMap((t) => (t.deadline ? [t.deadline] : []));
  const groupsOf = (appendix: number) => plan.groups.filter((g) => g.appendix === appendix);
  const planNotes = noteLinks(c, from, plan.id);

  return page([
    [`# ${documentLabel(plan)} — ${code(plan.id)}`],
    navigation(from),
    [
      "This catalogue shows the plan's data as the library ships it, page by page in the order of the document, so that a",
      "reviewer can compare it row by row with the source. Vietnamese text is quoted verbatim from the document (only runs",
      "of whitespace folded); English is the dataset's translation. Anchors are entity ids in lower case, e.g.",
      "`tasks.md#t-5.8.1`, `indicators.md#pl2-44`, `agencies.md#so-khoa-hoc-va-cong-nghe`.",
    ],
    ["## The document"],
    table(
      ["Field", "Value"],
      [
        ["Number (số)", escapeMarkdown(doc.number)],
        ["Issuer", bilingual(doc.issuer)],
        ["Issued on", doc.issuedOn],
        ["Title (vi)", escapeMarkdown(doc.title.vi)],
        ["Title (en)", escapeMarkdown(doc.title.en)],
        ["Implements", doc.implements.length > 0 ? doc.implements.map(escapeMarkdown).join(", ") : "—"],
        ["Replaces", doc.replaces ? escapeMarkdown(doc.replaces) : "—"],
        ["Data notes on the document", planNotes ?? "—"],
      ],
    ),
    ["## Counts"],
    table(
      ["What", "Count", "Page"],
      [
        ["Agencies", String(plan.agencies.length), "[agencies.md](agencies.md)"],
        [
          "Tasks of section B.II / Appendix 4",
          `${b2.length} (${plural(b2.filter((t) => !t.parent).length, "task")}, ${plural(b2.filter((t) => t.parent).length, "sub-item")}) in ${plural(groupsOf(4).length, "group")}`,
          "[tasks.md](tasks.md)",
        ],
        [
          "Tasks of Appendix 3 (NQ71 tasks)",
          `${a3.length} under ${plural(groupsOf(3).filter((g) => g.parent).length, "NQ57 item")} in ${plural(groupsOf(3).filter((g) => !g.parent).length, "part")}`,
          "[appendix-3.md](appendix-3.md)",
        ],
        ["Strategic tasks", String(strategic.length), "[below](#strategic-tasks)"],
        [
          "Indicators of Appendix 1",
          `${pl1.length} in ${plural(groupsOf(1).length, "part")}, of which ${plural(pl1.filter((x) => x.targets.length === 0).length, "heading row")} with no target of their own`,
          "[indicators.md](indicators.md#appendix-1)",
        ],
        ["Indicators of Appendix 2", `${pl2.length} in ${plural(groupsOf(2).length, "group")}`, "[indicators.md](indicators.md#appendix-2)"],
        ["Targets (one per indicator and year)", String(targets.length), "[indicators.md](indicators.md#reading-of-targets)"],
        ["Data notes", String(plan.dataNotes.length), "[data-notes.md](data-notes.md)"],
      ],
    ),
    ["### Tasks by source part"],
    table(
      ["Source part", "Tasks", "With a lead", "With a deadline"],
      [...countBy(plan.tasks, (t) => t.source.part)].map(([part, n]) => {
        const ts = plan.tasks.filter((t) => t.source.part === part);
        return [sourceText(part, 1).replace(/, line 1$/, ""), String(n), String(ts.filter((t) => t.lead.length > 0).length), String(ts.filter((t) => t.deadline).length)];
      }),
    ),
    ["### Indicators by appendix and group"],
    table(
      ["Group", "Title (vi — en)", "Indicators", "Targets"],
      plan.groups
        .filter((g) => g.appendix !== undefined && g.appendix <= 2)
        .map((g) => {
          const xs = plan.indicatorsInGroup(g.id);
          return [link(c, from, g.id), bilingual(g.title), String(xs.length), String(xs.reduce((n, x) => n + x.targets.length, 0))];
        }),
    ),
    ["### Deadlines and targets by kind"],
    table(
      ["Deadline kind", "Tasks"],
      [...countBy(deadlines, (d) => d.kind)].map(([kind, n]) => [`${code(kind)} (${DEADLINE_GLOSS[kind as Deadline["kind"]]})`, String(n)]),
    ),
    table(
      ["Target kind", "Targets", "Of which aspirational (phấn đấu)"],
      [...countBy(targets, (t) => t.kind)].map(([kind, n]) => [
        code(kind),
        String(n),
        String(targets.filter((t) => t.kind === kind && t.aspirational).length),
      ]),
    ),
    ["### Agencies by kind"],
    table(
      ["Kind", "Agencies"],
      [...countBy(plan.agencies, (a) => a.kind)].map(([kind, n]) => [code(kind), String(n)]),
    ),
    ["### Data notes by kind"],
    table(
      ["Kind", "Notes"],
      [...countBy(plan.dataNotes, (n) => n.kind)].map(([kind, n]) => [
        code(kind),
        `${n}: ${plan.dataNotes.filter((d) => d.kind === kind).map((d) => link(c, from, d.id)).join(", ")}`,
      ]),
    ),
    [heading(2, "strategic-tasks", "Strategic tasks"), "", "Marked \"Nhiệm vụ, giải pháp mang tính chiến lược, đặc thù\" (strategic / special tasks)."],
    table(
      ["Task", "Title (en)", "Lead", "Deadline"],
      strategic.map((t) => [
        link(c, from, t.id),
        escapeMarkdown(t.title.en),
        agencyNames(c, from, t.lead),
        t.deadline ? escapeMarkdown(t.deadline.raw) : "—",
      ]),
    ),
    ["## Pages"],
    [
      "- [tasks.md](tasks.md): section B.II and Appendix 4, by task group, with each task's lead, coordinating agencies, output and deadline.",
      "- [appendix-3.md](appendix-3.md): Appendix 3, the tasks of Government Resolution 71/NQ-CP assigned to the city, by part and NQ57 item.",
      "- [indicators.md](indicators.md): Appendix 1 (targets to 2030 and 2045) and Appendix 2 (targets by milestone year), with the reading of every target.",
      "- [agencies.md](agencies.md): every agency with its spellings and what it leads or coordinates.",
      "- [data-notes.md](data-notes.md): every place where the source is not clean, and how the dataset reads it.",
      "- JSON Schemas of the exported data: [`docs/schema/`](../../schema/).",
    ],
  ]);
}

// tasks.md -------------------------------------------------------------------------------------------

function taskDetails(c: Catalogue, from: PlanPage, t: Task): string[] {
  const { plan } = c;
  const children = plan.childrenOf(t.id);
  const notes = noteLinks(c, from, t.id);
  const missing = (what: string): string =>
    children.length > 0
      ? `— (${what} given on each sub-item below)`
      : notes
        ? `— (the plan gives none; see ${notes})`
        : "— (the plan gives none)";
  const lines: string[] = [];
  lines.push(`- **Lead** (cơ quan chủ trì): ${t.lead.length > 0 ? agencyList(c, from, t.lead) : missing("leads")}`);
  lines.push(
    `- **Coordinating** (cơ quan phối hợp): ${t.coordinating.length > 0 ? agencyList(c, from, t.coordinating) : t.lead.length > 0 ? "— (none named)" : missing("coordinating agencies")}`,
  );
  lines.push(`- **Output** (sản phẩm đầu ra): ${t.output ? bilingual(t.output) : missing("outputs")}`);
  lines.push(
    `- **Deadline** (thời gian thực hiện/hoàn thành): ${t.deadline ? `${escapeMarkdown(t.deadline.raw)} → ${readDeadline(t.deadline)}` : missing("deadlines")}`,
  );
  if (t.nq57Item) lines.push(`- **NQ57 item**: ${link(c, from, t.nq57Item)}`);
  if (t.nq71Number) lines.push(`- **NQ71 number**: ${escapeMarkdown(t.nq71Number)}`);
  if (children.length > 0) lines.push(`- **Sub-items**: ${links(c, from, children.map((x) => x.id))}`);
  if (t.parent) lines.push(`- **Sub-item of**: ${link(c, from, t.parent)}`);
  const sources = [sourceText(t.source.part, t.source.line)];
  if (t.assignmentSource) sources.push(sourceText(t.assignmentSource.part, t.assignmentSource.line));
  else if (plan.group(t.group)?.appendix === 4) sources.push("no Appendix 4 row");
  lines.push(`- **Source**: ${sources.join("; ")}`);
  if (notes) lines.push(`- **Data notes**: ${notes}`);
  return lines;
}

function taskBlocks(c: Catalogue, t: Task, level: number): string[][] {
  const from: PlanPage = "tasks.md";
  const badge = t.strategic ? " `strategic`" : "";
  const blocks: string[][] = [
    [heading(level, t.id, `${escapeMarkdown(t.id)}${badge}`)],
    [`**Section B.II (vi):** ${escapeMarkdown(t.title.vi)}`],
    [`**English:** ${escapeMarkdown(t.title.en)}`],
  ];
  if (t.assignmentText) {
    blocks.push([`**Appendix 4 wording (vi):** ${escapeMarkdown(t.assignmentText.vi)}`]);
    if (t.assignmentText.en) blocks.push([`**English:** ${escapeMarkdown(t.assignmentText.en)}`]);
  }
  blocks.push(taskDetails(c, from, t));
  for (const child of c.plan.childrenOf(t.id)) if ("lead" in child && "coordinating" in child) blocks.push(...taskBlocks(c, child, Math.min(level + 1, 6)));
  return blocks;
}

function renderTasks(c: Catalogue): string {
  const { plan } = c;
  const from: PlanPage = "tasks.md";
  const groups = plan.groups.filter((g) => g.appendix === 4);
  const blocks: string[][] = [
    [`# ${documentLabel(plan)} — Tasks of section B.II and Appendix 4`],
    navigation(from),
    [
      "Section B.II states the tasks (nhiệm vụ, giải pháp); Appendix 4 gives each its lead (cơ quan chủ trì), coordinating",
      "agencies (cơ quan phối hợp), output (sản phẩm đầu ra) and deadline (thời gian thực hiện/hoàn thành). Each task",
      "shows its section B.II text, then its Appendix 4 wording where that differs. `strategic` marks a task flagged",
      "\"Nhiệm vụ, giải pháp mang tính chiến lược, đặc thù\". Deadlines are shown as written, then as read. Source lines",
      "are those of the flattened source text.",
    ],
    ["## Groups"],
    table(
      ["Group", "Title (vi — en)", "Tasks (sub-items included)", "Strategic"],
      groups.map((g) => {
        const ts = plan.tasksInGroup(g.id);
        return [link(c, from, g.id), bilingual(g.title), String(ts.length), String(ts.filter((t) => t.strategic).length)];
      }),
    ),
  ];
  for (const g of groups) {
    blocks.push([heading(2, g.id, `${escapeMarkdown(g.id)}. ${escapeMarkdown(g.title.vi)}`)]);
    blocks.push([`*${escapeMarkdown(g.title.en)}*`]);
    const groupNotes = noteLinks(c, from, g.id);
    blocks.push([`Source: ${sourceText(g.source.part, g.source.line)}.${groupNotes ? ` Data notes: ${groupNotes}.` : ""}`]);
    const tasks = plan.tasks.filter((t) => t.group === g.id);
    const ids = new Set(tasks.map((t) => t.id));
    // Top-level tasks, and sub-items whose parent sits in another group, open a section; the rest nest.
    for (const t of tasks) if (!t.parent || !ids.has(t.parent)) blocks.push(...taskBlocks(c, t, 3));
  }
  const ungrouped = plan.tasks.filter((t) => c.pageOf.get(t.id) === "tasks.md" && !plan.group(t.group));
  if (ungrouped.length > 0) {
    blocks.push(["## Tasks of no known group"]);
    for (const t of ungrouped) if (!t.parent) blocks.push(...taskBlocks(c, t, 3));
  }
  return page(blocks);
}

// appendix-3.md --------------------------------------------------------------------------------------

function appendix3Row(c: Catalogue, t: Task): string[] {
  const from: PlanPage = "appendix-3.md";
  const notes = noteLinks(c, from, t.id);
  return [
    `${anchorTag(t.id)}${escapeMarkdown(t.id)}`,
    t.nq71Number ? escapeMarkdown(t.nq71Number) : "—",
    `${escapeMarkdown(t.title.vi)}<br>*${escapeMarkdown(t.title.en)}*${notes ? `<br>Data notes: ${notes}` : ""}`,
    t.lead.length > 0 ? agencyList(c, from, t.lead) : "—",
    t.output ? `${escapeMarkdown(t.output.vi)}<br>*${escapeMarkdown(t.output.en)}*` : "—",
    t.deadline ? `${escapeMarkdown(t.deadline.raw)}<br>${readDeadline(t.deadline)}` : "—",
  ];
}

const APPENDIX_3_HEADER = ["Id", "NQ71 no.", "Task (vi / en)", "Lead (chủ trì)", "Result (kết quả cần đạt)", "Deadline (thời gian hoàn thành)"];

function renderAppendix3(c: Catalogue): string {
  const { plan } = c;
  const from: PlanPage = "appendix-3.md";
  const parts = plan.groups.filter((g) => g.appendix === 3 && !g.parent);
  const blocks: string[][] = [
    [`# ${documentLabel(plan)} — Appendix 3`],
    navigation(from),
    [
      "Appendix 3 lists the tasks of Government Resolution 71/NQ-CP (NQ71) that the city carries out, by part and by the",
      "item of Politburo Resolution 57-NQ/TW (NQ57) they implement. Each row gives the NQ71 task number, the task, its",
      "lead, the result to reach and the deadline, as written and as read. Coordinating agencies are listed where the data",
      "has them.",
    ],
    ["## Parts"],
    table(
      ["Part", "Title (vi — en)", "NQ57 items", "Tasks"],
      parts.map((p) => [
        link(c, from, p.id),
        bilingual(p.title),
        String(plan.groups.filter((g) => g.parent === p.id).length),
        String(plan.tasksInGroup(p.id).length),
      ]),
    ),
  ];
  const rendered = new Set<string>();
  const rowsOf = (tasks: readonly Task[]) => {
    tasks.forEach((t) => rendered.add(t.id));
    const coordinating = tasks.some((t) => t.coordinating.length > 0);
    return coordinating
      ? table(
          [...APPENDIX_3_HEADER, "Coordinating (phối hợp)"],
          tasks.map((t) => [...appendix3Row(c, t), t.coordinating.length > 0 ? agencyList(c, from, t.coordinating) : "—"]),
        )
      : table(APPENDIX_3_HEADER, tasks.map((t) => appendix3Row(c, t)));
  };
  const groupHeader = (g: Group, level: number, label: string) => {
    const notes = noteLinks(c, from, g.id);
    blocks.push([heading(level, g.id, `${label}. ${escapeMarkdown(g.title.vi)}`)]);
    blocks.push([`*${escapeMarkdown(g.title.en)}*`]);
    blocks.push([`Source: ${sourceText(g.source.part, g.source.line)}.${notes ? ` Data notes: ${notes}.` : ""}`]);
  };
  for (const part of parts) {
    groupHeader(part, 2, escapeMarkdown(part.id));
    const direct = plan.tasks.filter((t) => t.group === part.id && (!t.nq57Item || plan.group(t.nq57Item)?.parent !== part.id));
    if (direct.length > 0) blocks.push(rowsOf(direct));
    for (const item of plan.groups.filter((g) => g.parent === part.id)) {
      groupHeader(item, 3, escapeMarkdown(item.id));
      const tasks = plan.tasks.filter((t) => t.nq57Item === item.id || (t.group === item.id && !t.nq57Item));
      blocks.push(tasks.length > 0 ? rowsOf(tasks) : ["No task of this item in the data."]);
    }
  }
  const rest = plan.tasks.filter((t) => c.pageOf.get(t.id) === from && !rendered.has(t.id));
  if (rest.length > 0) blocks.push(["## Tasks of no NQ57 item listed above"], rowsOf(rest));
  return page(blocks);
}

// indicators.md --------------------------------------------------------------------------------------

function indicatorCell(c: Catalogue, from: PlanPage, x: Indicator): string {
  const notes = noteLinks(c, from, x.id);
  return `${escapeMarkdown(x.name.vi)}<br>*${escapeMarkdown(x.name.en)}*${notes ? `<br>Data notes: ${notes}` : ""}`;
}

function idCell(x: Indicator, depth: number): string {
  const marker = depth > 0 ? `${"&nbsp;&nbsp;".repeat(depth)}↳ ` : "";
  return `${marker}${anchorTag(x.id)}[${escapeMarkdown(x.id)}](#${anchorOf(x.id)}-targets)`;
}

/** Indicators of a group, each parent followed by its children (at any depth), in document order. */
function withChildren(c: Catalogue, list: readonly Indicator[]): Array<readonly [Indicator, number]> {
  const inList = new Set(list.map((x) => x.id));
  const out: Array<readonly [Indicator, number]> = [];
  const seen = new Set<string>();
  const visit = (x: Indicator, depth: number) => {
    if (seen.has(x.id)) return;
    seen.add(x.id);
    out.push([x, depth]);
    for (const child of c.plan.childrenOf(x.id)) if ("targets" in child) visit(child, depth + 1);
  };
  for (const x of list) if (!x.parent || !inList.has(x.parent)) visit(x, 0);
  for (const x of list) visit(x, 0);
  return out;
}

function unitText(x: Indicator): string {
  if (!x.unit) return "—";
  return x.unit.vi === x.unit.en ? escapeMarkdown(x.unit.vi) : `${escapeMarkdown(x.unit.vi)} (${escapeMarkdown(x.unit.en)})`;
}

function appendix1Table(c: Catalogue, list: readonly Indicator[]): string[] {
  const from: PlanPage = "indicators.md";
  return table(
    ["Id", "Indicator (vi / en)", "Unit", "Target (year)", "Lead"],
    withChildren(c, list).map(([x, depth]) => [
      idCell(x, depth),
      indicatorCell(c, from, x),
      unitText(x),
      x.targets.length > 0 ? x.targets.map((t) => `${escapeMarkdown(t.raw)} (${t.year})`).join("<br>") : "— (heading row)",
      agencyNames(c, from, x.lead),
    ]),
  );
}

function appendix2Table(c: Catalogue, list: readonly Indicator[], years: readonly number[]): string[] {
  const from: PlanPage = "indicators.md";
  return table(
    ["Id", "Indicator (vi / en)", ...years.map(String), "Lead"],
    withChildren(c, list).map(([x, depth]) => [
      idCell(x, depth),
      indicatorCell(c, from, x),
      ...years.map((year) => {
        const t = x.targets.find((target) => target.year === year);
        return t ? escapeMarkdown(t.raw) : "(no cell)";
      }),
      agencyNames(c, from, x.lead),
    ]),
  );
}

function outputsNote(list: readonly Indicator[]): string[] {
  const outputs = new Map<string, { text: LocalizedText; ids: string[] }>();
  for (const x of list) {
    if (!x.output) continue;
    const key = `${x.output.vi}\u0000${x.output.en}`;
    const entry = outputs.get(key);
    if (entry) entry.ids.push(x.id);
    else outputs.set(key, { text: x.output, ids: [x.id] });
  }
  const withOutput = [...outputs.values()];
  if (withOutput.length === 0) return [];
  const none = list.filter((x) => !x.output).map((x) => x.id);
  if (withOutput.length === 1 && none.length === 0)
    return [`Output (sản phẩm đầu ra) of every row: ${bilingual((withOutput[0] as { text: LocalizedText }).text)}.`];
  return [
    "Outputs (sản phẩm đầu ra):",
    "",
    ...withOutput.map((o) => `- ${bilingual(o.text)}: ${o.ids.map(escapeMarkdown).join(", ")}`),
    ...(none.length > 0 ? [`- none: ${none.map(escapeMarkdown).join(", ")}`] : []),
  ];
}

function memberLines(members: readonly TargetMember[], indent: string): string[] {
  return members.map((m) => {
    const label = m.label ? `; for ${bilingual(m.label)}` : "";
    return `${indent}- ${code(m.raw)} → ${escapeMarkdown(readComparison(m))}${label}`;
  });
}

function readingLines(c: Catalogue, x: Indicator): string[] {
  const from: PlanPage = "indicators.md";
  const facts = [
    x.measure ? code(x.measure) : "no measure",
    x.direction === "increase" ? "higher is better" : "lower is better",
    x.unit ? `unit ${unitText(x)}` : "no unit",
  ];
  const lines = [`- ${anchorTag(`${x.id}-targets`)}**${link(c, from, x.id)}** · ${facts.join(" · ")}`];
  if (x.targets.length === 0)
    lines.push(`  - no target of its own${x.children && x.children.length > 0 ? `; see ${links(c, from, x.children)}` : ""}`);
  for (const t of x.targets) {
    const kind = t.kind === "parts" ? "parts, all to be met" : t.kind === "alternatives" ? "alternatives, one to be met" : readComparison(t);
    const aspirational = t.aspirational ? "; aspirational (phấn đấu)" : "";
    lines.push(`  - ${t.year}: ${code(t.raw)} → ${escapeMarkdown(kind)}${aspirational}`);
    if (t.parts) lines.push(...memberLines(t.parts, "    "));
    if (t.alternatives) lines.push(...memberLines(t.alternatives, "    "));
  }
  const notes = noteLinks(c, from, x.id);
  if (notes) lines.push(`  - data notes: ${notes}`);
  return lines;
}

function renderIndicators(c: Catalogue): string {
  const { plan } = c;
  const from: PlanPage = "indicators.md";
  const pl1Groups = plan.groups.filter((g) => g.appendix === 1);
  const pl2Groups = plan.groups.filter((g) => g.appendix === 2);
  const pl1 = plan.indicators.filter((x) => x.appendix === 1);
  const pl2 = plan.indicators.filter((x) => x.appendix === 2);
  const years = [...new Set(pl2.flatMap((x) => x.targets.map((t) => t.year)))].sort((a, b) => a - b);
  const ungrouped = (list: readonly Indicator[], groups: readonly Group[]) => {
    const ids = new Set(groups.map((g) => g.id));
    return list.filter((x) => !x.group || !ids.has(x.group));
  };
  const groupHeader = (g: Group) => {
    const notes = noteLinks(c, from, g.id);
    return [
      [heading(3, g.id, `${escapeMarkdown(g.id)}. ${escapeMarkdown(g.title.vi)}`)],
      [`*${escapeMarkdown(g.title.en)}* · source: ${sourceText(g.source.part, g.source.line)}${notes ? ` · data notes: ${notes}` : ""}`],
    ];
  };

  const blocks: string[][] = [
    [`# ${documentLabel(plan)} — Indicators (Appendices 1 and 2)`],
    navigation(from),
    [
      "Appendix 1 sets the plan's indicators (chỉ tiêu) to 2030 and to 2045; Appendix 2 sets indicators by milestone year.",
      "Target cells are shown as written in the document, `-` included; \"(no cell)\" marks a year for which the row has no",
      "cell at all. Each id links to the reading of its targets in [Reading of targets](#reading-of-targets) below; leads",
      "link to [agencies.md](agencies.md) (hover for the English name).",
    ],
    [heading(2, "appendix-1", "Appendix 1")],
  ];
  for (const g of pl1Groups) {
    blocks.push(...groupHeader(g));
    const list = pl1.filter((x) => x.group === g.id);
    blocks.push(list.length > 0 ? appendix1Table(c, list) : ["No indicator in this part."]);
  }
  const pl1Rest = ungrouped(pl1, pl1Groups);
  if (pl1Rest.length > 0) blocks.push(["### Indicators of no part"], appendix1Table(c, pl1Rest));

  blocks.push([heading(2, "appendix-2", "Appendix 2")]);
  const pl2Outputs = outputsNote(pl2);
  if (pl2Outputs.length > 0) blocks.push(pl2Outputs);
  for (const g of pl2Groups) {
    blocks.push(...groupHeader(g));
    const list = pl2.filter((x) => x.group === g.id);
    blocks.push(list.length > 0 ? appendix2Table(c, list, years) : ["No indicator in this group."]);
  }
  const pl2Rest = ungrouped(pl2, pl2Groups);
  if (pl2Rest.length > 0) blocks.push(["### Indicators of no group"], appendix2Table(c, pl2Rest, years));

  blocks.push(
    [heading(2, "reading-of-targets", "Reading of targets")],
    [
      "How the dataset reads each target cell: its kind, its bounds (decimal numbers in the document's unit, decimal comma",
      "read as a point and thousands dot dropped), whether it is aspirational (\"phấn đấu\"), and the members of a cell",
      "holding several targets (`parts`: all apply, each to its own population; `alternatives`: one of them is enough).",
    ],
    ["### Appendix 1"],
    withChildren(c, pl1).flatMap(([x]) => readingLines(c, x)),
    ["### Appendix 2"],
    withChildren(c, pl2).flatMap(([x]) => readingLines(c, x)),
  );
  return page(blocks);
}

// agencies.md ----------------------------------------------------------------------------------------

function renderAgencies(c: Catalogue): string {
  const { plan } = c;
  const from: PlanPage = "agencies.md";
  const roles = (a: Agency) => ({
    lead: plan.tasksByAgency(a.id, "lead").map((t) => t.id),
    coordinating: plan.tasksByAgency(a.id, "coordinating").map((t) => t.id),
    indicators: plan.indicatorsByAgency(a.id).map((x) => x.id),
  });
  const blocks: string[][] = [
    [`# ${documentLabel(plan)} — Agencies`],
    navigation(from),
    [
      "Every body the plan assigns work to, in the order the dataset lists them, with every spelling met in the text",
      "(aliases) and what it leads or coordinates. A `collective` is a group of bodies the document names together; it is",
      "never split. Indicators have lead agencies only.",
    ],
    table(
      ["Agency (vi — en)", "Kind", "Leads tasks", "Coordinates tasks", "Leads indicators"],
      plan.agencies.map((a) => {
        const r = roles(a);
        return [
          `${link(c, from, a.id, escapeMarkdown(a.name.vi))} — ${escapeMarkdown(a.name.en)}`,
          code(a.kind),
          String(r.lead.length),
          String(r.coordinating.length),
          String(r.indicators.length),
        ];
      }),
    ),
  ];
  for (const a of plan.agencies) {
    const r = roles(a);
    const notes = noteLinks(c, from, a.id);
    blocks.push(
      [heading(2, a.id, escapeMarkdown(a.name.vi))],
      [
        `- **English**: ${escapeMarkdown(a.name.en)}`,
        `- **Id**: ${code(a.id)} · **kind**: ${code(a.kind)}`,
        `- **Spellings in the text** (aliases): ${a.aliases.map((s) => `“${escapeMarkdown(s)}”`).join("; ")}`,
        `- **Leads tasks** (${r.lead.length}): ${links(c, from, r.lead)}`,
        `- **Coordinates tasks** (${r.coordinating.length}): ${links(c, from, r.coordinating)}`,
        `- **Leads indicators** (${r.indicators.length}): ${links(c, from, r.indicators)}`,
        ...(notes ? [`- **Data notes**: ${notes}`] : []),
      ],
    );
  }
  return page(blocks);
}

// data-notes.md --------------------------------------------------------------------------------------

function aboutText(c: Catalogue, id: string): string {
  const from: PlanPage = "data-notes.md";
  const agency = c.plan.agency(id);
  if (agency) return `${link(c, from, id, escapeMarkdown(agency.name.vi))} (${code(id)})`;
  if (id === c.plan.id) return `${link(c, from, id)} (the document)`;
  return link(c, from, id);
}

function renderDataNotes(c: Catalogue): string {
  const { plan } = c;
  const from: PlanPage = "data-notes.md";
  const blocks: string[][] = [
    [`# ${documentLabel(plan)} — Data notes`],
    navigation(from),
    [
      "Places where the source document is not clean (a missing cell, a duplicate row, a variant spelling, a typo…) and how",
      "the dataset reads them. Where a note quotes the source, the quote is verbatim.",
    ],
    table(
      ["Note", "Kind", "About"],
      plan.dataNotes.map((n) => [link(c, from, n.id), code(n.kind), n.about.map((id) => link(c, from, id)).join(", ")]),
    ),
  ];
  for (const n of plan.dataNotes) {
    const body = [`- **Kind**: ${code(n.kind)}`, `- **About**: ${n.about.map((id) => aboutText(c, id)).join(", ")}`];
    if (n.text.vi) body.push(`- **Source text (vi)**: “${escapeMarkdown(n.text.vi)}”`);
    blocks.push([heading(2, n.id, escapeMarkdown(n.id))], body, [escapeMarkdown(n.text.en)]);
  }
  return page(blocks);
}

// ---------------------------------------------------------------------------------------------------
// All docs

/** The pages of one plan's catalogue, by page name. */
export function renderPlanDocs(plan: DefinedPlan): Map<PlanPage, string> {
  const c = catalogueOf(plan);
  return new Map<PlanPage, string>([
    ["README.md", renderOverview(c)],
    ["tasks.md", renderTasks(c)],
    ["appendix-3.md", renderAppendix3(c)],
    ["indicators.md", renderIndicators(c)],
    ["agencies.md", renderAgencies(c)],
    ["data-notes.md", renderDataNotes(c)],
  ]);
}

function renderPlanIndex(all: readonly DefinedPlan[]): string {
  return page([
    ["# Plan catalogue"],
    [
      "One catalogue per plan the library ships, generated from the plan data for review against the source document:",
      "the document, its tasks, Appendix 3, its indicators and targets, its agencies and the data notes.",
    ],
    table(
      ["Plan", "Document", "Issued on", "Issuer", "Title (en)", "Tasks", "Indicators", "Data notes"],
      all.map((p) => [
        `[${code(p.id)}](${p.id}/README.md)`,
        escapeMarkdown(p.document.number),
        p.document.issuedOn,
        bilingual(p.document.issuer),
        escapeMarkdown(p.document.title.en),
        String(p.tasks.length),
        String(p.indicators.length),
        String(p.dataNotes.length),
      ]),
    ),
    ["JSON Schemas of the exported data are in [`docs/schema/`](../schema/)."],
  ]);
}

/**
 * Every generated file, by path relative to the repository root (`docs/schema/plan.schema.json`,
 * `docs/plan/haiphong-142/tasks.md`, `docs/rules/task.deadline.md`…), with its content. Pure: reads and
 * writes no file. Async because the rule catalogue runs the rules' worked examples.
 *
 * @throws {RuleExampleFailure} when a worked example of a rule does not give the outcome it expects.
 */
export async function renderDocs(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [name, schema] of Object.entries(jsonSchemas)) files.set(`docs/schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  const all = Object.values(plans);
  files.set("docs/plan/README.md", renderPlanIndex(all));
  for (const plan of all) for (const [name, content] of renderPlanDocs(plan)) files.set(`docs/plan/${plan.id}/${name}`, content);
  for (const [path, content] of await renderRuleDocs({ plan: plans["haiphong-142"] })) files.set(path, content);
  return files;
}

/** Files under `dir` (absolute), as paths relative to `root` with `/` separators, sorted. */
function listFiles(root: string, dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(root, path));
    else out.push(relative(root, path).split(sep).join("/"));
  }
  return out.sort();
}

/** What differs between the rendered docs and the files under `root`. */
export interface DocsDrift {
  /** Generated files whose content on disk differs. */
  readonly stale: readonly string[];
  /** Generated files not on disk. */
  readonly missing: readonly string[];
  /** Files in the generated directories that the generator would not write. */
  readonly extra: readonly string[];
}

/** Compares `files` (what {@link renderDocs} renders) with what is on disk under `root`. */
export function checkDocs(root: string = repoRoot, files: ReadonlyMap<string, string>): DocsDrift {
  const stale: string[] = [];
  const missing: string[] = [];
  for (const [path, content] of files) {
    const file = join(root, path);
    if (!existsSync(file)) missing.push(path);
    else if (readFileSync(file, "utf8") !== content) stale.push(path);
  }
  const extra = GENERATED_DIRS.flatMap((dir) => listFiles(root, join(root, dir))).filter((path) => !files.has(path));
  return { stale, missing, extra };
}

/** Writes the rendered docs under `root`, removes extra files in the generated directories, and lists what changed. */
export function writeDocs(root: string = repoRoot, files: ReadonlyMap<string, string>): DocsDrift {
  const drift = checkDocs(root, files);
  for (const path of [...drift.missing, ...drift.stale]) {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, files.get(path) as string, "utf8");
  }
  for (const path of drift.extra) rmSync(join(root, path));
  return drift;
}

async function main(argv: readonly string[]): Promise<number> {
  let files: Map<string, string>;
  try {
    files = await renderDocs();
  } catch (error) {
    if (!(error instanceof RuleExampleFailure)) throw error;
    console.error(error.message);
    console.error("No docs were written. Fix the rule or its example in rules/, then run `npx tsx scripts/generate-docs.ts` again.");
    return 1;
  }
  if (argv.includes("--check")) {
    const { stale, missing, extra } = checkDocs(repoRoot, files);
    const problems = [
      ...stale.map((p) => `stale:   ${p}`),
      ...missing.map((p) => `missing: ${p}`),
      ...extra.map((p) => `extra:   ${p} (not generated)`),
    ];
    if (problems.length === 0) {
      console.log("docs are up to date");
      return 0;
    }
    for (const line of problems) console.error(line);
    console.error(`Run \`npx tsx scripts/generate-docs.ts\` to regenerate ${GENERATED_DIRS.join(", ")}.`);
    return 1;
  }
  const { stale, missing, extra } = writeDocs(repoRoot, files);
  for (const p of missing) console.log(`wrote   ${p}`);
  for (const p of stale) console.log(`updated ${p}`);
  for (const p of extra) console.log(`removed ${p}`);
  if (stale.length + missing.length + extra.length === 0) console.log("docs are up to date");
  return 0;
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly)
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
