import { escapeHtml } from "./escape.js";

const TRUSTED: unique symbol = Symbol("trusted markup");

/** Markup built by {@link html} (or marked with {@link trusted}): put into a page as it is, never escaped again. */
export interface Markup {
  readonly [TRUSTED]: true;
  readonly text: string;
}

/** Marks markup the renderer built itself (an SVG chart whose every text was escaped) as safe to insert. */
export function trusted(text: string): Markup {
  return Object.freeze({ [TRUSTED]: true as const, text });
}

function isMarkup(value: unknown): value is Markup {
  return typeof value === "object" && value !== null && (value as Partial<Markup>)[TRUSTED] === true;
}

function piece(value: unknown): string {
  if (value === undefined || value === null || value === false) return "";
  if (isMarkup(value)) return value.text;
  if (Array.isArray(value)) return value.map(piece).join("");
  return escapeHtml(String(value));
}

/**
 * A template tag for HTML: every interpolated value is escaped unless it is {@link Markup} (the result of another
 * `html` template); arrays are joined; `undefined`, `null` and `false` write nothing. Text from a scorecard can
 * therefore never become markup, whatever it holds.
 *
 * @example
 * html`<td>${"<b>"}</td>`.text; //=> "<td>&lt;b&gt;</td>"
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let text = strings[0] ?? "";
  values.forEach((value, i) => {
    text += piece(value) + (strings[i + 1] ?? "");
  });
  return trusted(text);
}
