import type { DataValidation } from "exceljs";
import {
  clipText,
  EXCEL_FIRST_DATE_ISO,
  EXCEL_LAST_DATE_ISO,
  INT32_MAX,
  INT32_MIN,
  VALIDATION_MESSAGE_MAX,
  VALIDATION_TITLE_MAX,
} from "../../layouts/excelFacts";
import type { Validation, ValidationSpec } from "../../layouts/model";

function bounds(
  min: number | undefined,
  max: number | undefined
): Pick<DataValidation, "operator" | "formulae"> {
  if (min !== undefined && max !== undefined) return { operator: "between", formulae: [min, max] };
  if (min !== undefined) return { operator: "greaterThanOrEqual", formulae: [min] };
  if (max !== undefined) return { operator: "lessThanOrEqual", formulae: [max] };
  return { operator: "between", formulae: [INT32_MIN, INT32_MAX] };
}

/** A list validation's inline source: quoted, comma-separated (Excel caps it at 255 characters). */
function listSource(values: string[]): string {
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
        formulae: [rule.min ?? EXCEL_FIRST_DATE_ISO, rule.max ?? EXCEL_LAST_DATE_ISO],
      };
  }
}

/** exceljs data validation with a blocking ("stop") Vietnamese error alert and an optional prompt. */
export function toDataValidation(spec: ValidationSpec): DataValidation {
  const dv: DataValidation = {
    ...rulePart(spec.rule),
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
    errorTitle: clipText(spec.errorTitle, VALIDATION_TITLE_MAX),
    error: clipText(spec.errorMessage, VALIDATION_MESSAGE_MAX),
  };
  if (spec.prompt) {
    dv.showInputMessage = true;
    dv.prompt = clipText(spec.prompt, VALIDATION_MESSAGE_MAX);
  }
  return dv;
}
