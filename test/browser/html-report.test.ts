import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Locator, type Page } from "playwright-core";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
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
/** The reference screenshots the page is compared with; `UPDATE_SCREENSHOTS=1` records them anew. */
const SCREENSHOTS = "test/screenshots/html-page";
const UPDATE = process.env.UPDATE_SCREENSHOTS === "1";
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
  async function open(lang: Lang, width = 1280, { javaScript = true } = {}): Promise<Page> {
    const file = join(dir, `scorecard-${lang}.html`);
    writeFileSync(file, renderHtml(scorecard, plan, { lang }));
    const page = await browser.newPage({ viewport: { width, height: 900 }, deviceScaleFactor: 1, javaScriptEnabled: javaScript });
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

  /**
   * Words of the elements `selector` finds laid out on two lines or more (a syllable split, "qu á"); a line may end
   * after a hyphen or a slash ("312-KL/" "TU"), and a word of 20 characters or more may break anywhere.
   */
  const brokenWords = (page: Page, selector: string) =>
    page.evaluate((selector) => {
      const found: string[] = [];
      const range = document.createRange();
      for (const root of Array.from(document.querySelectorAll(selector))) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? "";
          for (const m of text.matchAll(/[^\s/-]+[/-]*/g)) {
            range.setStart(node, m.index);
            range.setEnd(node, m.index + m[0].length);
            const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
            if (lines.size > 1 && [...m[0]].length < 20) found.push(m[0]);
          }
        }
      }
      return found;
    }, selector);

  it("fits a 390-px phone: no horizontal scroll of the page, and no word broken across lines", async () => {
    const page = await open("vi", 390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Opened, the drill-down still fits: its tables scroll inside their frames.
    await page.evaluate(() => document.querySelectorAll("details.drill").forEach((d) => ((d as HTMLDetailsElement).open = true)));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const checked = "#tasks tbody, #reporting tbody, .bar-chart, .tiles, .drill > summary, .drill-rows tbody, .milestone figcaption, .milestone-notes";
    expect(await page.locator(checked).count()).toBeGreaterThan(100);
    expect(await brokenWords(page, checked)).toEqual([]);
    await page.screenshot({ path: `${ARTIFACTS}/scorecard-vi-390.png`, fullPage: false });
    await page.close();
  });

  it("draws every chart label at 11 px or more on a 390-px phone", async () => {
    const page = await open("vi", 390);
    const sizes = await page.evaluate(() => {
      const found: { text: string; px: number }[] = [];
      // An SVG's text is drawn at its font size times the SVG's scale, its width over its viewBox's.
      for (const svg of Array.from(document.querySelectorAll<SVGSVGElement>("svg.chart"))) {
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        for (const t of Array.from(svg.querySelectorAll("text"))) found.push({ text: t.textContent ?? "", px: Number.parseFloat(getComputedStyle(t).fontSize) * scale });
      }
      for (const el of Array.from(document.querySelectorAll(".bar-chart .bar-label, .bar-chart .bar-score, .bar-chart .bar-band, .bar-chart .ticks span")))
        found.push({ text: el.textContent ?? "", px: Number.parseFloat(getComputedStyle(el).fontSize) });
      return found;
    });
    expect(sizes.length).toBeGreaterThan(200);
    expect(sizes.filter((s) => s.px < 11)).toEqual([]);
    await page.close();
  });

  it("drills down from a group to an agency, a task and its rows, with the mouse or the keyboard", async () => {
    const page = await open("vi");
    const group = page.locator('details.drill-group[data-group="G-1"]');
    const agencies = group.locator("table.drill-table").first();
    expect(await agencies.isVisible()).toBe(false);
    await group.locator(":scope > summary").click();
    expect(await agencies.isVisible()).toBe(true);
    expect(await agencies.locator("tbody tr").count()).toBeGreaterThan(1);

    const agency = group.locator('details.drill-agency[data-agency="so-khoa-hoc-va-cong-nghe"]');
    await agency.locator(":scope > summary").focus();
    await page.keyboard.press("Enter");
    expect(await agency.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const task = agency.locator("details.drill-entity").first();
    const id = (await task.getAttribute("data-entity"))!;
    await task.locator(":scope > summary").focus();
    await page.keyboard.press("Space");
    const rows = task.locator("tbody tr[data-verdict]");
    const kinds = new Map(scorecard.rules.map((r) => [r.id, r.appliesTo]));
    const own = scorecard.rows.filter((r) => r.entity === id && (kinds.get(r.rule) === "task" || kinds.get(r.rule) === "indicator"));
    expect(await rows.count()).toBe(Math.min(own.length, 10));
    expect(await rows.first().isVisible()).toBe(true);
    expect(await rows.first().locator("td.message").innerText()).toContain(own[0]!.message.vi);
    await page.close();
  });

  it("sorts a table by a column with a click or the keyboard, and says so in aria-sort", async () => {
    const page = await open("vi");
    await page.locator('details.drill-group[data-group="G-1"] > summary').click();
    const table = page.locator('details.drill-group[data-group="G-1"] table.drill-table').first();
    const column = (n: number) => table.locator("tbody tr").evaluateAll((rows, n) => rows.map((r) => (r as HTMLTableRowElement).cells[n]!.dataset.value ?? r.textContent!.trim()), n);
    const scoreHead = table.locator("thead th").nth(1);
    const before = await column(1);

    await scoreHead.locator("button.sort").click();
    expect(await scoreHead.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await column(1);
    const numbers = (values: string[]) => values.filter((v) => v !== "").map(Number);
    expect(numbers(ascending)).toEqual(numbers(before).sort((a, b) => a - b));
    expect(ascending).not.toEqual(before);
    await scoreHead.locator("button.sort").click();
    expect(await scoreHead.getAttribute("aria-sort")).toBe("descending");
    expect(numbers(await column(1))).toEqual(numbers(before).sort((a, b) => b - a));

    // The agency's column, from the keyboard: the score's head no longer claims an order.
    const nameHead = table.locator("thead th").nth(0);
    await nameHead.locator("button.sort").focus();
    await page.keyboard.press("Enter");
    expect(await nameHead.getAttribute("aria-sort")).toBe("ascending");
    expect(await scoreHead.getAttribute("aria-sort")).toBeNull();
    const names = await table.locator("tbody tr td:first-child").allInnerTexts();
    expect(names).toEqual([...names].sort(new Intl.Collator("vi", { numeric: true, sensitivity: "base" }).compare));
    await page.close();
  });

  it("is complete without its script: every section and row is there, and the drill-down opens", async () => {
    const page = await open("vi", 1280, { javaScript: false });
    const kinds = new Map(scorecard.rules.map((r) => [r.id, r.appliesTo]));
    const performance = scorecard.rows.filter((r) => kinds.get(r.rule) === "task" || kinds.get(r.rule) === "indicator");
    expect(await page.locator("#rows tbody tr:visible").count()).toBe(performance.length);
    expect(await page.locator("#row-filters").isVisible()).toBe(false);
    for (const id of ["#chart-agency", "#reporting", "#tasks", "#drill-heading", "#rows"]) expect(await page.locator(id).isVisible(), id).toBe(true);
    const group = page.locator("details.drill-group").first();
    await group.locator(":scope > summary").click();
    expect(await group.locator("table.drill-table").first().isVisible()).toBe(true);
    await page.close();
  });

  /** How many pages a PDF has: its page objects, not the page tree's. */
  const pdfPages = (pdf: Buffer) => pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g)?.length ?? 0;

  it("prints the summary on at most 4 A4 pages, and the details too when asked", async () => {
    for (const lang of ["vi", "en"] as const) {
      const page = await open(lang);
      const summary = pdfPages(await page.pdf({ format: "A4" }));
      expect(summary, lang).toBeGreaterThanOrEqual(2);
      expect(summary, lang).toBeLessThanOrEqual(4);
      await page.emulateMedia({ media: "print" });
      for (const id of ['[data-metric="overall-score"]', "#chart-agency", "#chart-task-group", "#reporting", "#tasks"]) expect(await page.locator(id).isVisible(), id).toBe(true);
      for (const id of ["#drill-heading", "#rows", "#rejected-heading", ".milestones"]) expect(await page.locator(id).isVisible(), id).toBe(false);

      await page.emulateMedia({ media: "screen" });
      await page.check("#print-details");
      const details = pdfPages(await page.pdf({ format: "A4" }));
      expect(details, lang).toBeGreaterThan(summary * 10);
      await page.emulateMedia({ media: "print" });
      for (const id of ["#drill-heading", "#rows", "#rejected-heading", ".milestones"]) expect(await page.locator(id).isVisible(), id).toBe(true);
      // Printing with the details opens every disclosure of the drill-down, and closes them again afterwards.
      const opened = () => page.locator("details.drill[open]").count();
      const all = await page.locator("details.drill").count();
      expect(await opened()).toBe(0);
      await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
      expect(await opened()).toBe(all);
      await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
      expect(await opened()).toBe(0);
      await page.close();
    }
  });

  /**
   * Compares a screenshot with its reference pixel by pixel: a colour within pixelmatch's threshold is the same, and
   * at most 0.2% of the pixels may differ (edges of text). The rules' version, which each release changes, is masked.
   */
  async function expectScreenshot(name: string, target: Page | Locator): Promise<void> {
    const page = "page" in target ? target.page() : target;
    const mask = [page.locator('[data-field="rules-version"]'), page.locator(".page-footer")];
    const shot = await target.screenshot({ mask, animations: "disabled", caret: "hide" });
    const file = join(SCREENSHOTS, `${name}.png`);
    if (UPDATE) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      writeFileSync(file, shot);
      return;
    }
    if (!existsSync(file)) throw new Error(`${file} is missing: run the test with UPDATE_SCREENSHOTS=1 to record it`);
    const actual = PNG.sync.read(shot);
    const expected = PNG.sync.read(readFileSync(file));
    const saved = (diff?: PNG) => {
      writeFileSync(`${ARTIFACTS}/${name}-actual.png`, shot);
      if (diff) writeFileSync(`${ARTIFACTS}/${name}-diff.png`, PNG.sync.write(diff));
      return `${name}: see ${ARTIFACTS}/${name}-actual.png`;
    };
    if (actual.width !== expected.width || actual.height !== expected.height)
      expect(`${actual.width}×${actual.height}`, saved()).toBe(`${expected.width}×${expected.height}`);
    const diff = new PNG({ width: actual.width, height: actual.height });
    const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, { threshold: 0.1 });
    const share = differing / (actual.width * actual.height);
    expect(share, share > 0 ? saved(diff) : name).toBeLessThanOrEqual(0.002);
  }

  it("looks as recorded at 390 px and at 1280 px: the top of the page, a chart, an opened group", async () => {
    for (const width of [390, 1280]) {
      const page = await open("vi", width);
      await expectScreenshot(`top-vi-${width}`, page);
      await expectScreenshot(`chart-task-group-vi-${width}`, page.locator("figure:has(#chart-task-group)"));
      const group = page.locator('details.drill-group[data-group="G-1"]');
      await group.locator(":scope > summary").click();
      await group.locator('details.drill-agency[data-agency="so-khoa-hoc-va-cong-nghe"] > summary').click();
      await expectScreenshot(`drill-group-vi-${width}`, group);
      await page.close();
    }
    const page = await open("en", 1280);
    await expectScreenshot("top-en-1280", page);
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
