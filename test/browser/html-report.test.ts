import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, plans, renderHtml, type Scorecard } from "../../src/index.js";
import { readJsonRecords } from "../../src/input/read-json.js";
import { formatScore } from "../../src/render/html/format.js";
import type { Lang } from "../../src/model/text.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const ARTIFACTS = "test/artifacts";
const FIXTURE = "fixtures/report-2025-2026.json";
const plan = plans["haiphong-142"];
const available = existsSync(CHROMIUM);
if (!available) console.warn(`Skipping the HTML report's browser test: ${CHROMIUM} is missing (CI installs Debian's chromium there).`);

describe.skipIf(!available)(available ? "the HTML report opened from disk in Chromium" : `the HTML report in Chromium (skipped: ${CHROMIUM} is missing)`, { timeout: 60_000 }, () => {
  let browser: Browser;
  let scorecard: Scorecard;
  // Pages are written here, and nowhere else: a fresh directory per run, removed afterwards.
  const dir = mkdtempSync(join(tmpdir(), "nq57-html-"));
  const problems: string[] = [];

  /** Writes the page in a language to the temporary directory and opens it via file://, recording errors and any request. */
  async function open(lang: Lang, width = 1280): Promise<Page> {
    const file = join(dir, `scorecard-${lang}.html`);
    writeFileSync(file, renderHtml(scorecard, plan, { lang }));
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on("console", (m) => m.type() === "error" && problems.push(`${lang} console: ${m.text()}`));
    page.on("pageerror", (e) => problems.push(`${lang} page error: ${e.message}`));
    page.on("request", (r) => r.url().startsWith("file:") || problems.push(`${lang} request: ${r.url()}`));
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  const text = (page: Page, selector: string) => page.locator(selector).first().innerText();

  beforeAll(async () => {
    scorecard = await evaluate({ plan, input: readJsonRecords(FIXTURE, readFileSync(FIXTURE, "utf8"), plan), asOf: "2026-11-26" });
    // chromium.launch gives the browser its own fresh profile (a mkdtemp directory it removes on close);
    // Playwright refuses a --user-data-dir argument to launch().
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("shows the scorecard's overall score, coverage, verdict counts and every agency's score", async () => {
    const page = await open("vi");
    const overall = scorecard.summary.overall;
    expect(await text(page, '[data-metric="overall-score"]')).toBe(formatScore(overall.score, "vi"));
    expect(await text(page, '[data-metric="overall-score"]')).toBe("20,6%");
    expect(await text(page, '[data-metric="coverage"]')).toBe(formatScore(overall.coverage, "vi"));
    expect(await text(page, '[data-metric="band"]')).toBe(overall.band.label.vi);
    for (const [verdict, count] of Object.entries(overall.counts))
      expect(await text(page, `[data-verdict-count="${verdict}"] .tile-value`), verdict).toBe(String(count));

    const shown = await page.$$eval("#chart-agency [data-key]", (bars) =>
      bars.map((bar) => [bar.getAttribute("data-key") ?? "", bar.querySelector(".bar-score")?.textContent ?? ""] as const),
    );
    expect(new Map(shown)).toEqual(new Map(Object.entries(scorecard.summary.byAgency).map(([id, s]) => [id, formatScore(s.score, "vi")])));
    await page.close();
  });

  it("shows exactly the fail rows when the verdict filter is set to fail, and says how many", async () => {
    const page = await open("vi");
    // The filtered table holds the performance rows, the localities' benchmarks among them; the checks have their own.
    const kinds = new Map(scorecard.rules.map((r) => [r.id, r.appliesTo]));
    const performance = scorecard.rows.filter((r) => kinds.get(r.rule) === "task" || kinds.get(r.rule) === "indicator");
    const total = performance.length;
    const fails = performance.filter((r) => r.verdict === "fail").length;
    expect(await text(page, "#rows-shown")).toBe(`Đang hiển thị ${total} / ${total} dòng`);

    await page.selectOption('select[name="verdict"]', "fail");
    const visible = page.locator("#rows tbody tr:visible");
    expect(await visible.count()).toBe(fails);
    expect(new Set(await visible.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-verdict"))))).toEqual(new Set(["fail"]));
    const messages = await visible.evaluateAll((rows) => rows.map((r) => r.querySelector("td.message")?.textContent ?? ""));
    const trace = (r: (typeof performance)[number]) =>
      `${r.sources?.length ? `Nguồn: ${r.sources.map((s) => `${s.file}:${s.line}`).join("; ")}` : ""}${typeof r.facts.evidence === "string" ? `Minh chứng: ${r.facts.evidence}` : ""}`;
    const remedy = (r: (typeof performance)[number]) => (r.remediation ? `Việc cần làm: ${r.remediation.vi}` : "");
    expect(messages).toEqual(performance.filter((r) => r.verdict === "fail").map((r) => `${r.message.vi}${remedy(r)}${trace(r)}`));
    expect(await text(page, "#rows-shown")).toBe(`Đang hiển thị ${fails} / ${total} dòng`);

    // An agency's rows are the rows its summary counts.
    await page.selectOption('select[name="verdict"]', "");
    await page.selectOption('select[name="agency"]', "so-khoa-hoc-va-cong-nghe");
    const leads = (id: string) => (plan.task(id)?.lead ?? plan.indicator(id)?.lead ?? []).includes("so-khoa-hoc-va-cong-nghe");
    const dost = performance.filter((r) => leads(r.entity));
    expect(await visible.count()).toBe(dost.length);
    expect(dost.filter((r) => !r.benchmark)).toHaveLength(scorecard.summary.byAgency["so-khoa-hoc-va-cong-nghe"]!.rows);
    await page.click('button[type="reset"]');
    await expect.poll(() => visible.count()).toBe(total);
    await page.close();
  });

  it("fits a 390-px phone: no horizontal scroll of the page, and no word of a table broken across lines", async () => {
    const page = await open("vi", 390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // A word broken inside (a syllable split, "qu á") shows as two boxes; each word of the task table's cells is one.
    const broken = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.querySelector("#tasks tbody")!, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? "";
        for (const m of text.matchAll(/\S+/g)) {
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1 && [...m[0]].length < 20) found.push(m[0]);
        }
      }
      return found;
    });
    expect(broken).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/scorecard-vi-390.png`, fullPage: false });
    await page.close();
  });

  it("renders in Vietnamese and English without errors or requests, and is screenshotted for review", async () => {
    for (const lang of ["vi", "en"] as const) {
      const page = await open(lang);
      expect(await page.getAttribute("html", "lang")).toBe(lang);
      expect(await text(page, '[data-metric="overall-score"]')).toBe(lang === "vi" ? "20,6%" : "20.6%");
      await page.screenshot({ path: `${ARTIFACTS}/scorecard-${lang}.png`, fullPage: true });
      await page.close();
    }
    expect(problems).toEqual([]);
  });
});
