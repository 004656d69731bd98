/**
 * Results of the spreadsheet-facing domain functions: a value, or an error that maps one-to-one to
 * an Excel error value, with a Vietnamese message. The custom functions turn a failure into
 * `CustomFunctions.Error`; the HyperFormula test engine into a `CellError`.
 */

/** Excel error kinds the domain can produce or pass on. */
export type ErrorKind = "div0" | "num" | "value" | "na" | "ref" | "name" | "null";

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorKind; message: string };

export type Failure = Extract<Result<never>, { ok: false }>;

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: ErrorKind, message: string): Failure {
  return { ok: false, error, message };
}

/** The text Excel shows for each error kind. */
const ERROR_LITERALS: Readonly<Record<ErrorKind, string>> = {
  div0: "#DIV/0!",
  num: "#NUM!",
  value: "#VALUE!",
  na: "#N/A",
  ref: "#REF!",
  name: "#NAME?",
  null: "#NULL!",
};

/** The classic error texts (the ones the .xlsx format stores as cell errors). */
export const EXCEL_ERROR_TEXTS: ReadonlySet<string> = new Set(Object.values(ERROR_LITERALS));

const KIND_BY_LITERAL: ReadonlyMap<string, ErrorKind> = new Map(
  (Object.keys(ERROR_LITERALS) as ErrorKind[]).map((k) => [ERROR_LITERALS[k], k])
);

/**
 * Error values newer Excel versions can hold that have no custom-function error code; they are
 * passed on as #VALUE! with their own name in the message.
 */
const OTHER_EXCEL_ERRORS = new Set([
  "#SPILL!",
  "#CALC!",
  "#BUSY!",
  "#GETTING_DATA",
  "#CONNECT!",
  "#BLOCKED!",
  "#FIELD!",
  "#UNKNOWN!",
  "#PYTHON!",
  "#TIMEOUT!",
  "#ERROR!",
  "#CYCLE!",
]);

/** The error kind for an Excel error literal ("#N/A" → "na"), or null when the text is not one. */
export function errorKindOfLiteral(text: string): ErrorKind | null {
  const t = text.trim().toUpperCase();
  const kind = KIND_BY_LITERAL.get(t);
  if (kind) return kind;
  return OTHER_EXCEL_ERRORS.has(t) ? "value" : null;
}
