/**
 * The direct path of readCsvStream against the general checks alone: with the fast path for canonical records
 * turned off (it would otherwise share its canonical-form test with the direct path), readCsvRecords checks every
 * record in full, and a file streamed through the direct path must still read exactly as it does.
 */
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { createInputAccumulator, plans, readCsvRecords, readCsvStream } from "../../src/index.js";
import { chunkSizes, csvText, inChunks } from "./observation-csv.js";

vi.mock("../../src/input/fast-path.js", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../src/input/fast-path.js")>()),
  fastObservation: () => undefined,
}));

const plan = plans["haiphong-142"];

describe("readCsvStream's direct path, against the full checks", () => {
  it("reads every file as readCsvRecords reads it without the fast path", async () => {
    await fc.assert(
      fc.asyncProperty(csvText, chunkSizes, async (text, sizes) => {
        const accumulator = createInputAccumulator(plan);
        await readCsvStream("direct.csv", inChunks(text, sizes), plan, accumulator);
        expect(accumulator.finish()).toEqual(readCsvRecords("direct.csv", text, plan));
      }),
      { numRuns: 1000 },
    );
  });
});
