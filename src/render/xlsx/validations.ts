import type { DataValidation } from "exceljs";
import type { Validation, ValidationSpec } from "../../layouts/model";

const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

function bounds(
  min: number | undefined,
  max: number | undefined
): Pick<DataValidation, "operator" | "formulae"> {
  if (min !== undefined && max !== undefined) return { operator: "between", formulae: [min, max] };
  if (min !== undefined) return { operator: "greaterThanOrEqual", formulae: [min] };
  if (max !== undefined) return { operator: "lessThanOrEqual", formulae: [max] };
  return { operator: "between", formulae: [INT_MIN, INT_MAX] };
}

/** A list validation's inline source: quoted, comma-separated (Excel caps it at 255 characters). */
export function listSource(values: string[]): string {
  return `"${values.map((v) => v.replace(/"/g, "")).join(",")}"`;
}

function rulePart(rule: Validation): Pick<DataValidation, "type" | "operator" | "formulae"> {
  switch (rule.type) {
    case "list":
      return { type: "list", formulae: [listSource(rule.values)] };
    case "wholeNumber":
      return { type: "whole", ...bounds(rule.min, rule.max) };
    case "decimal":
      return { type: "decimal", ...bounds(rule.min, rule.max) };
    case "date":
      // exceljs turns date formulae into serials through `new Date(x)`: ISO strings parse as UTC midnight.
      return {
        type: "date",
        operator: "between",
        formulae: [rule.min ?? "1900-01-01", rule.max ?? "9999-12-31"],
      };
  }
}

/** Excel refuses to open files whose alert texts exceed its limits (32 for titles, 255 for messages). */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** exceljs data validation with a blocking ("stop") Vietnamese error alert and an optional prompt. */
export function toDataValidation(spec: ValidationSpec): DataValidation {
  const dv: DataValidation = {
    ...rulePart(spec.rule),
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: clip(spec.errorTitle, 32),
    error: clip(spec.errorMessage, 255),
  };
  if (spec.prompt) {
    dv.showInputMessage = true;
    dv.prompt = clip(spec.prompt, 255);
  }
  return dv;
}
