import DecimalJs from "decimal.js";

/**
 * The library's decimal type: decimal.js configured so that `toString()` never switches to exponent
 * notation, since decimal strings are what the data and scorecards carry.
 */
export const Decimal = DecimalJs.clone({ precision: 40, toExpNeg: -1000, toExpPos: 1000 });
export type Decimal = DecimalJs;
