import DecimalJs from "decimal.js";
import type { Decimal as DecimalClass } from "decimal.js";

/**
 * The library's decimal type: decimal.js configured so that `toString()` never switches to exponent
 * notation, since decimal strings are what the data and scorecards carry.
 */
// The type comes from a type-only import so that declarations work for ESM users under `nodenext` too.
export const Decimal: typeof DecimalClass = DecimalJs.clone({ precision: 40, toExpNeg: -1000, toExpPos: 1000 });
export type Decimal = DecimalClass;

/** The units smallDecimal last read (`"-60.5"` → -605): a number, where an object per figure would be garbage. */
let units = 0;

/**
 * The decimal places of a decimal of one to twelve digits, optionally negative (`-?\d+(\.\d+)?`, `"-60.50"` → 2),
 * its units then given by {@link smallUnits} (-6050); -1 for any other text. Twelve digits stay exact as a number,
 * and so do their products with a few more: the hot paths compute with numbers, and leave the rest to decimal.js.
 */
export function smallDecimal(text: string): number {
  const n = text.length;
  const negative = n > 0 && text.charCodeAt(0) === 45;
  let value = 0;
  let digits = 0;
  let places = -1;
  for (let i = negative ? 1 : 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && places < 0 && digits > 0) {
      places = 0;
      continue;
    }
    const digit = c - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
    digits++;
    if (places >= 0) places++;
  }
  if (digits === 0 || digits > 12 || places === 0) return -1;
  units = negative ? -value : value;
  return places < 0 ? 0 : places;
}

/** The units of the decimal smallDecimal last read. */
export function smallUnits(): number {
  return units;
}

/** 10^n as a number, n from 0 to 12: scales the units of two decimals read by smallDecimal to one. */
export const NUMBER_POWERS: readonly number[] = Array.from({ length: 13 }, (_, n) => 10 ** n);
