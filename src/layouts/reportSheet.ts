/**
 * The "Báo cáo" sheet: the periodic CCHC report for the period chosen in KyBaoCao (Quý I, 6 tháng,
 * Quý II, 9 tháng (Quý III), Quý IV, Năm), recalculated by formulas whenever the period or a typed
 * value changes: the window (KyTuNgay–KyDenNgay, NĐ 09/2019 Art. 12), task figures per section and
 * for the whole plan, per lead unit with its overdue tasks, and every target's value over the
 * period's reporting months. A4 landscape, Times New Roman. The figures equal `cchc report`
 * (src/domain/reportFigures.ts); formulas in ./reportFormulas.ts. Pure data.
 */
import { columnLetters } from "./a1";
import { textCell } from "./cellText";
import type { Plan } from "../plan/types";
import { isoToSerial } from "../domain/excelDate";
import { computeReport } from "../domain/reportFigures";
import { parsePeriodId, periodDef, PERIODS, type PeriodId } from "../domain/reportPeriods";
import {
  FIGURE_LABELS,
  REPORT_STATE_LABELS,
  overdueListText,
  shortTaskText,
  type TaskFigures,
} from "../domain/reportTasks";
import { targetValue } from "../domain/indicatorTarget";
import { UNIT_KIND_COUNT, UNIT_KIND_RATE, verdictExpression } from "./indicatorFormulas";
import { printedTarget } from "./indicatorRows";
import type { Block, CellFormat, DefinedName, Scalar, SheetLayout } from "./model";
import { HELPER_FIRST_COL, HELPER_HEADER_ROW, reportHelper, reportTasks } from "./reportHelper";
import { reportInputsOf } from "./reportSources";
import {
  NAME_FIRST_MONTH,
  NAME_FROM,
  NAME_LAST_MONTH,
  NAME_PERIOD,
  NAME_TO,
  countFormula,
  helperLetter,
  indicatorValueFormula,
  overdueListFormula,
  periodFromFormula,
  periodMonthFormula,
  periodToFormula,
  type HelperColumnKey,
} from "./reportFormulas";
import { xlString as q } from "./excelFacts";
import { DATE_FORMAT, SHEET_FONT, SHEET_PROTECTION } from "./style";
import { unitCriterion } from "./tasksFormulas";
import type { UserInput } from "./userInput";

export const REPORT_SHEET_KEY = "report";
export const REPORT_SHEET_NAME = "Báo cáo";
export const FIRST_SECTION_ROW = 9;
const LAST_PRINTED_COL = "I";
/** The column of the "Quá hạn" figure (figures start in C). */
const OVERDUE_FIGURE_COL = columnLetters(3 + FIGURE_LABELS.findIndex(([k]) => k === "overdue"));

const bold: CellFormat = { font: { bold: true } };
const header: CellFormat = {
  font: { bold: true },
  wrap: true,
  horizontal: "center",
  vertical: "center",
  fill: "#DDEBF7",
  border: "thin",
};
const body: CellFormat = { wrap: true, vertical: "top", border: "thin" };
const number: CellFormat = { ...body, horizontal: "center", numberFormat: "0" };

/** Where each part of the sheet is, given the plan's sizes. */
export interface ReportGeometry {
  sectionRows: number[];
  totalRow: number;
  unitHeaderRow: number;
  unitRows: number[];
  indicatorHeaderRow: number;
  indicatorRows: number[];
  helperRows: number[];
}

/** `unitLines`: how many lines the per-unit part has (Report.units, the "Đơn vị" list's lines). */
export function reportGeometry(plan: Plan, unitLines: number): ReportGeometry {
  const sectionRows = plan.sections.map((_, i) => FIRST_SECTION_ROW + i);
  const totalRow = FIRST_SECTION_ROW + plan.sections.length;
  const unitHeaderRow = totalRow + 3;
  const unitRows = Array.from({ length: unitLines }, (_, i) => unitHeaderRow + 1 + i);
  const indicatorHeaderRow = unitHeaderRow + unitRows.length + 3;
  const indicatorRows = plan.indicators.map((_, i) => indicatorHeaderRow + 1 + i);
  const helperRows = reportTasks(plan).map((_, i) => HELPER_HEADER_ROW + 1 + i);
  return {
    sectionRows,
    totalRow,
    unitHeaderRow,
    unitRows,
    indicatorHeaderRow,
    indicatorRows,
    helperRows,
  };
}

/** The period KyBaoCao holds: the user's choice when it names a period, else Quý I. */
export function chosenPeriod(userInput: UserInput | undefined): PeriodId {
  return parsePeriodId(userInput?.names[NAME_PERIOD]) ?? "q1";
}

