import { describe, expect, it } from "vitest";
import { parseVietnameseNumber } from "../../src/index.js";

describe("parseVietnameseNumber", () => {
  it.each([
    ["0,77", "0.77"],
    ["1.200", "1200"],
    ["1.234.567,5", "1234567.5"],
    ["3,5", "3.5"],
    ["1,0", "1"],
    ["07", "7"],
    ["01", "1"],
    ["100", "100"],
  ])("reads %j as %j", (text, value) => expect(parseVietnameseNumber(text)).toBe(value));

  it.each(["1.5", "1.20", "1,2,3", "abc", "", "-", "12 000"])("refuses %j", (text) => expect(parseVietnameseNumber(text)).toBeUndefined());
});
