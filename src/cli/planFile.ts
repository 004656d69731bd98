/**
 * Loading the plan for a subcommand: the built-in 2024 plan, or a `--plan FILE.json` (format:
 * docs/plan-format.md). Every failure becomes a PlanFileError with a Vietnamese message (exit 1).
 */
import { readFileSync } from "fs";
import { resolve } from "path";
import { getPlan } from "../plan/builtinPlan";
import type { Plan } from "../plan/types";

export class PlanFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanFileError";
  }
}

function fsReason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOENT") return "không tồn tại";
  if (code === "EACCES" || code === "EPERM") return "không có quyền đọc";
  if (code === "EISDIR") return "là một thư mục, không phải tệp";
  return err instanceof Error ? err.message : String(err);
}

/** Reads and validates a plan file; relative paths are resolved against `cwd`. */
async function readPlanFile(file: string, cwd: string = process.cwd()): Promise<Plan> {
  const full = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(full, "utf8").replace(/^\uFEFF/, "");
  } catch (err) {
    throw new PlanFileError(`Không đọc được tệp kế hoạch “${file}”: ${fsReason(err)}.`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new PlanFileError(
      `Tệp kế hoạch “${file}” không phải JSON hợp lệ: ${(err as Error).message}.`
    );
  }
  // The schema (zod) loads only when a plan file is read, not for the built-in plan.
  const { parsePlan, PlanValidationError } = await import("../plan");
  try {
    return parsePlan(json);
  } catch (err) {
    if (err instanceof PlanValidationError)
      throw new PlanFileError(`Tệp “${file}”: ${err.message}`);
    throw err;
  }
}

/** The plan a subcommand works on: `--plan FILE` when given, else the built-in plan. */
export async function loadPlan(file: string | undefined, cwd?: string): Promise<Plan> {
  if (file === undefined) {
    try {
      return getPlan();
    } catch (err) {
      // Only a broken build can get here; say so instead of printing a stack trace.
      throw new PlanFileError(`Dữ liệu kế hoạch có sẵn không hợp lệ: ${(err as Error).message}`);
    }
  }
  return readPlanFile(file, cwd);
}
