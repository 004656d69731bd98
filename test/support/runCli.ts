import { main } from "../../src/cli/main";

/** Runs `cchc` in-process with `cwd`, collecting what it writes. */
export async function runCli(
  argv: string[],
  cwd: string
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd,
  });
  return { code, stdout, stderr };
}
