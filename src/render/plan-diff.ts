import type { PlanDiff } from "../model/plan-changes.js";
import type { Lang } from "../model/text.js";
import { markdownCell, markdownText } from "../safe-text.js";

/** Options of {@link renderPlanDiff}. */
export interface PlanDiffOptions {
  /** Language of the headings. Default `vi`. */
  readonly lang?: Lang;
}

const WORDS = {
  vi: {
    title: "So sánh kế hoạch",
    from: "Trước",
    to: "Sau",
    inForce: "hiệu lực ngày",
    amendments: "văn bản sửa đổi",
    none: "Hai kế hoạch giống nhau.",
    summary: (added: number, removed: number, changed: number) => `${added} thêm, ${removed} bỏ, ${changed} thay đổi.`,
    kinds: { plan: "Văn bản", agency: "Cơ quan", group: "Nhóm", task: "Nhiệm vụ", indicator: "Chỉ tiêu" },
    changes: { added: "thêm", removed: "bỏ", changed: "thay đổi" },
    columns: ["Mã", "Thay đổi", "Trường", "Trước", "Sau"],
  },
  en: {
    title: "Plan comparison",
    from: "Before",
    to: "After",
    inForce: "in force on",
    amendments: "amendments",
    none: "The two plans are the same.",
    summary: (added: number, removed: number, changed: number) => `${added} added, ${removed} removed, ${changed} changed.`,
    kinds: { plan: "Document", agency: "Agencies", group: "Groups", task: "Tasks", indicator: "Indicators" },
    changes: { added: "added", removed: "removed", changed: "changed" },
    columns: ["Id", "Change", "Field", "Before", "After"],
  },
} as const;

/** A field's value in a cell: a deadline or a target by its cell text (and date or reading), a list joined. */
function shown(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (Array.isArray(value)) return value.map(shown).join(", ");
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if (typeof v.raw === "string") return [v.raw, typeof v.due === "string" ? `(${v.due})` : typeof v.kind === "string" ? `(${v.kind}${typeof v.value === "string" ? ` ${v.value}` : ""})` : ""].filter(Boolean).join(" ");
    if (typeof v.kind === "string" && typeof v.document === "string") return `${v.kind}: ${v.document} (${String(v.from)})`;
    return JSON.stringify(value);
  }
  return String(value);
}

/**
 * Two plans compared ({@link diffPlans}) as Markdown for auditors: the two versions, then one table per kind of
 * entity with a line per field that differs (before and after). Text from the plans is written inert.
 *
 * @example
 * renderPlanDiff(diffPlans({ plan }, { plan: amended.plan, asOf: "2026-12-31" }), { lang: "en" });
 */
export function renderPlanDiff(diff: PlanDiff, options: PlanDiffOptions = {}): string {
  const w = WORDS[options.lang ?? "vi"];
  const side = (s: PlanDiff["from"]) =>
    markdownText(`${s.number} (${s.id})${s.asOf ? `, ${w.inForce} ${s.asOf}` : ""}${s.amendments?.length ? `, ${w.amendments}: ${s.amendments.join(", ")}` : ""}`);
  const count = (c: string) => diff.changes.filter((x) => x.change === c).length;
  const lines = [`# ${w.title}`, "", `- ${w.from}: ${side(diff.from)}`, `- ${w.to}: ${side(diff.to)}`, ""];
  if (diff.changes.length === 0) lines.push(w.none);
  else lines.push(w.summary(count("added"), count("removed"), count("changed")));
  for (const kind of ["plan", "agency", "group", "task", "indicator"] as const) {
    const changes = diff.changes.filter((c) => c.kind === kind);
    if (changes.length === 0) continue;
    lines.push("", `## ${w.kinds[kind]}`, "", `| ${w.columns.join(" | ")} |`, `|${" --- |".repeat(w.columns.length)}`);
    for (const c of changes) {
      // An added entity shows its name; a removed one only its id.
      const name = c.fields.find((f) => f.field === "title.vi" || f.field === "name.vi");
      const rows = c.change === "changed" ? c.fields : [{ field: name?.field ?? "", before: undefined, after: name?.after }];
      rows.forEach((f, i) => {
        const cells = [i === 0 ? c.id : "", i === 0 ? w.changes[c.change] : "", f.field, c.change === "changed" ? shown(f.before) : "", c.change === "removed" ? "" : shown(f.after)];
        lines.push(`| ${cells.map(markdownCell).join(" | ")} |`);
      });
    }
  }
  return `${lines.join("\n")}\n`;
}
