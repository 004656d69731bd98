/**
 * Which plan a command that reads a tracking workbook works on (`cchc workbook --from`, `cchc report`,
 * `cchc snapshot`): the workbook's own plan (src/layouts/planSheet.ts), so a workbook of another
 * year or agency is never read or rewritten with the built-in 2024 plan.
 */
import type { Plan } from "../plan/types";
import { loadPlan } from "./planFile";

/**
 * The plan to write: --plan when given; else the plan stored in the --from file; else (a file
 * written before plans were stored, or no --from) the built-in one — said aloud, never silently.
 */
export async function choosePlan(
  planFile: string | undefined,
  stored: Plan | null,
  hasFrom: boolean,
  cwd: string,
  progress: (text: string) => void
): Promise<Plan> {
  if (planFile !== undefined) {
    progress(`Đang đọc kế hoạch từ ${planFile}…`);
    const plan = await loadPlan(planFile, cwd);
    if (stored) {
      progress(
        `  Sổ cũ theo dõi “${stored.title}” (năm ${stored.year}); dùng kế hoạch mới “${plan.title}” (năm ${plan.year}).`
      );
    }
    return plan;
  }
  if (stored) {
    progress(`Dùng kế hoạch lưu trong tệp nguồn: “${stored.title}” (năm ${stored.year}).`);
    return stored;
  }
  const builtIn = await loadPlan(undefined, cwd);
  progress(
    hasFrom
      ? `Tệp nguồn không lưu kế hoạch (tạo bằng phiên bản cũ): dùng kế hoạch có sẵn “${builtIn.title}”. ` +
          "Nếu sổ theo dõi kế hoạch khác, thêm --plan KẾ_HOẠCH.json."
      : `Đang đọc kế hoạch có sẵn “${builtIn.title}” (kế hoạch khác: --plan KẾ_HOẠCH.json, tạo bằng cchc import)…`
  );
  return builtIn;
}
