import { writeFileSync } from "node:fs";

/** Where a command writes: injectable so that tests run the CLI in process. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Writes a command's result to `--out FILE` or to standard output. */
export function emit(io: CliIo, text: string, out: string | undefined): void {
  if (out) writeFileSync(out, text);
  else io.stdout(text);
}

/** A mistake in how the CLI was called or in its input: reported as one line, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
