/**
 * About how wide text is drawn, in ems: an upper estimate for the wide sans-serif fonts the page may fall
 * back to (DejaVu Sans), capitals and digits wider than small letters, spaces and stops narrower.
 *
 * @example
 * textWidth("Sở Y tế") < textWidth("SỞ Y TẾ"); //=> true
 */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text.normalize("NFC")) {
    if (/[\s.,;:'|!ijlItf()[\]-]/.test(char)) width += 0.34;
    else if (/[mwMW]/.test(char)) width += 0.9;
    else if (/\p{Lu}|\p{Nd}/u.test(char)) width += 0.7;
    else width += 0.58;
  }
  return width;
}

/**
 * Text laid out for SVG, which does not wrap: `text` broken at spaces into at most `maxLines` lines no wider than
 * `maxEms` (see {@link textWidth}), the last one ending in "…" when the text is longer.
 *
 * @example
 * wrapText("Sở Khoa học và Công nghệ", 7, 2); //=> ["Sở Khoa học", "và Công nghệ"]
 */
export function wrapText(text: string, maxEms: number, maxLines: number): string[] {
  const words = text.replace(/\s+/g, " ").trim().split(" ");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const next = line === "" ? word : `${line} ${word}`;
    if (textWidth(next) <= maxEms || line === "") line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== "") lines.push(line);
  if (lines.length <= maxLines && lines.every((l) => textWidth(l) <= maxEms)) return lines;
  const kept = lines.slice(0, maxLines);
  const chars = [...kept.at(-1)!];
  while (chars.length > 1 && textWidth(`${chars.join("")}…`) > maxEms) chars.pop();
  kept[kept.length - 1] = `${chars.join("").replace(/[\s,;:.·]+$/, "")}…`;
  return kept;
}

/** A number for an SVG attribute: at most one decimal, no trailing zeros. */
export function px(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * About five round tick values covering `[low, high]` (steps of 1, 2, 2.5 or 5 times a power of ten).
 *
 * @example
 * niceTicks(0, 92); //=> [0, 20, 40, 60, 80, 100]
 */
export function niceTicks(low: number, high: number, count = 5): number[] {
  if (!(high > low)) high = low + 1;
  const raw = (high - low) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const start = Math.floor(low / step) * step;
  const ticks: number[] = [];
  for (let v = start; v < high + step - step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}
