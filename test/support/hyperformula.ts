/**
 * A real spreadsheet engine for tests: HyperFormula (GPL-3.0, test-only, never in the shipped
 * bundle) configured like Excel's 1900 date system, with the SAME implementations as the add-in's
 * custom functions registered as CCHC.RATE, CCHC.ATTAIN, CCHC.MET, CCHC.TARGET, CCHC.DUE,
 * CCHC.STATUS and CCHC.DAYSLATE.
 *
 * Usage (any test, any helper):
 *
 *   import { createEngine, valueAt, errorCodeOf } from "../support/hyperformula";
 *   const hf = createEngine(
 *     { "Chỉ tiêu": [["Đạt", "Tổng"], [95, 100], ["=CCHC.RATE(A2,B2)"]] },
 *     { names: { NgayBaoCao: "=DATE(2024,3,31)", SoNgaySapDenHan: 7 } },
 *   );
 *   valueAt(hf, "Chỉ tiêu", "A3");          // 0.95
 *   errorCodeOf(valueAt(hf, "Chỉ tiêu", "B9")); // null, or "#DIV/0!", "#N/A", ...
 *   hf.destroy();                           // when done (frees the engine)
 *
 * How values cross the bridge, as Excel passes them to custom functions:
 * - a range → a 2-D array; for RATE (matrix parameters) a single value → [[value]];
 * - an empty cell or an omitted / empty optional argument → null;
 * - a cell error → a CustomFunctions.Error (the stub's class) with the engine's message;
 * - a returned CustomFunctions.Error → the engine's error of the same code, with the message kept
 *   (read it from `DetailedCellError.message`).
 * HyperFormula itself returns a scalar error argument without calling the function (as Excel
 * does); errors inside ranges reach the function and are passed on by it.
 *
 * HyperFormula's defaults are kept otherwise; note that it rounds numbers it outputs to 10
 * significant digits (precisionRounding), so compare with `toBeCloseTo(x, 9)`, or pass
 * `{ config: { smartRounding: false } }` for raw doubles.
 */
import {
  CellError,
  DetailedCellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type CellValue,
  type ConfigParams,
  type RawCellContent,
  type SerializedNamedExpression,
} from "hyperformula";
import { CustomFunctionsError, type ErrorCodeValue } from "./customFunctionsStub";
import { ATTAIN, DAYSLATE, DUE, MET, RATE, STATUS, TARGET } from "../../src/functions/functions";

/** One CCHC function as the engine registers it (mirrors the generated functions.json). */
export interface CchcFunctionSpec {
  /** Id without namespace, as in functions.json ("RATE"). */
  id: string;
  fn: (...args: never[]) => unknown;
  params: { name: string; matrix?: boolean; optional?: boolean }[];
}

export const CCHC_FUNCTIONS: readonly CchcFunctionSpec[] = [
  {
    id: "RATE",
    fn: RATE,
    params: [
      { name: "part", matrix: true },
      { name: "total", matrix: true },
    ],
  },
  {
    id: "ATTAIN",
    fn: ATTAIN,
    params: [{ name: "actual" }, { name: "target" }, { name: "comparison", optional: true }],
  },
  {
    id: "MET",
    fn: MET,
    params: [{ name: "actual" }, { name: "target" }, { name: "comparison", optional: true }],
  },
  { id: "TARGET", fn: TARGET, params: [{ name: "id" }] },
  { id: "DUE", fn: DUE, params: [{ name: "deadline_text" }, { name: "year", optional: true }] },
  {
    id: "STATUS",
    fn: STATUS,
    params: [
      { name: "due" },
      { name: "done_date", optional: true },
      { name: "as_of", optional: true },
      { name: "soon_days", optional: true },
    ],
  },
  {
    id: "DAYSLATE",
    fn: DAYSLATE,
    params: [
      { name: "due" },
      { name: "done_date", optional: true },
      { name: "as_of", optional: true },
    ],
  },
];

/** The namespace the manifest gives the functions. */
export const NAMESPACE = "CCHC";

/** Excel's date system: 1900 counted as a leap year, so serials equal Excel's from 01/01/1900 on. */
export const EXCEL_DATE_CONFIG: Partial<ConfigParams> = {
  leapYear1900: true,
  nullDate: { year: 1899, month: 12, day: 31 },
  dateFormats: ["DD/MM/YYYY", "YYYY-MM-DD"],
};

const CODE_BY_TYPE: Partial<Record<ErrorType, ErrorCodeValue>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.REF]: "#REF!",
};

const TYPE_BY_CODE: Record<ErrorCodeValue, ErrorType> = {
  "#DIV/0!": ErrorType.DIV_BY_ZERO,
  "#NAME?": ErrorType.NAME,
  "#VALUE!": ErrorType.VALUE,
  "#NUM!": ErrorType.NUM,
  "#N/A": ErrorType.NA,
  "#REF!": ErrorType.REF,
  // HyperFormula has no #NULL!; the functions never return it.
  "#NULL!": ErrorType.ERROR,
};

/** An engine value → what Excel would hand a custom function. */
function toExcelArg(v: unknown): unknown {
  if (v === undefined || v === null || typeof v === "symbol") return null; // EmptyValue is a symbol
  if (v instanceof CellError) {
    return new CustomFunctionsError(CODE_BY_TYPE[v.type] ?? "#VALUE!", v.message);
  }
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toExcelArg));
  if (typeof v === "object" && typeof (v as { val?: unknown }).val === "number") {
    return (v as { val: number }).val; // RichNumber (dates, percents, currency)
  }
  return v;
}

