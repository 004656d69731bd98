/**
 * A small argument reader with Vietnamese errors (node:util parseArgs speaks English and throws
 * codes users should not see). `--name value`, `--name=value`, boolean flags, `--` ends options.
 */

/** Bad command-line arguments: the command prints its usage and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface ArgSpec {
  /** Boolean flags, e.g. ["json", "check"] for --json, --check. */
  flags?: readonly string[];
  /** Options taking a value, e.g. ["year", "plan"]. */
  options?: readonly string[];
  /** Short forms: { h: "help" } for -h. */
  short?: Readonly<Record<string, string>>;
}

export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], spec: ArgSpec): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  const isFlag = (n: string): boolean => (spec.flags ?? []).includes(n);
  const isOption = (n: string): boolean => (spec.options ?? []).includes(n);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (arg.startsWith("--") && arg.length > 2) {
      const eq = arg.indexOf("=");
      name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    } else if (/^-[A-Za-z]$/.test(arg)) {
      name = spec.short?.[arg.slice(1)];
      if (name === undefined) throw new UsageError(`Tham số không hợp lệ: ${arg}`);
    } else {
      positionals.push(arg);
      continue;
    }
    if (isFlag(name)) {
      if (inline !== undefined) throw new UsageError(`Tham số --${name} không nhận giá trị.`);
      flags.add(name);
    } else if (isOption(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || value === "" || (inline === undefined && value.startsWith("--"))) {
        throw new UsageError(`Thiếu giá trị cho --${name}.`);
      }
      if (options.has(name)) throw new UsageError(`Tham số --${name} được cho hai lần.`);
      options.set(name, value);
    } else {
      throw new UsageError(`Tham số không hợp lệ: ${arg}`);
    }
  }
  return { flags, options, positionals };
}
