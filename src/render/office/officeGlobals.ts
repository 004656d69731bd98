/**
 * The one place that reads the globals office.js defines (`Office`, `Excel`). Outside Office (jsdom
 * tests, a plain browser, office.js failed to load) they are undefined, so everything here answers
 * "not available" rather than throwing.
 */
import type { ExcelRun } from "./actions";
import type { IsSetSupported } from "./requirements";

export function officeGlobal(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

/** Excel.run of the host, or a run that fails with a Vietnamese message outside Excel. */
export function hostRun(): ExcelRun {
  const excel = (globalThis as { Excel?: { run?: ExcelRun } }).Excel;
  if (excel && typeof excel.run === "function") return excel.run.bind(excel) as ExcelRun;
  return () =>
    Promise.reject(new Error("Không tìm thấy Excel (Excel.run). Hãy mở ngăn tác vụ trong Excel."));
}

/** The host's isSetSupported when running inside Office; a function that says "no" elsewhere. */
export function hostIsSetSupported(): IsSetSupported {
  const requirements = (
    officeGlobal() as
      { context?: { requirements?: { isSetSupported?: IsSetSupported } } } | undefined
  )?.context?.requirements;
  const fn = requirements?.isSetSupported;
  if (typeof fn !== "function") return () => false;
  return (name, version) => fn.call(requirements, name, version);
}