/** A custom function's result → an engine value. */
function toEngineValue(result: unknown): number | string | boolean | CellError {
  if (result instanceof CustomFunctionsError) {
    return new CellError(TYPE_BY_CODE[result.code] ?? ErrorType.ERROR, result.message);
  }
  if (typeof result === "number" || typeof result === "string" || typeof result === "boolean")
    return result;
  return new CellError(ErrorType.VALUE, `Kết quả không hợp lệ từ hàm tùy chỉnh: ${String(result)}`);
}

/** Calls one CCHC function with engine arguments, exactly as Excel would call it. */
export function callAsExcel(
  spec: CchcFunctionSpec,
  engineArgs: unknown[]
): number | string | boolean | CellError {
  const args = spec.params.map((p, i) => {
    const v = toExcelArg(engineArgs[i]);
    return p.matrix && !Array.isArray(v) ? [[v]] : v;
  });
  return toEngineValue((spec.fn as (...a: unknown[]) => unknown)(...args));
}

type AstLike = { args: unknown[] };

class CchcFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions = Object.fromEntries(
    CCHC_FUNCTIONS.map((spec) => [
      `${NAMESPACE}.${spec.id}`,
      {
        method: methodName(spec),
        parameters: spec.params.map((p) => ({
          argumentType: FunctionArgumentType.ANY,
          optionalArg: p.optional === true,
        })),
      },
    ])
  );

  callCchc(spec: CchcFunctionSpec, ast: AstLike, state: unknown): unknown {
    return this.runFunction(
      ast.args as never,
      state as never,
      this.metadata(`${NAMESPACE}.${spec.id}`),
      (...args: unknown[]) => callAsExcel(spec, args)
    );
  }
}

function methodName(spec: CchcFunctionSpec): string {
  return `cchc${spec.id}`;
}

for (const spec of CCHC_FUNCTIONS) {
  Object.defineProperty(CchcFunctionsPlugin.prototype, methodName(spec), {
    value(this: CchcFunctionsPlugin, ast: AstLike, state: unknown) {
      return this.callCchc(spec, ast, state);
    },
  });
}

/** Formula names of the registered functions ("CCHC.RATE", ...). */
export const CCHC_FORMULA_NAMES: readonly string[] = CCHC_FUNCTIONS.map(
  (s) => `${NAMESPACE}.${s.id}`
);

/**
 * Registers the CCHC functions with HyperFormula (static, once per module registry; idempotent).
 * Names with a dot need a translation for every registered language, or formulas give #NAME?.
 */
export function registerCchcFunctions(): void {
  if (HyperFormula.getFunctionPlugin(CCHC_FORMULA_NAMES[0]!) !== undefined) return;
  const identity = Object.fromEntries(CCHC_FORMULA_NAMES.map((n) => [n, n]));
  const translations = Object.fromEntries(
    HyperFormula.getRegisteredLanguagesCodes().map((code) => [code, identity])
  );
  HyperFormula.registerFunctionPlugin(CchcFunctionsPlugin, translations);
}

export interface EngineOptions {
  /** Workbook-scoped names: a value or a formula, e.g. { NgayBaoCao: "=DATE(2024,3,31)" }. */
  names?: Record<string, RawCellContent>;
  /** Extra HyperFormula configuration; the licence key and Excel's date system are always set. */
  config?: Partial<ConfigParams>;
}

/**
 * A HyperFormula engine over the given sheets (name → rows of raw cell contents: values, or formulas
 * as strings starting with "=" in en-US syntax), with the CCHC functions registered.
 */
export function createEngine(
  sheets: Record<string, RawCellContent[][]>,
  options: EngineOptions = {}
): HyperFormula {
  registerCchcFunctions();
  const names: SerializedNamedExpression[] = Object.entries(options.names ?? {}).map(
    ([name, expression]) => ({
      name,
      expression,
    })
  );
  return HyperFormula.buildFromSheets(
    sheets,
    { ...EXCEL_DATE_CONFIG, ...options.config, licenseKey: "gpl-v3" },
    names
  );
}

/** Evaluates one formula on an otherwise empty sheet (handy for function-level checks). */
export function evaluateFormula(formula: string, options: EngineOptions = {}): CellValue {
  const hf = createEngine({ Sheet1: [[formula]] }, options);
  try {
    return valueAt(hf, "Sheet1", "A1");
  } finally {
    hf.destroy();
  }
}

/** The computed value of a cell, addressed by sheet name and A1 ("B12"). */
export function valueAt(hf: HyperFormula, sheet: string, a1: string): CellValue {
  const sheetId = hf.getSheetId(sheet);
  if (sheetId === undefined) throw new Error(`No sheet named ${JSON.stringify(sheet)}`);
  const address = hf.simpleCellAddressFromString(a1, sheetId);
  if (address === undefined) throw new Error(`Not an A1 address: ${JSON.stringify(a1)}`);
  return hf.getCellValue(address);
}

/** The Excel error text of a cell value ("#DIV/0!", "#N/A", ...), or null when it is not an error. */
export function errorCodeOf(v: CellValue): string | null {
  return v instanceof DetailedCellError ? v.value : null;
}

/** The message of an error cell value (the custom function's Vietnamese message), or null. */
export function errorMessageOf(v: CellValue): string | null {
  return v instanceof DetailedCellError ? v.message : null;
}
