/**
 * The page's only script: shows the filters (the page works without it), hides the rows of the full table that
 * do not match the chosen agency, group and verdict, and updates the "N rows shown" counter. Rows carry
 * `data-agency` and `data-group` (space-separated ids) and `data-verdict`.
 */
export const FILTER_SCRIPT = `
"use strict";
(() => {
  const form = document.getElementById("row-filters");
  const counter = document.getElementById("rows-shown");
  const empty = document.getElementById("rows-empty");
  const rows = Array.from(document.querySelectorAll("#rows tbody tr[data-verdict]"));
  const number = new Intl.NumberFormat(document.documentElement.lang);
  const has = (list, value) => value === "" || (list || "").split(" ").includes(value);

  function apply() {
    const agency = form.elements.agency.value;
    const group = form.elements.group.value;
    const verdict = form.elements.verdict.value;
    let shown = 0;
    for (const row of rows) {
      const match = has(row.dataset.agency, agency) && has(row.dataset.group, group) && (verdict === "" || row.dataset.verdict === verdict);
      row.hidden = !match;
      if (match) shown += 1;
    }
    counter.dataset.shown = String(shown);
    counter.textContent = counter.dataset.template.replace("{n}", number.format(shown)).replace("{total}", number.format(rows.length));
    empty.hidden = shown > 0;
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  form.addEventListener("reset", () => setTimeout(apply));
  form.addEventListener("submit", (event) => event.preventDefault());
  apply();
})();
`;

/**
 * The SHA-256 of {@link FILTER_SCRIPT}, base64, for the page's Content-Security-Policy: the browser runs that
 * script and no other, so even text that slipped past escaping could not run. A test checks that it matches.
 */
export const FILTER_SCRIPT_SHA256 = "CncyZL6dRip/seUHUMxW1XvCoo1986QsIdkzZv7+Gd4=";
