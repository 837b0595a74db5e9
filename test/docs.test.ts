import { posix } from "node:path";
import { describe, expect, it } from "vitest";
import { plans } from "../src/plans/index.js";
import { GENERATED_NOTICE, anchorOf, checkDocs, escapeMarkdown, readDeadline, renderDocs } from "../scripts/generate-docs.js";

const docs = await renderDocs();
const plan = plans["haiphong-142"];
const dir = `docs/plan/${plan.id}`;

function pageOf(name: string): string {
  const content = docs.get(`${dir}/${name}`);
  if (content === undefined) throw new Error(`${dir}/${name} is not rendered`);
  return content;
}

/** The ids of the `<a id="…"></a>` anchors of a page, in order. */
function anchors(content: string): string[] {
  return [...content.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1] as string);
}

/** The cells of the table row that holds `id`'s anchor. */
function rowOf(content: string, id: string): string[] {
  const line = content.split("\n").find((l) => l.startsWith("|") && l.includes(`<a id="${anchorOf(id)}"></a>`));
  if (line === undefined) throw new Error(`no table row for ${id}`);
  // Split on pipes that are not escaped; the leading and trailing pipes give empty ends.
  return line
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe("renderDocs", () => {
  it("renders a JSON Schema file for every published schema, and the plan catalogue", () => {
    const paths = [...docs.keys()];
    expect(paths).toEqual(
      expect.arrayContaining([
        "docs/schema/plan.schema.json",
        "docs/schema/task.schema.json",
        "docs/schema/data-note.schema.json",
        "docs/schema/amendment-file.schema.json",
        "docs/schema/waiver-file.schema.json",
        "docs/schema/succession-file.schema.json",
        "docs/schema/plan-diff.schema.json",
        "docs/plan/README.md",
        `${dir}/README.md`,
        `${dir}/tasks.md`,
        `${dir}/appendix-3.md`,
        `${dir}/indicators.md`,
        `${dir}/agencies.md`,
        `${dir}/data-notes.md`,
      ]),
    );
    for (const path of paths.filter((p) => p.endsWith(".json"))) expect(() => JSON.parse(docs.get(path) as string)).not.toThrow();
  });

  it("is deterministic, LF-only and ends every file with one newline", async () => {
    expect(await renderDocs()).toEqual(docs);
    for (const [path, content] of docs) {
      expect(content, path).not.toContain("\r");
      expect(content.endsWith("\n") && !content.endsWith("\n\n"), path).toBe(true);
    }
  });

  it("starts every Markdown page with the generated-file notice", () => {
    for (const [path, content] of docs) if (path.endsWith(".md")) expect(content.split("\n")[0], path).toBe(GENERATED_NOTICE);
  });

  it("gives every anchor of a page once", () => {
    for (const [path, content] of docs) {
      const list = anchors(content);
      expect(list.length, path).toBe(new Set(list).size);
    }
  });

  it("anchors every task on tasks.md or appendix-3.md", () => {
    const onTasks = new Set(anchors(pageOf("tasks.md")));
    const onAppendix3 = new Set(anchors(pageOf("appendix-3.md")));
    for (const t of plan.tasks) {
      const expected = plan.group(t.group)?.appendix === 3 ? onAppendix3 : onTasks;
      expect(expected.has(anchorOf(t.id)), t.id).toBe(true);
    }
  });

  it("anchors every indicator, agency, data note and group", () => {
    const onIndicators = new Set(anchors(pageOf("indicators.md")));
    const onAgencies = new Set(anchors(pageOf("agencies.md")));
    const onNotes = new Set(anchors(pageOf("data-notes.md")));
    const all = new Set([...docs.entries()].filter(([p]) => p.startsWith(dir)).flatMap(([, c]) => anchors(c)));
    for (const x of plan.indicators) expect(onIndicators.has(anchorOf(x.id)), x.id).toBe(true);
    for (const a of plan.agencies) expect(onAgencies.has(anchorOf(a.id)), a.id).toBe(true);
    for (const n of plan.dataNotes) expect(onNotes.has(anchorOf(n.id)), n.id).toBe(true);
    for (const g of plan.groups) expect(all.has(anchorOf(g.id)), g.id).toBe(true);
  });

  it("shows every target cell of every indicator in indicators.md, in its row", () => {
    const md = pageOf("indicators.md");
    const years = [...new Set(plan.indicators.filter((x) => x.appendix === 2).flatMap((x) => x.targets.map((t) => t.year)))].sort();
    for (const x of plan.indicators) {
      const row = rowOf(md, x.id);
      for (const t of x.targets) {
        expect(md, `${x.id} ${t.year}`).toContain(escapeMarkdown(t.raw));
        if (x.appendix === 2) expect(row[2 + years.indexOf(t.year)], `${x.id} ${t.year}`).toBe(escapeMarkdown(t.raw));
        else expect(row[3], `${x.id} ${t.year}`).toContain(`${escapeMarkdown(t.raw)} (${t.year})`);
        for (const m of [...(t.parts ?? []), ...(t.alternatives ?? [])]) expect(md, `${x.id} ${t.year} member`).toContain(m.raw);
      }
    }
  });

  it("shows a year with no target cell as such, not as a dash", () => {
    // Appendix 2 row 19 has four cells for five years (data note pl2-19-missing-cell).
    const row = rowOf(pageOf("indicators.md"), "PL2-19");
    expect(row.slice(2, 7)).toEqual(["-", "≥ 95%", "100%", "-", "(no cell)"]);
    expect(row[1]).toContain("data-notes.md#pl2-19-missing-cell");
  });

  it("shows each task's deadline as written and as read", () => {
    const md = `${pageOf("tasks.md")}\n${pageOf("appendix-3.md")}`;
    for (const t of plan.tasks) if (t.deadline) expect(md, t.id).toContain(`${escapeMarkdown(t.deadline.raw)}`);
    expect(pageOf("tasks.md")).toContain("4/2025 → month, due 2025-04-30");
    expect(readDeadline({ raw: "2025 - 2030", kind: "range", due: "2030-12-31", start: "2025-01-01", end: "2030-12-31" })).toBe(
      "range, start 2025-01-01, end 2030-12-31, due 2030-12-31",
    );
  });

  it("marks strategic tasks and links the notes of tasks with no lead", () => {
    const md = pageOf("tasks.md");
    for (const t of plan.tasks.filter((x) => x.strategic && plan.group(x.group)?.appendix === 4))
      expect(md, t.id).toContain(`<a id="${anchorOf(t.id)}"></a>${escapeMarkdown(t.id)} \`strategic\``);
    const section = md.slice(md.indexOf('<a id="t-6.6"></a>'), md.indexOf('<a id="g-7"></a>'));
    expect(section).toContain("- **Lead** (cơ quan chủ trì): — (the plan gives none; see [missing-appendix-4-rows](data-notes.md#missing-appendix-4-rows))");
  });

  it("links only to anchors and files that exist", () => {
    for (const [path, content] of docs) {
      if (!path.endsWith(".md")) continue;
      for (const m of content.matchAll(/\]\(([^)\s#]*)(?:#([^)\s]+))?(?: "[^"]*")?\)/g)) {
        const [, file = "", anchor] = m;
        const target = file === "" ? path : posix.normalize(posix.join(posix.dirname(path), file));
        if (target.endsWith("/")) {
          expect([...docs.keys()].some((p) => p.startsWith(target)), `${path} → ${m[0]}`).toBe(true);
          continue;
        }
        const targetContent = docs.get(target);
        expect(targetContent, `${path} → ${m[0]}`).toBeDefined();
        if (anchor !== undefined) expect(anchors(targetContent as string), `${path} → ${m[0]}`).toContain(anchor);
      }
    }
  });
});

describe("escapeMarkdown", () => {
  it.each([
    ["≥ 0,77", "≥ 0,77"],
    ["> 95% đối với cơ sở giáo dục", "> 95% đối với cơ sở giáo dục"],
    ["a | b", "a \\| b"],
    ["< 5", "\\< 5"],
    ["R&D", "R&D"],
    ["&amp;", "&amp;amp;"],
    ["*_`[]~\\", "\\*\\_\\`\\[\\]\\~\\\\"],
  ])("escapes %j as %j", (text, expected) => {
    expect(escapeMarkdown(text)).toBe(expected);
  });
});

describe("the committed docs", () => {
  it("equal the rendered ones (run `npx tsx scripts/generate-docs.ts` to update them)", () => {
    expect(checkDocs(undefined, docs)).toEqual({ stale: [], missing: [], extra: [] });
  });
});
