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
