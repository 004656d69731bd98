import type {
  ConditionalFormattingOptions,
  ConditionalFormattingRule,
  Cvfo,
  IconSetTypes,
  Style,
} from "exceljs";
import type { ConditionalRule, RuleFormat } from "../../layouts/model";
import { argb, solidFill } from "./styles";

function ruleStyle(format: RuleFormat): Partial<Style> {
  const style: Partial<Style> = {};
  if (format.fill) {
    const fill = solidFill(format.fill);
    if (fill) style.fill = fill;
  }
  const color = argb(format.fontColor);
  if (color || format.bold !== undefined || format.italic !== undefined) {
    style.font = {};
    if (color) style.font.color = { argb: color };
    if (format.bold !== undefined) style.font.bold = format.bold;
    if (format.italic !== undefined) style.font.italic = format.italic;
  }
  return style;
}

function stripEquals(formula: string): string {
  return formula.startsWith("=") ? formula.slice(1) : formula;
}

function colorScaleStops(n: 2 | 3): Cvfo[] {
  return n === 2
    ? [{ type: "min" }, { type: "max" }]
    : [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }];
}

/**
 * One layout rule as exceljs conditional formatting. `priority` follows the layout's order (the first
 * rule wins where two apply), which is what stopIfTrue would add for mutually exclusive rules.
 */
export function toConditionalFormatting(
  rule: ConditionalRule,
  priority: number
): ConditionalFormattingOptions {
  let cf: ConditionalFormattingRule;
  switch (rule.type) {
    case "expression":
      cf = {
        type: "expression",
        priority,
        formulae: [stripEquals(rule.formula)],
        style: ruleStyle(rule.format),
      };
      break;
    case "iconSet":
      cf = {
        type: "iconSet",
        priority,
        iconSet: rule.iconSet as IconSetTypes,
        reverse: rule.reverse ?? false,
        showValue: true,
        cfvo: [
          { type: "percent", value: 0 },
          ...rule.thresholds.map((t) => ({ type: t.type, value: t.value })),
        ],
      };
      break;
    case "dataBar":
      cf = {
        type: "dataBar",
        priority,
        gradient: false,
        cfvo: [{ type: "num", value: 0 }, { type: "max" }],
        color: { argb: argb(rule.color) ?? "FF638EC6" },
      } as ConditionalFormattingRule;
      break;
    case "colorScale":
      cf = {
        type: "colorScale",
        priority,
        cfvo: colorScaleStops(rule.colors.length),
        color: rule.colors.map((c) => ({ argb: argb(c) ?? "FFFFFFFF" })),
      };
      break;
  }
  return { ref: rule.range, rules: [cf] };
}