function figureCells(criteria: [string, string][], stateRange: string): string[] {
  const L = REPORT_STATE_LABELS;
  const byKey: Record<keyof TaskFigures, readonly string[] | null> = {
    total: null,
    doneInPeriod: [L.doneInPeriod],
    doneToDate: [L.doneInPeriod, L.doneBefore],
    onTrack: [L.onTrack],
    overdue: [L.overdue],
    notApplicable: [L.notApplicable],
  };
  return FIGURE_LABELS.map(([k]) => {
    const states = byKey[k];
    // COUNTIFS needs one criterion at least: "total" of the whole plan counts every key.
    if (states === null && criteria.length === 0) return `=COUNTA(${stateRange})`;
    return `=${countFormula(stateRange, criteria, states)}`;
  });
}

const figureResults = (f: TaskFigures): number[] => FIGURE_LABELS.map(([k]) => f[k]);

export function composeReportSheet(plan: Plan, userInput: UserInput | undefined): SheetLayout {
  const period = chosenPeriod(userInput);
  const inputs = reportInputsOf(plan, userInput);
  const report = computeReport(plan, period, inputs);
  const helper = reportHelper(plan, report, inputs);
  const g = reportGeometry(plan, report.units.length);
  const first = g.helperRows[0] ?? HELPER_HEADER_ROW + 1;
  const last = g.helperRows[g.helperRows.length - 1] ?? first;
  const range = (key: HelperColumnKey): string => {
    const c = helperLetter(HELPER_FIRST_COL, key);
    return `$${c}$${first}:$${c}$${last}`;
  };
  const stateRange = range("state");
  const blocks: Block[] = [];
  const put = (at: string, cells: Scalar[][], format?: CellFormat, results?: Scalar[][]): void => {
    blocks.push({ at, cells, ...(format ? { format } : {}), ...(results ? { results } : {}) });
  };
  const p = report.period;

  put("B1", [[`BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM ${plan.year}`]], {
    font: { bold: true, size: 13 },
  });
  put("B2", [[textCell(plan.title)]], { font: { italic: true } });
  put("B3", [["Kỳ báo cáo (chọn):"]], bold);
  put("C3", [[periodDef(period).label]], {
    locked: false,
    fill: "#FFF9E5",
    font: { bold: true },
    border: "thin",
  });
  put("D3", [["Chọn kỳ trong danh sách; số liệu bên dưới tự tính lại."]], {
    font: { italic: true },
  });
  put("B4", [["Số liệu từ ngày:"], ["Gồm các tháng báo cáo (trang Chỉ tiêu):"]], bold);
  put("C4", [[periodFromFormula(plan.year)]], { numberFormat: DATE_FORMAT, horizontal: "center" }, [
    [isoToSerial(p.from)],
  ]);
  put("D4", [["đến ngày:"], ["đến:"]], { horizontal: "right" });
  put("E4", [[periodToFormula(plan.year)]], { numberFormat: DATE_FORMAT, horizontal: "center" }, [
    [isoToSerial(p.to)],
  ]);
  put("C5", [[periodMonthFormula("first")]], { numberFormat: '"T"0', horizontal: "center" }, [
    [p.months[0]],
  ]);
  put("E5", [[periodMonthFormula("last")]], { numberFormat: '"T"0', horizontal: "center" }, [
    [p.months[p.months.length - 1]],
  ]);
  put(
    "F4",
    [["(NĐ 09/2019/NĐ-CP, Điều 12: từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ)"]],
    {
      font: { italic: true },
    }
  );

  // 1. Per section and the whole plan.
  put(`B${FIRST_SECTION_ROW - 2}`, [["1. TÌNH HÌNH THỰC HIỆN NHIỆM VỤ THEO LĨNH VỰC"]], bold);
  put(`B${FIRST_SECTION_ROW - 1}`, [["Lĩnh vực", ...FIGURE_LABELS.map(([, l]) => l)]], header);
  plan.sections.forEach((s, i) => {
    const cells = figureCells([[range("section"), s.id]], stateRange);
    put(`B${g.sectionRows[i]}`, [[`${s.id}. ${s.title}`]], body);
    put(`C${g.sectionRows[i]}`, [cells], number, [figureResults(report.sections[i].figures)]);
  });
  put(`B${g.totalRow}`, [["Toàn kế hoạch"]], { ...body, font: { bold: true } });
  put(`C${g.totalRow}`, [figureCells([], stateRange)], { ...number, font: { bold: true } }, [
    figureResults(report.tasks),
  ]);

  // 2. Per lead unit, with its overdue tasks.
  put(
    `B${g.unitHeaderRow - 1}`,
    [["2. THEO ĐƠN VỊ CHỦ TRÌ: NHIỆM VỤ QUÁ HẠN TẠI NGÀY CUỐI KỲ SỐ LIỆU"]],
    bold
  );
  put(
    `B${g.unitHeaderRow}`,
    [
      [
        "Đơn vị chủ trì",
        ...FIGURE_LABELS.map(([, l]) => l),
        "Nhiệm vụ quá hạn (mã, nội dung, hạn, số ngày trễ)",
      ],
    ],
    header
  );
  report.units.forEach((u, i) => {
    const row = g.unitRows[i];
    put(`B${row}`, [[textCell(u.unit)]], body);
    put(`C${row}`, [figureCells([[range("leadKeys"), unitCriterion(u.id)]], stateRange)], number, [
      figureResults(u.figures),
    ]);
    put(
      `I${row}`,
      [[overdueListFormula(helper.unitLinesCell.get(u.id) ?? null, `${OVERDUE_FIGURE_COL}${row}`)]],
      body,
      [[overdueListText(u.overdue, plan.year)]]
    );
  });

  // 3. Targets over the period's months.
  const ir = g.indicatorHeaderRow;
  put(`B${ir - 1}`, [["3. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (cộng các tháng báo cáo của kỳ)"]], bold);
  put(`B${ir}`, [["Chỉ tiêu", "Mã", "Kết quả trong kỳ", "Chỉ tiêu kế hoạch", "Đánh giá"]], header);
  plan.indicators.forEach((ind, i) => {
    const row = g.indicatorRows[i];
    const r = report.indicators[i];
    // The target's value, comparison and unit kind are literals of the formulas (the plan's, as the
    // cached results): helper cells would print ">=" and "số lượng" beside the verdict. Judged over
    // the period's months (a count against its share due by the period's end).
    const kind = q(ind.unit === "%" ? UNIT_KIND_RATE : UNIT_KIND_COUNT);
    const refs = {
      ytd: `D${row}`,
      target: String(targetValue(ind)),
      comparison: q(ind.comparison),
      unitKind: kind,
      firstMonth: NAME_FIRST_MONTH,
      months: NAME_LAST_MONTH,
    };
    put(`B${row}`, [[textCell(shortTaskText(ind.text, 120)), textCell(ind.id)]], body);
    put(
      `D${row}`,
      [[indicatorValueFormula(`C${row}`, kind, UNIT_KIND_RATE)]],
      {
        ...body,
        numberFormat: ind.unit === "%" ? "0.0%" : "0",
        horizontal: "center",
      },
      [[typeof r.value === "number" ? r.value : r.value === "" ? "" : null]]
    );
    put(`E${row}`, [[textCell(printedTarget(ind))]], { ...body, horizontal: "center" });
    put(
      `F${row}`,
      [[verdictExpression(refs, "file")]],
      { ...body, horizontal: "center", font: { bold: true } },
      [[r.verdict ?? ""]]
    );
  });

  const names: DefinedName[] = [
    { name: NAME_PERIOD, ref: "C3", comment: "Kỳ báo cáo của trang Báo cáo" },
    { name: NAME_FROM, ref: "C4", comment: "Ngày đầu kỳ số liệu" },
    { name: NAME_TO, ref: "E4", comment: "Ngày cuối kỳ số liệu" },
    { name: NAME_FIRST_MONTH, ref: "C5" },
    { name: NAME_LAST_MONTH, ref: "E5" },
  ];
  const lastRow = g.indicatorRows[g.indicatorRows.length - 1] ?? ir;
  return {
    key: REPORT_SHEET_KEY,
    name: REPORT_SHEET_NAME,
    tabColor: "#C00000",
    font: SHEET_FONT,
    // B: section names, units, targets; C–F: figures and the targets' Mã (ids such as PL.VII.7.2.1.1),
    // result, planned level ("ít nhất 2 sáng kiến") and verdict ("Đúng tiến độ"); I: overdue lists.
    columnWidths: [2, 56, 13, 11, 13, 12, 10, 10, 52, 2, 2],
    blocks: [...blocks, helper.unitLists],
    table: helper.table,
    rules: [],
    validations: [
      {
        range: "C3",
        rule: { type: "list", values: PERIODS.map((x) => x.label) },
        errorTitle: "Kỳ báo cáo không hợp lệ",
        errorMessage: `Chọn một trong: ${PERIODS.map((x) => x.label).join(", ")}.`,
        prompt: "Chọn kỳ báo cáo: số liệu cả trang tính lại theo kỳ.",
      },
    ],
    names,
    print: {
      orientation: "landscape",
      paper: "A4",
      fitToWidth: true,
      printArea: `B1:${LAST_PRINTED_COL}${lastRow}`,
      header: `Báo cáo CCHC năm ${plan.year}`,
      // Sections 2 and 3 (their titles) start a page: the unit table's header printed alone at the
      // foot of page 1 otherwise, its rows on page 2.
      breakBefore: [g.unitHeaderRow - 1, ir - 1],
    },
    protect: { ...SHEET_PROTECTION },
    charts: [],
  };
}
