/** Reporting rates as DHIS2 counts them: reports due, received, received on time, per agency and year. */
import { describe, expect, it } from "vitest";
import { evaluate, plans, renderHtml, renderMarkdown, renderTerminal } from "../../src/index.js";

const plan = plans["haiphong-142"];
const asOf = "2026-11-26";
// T-1.8 leads: a deadline task; T-1.2: an annual task (its 2025 report due on 31/12/2025).
const lead = (task: string) => plan.task(task)!.lead[0]!;

describe("reporting rates", () => {
  it("count a report due once its date is past, received when given, on time when dated by that date", async () => {
    const none = await evaluate({ plan, asOf });
    const annual = "T-1.4";
    const agency = lead(annual);
    const before = none.summary.reporting!.byAgency[agency]!.byPeriod["2025"]!;
    expect(before.received).toBe(0);
    expect(before.receivedRate).toBe("0.0000");

    const onTime = await evaluate({ plan, asOf, taskReports: [{ task: annual, period: 2025, status: "completed", reportedOn: "2025-12-15" }] });
    const late = await evaluate({ plan, asOf, taskReports: [{ task: annual, period: 2025, status: "completed", reportedOn: "2026-01-20" }] });
    const r1 = onTime.summary.reporting!.byAgency[agency]!.byPeriod["2025"]!;
    const r2 = late.summary.reporting!.byAgency[agency]!.byPeriod["2025"]!;
    expect(r1).toMatchObject({ due: before.due, received: 1, onTime: 1 });
    expect(r2).toMatchObject({ due: before.due, received: 1, onTime: 0 });
    expect(onTime.summary.reporting!.overall.received).toBe(none.summary.reporting!.overall.received + 1);
    // A year whose report is not yet due is not counted: 2026's report of the annual task is due on 31/12/2026.
    const early = await evaluate({ plan, asOf, taskReports: [{ task: annual, period: 2026, status: "in-progress", reportedOn: "2026-06-01" }] });
    expect(early.summary.reporting).toEqual(none.summary.reporting);
  });

  it("are shown in Markdown, the terminal and the page, in the language", async () => {
    const s = await evaluate({ plan, asOf, taskReports: [{ task: "T-1.4", period: 2025, status: "completed", reportedOn: "2025-12-15" }] });
    const r = s.summary.reporting!.overall;
    expect(renderMarkdown(s, plan, { lang: "vi" })).toContain(`## Tình hình gửi báo cáo theo cơ quan chủ trì`);
    expect(renderMarkdown(s, plan, { lang: "en" })).toContain(`| Whole plan | All years | ${r.due} | ${r.received} |`);
    expect(renderTerminal(s, plan, { lang: "en", color: false, width: 200 })).toContain(`Task reports due: ${r.due}; received ${r.received}`);
    expect(renderHtml(s, plan, { lang: "vi" })).toContain('<table id="reporting" class="sortable">');
  });
});
