/**
 * Text from data (a locality, a source, a value quoted in a reason, a custom rule's title or message) made safe for
 * each kind of output it is written to. Data is the sender's to choose, so whatever it holds must be shown, never
 * acted on: a spreadsheet must not run it as a formula, a Markdown viewer must not make it a link, an image or HTML,
 * and a terminal must not take it for a control sequence. The renderers and the CLI call these functions, and only
 * these, for that.
 *
 * @module
 */
import { DECIMAL_PATTERN } from "./model/text.js";

// ---------------------------------------------------------------- terminals

/**
 * Characters a terminal acts on instead of showing, or that reorder what it shows: C0 controls but tab and line feed
 * (ESC starts escape sequences; a carriage return alone moves back over what was written), DEL, C1 controls (U+009B
 * is a one-character escape sequence on some terminals), the Arabic letter mark, the left-to-right and right-to-left
 * marks, the line and paragraph separators, and the bidirectional embeddings, overrides (U+202E turns `exe.txt` into
 * `txt.exe`) and isolates.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const TERMINAL_UNSAFE_ALL = new RegExp(TERMINAL_UNSAFE.source, "g");
const LINE_BREAKS = /[\t\n\r]+/g;

/** A character as its JSON escape `\u001b`: visible anywhere, and read back as the character by a JSON parser. */
function escaped(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** Options of {@link terminalText}. */
export interface TerminalTextOptions {
  /** For one line of a listing: tabs and line breaks become one space. Default `false`: kept, a CR only before a LF. */
  readonly singleLine?: boolean;
}

/**
 * Text a terminal shows as it is, acting on none of it: every control character and bidirectional mark (C0 but tab
 * and line feed, DEL, C1, U+061C, U+200E-200F, U+2028-2029, U+202A-202E, U+2066-2069) is written as its
 * escape (`\u001b`, `\u202e`), so that it is seen and does nothing. Tabs and line feeds are kept, and a carriage return
 * before a line feed (CSV's line ends); with `singleLine`, tabs and line breaks become a space. Text without such
 * characters is returned as it is.
 *
 * @example
 * terminalText("Kiến Thụy\u001b[2J"); //=> "Kiến Thụy\\u001b[2J"
 * terminalText("a\u202eb"); //=> "a\\u202eb"
 * terminalText("line one\nline two", { singleLine: true }); //=> "line one line two"
 */
export function terminalText(text: string, options: TerminalTextOptions = {}): string {
  if (!TERMINAL_UNSAFE.test(text) && !(options.singleLine && /[\t\n]/.test(text))) return text;
  const flat = options.singleLine ? text.replace(LINE_BREAKS, " ") : text;
  return flat.replace(TERMINAL_UNSAFE_ALL, (char: string, at: number) => (char === "\r" && flat.charCodeAt(at + 1) === 10 ? char : escaped(char)));
}

/**
 * {@link terminalText} of a text given in pieces: a carriage return ending a piece is held until the next piece says
 * whether a line feed follows it.
 *
 * @internal
 */
export function* terminalPieces(pieces: Iterable<string>): Generator<string> {
  let held = "";
  for (const piece of pieces) {
    const text = held + piece;
    held = text.endsWith("\r") ? "\r" : "";
    yield terminalText(held ? text.slice(0, -1) : text);
  }
  if (held) yield escaped(held);
}

// ---------------------------------------------------------------- values quoted in messages

/** How many characters of a value a message quotes: enough to recognise it, never a whole document. */
export const QUOTED_CHARS = 100;

/**
 * Characters JSON.stringify leaves as they are that a terminal may act on (C0 controls it escapes itself), and those
 * that show nothing (a zero-width space, a soft hyphen, a byte order mark): a quoted value shows them as escapes.
 */
const JSON_UNSAFE_ALL = /[\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

/**
 * A value in quotes for a message (a rejection's reason, a note, an error): JSON's escapes, so that quotes, line
 * breaks, control characters and invisible characters are seen rather than acted on or missed, and at most {@link QUOTED_CHARS} characters of it,
 * with how long it was when it is cut.
 *
 * @example
 * quoted("Kiến Thụy"); //=> '"Kiến Thụy"'
 * quoted("x".repeat(52_428_800)); //=> '"xxx…xxx…" (52,428,800 characters)' (100 x's shown)
 */
export function quoted(text: string, max: number = QUOTED_CHARS): string {
  const end = codePointEnd(text, max);
  const shown = JSON.stringify(end < text.length ? `${text.slice(0, end)}…` : text).replace(JSON_UNSAFE_ALL, escaped);
  return end < text.length ? `${shown} (${text.length.toLocaleString("en")} characters)` : shown;
}

/**
 * Text for a message, cut to `max` characters (code points) with "…" when longer: a list of names a file gave, shown
 * without quotes.
 *
 * @example
 * cutText("id, year, amount", 8); //=> "id, year…"
 */
export function cutText(text: string, max: number = QUOTED_CHARS): string {
  const end = codePointEnd(text, max);
  return end < text.length ? `${text.slice(0, end)}…` : text;
}

/** Where the first `n` characters (code points) of a text end, in code units; the text's length when it has fewer. */
function codePointEnd(text: string, n: number): number {
  if (text.length <= n) return text.length;
  let i = 0;
  for (let k = 0; k < n && i < text.length; k++) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    i += c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
  }
  return i;
}

// ---------------------------------------------------------------- spreadsheets

/**
 * A cell a spreadsheet would read as a formula: one starting with `=`, `+`, `-` or `@` (or their full-width forms),
 * spaces before them included, or with a tab, a carriage return, a line feed or a NUL (OWASP's list, which Excel,
 * LibreOffice and Google Sheets act on).
 */
const FORMULA_START = /^(?:[\t\r\n\0]|\s*[=+\-@\uff1d\uff0b\uff0d\uff20])/;
/** A plain decimal number, negative ones included: a spreadsheet reads it as that number, never as a formula. */

/**
 * A semicolon followed (after spaces or quotes) by what would start a formula. Excel under a Vietnamese or European
 * locale opens a `.csv` file split at semicolons, quotes or not, so the text after one is a cell of its own there.
 */
const FORMULA_AFTER_SEMICOLON = /;(?=[\s"]*[=+\-@\uff1d\uff0b\uff0d\uff20])/g;

/**
 * A CSV cell's text that a spreadsheet shows as text: one it would run as a formula (`=HYPERLINK(…)`, `-2+3+cmd|' /C
 * calc'!A0`, `@SUM(…)`, a leading tab) gets a leading apostrophe, which spreadsheets take as "this is text" and do not
 * show; so does what follows a semicolon that would start a formula, for a spreadsheet that splits cells at
 * semicolons (`x;=1+1` is written `x;'=1+1`). A plain number (`-12.5`, a score, a year) and a lone `-` are left as they
 * are: neither can be a formula.
 *
 * @example
 * spreadsheetText("-1+1"); //=> "'-1+1"
 * spreadsheetText("x;=1+1"); //=> "x;'=1+1"
 * spreadsheetText("-12.5"); //=> "-12.5"
 * spreadsheetText("Kiến Thụy"); //=> "Kiến Thụy"
 */
export function spreadsheetText(text: string): string {
  const start = FORMULA_START.test(text) && text !== "-" && !DECIMAL_PATTERN.test(text) ? `'${text}` : text;
  return start.includes(";") ? start.replace(FORMULA_AFTER_SEMICOLON, ";'") : start;
}

/**
 * Whether a CSV cell must be quoted (RFC 4180): it holds a quote, a comma or a line break.
 *
 * @internal
 */
export function csvNeedsQuotes(text: string): boolean {
  return /[",\r\n]/.test(text);
}

// ---------------------------------------------------------------- Markdown

/** What Markdown could read in data text: see {@link markdownText}. */
const MARKDOWN_SPECIAL = /[\\[\]&<>@]|\/\/|www\.|\.(?=(?:[a-z]{2}|com|net|org|edu|gov|int|mil|biz|info|name|pro|aero|asia|coop|museum|shop|xxx|web)(?![\p{L}\p{N}_]))/iu;
const MARKDOWN_SPECIAL_ALL = new RegExp(MARKDOWN_SPECIAL.source, "giu");
const MARKDOWN_ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "[": "\\[", "]": "\\]", "&": "&amp;", "<": "&lt;", ">": "&gt;", "@": "\\@", "//": "\\/\\/", ".": "\\." };

/**
 * Data text written into Markdown so that it is shown as written and makes nothing live: `[` and `]` escaped (no link,
 * image or reference: `[x](javascript:…)` and `![i](http://…)` stay text), `&`, `<` and `>` as entities (no HTML, no
 * `<http://…>` autolink), a backslash escaped (it cannot undo an escape), and the text GitHub's and markdown-it's
 * autolinks look for broken with escapes that do not show: `//` (as in `http://`), `www.`, `@` (e-mail addresses) and
 * the dot before a top-level domain (`evil.com`). Text holding none of these is returned as it is.
 *
 * @example
 * markdownText("[x](javascript:alert(1))"); //=> "\\[x\\](javascript:alert(1))"
 * markdownText("http://evil.com"); //=> "http:\\/\\/evil\\.com"
 */
export function markdownText(text: string): string {
  if (!MARKDOWN_SPECIAL.test(text)) return text;
  return text.replace(MARKDOWN_SPECIAL_ALL, (found: string) => MARKDOWN_ESCAPES[found] ?? (found.length === 4 ? `${found.slice(0, 3)}\\.` : found));
}

const CELL_SPECIAL = /[|\r\n]/;

/**
 * {@link markdownText} inside a table cell: `|` escaped too, and line breaks written as `<br>`.
 *
 * @example
 * markdownCell("a | b\nc <d>"); //=> "a \\| b<br>c &lt;d&gt;"
 */
export function markdownCell(text: string): string {
  const inline = markdownText(text);
  return CELL_SPECIAL.test(inline) ? inline.replaceAll("|", "\\|").replace(/\r\n|\r|\n/g, "<br>") : inline;
}

// ---------------------------------------------------------------- office documents (DOCX, XLSX)

/**
 * Characters XML 1.0 cannot hold at all, not even escaped: C0 controls but tab, line feed and carriage return, lone
 * surrogates, U+FFFE and U+FFFF. A Word or Excel file holding one does not open.
 */
// eslint-disable-next-line no-control-regex -- control characters are what this finds
const XML_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text a Word or Excel file holds as it is: each character XML cannot hold (C0 controls but tab and line breaks, a
 * lone surrogate, U+FFFE, U+FFFF) becomes U+FFFD, so that the file still opens and shows where it was. The libraries
 * writing the files escape `<`, `&` and quotes; text is always written as text, never as a formula or a field.
 *
 * @example
 * officeText("Kiến Thụy\u0007"); //=> "Kiến Thụy\uFFFD"
 */
export function officeText(text: string): string {
  return text.replace(XML_UNSAFE, "\uFFFD");
}
