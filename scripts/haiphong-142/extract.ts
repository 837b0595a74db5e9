/**
 * Builds src/plans/haiphong-142/plan.json from the source text (fixtures/source/haiphong-142.txt), the
 * hand-kept agency table and data notes beside this file, and the translations in translations.json.
 * The committed plan.json is the dataset's source of truth; this script records how it was read and
 * is rerun only when the reading changes.  Usage: npx tsx scripts/haiphong-142/extract.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { definePlan } from "../../src/model/define-plan.js";
import { Plan, type Agency, type DataNote, type Group, type Indicator, type Measure, type Task } from "../../src/model/entities.js";
import type { Target } from "../../src/model/target.js";
import { agencyMatcher, parseAgencyList } from "../../src/parse/agency-list.js";
import { parseDeadline } from "../../src/parse/deadline.js";
import { parseTarget } from "../../src/parse/target.js";
import { agencyIdOf } from "../../src/parse/agency-id.js";
import { agencySeeds } from "./agencies.js";
import { dataNotes } from "./notes.js";

const root = new URL("../../", import.meta.url);
const lines = readFileSync(new URL("fixtures/source/haiphong-142.txt", root), "utf8").split("\n");
const translations: Record<string, string> = JSON.parse(
  readFileSync(new URL("src/plans/haiphong-142/translations.json", root), "utf8"),
);
const fold = (s: string) => s.replace(/\s+/g, " ").trim();
/** 1-based line access. */
const L = (n: number) => fold(lines[n - 1] ?? "");
const missing = new Set<string>();
const en = (vi: string) => {
  const t = translations[vi];
  if (t === undefined) missing.add(vi);
  return t ?? `TODO ${vi}`;
};
const text = (vi: string) => ({ vi, en: en(vi) });
const findLine = (pattern: RegExp, from = 1, to = lines.length) => {
  for (let n = from; n <= to; n++) if (pattern.test(L(n))) return n;
  throw new Error(`no line matches ${pattern} in ${from}-${to}`);
};

// ---------------------------------------------------------------- agencies
const agencies: Agency[] = agencySeeds.map((s) => ({
  id: agencyIdOf(s.vi),
  name: { vi: s.vi, en: s.en },
  aliases: [...new Set([s.vi, ...(s.aliases ?? [])])],
  kind: s.kind,
}));
const matcher = agencyMatcher(agencies.flatMap((a) => a.aliases.map((name) => ({ name, id: a.id }))));
const agencyList = (cell: string) => parseAgencyList(cell, matcher);

// ---------------------------------------------------------------- section B.II
const STRATEGIC = /\s*\(\s*Nhiệm vụ, giải pháp mang tính chiến lược, đặc thù\s*\)/u;
const bStart = findLine(/^II\. Các nhiệm vụ, giải pháp cụ thể khác/);
const bEnd = findLine(/^C\. PHÂN CÔNG NHIỆM VỤ/);
interface BTask { id: string; group: string; parent?: string; title: string; strategic: boolean; line: number }
const bTasks: BTask[] = [];
const groups: Group[] = [];
{
  let group = "";
  let current: BTask | undefined;
  let bullets = 0;
  for (let n = bStart + 1; n < bEnd; n++) {
    const line = L(n);
    if (line === "") continue;
    const heading = /^(\d)\. (.*)$/u.exec(line);
    const task = /^(\d)\.(\d+)\. (.*)$/u.exec(line);
    const bullet = /^- (.*)$/u.exec(line);
    const strip = (s: string) => ({ title: s.split(STRATEGIC)[0]!.trimEnd(), strategic: STRATEGIC.test(s) });
    if (heading) {
      group = `G-${heading[1]}`;
      if (heading[1] === "8") {
        // Group 8 is a single task; its Appendix 4 heading names the group.
        const headingLine = findLine(/^Các nhiệm vụ, giải pháp khác$/, 1189);
        groups.push({ id: group, title: text(L(headingLine)), appendix: 4, source: { part: "PL4", line: headingLine } });
        current = { id: "T-8", group, ...strip(heading[2]!), line: n };
        bTasks.push(current);
      } else {
        groups.push({ id: group, title: text(heading[2]!), appendix: 4, source: { part: "B.II", line: n } });
      }
    } else if (task) {
      current = { id: `T-${task[1]}.${task[2]}`, group, ...strip(task[3]!), line: n };
      bTasks.push(current);
      bullets = 0;
    } else if (bullet && current) {
      const parent = current.parent ?? current.id;
      bullets += 1;
      bTasks.push({ id: `${parent}.${bullets}`, group, parent, ...strip(bullet[1]!), line: n });
    } else if (current && !current.parent) {
      // A second paragraph of the same task (5.1).
      current.title = `${current.title} ${line}`;
    } else {
      throw new Error(`section B line ${n} is not understood: ${line}`);
    }
  }
}

