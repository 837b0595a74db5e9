/**
 * What every output shows of the plan's changes: on a row, the amendments and successions that changed its entity
 * and the waiver or amendment that set it apart; in a scorecard, the amendments, successions and waivers it applied.
 * Read from what rows and scorecards carry, so that each renderer needs only a line to show them.
 *
 * @module
 */
import type { DefinedPlan } from "../model/define-plan.js";
import type { AmendmentSummary, WaiverSummary } from "../model/plan-changes.js";
import type { Scorecard, ScorecardRow, Summary } from "../model/scorecard.js";
import type { Table } from "../model/tables.js";
import type { Lang } from "../model/text.js";

const WORDS = {
  vi: {
    amended: "sửa đổi",
    succeeded: "kế nhiệm",
    exempted: "miễn trừ",
    until: "đến",
    inactive: { cancelled: "hủy", suspended: "tạm dừng", withdrawn: "bỏ" },
    exemptedRows: "được miễn trừ (không tính điểm)",
    outOfPlanRows: "ngoài kế hoạch đang có hiệu lực (không tính điểm)",
    applied: "Văn bản sửa đổi kế hoạch đang có hiệu lực",
    notYet: "Văn bản sửa đổi chưa có hiệu lực",
    successions: "Cơ quan kế nhiệm",
    inForce: "Miễn trừ đang có hiệu lực",
    expiringSoon: "Miễn trừ hết hạn trong 30 ngày tới",
    expired: "Miễn trừ đã hết hạn",
    notYetWaivers: "Miễn trừ chưa có hiệu lực",
    amendmentColumns: ["Mã", "Văn bản", "Người ký", "Ngày ký", "Hiệu lực từ", "Thay đổi"],
    successionColumns: ["Cơ quan trước", "Cơ quan kế nhiệm", "Từ ngày", "Văn bản"],
    waiverColumns: ["Mã", "Đối tượng", "Năm", "Văn bản", "Từ ngày", "Hết hạn ngày", "Số dòng", "Lý do"],
    kinds: { agency: "cơ quan", task: "nhiệm vụ", indicator: "chỉ tiêu" },
  },
  en: {
    amended: "amended by",
    succeeded: "succession",
    exempted: "exempted by",
    until: "until",
    inactive: { cancelled: "cancelled by", suspended: "suspended by", withdrawn: "withdrawn by" },
    exemptedRows: "exempted (not scored)",
    outOfPlanRows: "out of the plan in force (not scored)",
    applied: "Amendments of the plan in force",
    notYet: "Amendments not yet in force",
    successions: "Successor agencies",
    inForce: "Waivers in force",
    expiringSoon: "Waivers expiring within 30 days",
    expired: "Waivers expired",
    notYetWaivers: "Waivers not yet in force",
    amendmentColumns: ["Id", "Document", "Signer", "Issued", "In force from", "Changes"],
    successionColumns: ["Predecessor", "Successor", "From", "Document"],
    waiverColumns: ["Id", "About", "Years", "Document", "From", "Expires", "Rows", "Reason"],
    kinds: { agency: "agency", task: "task", indicator: "indicator" },
  },
} as const;

/** A list fact of a row, as objects. */
function listFact(row: ScorecardRow, key: string): Record<string, unknown>[] {
  const value = row.facts[key];
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === "object" && v !== null) : [];
}

