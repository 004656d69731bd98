/**
 * What a subcommand gets: writers for stdout/stderr (injected by tests) and the working directory.
 * Every subcommand returns its exit code: 0 done, 1 bad input data / failed, 2 bad arguments.
 */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Directory that relative paths are resolved against (default: process.cwd()). */
  cwd?: string;
}

export interface Command {
  /** The word after `cchc`, e.g. "plan". */
  name: string;
  /** One line for `cchc --help` (Vietnamese). */
  summary: string;
  /** Runs the subcommand with the arguments after its name; handles its own `--help`. */
  run: (argv: readonly string[], io: CliIO) => Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