// ---------------------------------------------------------------- Appendix 4
interface Row { lead?: string; coordinating?: string; output?: string; deadline?: string; text: string; line: number; cells: number }
const pl4Start = findLine(/^PHỤ LỤC 4:/);
const pl4End = findLine(/^Nguồn tra cứu:/, pl4Start);
const pl4 = new Map<string, Row>();
{
  const numberLine = /^(\d+)(?:\.(\d+))?$/u;
  const blocks: { id: string; lines: number[] }[] = [];
  for (let n = findLine(/^1$/, pl4Start); n < pl4End; n++) {
    const line = L(n);
    if (line === "") continue;
    const m = numberLine.exec(line);
    if (m) blocks.push({ id: m[2] ? `T-${m[1]}.${m[2]}` : `G-${m[1]}`, lines: [] });
    else blocks.at(-1)!.lines.push(n);
  }
  const row = (ls: number[]): Row => {
    const c = ls.map(L);
    if (c.length === 5) return { text: c[0]!, lead: c[1], coordinating: c[2], output: c[3], deadline: c[4], line: ls[0]!, cells: 5 };
    if (c.length === 4) return { text: c[0]!, lead: c[1], output: c[2], deadline: c[3], line: ls[0]!, cells: 4 };
    throw new Error(`Appendix 4 row at line ${ls[0]} has ${c.length} cells`);
  };
  for (const block of blocks) {
    if (block.id.startsWith("G-")) {
      // A group heading; group 8 carries its only task's row right after.
      if (block.lines.length === 6) pl4.set(`T-${block.id.slice(2)}`, row(block.lines.slice(1)));
      else if (block.lines.length !== 1) throw new Error(`Appendix 4 group ${block.id} has ${block.lines.length} lines`);
      continue;
    }
    if (block.lines.length <= 5) {
      pl4.set(block.id, row(block.lines));
      continue;
    }
    // A task split into bullet rows: its heading, then five cells per bullet.
    const [head, ...rest] = block.lines;
    pl4.set(block.id, { text: L(head!), line: head!, cells: 1 });
    if (rest.length % 5 !== 0) throw new Error(`Appendix 4 ${block.id} bullets do not come in rows of five`);
    for (let k = 0; k < rest.length / 5; k++) {
      const r = row(rest.slice(k * 5, k * 5 + 5));
      pl4.set(`${block.id}.${k + 1}`, { ...r, text: r.text.replace(/^- /u, "") });
    }
  }
}

const tasks: Task[] = bTasks.map((b) => {
  const r = pl4.get(b.id);
  const assignment = r && r.text !== b.title ? { assignmentText: { vi: r.text, en: en(r.text) } } : {};
  return {
    id: b.id,
    group: b.group,
    ...(b.parent ? { parent: b.parent } : {}),
    title: text(b.title),
    ...assignment,
    lead: r?.lead ? agencyList(r.lead) : [],
    coordinating: r?.coordinating ? agencyList(r.coordinating) : [],
    ...(r?.output ? { output: text(r.output) } : {}),
    ...(r?.deadline ? { deadline: parseDeadline(r.deadline) } : {}),
    strategic: b.strategic,
    source: { part: "B.II", line: b.line },
    ...(r ? { assignmentSource: { part: "PL4", line: r.line } } : {}),
  } satisfies Task;
});
for (const id of pl4.keys()) if (!bTasks.some((b) => b.id === id)) throw new Error(`Appendix 4 row ${id} has no task in section B`);

