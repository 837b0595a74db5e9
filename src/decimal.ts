import DecimalJs from "decimal.js";
import type { Decimal as DecimalClass } from "decimal.js";

/**
 * The library's decimal type: decimal.js configured so that `toString()` never switches to exponent
 * notation, since decimal strings are what the data and scorecards carry.
 */
// The type comes from a type-only import so that declarations work for ESM users under `nodenext` too.
export const Decimal: typeof DecimalClass = DecimalJs.clone({ precision: 40, toExpNeg: -1000, toExpPos: 1000 });
export type Decimal = DecimalClass;
