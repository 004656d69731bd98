/**
 * Which ExcelApi requirement set each feature needs, checked once per action. An action whose core
 * needs are missing stops with a Vietnamese explanation; optional features (colours, frozen header,
 * drop-down lists, print set-up) are skipped and the user is told what their Excel lacks.
 */

/** Office.context.requirements.isSetSupported, injected so tests and the browser fake can stand in. */
export type IsSetSupported = (name: string, minVersion?: string) => boolean;

export type Feature =
  /** Tables, ranges, formulas, number formats (1.1); protection, hidden columns, merge, filters (1.2). */
  | "basics"
  /** getItemOrNullObject and workbook names.add: finding sheets/tables/names safely. */
  | "nullObjects"
  | "conditionalFormats"
  | "suspendCalculation"
  | "freezePanes"
  | "tabColor"
  | "chartSeries"
  | "dataValidation"
  | "pageLayout";

const FEATURE_VERSION: Record<Feature, string> = {
  basics: "1.2",
  nullObjects: "1.4",
  conditionalFormats: "1.6",
  suspendCalculation: "1.6",
  freezePanes: "1.7",
  tabColor: "1.7",
  chartSeries: "1.7",
  dataValidation: "1.8",
  pageLayout: "1.9",
};

/** What the user loses when a feature is missing (Vietnamese). */
const FEATURE_LOSS: Record<Feature, string> = {
  basics: "bảng, công thức và bảo vệ trang tính",
  nullObjects: "tìm lại trang, bảng và tên đã có trong sổ làm việc",
  conditionalFormats: "tô màu theo tình trạng (quá hạn, sắp đến hạn, hoàn thành…)",
  suspendCalculation: "tạm dừng tính toán khi ghi (chỉ chậm hơn một chút)",
  freezePanes: "cố định dòng tiêu đề",
  tabColor: "màu thẻ trang tính",
  chartSeries: "nhãn đơn vị trên biểu đồ",
  dataValidation: "danh sách chọn và kiểm tra giá trị nhập",
  pageLayout: "thiết lập in A4 ngang, lặp dòng tiêu đề, ngắt trang giữa các phần",
};

/** Features every action needs: without them nothing is written. */
const CORE_FEATURES: readonly Feature[] = ["basics", "nullObjects"];

/** Features that only make the sheets nicer; missing ones are skipped with a message. */
const OPTIONAL_FEATURES: readonly Feature[] = [
  "conditionalFormats",
  "suspendCalculation",
  "freezePanes",
  "tabColor",
  "chartSeries",
  "dataValidation",
  "pageLayout",
];

/** Features whose absence is not worth a message (nothing visible is lost). */
const SILENT: ReadonlySet<Feature> = new Set<Feature>(["suspendCalculation", "tabColor"]);

export interface Capabilities {
  has(feature: Feature): boolean;
  /** Core features missing: the action must not run. */
  missingCore: Feature[];
  /** Optional features missing that the user should hear about. */
  missingOptional: Feature[];
}

export function detectCapabilities(isSetSupported: IsSetSupported): Capabilities {
  const supported = new Map<Feature, boolean>();
  for (const f of Object.keys(FEATURE_VERSION) as Feature[]) {
    let ok = false;
    try {
      ok = isSetSupported("ExcelApi", FEATURE_VERSION[f]) === true;
    } catch {
      ok = false;
    }
    supported.set(f, ok);
  }
  const has = (f: Feature): boolean => supported.get(f) === true;
  return {
    has,
    missingCore: CORE_FEATURES.filter((f) => !has(f)),
    missingOptional: OPTIONAL_FEATURES.filter((f) => !has(f) && !SILENT.has(f)),
  };
}

/** Why an action cannot run here, or null when it can. */
export function coreMissingMessage(caps: Capabilities): string | null {
  if (caps.missingCore.length === 0) return null;
  const version =
    caps.missingCore
      .map((f) => FEATURE_VERSION[f])
      .sort(compareVersions)
      .pop() ?? "1.4";
  return (
    `Phiên bản Excel này chưa hỗ trợ ExcelApi ${version} (cần cho: ${caps.missingCore.map((f) => FEATURE_LOSS[f]).join("; ")}), ` +
    "nên phần bổ trợ không thể ghi bảng theo dõi. Hãy dùng Microsoft 365 hoặc Excel trên web, " +
    "hoặc tạo tệp Excel bằng lệnh `cchc workbook` rồi mở tệp đó."
  );
}

/** One line per optional feature the user's Excel lacks. */
export function degradedMessages(caps: Capabilities): string[] {
  return caps.missingOptional.map(
    (f) => `Excel này chưa hỗ trợ ExcelApi ${FEATURE_VERSION[f]}: bỏ qua ${FEATURE_LOSS[f]}.`
  );
}

/**
 * Custom functions (CCHC.*) run where CustomFunctionsRuntime 1.1 is supported: Excel on the web,
 * Microsoft 365, Office 2021+ and Mac 16.34+, not on iPad nor volume-licensed Office older than 2021
 * (learn.microsoft.com, "Custom Functions requirement sets"). Elsewhere CCHC.* cells show #NAME?.
 */
export function hasCustomFunctions(isSetSupported: IsSetSupported): boolean {
  try {
    return isSetSupported("CustomFunctionsRuntime", "1.1") === true;
  } catch {
    return false;
  }
}

export const NO_CUSTOM_FUNCTIONS_NOTE =
  "Excel này không chạy được hàm CCHC.* (CustomFunctionsRuntime 1.1): trang Chỉ tiêu dùng công thức Excel thường, kết quả như nhau.";

function compareVersions(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return am - bm || an - bn;
}