// ---------------------------------------------------------------- Appendix 3
{
  const start = findLine(/^PHỤ LỤC 3:/);
  const end = pl4Start;
  const roman = /^(I|II|III|IV|V|VI|VII|VIII)$/u;
  const item = /^(\d+(?:-\d+)?)\.$/u;
  let part = "";
  let nq57 = "";
  let pending: number[] = [];
  let firstOfItem = false;
  for (let n = findLine(/^I$/, start); n < end; n++) {
    const line = L(n);
    if (line === "") continue;
    if (roman.test(line)) {
      part = `PL3-${line}`;
      groups.push({ id: part, title: text(L(n + 1)), appendix: 3, source: { part: "PL3", line: n } });
      n += 1;
      continue;
    }
    const m = item.exec(line);
    if (m) {
      nq57 = `NQ57-${m[1]}`;
      firstOfItem = true;
      pending = [];
      continue;
    }
    if (/^\d+$/u.test(line)) {
      // The NQ71 number closes the row's texts: the item's own text (first row only) and the task's.
      let number = line;
      let k = n + 1;
      const sub = /^\((\d+)\)$/u.exec(L(k));
      if (sub) {
        number = `${line} (${sub[1]})`;
        k += 1;
      }
      const [lead, result, deadline] = [L(k), L(k + 1), L(k + 2)];
      if (firstOfItem) {
        const itemLine = pending[0]!;
        groups.push({ id: nq57, title: text(L(itemLine)), appendix: 3, parent: part, source: { part: "PL3", line: itemLine } });
        if (pending.length === 2) pending = pending.slice(1);
        else if (pending.length !== 1) throw new Error(`Appendix 3 ${nq57} opens with ${pending.length} texts`);
      } else if (pending.length !== 1) throw new Error(`Appendix 3 row at ${n} has ${pending.length} texts`);
      const taskLine = pending[0]!;
      tasks.push({
        id: `NQ71-${sub ? `${line}.${sub[1]}` : line}`,
        group: part,
        title: text(L(taskLine)),
        lead: agencyList(lead),
        coordinating: [],
        output: text(result),
        deadline: parseDeadline(deadline),
        strategic: false,
        nq57Item: nq57,
        nq71Number: number,
        source: { part: "PL3", line: taskLine },
      });
      firstOfItem = false;
      pending = [];
      n = k + 2;
      continue;
    }
    pending.push(n);
  }
}

// ---------------------------------------------------------------- Appendix 1
const indicators: Indicator[] = [];
const measureOfUnit = (unit: string | undefined, targets: Target[]): Measure | undefined => {
  if (targets.length === 0) return undefined;
  if (targets.every((t) => t.kind === "qualitative" || t.kind === "none")) return "qualitative";
  if (unit === undefined) return undefined;
  if (unit === "Thứ bậc") return "rank";
  if (unit === "%/năm") return "growth";
  if (unit.startsWith("%")) return "percent";
  if (/\/(?:vạn|\d+) dân$/u.test(unit)) return "ratio";
  if (/^Chỉ số/u.test(unit)) return "index";
  return "count";
};
{
  const start = findLine(/^PHỤ LỤC 1:/);
  const end = findLine(/^PHỤ LỤC 2:/);
  // Rows whose cells differ from TT, name, unit, target, lead (see the data notes).
  const layouts: Record<string, ReadonlyArray<"name" | "unit" | "target" | "lead">> = {
    "11": ["name"],
    "23": ["name", "target", "lead"],
    "36": ["name"],
    "36.1": ["name", "unit", "target", "target", "lead"],
  };
  let part = "";
  let year = 2030;
  let n = findLine(/^I$/, start);
  while (n < end) {
    const line = L(n);
    if (/^(I|II)$/u.test(line)) {
      part = `PL1-${line}`;
      year = line === "I" ? 2030 : 2045;
      // Part I sets its targets "đến năm 2030", part II "đến năm 2045": the years the plan's checks look for.
      groups.push({ id: part, title: text(L(n + 1)), appendix: 1, milestoneYears: [year], source: { part: "PL1", line: n } });
      n += 2;
      continue;
    }
    if (!/^\d+(\.\d+)?$/u.test(line)) throw new Error(`Appendix 1 line ${n}: expected a row number, got "${line}"`);
    const tt = line;
    const layout = layouts[tt] ?? ["name", "unit", "target", "lead"];
    const cells: Record<string, string[]> = { name: [], unit: [], target: [], lead: [] };
    layout.forEach((field, k) => cells[field]!.push(L(n + 1 + k)));
    const parentTt = tt.includes(".") ? tt.split(".")[0] : undefined;
    const unit = cells.unit![0];
    const rank = unit === "Thứ bậc";
    const targets = cells.target!.length ? [parseTarget(cells.target!.join(" "), { year, rank })] : [];
    const measure = measureOfUnit(unit, targets);
    indicators.push({
      id: `PL1-${tt}`,
      appendix: 1,
      group: part,
      ...(parentTt ? { parent: `PL1-${parentTt}` } : {}),
      name: text(cells.name![0]!),
      ...(unit ? { unit: text(unit) } : {}),
      ...(measure ? { measure } : {}),
      direction: measure === "rank" ? "decrease" : "increase",
      lead: cells.lead!.length ? agencyList(cells.lead![0]!) : [],
      targets,
      source: { part: "PL1", line: n },
    });
    n += 1 + layout.length;
  }
}

