/**
 * The sheet features of "create/update" beyond cells and the table: data validation, conditional
 * formats, freeze panes, print set-up and charts, each queued on its range (no sync), and the
 * conversions from the layout model to Office.js (validation rules, icon set names, header text).
 */
import { offsetCell, rangeAddress } from "../../layouts/a1";
import {
  clipText,
  dateFormula,
  EXCEL_FIRST_DATE_ISO,
  INT32_MAX,
  INT32_MIN,
  VALIDATION_MESSAGE_MAX,
  VALIDATION_TITLE_MAX,
} from "../../layouts/excelFacts";
import type {
  ChartSpec,
  ConditionalRule,
  SheetLayout,
  Validation,
  ValidationSpec,
} from "../../layouts/model";
import { applyRuleFormat } from "./formats";
import { CHART_PREFIX } from "./probe";
import type { Capabilities } from "./requirements";

/** A layout's ISO date, checked: it goes to Excel as ISO 8601 text. */
function checkedIso(iso: string): string {
  if (dateFormula(iso) === null)
    throw new RangeError(`Ngày không hợp lệ trong quy tắc kiểm tra: ${iso}`);
  return iso;
}

type Bounds = {
  formula1: string | number;
  formula2?: string | number;
  operator: "Between" | "GreaterThanOrEqualTo" | "LessThanOrEqualTo";
};

function bounds(
  min: number | string | undefined,
  max: number | string | undefined,
  whole: boolean
): Bounds {
  if (min !== undefined && max !== undefined)
    return { formula1: min, formula2: max, operator: "Between" };
  if (min !== undefined) return { formula1: min, operator: "GreaterThanOrEqualTo" };
  if (max !== undefined) return { formula1: max, operator: "LessThanOrEqualTo" };
  return whole
    ? { formula1: INT32_MIN, formula2: INT32_MAX, operator: "Between" }
    : { formula1: -1e300, operator: "GreaterThanOrEqualTo" };
}

export function validationRule(v: Validation): Excel.DataValidationRule {
  switch (v.type) {
    case "list":
      return {
        list: { inCellDropDown: true, source: v.values.map((s) => s.replace(/,/g, " ")).join(",") },
      };
    case "wholeNumber":
      return { wholeNumber: bounds(v.min, v.max, true) };
    case "decimal":
      return { decimal: bounds(v.min, v.max, false) };
    case "date": {
      // ISO 8601 text is the documented locale-free form (DateTimeDataValidation.formula1): a
      // "=DATE(y,m,d)" formula needs the user's list separator (";" in Vietnamese Excel).
      if (v.min === undefined && v.max === undefined)
        return { date: { formula1: EXCEL_FIRST_DATE_ISO, operator: "GreaterThanOrEqualTo" } };
      const min = v.min === undefined ? undefined : checkedIso(v.min);
      const max = v.max === undefined ? undefined : checkedIso(v.max);
      return { date: bounds(min, max, false) as Excel.DateTimeDataValidation };
    }
  }
}

/** "3TrafficLights1" (file-format name) → "ThreeTrafficLights1" (Office.js enum). */
export function iconSetStyle(name: string): string {
  const words: Record<string, string> = { "3": "Three", "4": "Four", "5": "Five" };
  const m = /^([345])(.*)$/.exec(name);
  return m ? `${words[m[1]]}${m[2]}` : name;
}

/** Excel page-header codes start with "&": a literal ampersand is doubled. */
const headerText = (s: string): string => s.replace(/&/g, "&&");

export function applyValidation(range: Excel.Range, v: ValidationSpec): void {
  range.dataValidation.rule = validationRule(v.rule);
  range.dataValidation.errorAlert = {
    showAlert: true,
    style: "Stop",
    title: clipText(v.errorTitle, VALIDATION_TITLE_MAX),
    message: clipText(v.errorMessage, VALIDATION_MESSAGE_MAX),
  };
  if (v.prompt)
    range.dataValidation.prompt = {
      showPrompt: true,
      title: "",
      message: clipText(v.prompt, VALIDATION_MESSAGE_MAX),
    };
}

