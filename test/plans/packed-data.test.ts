import { describe, expect, it } from "vitest";
import data from "../../src/plans/haiphong-142/plan.json";
import { packPlanData, unpackPlanData } from "../../src/plans/packed-data.js";

describe("a plan's data packed for the build", () => {
  it("unpacks into exactly the JSON it was packed from, key order and all", () => {
    const packed = packPlanData(data);
    expect(JSON.stringify(unpackPlanData(JSON.parse(JSON.stringify(packed))))).toBe(JSON.stringify(data));
  });

  it("gathers the texts by language, in document order", () => {
    const packed = packPlanData(data);
    expect(packed.vi.slice(0, 2)).toEqual([data.document.issuer.vi, data.document.title.vi]);
    expect(packed.en).toContain(data.tasks[0]!.title.en);
    expect(packed.vi.indexOf(data.tasks[0]!.title.vi)).toBeLessThan(packed.vi.indexOf(data.tasks[1]!.title.vi));
    expect(packed.other).toContain(data.tasks[0]!.id);
    expect(JSON.stringify(packed.shape)).not.toContain(data.tasks[0]!.id);
  });

  it("keeps numbers, booleans, empty texts and nesting as they are", () => {
    const small = { id: "p", n: 0, flag: false, empty: "", list: [{ vi: "một", en: "one" }, 2030], nested: { en: "", vi: "" } };
    expect(unpackPlanData(packPlanData(small))).toStrictEqual(small);
  });

  it("refuses data holding a null, whose place the packed structure marks texts with", () => {
    expect(() => packPlanData({ id: "p", note: null })).toThrow(/null/);
  });
});