// ---------------------------------------------------------------- Appendix 2
{
  const start = findLine(/^PHỤ LỤC 2:/);
  const end = findLine(/^PHỤ LỤC 3:/);
  const years = [2025, 2030, 2035, 2040, 2045];
  const OUTPUT = "Bộ số liệu báo cáo";
  let part = "";
  let n = findLine(/^I$/, start);
  let expected = 1;
  while (n < end) {
    const line = L(n);
    if (/^(I|II|III|IV|V)$/u.test(line)) {
      part = `PL2-${line}`;
      groups.push({ id: part, title: text(L(n + 1)), appendix: 2, milestoneYears: years, source: { part: "PL2", line: n } });
      n += 2;
      continue;
    }
    if (line !== String(expected)) throw new Error(`Appendix 2 line ${n}: expected row ${expected}, got "${line}"`);
    const outputLine = findLine(new RegExp(`^${OUTPUT}$`, "u"), n);
    const name = L(n + 1);
    const targetLines = Array.from({ length: outputLine - 1 - (n + 2) }, (_, k) => n + 2 + k);
    const lead = L(outputLine - 1);
    const cells = targetLines.map(L);
    const rank = /^Xếp hạng/u.test(name);
    // Cells are read in column order; a row with fewer cells than years lacks its last ones (data note).
    const targets = cells.map((cell, k) => parseTarget(cell, { year: years[k]!, rank }));
    const hasPercent = cells.some((c) => c.includes("%"));
    const measure: Measure = rank ? "rank" : /^Chỉ số/u.test(name) ? "index" : hasPercent || /^T[ỷỉ] (lệ|trọng)/u.test(name) ? "percent" : "count";
    indicators.push({
      id: `PL2-${expected}`,
      appendix: 2,
      group: part,
      name: text(name),
      ...(hasPercent ? { unit: text("%") } : {}),
      measure,
      direction: rank ? "decrease" : "increase",
      lead: agencyList(lead),
      output: text(L(outputLine)),
      targets,
      source: { part: "PL2", line: n },
    });
    expected += 1;
    n = outputLine + 1;
  }
}
for (const x of indicators) {
  const children = indicators.filter((c) => c.parent === x.id).map((c) => c.id);
  if (children.length) x.children = children;
}
for (const x of indicators)
  for (const t of x.targets)
    t.parts?.forEach((p) => {
      if (p.label) p.label.en = en(p.label.vi);
    });

// ---------------------------------------------------------------- plan
const plan: Plan = {
  id: "haiphong-142",
  document: {
    number: "142/KH-UBND",
    issuer: text("Ủy ban nhân dân thành phố"),
    issuedOn: "2025-06-09",
    title: text(L(4)),
    implements: ["57-NQ/TW", "71/NQ-CP", "89-CTr/TU", "475-KH/TU"],
    replaces: "44/KH-UBND",
  },
  // The parts entities cite as their source, titled as the document heads them.
  parts: [
    { id: "B.II", title: text(L(bStart)) },
    ...[1, 2, 3, 4].map((k) => ({ id: `PL${k}`, title: text(L(findLine(new RegExp(`^PHỤ LỤC ${k}:`))).replace(/:$/, "")) })),
  ],
  agencies,
  groups,
  tasks,
  indicators,
  dataNotes: dataNotes as DataNote[],
};
if (missing.size) {
  console.error(`${missing.size} strings have no translation:\n${[...missing].map((m) => `  ${JSON.stringify(m)}`).join("\n")}`);
  process.exitCode = 1;
}
const checked = Plan.parse(plan);
definePlan(checked);
writeFileSync(new URL("src/plans/haiphong-142/plan.json", root), `${JSON.stringify(checked, null, 2)}\n`);
console.log(
  `plan.json: ${agencies.length} agencies, ${groups.length} groups, ${tasks.length} tasks, ${indicators.length} indicators, ${plan.dataNotes.length} notes`,
);
