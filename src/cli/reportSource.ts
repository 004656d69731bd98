/**
 * What `cchc report` and `cchc snapshot` read from a tracking workbook file: the plan it carries
 * (the KeHoach sheet, chosen as `cchc workbook --from` chooses it) and the values staff typed (task
 * statuses and dates, quarter marks of recurring work, monthly numbers, the BienDoGan margin, the
 * Lịch sử rows), matched by that plan's tables exactly as `cchc workbook --from` matches them.
 */
import * as path from "path";
import type { ReportInputs } from "../domain/reportFigures";
import { carryInputToRevisedPlan } from "../layouts/planRevision";
import { applyIndicatorEdits } from "../layouts/indicatorEdits";
import { reportInputsOf } from "../layouts/reportSources";
import { TASKS_TABLE } from "../layouts/tasksSheet";
import type { UserInput } from "../layouts/userInput";
import { buildWorkbook } from "../layouts/workbook";
import { readUserInputFromFile } from "../render/xlsx/readUserInput";
import { readStoredPlan } from "../render/xlsx/readStoredPlan";
import type { Plan } from "../plan/types";
import { choosePlan } from "./choosePlan";
import { InputError, readInputFile } from "./inputFile";

export interface ReportSource {
  /**
   * The workbook's own plan; --plan when given; the built-in one only for a file without one; with
   * the targets added or corrected in its Chỉ tiêu sheet (layouts/indicatorEdits.ts).
   */
  plan: Plan;
  inputs: ReportInputs;
  userInput: UserInput;
}

/**
 * The plan and typed values of FILE; what is worth telling the user (the plan used, tables not
 * found, …) goes to `progress`. InputError / WorkbookFileError / PlanFileError (exit 1) when a file
 * cannot be used.
 */
export async function readReportSource(
  file: string,
  planFile: string | undefined,
  cwd: string,
  progress: (text: string) => void
): Promise<ReportSource> {
  const full = path.resolve(cwd, file);
  const data = await readInputFile(full, "sổ theo dõi");
  const stored = await readStoredPlan(data, path.basename(full));
  const plan = await choosePlan(planFile, stored, true, cwd, progress);
  const layout = buildWorkbook(plan, { flavor: "file", asOf: null }).layout;
  const read = await readUserInputFromFile(data, layout, path.basename(full));
  if (!read.found.some((f) => f.table === TASKS_TABLE)) {
    throw new InputError(
      `Tệp “${file}” không có bảng nhiệm vụ ${TASKS_TABLE} (trang “Nhiệm vụ”): không lập được báo cáo. ` +
        `Hãy chọn tệp sổ theo dõi do “cchc workbook” hoặc add-in tạo ra.`
    );
  }
  for (const note of read.notes) progress(note);
  let { userInput } = read;
  if (stored && planFile !== undefined) {
    // Another plan than the file's: typed values follow tasks and targets as `workbook --from` moves them.
    const revision = carryInputToRevisedPlan(userInput, stored, plan);
    for (const line of revision.moved) progress(`  ${line}`);
    userInput = revision.userInput;
  }
  // Targets added or corrected in the Chỉ tiêu sheet count as the workbook's (as its next rebuild
  // stores them): report, snapshot and the Báo cáo sheet judge the same targets.
  const edits = applyIndicatorEdits(plan, userInput, {
    base: planFile === undefined ? undefined : stored,
  });
  for (const line of [...edits.changes, ...edits.problems]) progress(line);
  userInput = edits.userInput ?? userInput;
  return { plan: edits.plan, inputs: reportInputsOf(edits.plan, userInput), userInput };
}
