import { main } from "../../src/cli/main";

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `cchc ARGS` in `cwd` with captured output. */
export async function runCli(args: string[], cwd: string): Promise<CliRun> {
  const r: CliRun = { code: -1, out: "", err: "" };
  r.code = await main(args, {
    stdout: (t) => (r.out += t),
    stderr: (t) => (r.err += t),
    cwd,
  });
  return r;
}
