import { createInputAccumulator, type InputAccumulator } from "../input/accumulate.js";
import { evaluate, type EvaluateOptions } from "./evaluate.js";
import type { Scorecard } from "../model/scorecard.js";

/** Records as a stream: any iterable, sync or async (a database cursor, a file read line by line). */
export type RecordStream = AsyncIterable<unknown> | Iterable<unknown>;

/** What {@link evaluateStream} scores. */
export interface EvaluateStreamOptions extends Omit<EvaluateOptions, "observations" | "taskReports" | "input"> {
  readonly observations?: RecordStream | undefined;
  readonly taskReports?: RecordStream | undefined;
  /** Named in the source of every record, e.g. the table or file the stream reads. */
  readonly file?: string | undefined;
  /** Further input to read into the same scorecard (CSV files read with `readCsvStream`), beside the two streams. */
  readonly feed?: ((accumulator: InputAccumulator) => Promise<void>) | undefined;
  /** Called every 10,000 records with the count so far, for a progress bar. */
  readonly onProgress?: ((records: number) => void) | undefined;
}

/**
 * Scores records that arrive as streams, holding in memory one record per distinct indicator × year ×
 * locality (plus what is rejected) rather than the whole input: the way to score a million observations.
 * The scorecard is the one {@link evaluate} gives for the same records.
 *
 * @example
 * const scorecard = await evaluateStream({ plan, observations: cursor, asOf: "2026-11-26" });
 */
export async function evaluateStream(options: EvaluateStreamOptions): Promise<Scorecard> {
  const { observations, taskReports, file, feed, onProgress, ...rest } = options;
  const accumulator = createInputAccumulator(rest.plan);
  let count = 0;
  const tick = () => {
    count += 1;
    if (onProgress && count % 10_000 === 0) onProgress(count);
  };
  let index = 0;
  if (observations)
    for await (const record of observations) {
      accumulator.addObservation(record, { ...(file !== undefined ? { file } : {}), index: index++ });
      tick();
    }
  index = 0;
  if (taskReports)
    for await (const record of taskReports) {
      accumulator.addTaskReport(record, { ...(file !== undefined ? { file } : {}), index: index++ });
      tick();
    }
  if (feed) await feed(accumulator);
  return evaluate({ ...rest, input: accumulator.finish() });
}