export function addRule(ws: Excel.Worksheet, rule: ConditionalRule): void {
  const range = ws.getRange(rule.range);
  switch (rule.type) {
    case "expression": {
      const cf = range.conditionalFormats.add("Custom");
      cf.custom.rule.formula = rule.formula;
      applyRuleFormat(cf.custom.format, rule.format);
      if (rule.stopIfTrue) cf.stopIfTrue = true;
      return;
    }
    case "iconSet": {
      const cf = range.conditionalFormats.add("IconSet");
      cf.iconSet.style = iconSetStyle(rule.iconSet) as Excel.IconSet;
      if (rule.reverse) cf.iconSet.reverseIconOrder = true;
      cf.iconSet.criteria = [
        {} as Excel.ConditionalIconCriterion,
        ...rule.thresholds.map((t): Excel.ConditionalIconCriterion => ({
          type: t.type === "percent" ? "Percent" : "Number",
          operator: "GreaterThanOrEqual",
          formula: `=${t.value}`,
        })),
      ];
      return;
    }
    case "dataBar": {
      const cf = range.conditionalFormats.add("DataBar");
      cf.dataBar.positiveFormat.fillColor = rule.color;
      return;
    }
    case "colorScale": {
      const cf = range.conditionalFormats.add("ColorScale");
      const [lo, a, b] = rule.colors;
      cf.colorScale.criteria =
        b === undefined
          ? {
              minimum: { type: "LowestValue", color: lo },
              maximum: { type: "HighestValue", color: a },
            }
          : {
              minimum: { type: "LowestValue", color: lo },
              midpoint: { formula: "50", type: "Percentile", color: a },
              maximum: { type: "HighestValue", color: b },
            };
      return;
    }
  }
}

export function freeze(ws: Excel.Worksheet, f: { rows: number; columns: number }): void {
  if (f.rows > 0 && f.columns > 0)
    ws.freezePanes.freezeAt(ws.getRange(rangeAddress(1, 1, f.rows, f.columns)));
  else if (f.rows > 0) ws.freezePanes.freezeRows(f.rows);
  else if (f.columns > 0) ws.freezePanes.freezeColumns(f.columns);
}

export function printSetup(ws: Excel.Worksheet, sheet: SheetLayout): void {
  const p = sheet.print;
  if (!p) return;
  const pl = ws.pageLayout;
  pl.orientation = p.orientation === "landscape" ? "Landscape" : "Portrait";
  pl.paperSize = "A4";
  pl.centerHorizontally = true;
  if (p.titleRows) {
    const [a, b] = p.titleRows.replace(/\$/g, "").split(":");
    pl.setPrintTitleRows(`$${a}:$${b ?? a}`);
  }
  if (p.fitToWidth) pl.zoom = { horizontalFitToPages: 1 };
  if (p.printArea) pl.setPrintArea(p.printArea);
  if (p.header) pl.headersFooters.defaultForAllPages.centerHeader = headerText(p.header);
  // Manual breaks (ExcelApi 1.9, as pageLayout): cleared first, so an update does not pile them up
  // or keep one where the layout no longer has it; add() breaks above the range's top-left cell.
  if (p.breakBefore) {
    const breaks = ws.horizontalPageBreaks;
    breaks.removePageBreaks();
    for (const r of p.breakBefore) if (r > 1) breaks.add(`A${r}`);
  }
}

const CHART_TYPES: Record<ChartSpec["type"], Excel.ChartType> = {
  barClustered: "BarClustered" as Excel.ChartType,
  columnClustered: "ColumnClustered" as Excel.ChartType,
};

export function addChart(
  ws: Excel.Worksheet,
  sheet: SheetLayout,
  c: ChartSpec,
  index: number,
  caps: Capabilities
): void {
  const chart = ws.charts.add(CHART_TYPES[c.type], ws.getRange(c.values), "Columns");
  chart.name = `${CHART_PREFIX}${sheet.key}_${index + 1}`;
  chart.title.text = c.title;
  chart.legend.visible = false;
  const series = chart.series.getItemAt(0);
  series.name = c.seriesName;
  if (caps.has("chartSeries")) series.setXAxisValues(ws.getRange(c.categories));
  const end = offsetCell(c.at, Math.max(1, c.heightRows) - 1, Math.max(1, c.widthCols) - 1);
  chart.setPosition(c.at, end);
}
