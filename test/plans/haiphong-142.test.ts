import { describe, expect, it } from "vitest";
import { plans, type Task } from "../../src/index.js";
import data from "../../src/plans/haiphong-142/plan.json";
import { foldedSource, line } from "../source.js";

const plan = plans["haiphong-142"];
const ids = (list: readonly { id: string }[]) => list.map((x) => x.id);

/** Every `vi` string and alias of the dataset, with where it is. */
function vietnameseStrings(value: unknown, path = "plan"): { path: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => vietnameseStrings(v, `${path}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => {
    if ((key === "vi" || key === "raw") && typeof v === "string") return [{ path: `${path}.${key}`, text: v }];
    if (key === "aliases" && Array.isArray(v)) return v.map((text, i) => ({ path: `${path}.aliases[${i}]`, text: String(text) }));
    return vietnameseStrings(v, `${path}.${key}`);
  });
}

describe("Plan 142 as data", () => {
  it("is the committed plan.json, validated", () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(data);
  });

  it("keeps every Vietnamese string verbatim from the source", () => {
    const strings = vietnameseStrings(data);
    expect(strings.length).toBeGreaterThan(700);
    const missing = strings.filter(({ text }) => !foldedSource.includes(text));
    expect(missing).toEqual([]);
  });

  it("gives every Vietnamese text an English translation", () => {
    const untranslated: string[] = [];
    const walk = (value: unknown, path: string): void => {
      if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`));
      if (typeof value !== "object" || value === null) return;
      const record = value as Record<string, unknown>;
      if (typeof record.vi === "string" && path.split(".").at(-1) !== "text" && path.split(".").at(-1) !== "assignmentText") {
        if (typeof record.en !== "string" || record.en.trim() === "" || record.en.startsWith("TODO")) untranslated.push(path);
      }
      for (const [k, v] of Object.entries(record)) walk(v, `${path}.${k}`);
    };
    walk(data, "plan");
    expect(untranslated).toEqual([]);
    for (const t of plan.tasks) if (t.assignmentText) expect(t.assignmentText.en, t.id).toBeTruthy();
  });

  it("starts each entity at a source line that holds it", () => {
    for (const t of plan.tasks) {
      const text = line(t.source.line);
      if (t.source.part === "B.II") expect(text.startsWith(t.parent ? "- " : `${t.id.slice(2)}.`), t.id).toBe(true);
      else expect(text, t.id).toBe(t.title.vi);
    }
    for (const x of plan.indicators) expect(line(x.source.line), x.id).toBe(x.id.replace(/^PL\d-/, ""));
  });

  describe("counts match the document", () => {
    const sectionB = plan.tasks.filter((t) => t.source.part === "B.II");
    const numbered = sectionB.filter((t) => !t.parent);

    it("has the 90 numbered tasks of section B.II in eight groups", () => {
      expect(numbered).toHaveLength(90);
      const perGroup = Object.fromEntries(plan.groups.filter((g) => /^G-/.test(g.id)).map((g) => [g.id, numbered.filter((t) => t.group === g.id).length]));
      expect(perGroup).toEqual({ "G-1": 9, "G-2": 13, "G-3": 16, "G-4": 12, "G-5": 26, "G-6": 6, "G-7": 7, "G-8": 1 });
    });

    it("has the bullet sub-items of 5.8, 5.9, 5.25 and 5.26", () => {
      const subs = (id: string) => ids(plan.childrenOf(id));
      expect(subs("T-5.8")).toEqual(["T-5.8.1", "T-5.8.2", "T-5.8.3", "T-5.8.4", "T-5.8.5"]);
      expect(subs("T-5.9")).toEqual(["T-5.9.1", "T-5.9.2", "T-5.9.3"]);
      expect(subs("T-5.25")).toEqual(["T-5.25.1", "T-5.25.2"]);
      expect(subs("T-5.26")).toEqual(["T-5.26.1", "T-5.26.2", "T-5.26.3", "T-5.26.4"]);
      expect(sectionB.filter((t) => t.parent)).toHaveLength(14);
    });

    it("joins every Appendix 4 row to its task, and leaves 6.6, 7.6 and 7.7 without one", () => {
      const withoutRow = numbered.filter((t) => !t.assignmentSource).map((t) => t.id);
      expect(withoutRow).toEqual(["T-6.6", "T-7.6", "T-7.7"]);
      for (const t of sectionB.filter((t) => t.assignmentSource && plan.childrenOf(t.id).length === 0)) {
        expect(t.lead.length, t.id).toBeGreaterThan(0);
        expect(t.deadline, t.id).toBeDefined();
        expect(t.output, t.id).toBeDefined();
      }
    });

    it("has the 24 Appendix 3 tasks under their parts and NQ57 items", () => {
      const pl3 = plan.tasks.filter((t) => t.source.part === "PL3");
      expect(ids(pl3)).toEqual([
        "NQ71-2", "NQ71-6", "NQ71-7", "NQ71-9", "NQ71-3", "NQ71-12", "NQ71-48", "NQ71-49", "NQ71-80", "NQ71-90", "NQ71-79",
        "NQ71-74", "NQ71-81", "NQ71-82", "NQ71-92", "NQ71-91", "NQ71-71", "NQ71-147.8", "NQ71-147.11", "NQ71-154",
        "NQ71-132", "NQ71-173", "NQ71-170", "NQ71-176",
      ]);
      const parts = plan.groups.filter((g) => g.appendix === 3 && !g.parent);
      expect(ids(parts)).toEqual(["PL3-I", "PL3-II", "PL3-III", "PL3-V", "PL3-VI"]);
      expect(parts.map((g) => plan.tasksInGroup(g.id).length)).toEqual([6, 2, 9, 3, 4]);
      const items = plan.groups.filter((g) => g.appendix === 3 && g.parent);
      expect(ids(items)).toEqual([
        "NQ57-1-3", "NQ57-4", "NQ57-5-6", "NQ57-7-8", "NQ57-9", "NQ57-10", "NQ57-11", "NQ57-12", "NQ57-13-14", "NQ57-15",
        "NQ57-16", "NQ57-17", "NQ57-18", "NQ57-19", "NQ57-20", "NQ57-21", "NQ57-22", "NQ57-23", "NQ57-24",
      ]);
      expect(ids(plan.tasksInGroup("NQ57-1-3"))).toEqual(["NQ71-2", "NQ71-6", "NQ71-7"]);
      expect(plan.task("NQ71-147.11")?.nq71Number).toBe("147 (11)");
    });

    it("has the 62 indicators of Appendix 1 and the 58 of Appendix 2", () => {
      const pl1 = plan.indicators.filter((x) => x.appendix === 1);
      const pl2 = plan.indicators.filter((x) => x.appendix === 2);
      expect(pl1).toHaveLength(62);
      expect(plan.indicatorsInGroup("PL1-I")).toHaveLength(53);
      expect(plan.indicatorsInGroup("PL1-II")).toHaveLength(9);
      expect(ids(pl2)).toEqual(Array.from({ length: 58 }, (_, i) => `PL2-${i + 1}`));
      expect(["PL2-I", "PL2-II", "PL2-III", "PL2-IV", "PL2-V"].map((g) => plan.indicatorsInGroup(g).length)).toEqual([5, 16, 12, 10, 15]);
      expect(ids(plan.childrenOf("PL1-11"))).toEqual(Array.from({ length: 9 }, (_, i) => `PL1-11.${i + 1}`));
      expect(ids(plan.childrenOf("PL1-23"))).toEqual(["PL1-23.1", "PL1-23.2"]);
      expect(ids(plan.childrenOf("PL1-36"))).toHaveLength(6);
    });

    it("sets a target for every milestone year of Appendix 2, but the one missing cell of row 19", () => {
      for (const x of plan.indicators.filter((x) => x.appendix === 2)) {
        const years = x.targets.map((t) => t.year);
        expect(years, x.id).toEqual(x.id === "PL2-19" ? [2025, 2030, 2035, 2040] : [2025, 2030, 2035, 2040, 2045]);
      }
      const missing = plan.dataNotes.find((n) => n.kind === "missingCell" && n.about.includes("PL2-19"));
      expect(missing).toBeDefined();
    });

    it("sets Appendix 1 targets for 2030 (part I) and 2045 (part II); headings 11 and 36 have none", () => {
      for (const x of plan.indicators.filter((x) => x.appendix === 1)) {
        const expected = x.id === "PL1-11" || x.id === "PL1-36" ? [] : [x.group === "PL1-I" ? 2030 : 2045];
        expect(x.targets.map((t) => t.year), x.id).toEqual(expected);
      }
    });

    it("flags the eight strategic tasks", () => {
      expect(ids(plan.tasks.filter((t) => t.strategic))).toEqual(["T-2.3", "T-2.13", "T-3.10", "T-3.16", "T-4.4", "T-5.26.3", "T-6.5", "T-7.3"]);
      for (const t of plan.tasks.filter((t) => t.strategic))
        expect(foldedSource).toMatch(new RegExp(`${escape(t.title.vi)}\\s*\\(\\s*Nhiệm vụ, giải pháp mang tính chiến lược, đặc thù`));
    });
  });

  it("resolves every lead and coordinating agency", () => {
    const known = new Set(ids(plan.agencies));
    const refs = [...plan.tasks.flatMap((t) => [...t.lead, ...t.coordinating]), ...plan.indicators.flatMap((x) => x.lead)];
    expect(refs.filter((id) => !known.has(id))).toEqual([]);
    // Every agency is used somewhere or is the plan's issuer.
    const used = new Set(refs);
    expect(plan.agencies.filter((a) => !used.has(a.id)).map((a) => a.id)).toEqual(["uy-ban-nhan-dan-thanh-pho"]);
  });

  it("records a data note for each kind of slip the source README names", () => {
    const kinds = new Set(plan.dataNotes.map((n) => n.kind));
    for (const kind of ["missingCell", "missingUnitSign", "duplicate", "variantSpelling", "missingRow", "deadlineBeforeSigning", "numberingGap"] as const)
      expect(kinds.has(kind), kind).toBe(true);
    const tasksDueBeforeSigning = plan.tasks.filter((t: Task) => t.deadline?.due && t.deadline.due < plan.document.issuedOn);
    const noted = plan.dataNotes.filter((n) => n.kind === "deadlineBeforeSigning").flatMap((n) => n.about);
    expect(ids(tasksDueBeforeSigning).sort()).toEqual([...noted].sort());
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
