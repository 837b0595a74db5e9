/**
 * The page's only script, which the page does without (every section is complete and readable with scripts off):
 *
 * - shows the filters and hides the rows of the full table that do not match the chosen agency, group and verdict,
 *   updating the "N rows shown" counter. Rows carry `data-agency` and `data-group` (space-separated ids) and
 *   `data-verdict`;
 * - makes the head of each column of a `table.sortable` a button that sorts the table by that column, ascending then
 *   descending, and says so in the head's `aria-sort`. A cell's `data-value` is sorted on when it has one (a score's
 *   decimal), its text otherwise; numbers as numbers in a `.num` column, an empty value always last;
 * - when "include details" is ticked, opens every closed drill-down before printing and closes them after.
 */
export const FILTER_SCRIPT = `
"use strict";
(() => {
  const lang = document.documentElement.lang;
  const form = document.getElementById("row-filters");
  const counter = document.getElementById("rows-shown");
  const empty = document.getElementById("rows-empty");
  const rows = Array.from(document.querySelectorAll("#rows tbody tr[data-verdict]"));
  const number = new Intl.NumberFormat(lang);
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

  if (form && counter && empty) {
    form.hidden = false;
    form.addEventListener("change", apply);
    form.addEventListener("reset", () => setTimeout(apply));
    form.addEventListener("submit", (event) => event.preventDefault());
    apply();
  }

  const collator = new Intl.Collator(lang, { numeric: true, sensitivity: "base" });
  const valueOf = (row, column) => {
    const cell = row.cells[column];
    return cell ? (cell.dataset.value ?? cell.textContent.trim()) : "";
  };
  for (const table of document.querySelectorAll("table.sortable")) {
    const heads = Array.from(table.tHead.rows[0].cells);
    heads.forEach((head, column) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (head.firstChild) button.appendChild(head.firstChild);
      head.appendChild(button);
      button.addEventListener("click", () => {
        const ascending = head.getAttribute("aria-sort") !== "ascending";
        for (const other of heads) other.removeAttribute("aria-sort");
        head.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        const numeric = head.classList.contains("num");
        const keyed = Array.from(table.tBodies[0].rows, (row) => {
          const value = valueOf(row, column);
          return { row, value, number: Number.parseFloat(value), blank: value === "" || value === "—" };
        });
        keyed.sort((a, b) => {
          if (a.blank || b.blank) return Number(a.blank) - Number(b.blank);
          const order = numeric && !Number.isNaN(a.number) && !Number.isNaN(b.number) ? a.number - b.number : collator.compare(a.value, b.value);
          return ascending ? order : -order;
        });
        table.tBodies[0].append(...keyed.map((k) => k.row));
      });
    });
  }

  const printDetails = document.getElementById("print-details");
  let opened = [];
  window.addEventListener("beforeprint", () => {
    if (!printDetails || !printDetails.checked) return;
    opened = Array.from(document.querySelectorAll("details.drill:not([open])"));
    for (const details of opened) details.open = true;
  });
  window.addEventListener("afterprint", () => {
    for (const details of opened) details.open = false;
    opened = [];
  });
})();
`;

/**
 * The SHA-256 of {@link FILTER_SCRIPT}, base64, for the page's Content-Security-Policy: the browser runs that
 * script and no other, so even text that slipped past escaping could not run. A test checks that it matches.
 */
export const FILTER_SCRIPT_SHA256 = "mr5wFgUpIaK9ifMkienHpbJ/TSZGHFMF/vNthJxIRhk=";