function objectFact(row: ScorecardRow, key: string): Record<string, unknown> | undefined {
  const value = row.facts[key];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * What the plan's changes say of a row, in a few words: `sửa đổi 215/QĐ-UBND (deadline)`, `kế nhiệm
 * ke-hoach-va-dau-tu → so-tai-chinh (…)`, `miễn trừ 88/UBND-VP đến 2026-12-31`, `hủy 215/QĐ-UBND`. Empty when none.
 */
export function rowChangeNote(row: ScorecardRow, lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  for (const m of listFact(row, "amendedBy")) parts.push(`${w.amended} ${String(m.document)} (${(m.fields as string[] | undefined)?.join(", ") ?? ""})`);
  for (const s of listFact(row, "successions")) parts.push(`${w.succeeded} ${String(s.predecessor)} → ${String(s.successor)} (${String(s.document)}, ${String(s.from)})`);
  const waiver = objectFact(row, "waiver");
  if (waiver) parts.push(`${w.exempted} ${String(waiver.document)} ${w.until} ${String(waiver.expiresOn)}`);
  const inactive = objectFact(row, "inactive");
  // An amendment that took the entity out of the plan is named once, with what it did.
  if (inactive && !listFact(row, "amendedBy").some((m) => m.amendment === inactive.amendment)) parts.push(`${w.inactive[inactive.kind as keyof typeof w.inactive] ?? String(inactive.kind)} ${String(inactive.document)}`);
  return parts.join("; ");
}

/** A row's changes for a spreadsheet's `changes` column, in English words. */
export function rowChangeCell(row: ScorecardRow): string | undefined {
  const note = rowChangeNote(row, "en");
  return note === "" ? undefined : note;
}

/** How many of a summary's rows a waiver or an amendment set apart: `2 được miễn trừ (…)`; empty when none. */
export function summaryChangeCounts(summary: Summary, lang: Lang): string {
  const w = WORDS[lang];
  return [summary.exempted ? `${summary.exempted} ${w.exemptedRows}` : "", summary.outOfPlan ? `${summary.outOfPlan} ${w.outOfPlanRows}` : ""].filter((p) => p !== "").join("; ");
}

/** One table of a scorecard's changes, with its heading. */
export interface ChangeSection {
  readonly id: "amendments" | "amendmentsNotYetInForce" | "successions" | "waiversInForce" | "waiversExpiringSoon" | "waiversExpired" | "waiversNotYetInForce";
  readonly heading: string;
  readonly table: Table;
}

/**
 * The changes a scorecard applied, as tables: amendments in force and not yet, successions, and waivers in force,
 * expiring within 30 days, expired and not yet in force. Only the kinds the scorecard was given, and no empty table
 * but for the amendments and waivers in force (which say that there are none).
 */
export function changeSections(scorecard: Scorecard, plan: DefinedPlan, lang: Lang): ChangeSection[] {
  const w = WORDS[lang];
  const sections: ChangeSection[] = [];
  const amendments = (list: readonly AmendmentSummary[]): Table => ({
    columns: w.amendmentColumns,
    rows: list.map((a) => [a.id, a.document, a.signer, a.issuedOn, a.effectiveOn, a.changes.map((c) => `${c.entity}: ${c.fields.join(", ")}`).join("; ")]),
  });
  const name = (id: string) => plan.agency(id)?.name[lang] ?? id;
  const waivers = (list: readonly WaiverSummary[]): Table => ({
    columns: w.waiverColumns,
    rows: list.map((x) => [
      x.id,
      `${w.kinds[x.about.kind]} ${x.about.kind === "agency" ? name(x.about.id) : x.about.id}`,
      x.periods?.join(", ") ?? "",
      x.document,
      x.from,
      x.expiresOn,
      String(x.rows),
      lang === "en" ? (x.reason.en ?? x.reason.vi) : x.reason.vi,
    ]),
  });
  if (scorecard.amendments) {
    sections.push({ id: "amendments", heading: w.applied, table: amendments(scorecard.amendments.applied) });
    if (scorecard.amendments.notYetInForce.length > 0) sections.push({ id: "amendmentsNotYetInForce", heading: w.notYet, table: amendments(scorecard.amendments.notYetInForce) });
  }
  if (scorecard.successions && scorecard.successions.length > 0)
    sections.push({
      id: "successions",
      heading: w.successions,
      table: { columns: w.successionColumns, rows: scorecard.successions.map((s) => [name(s.predecessor), name(s.successor), s.from, s.document]) },
    });
  if (scorecard.waivers) {
    const v = scorecard.waivers;
    sections.push({ id: "waiversInForce", heading: w.inForce, table: waivers(v.inForce) });
    if (v.expiringSoon.length > 0) sections.push({ id: "waiversExpiringSoon", heading: w.expiringSoon, table: waivers(v.expiringSoon) });
    if (v.expired.length > 0) sections.push({ id: "waiversExpired", heading: w.expired, table: waivers(v.expired) });
    if (v.notYetInForce.length > 0) sections.push({ id: "waiversNotYetInForce", heading: w.notYetWaivers, table: waivers(v.notYetInForce) });
  }
  return sections;
}
