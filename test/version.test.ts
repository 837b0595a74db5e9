import { describe, expect, it } from "vitest";
import pkg from "../package.json";
import { VERSION } from "../src/index.js";

describe("VERSION", () => {
  it("is package.json's version, which scorecards carry as rulesVersion", () => {
    expect(VERSION).toBe(pkg.version);
  });
});
