import { describe, expect, it } from "vitest";
import { vietnamDate } from "../../src/index.js";

describe("vietnamDate", () => {
  it("gives the date in Vietnam, which is ahead of UTC by seven hours", () => {
    expect(vietnamDate(new Date("2025-09-30T16:59:59Z"))).toBe("2025-09-30");
    expect(vietnamDate(new Date("2025-09-30T17:00:00Z"))).toBe("2025-10-01");
    expect(vietnamDate(Date.parse("2025-12-31T23:30:00-08:00"))).toBe("2026-01-01");
  });
});
