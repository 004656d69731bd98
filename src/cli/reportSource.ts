/**
 * What `cchc report` and `cchc snapshot` read from a tracking workbook file: the values staff typed
 * (task statuses and dates, quarter marks of recurring work, monthly numbers, the BienDoGan margin),
 * matched by the current layout's tables exactly as `cchc workbook --from` matches them.
 */
import * as path from "path";
import type { ReportInputs } from "../domain/reportFigures";
import { reportInputsOf } from "../layouts/reportSources";
import { TASKS_TABLE } from "../layouts/tasksSheet";
import type { UserInput } from "../layouts/userInput";
import { buildWorkbook } from "../layouts/workbook";
import { readUserInputFromFile } from "../render/xlsx/readUserInput";
import type { Plan } from "../plan/types";
import { InputError, readInputFile } from "./inputFile";

export interface ReportSource {
  inputs: ReportInputs;
  userInput: UserInput;
  /** Things worth telling the user about the file (tables not found, …), Vietnamese. */
  notes: string[];
}

/** The typed values of FILE; InputError / WorkbookFileError (exit 1) when it cannot be used. */
export async function readReportSource(
  plan: Plan,
  file: string,
  cwd: string
): Promise<ReportSource> {
  const full = path.resolve(cwd, file);
  const data = await readInputFile(full, "sổ theo dõi");
  const layout = buildWorkbook(plan, { flavor: "file", asOf: null }).layout;
  const read = await readUserInputFromFile(data, layout, path.basename(full));
  if (!read.found.some((f) => f.table === TASKS_TABLE)) {
    throw new InputError(
      `Tệp “${file}” không có bảng nhiệm vụ ${TASKS_TABLE} (trang “Nhiệm vụ”): không lập được báo cáo. ` +
        `Hãy chọn tệp sổ theo dõi do “cchc workbook” hoặc add-in tạo ra.`
    );
  }
  const { userInput } = read;
  return {
    inputs: reportInputsOf(userInput),
    userInput,
    notes: read.notes,
  };
}
