import { runCli } from "../../src/cli/main.js";

/** Runs the CLI in process and gives its exit code and what it wrote. */
export async function run(...argv: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
