/**
 * The data appendix of the periodic CCHC report as a Word draft (`cchc report --docx`), made with the
 * `docx` library: A4 landscape, Times New Roman, the layout of an official appendix (PHỤ LỤC, title
 * in capitals, "Kèm theo Báo cáo số …", numbered tables). The coordinator fills the report number and
 * pastes the tables into the report.
 */
import {
  AlignmentType,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import type { Report } from "../domain/reportFigures";
import { overdueLine, shortTaskText } from "../domain/reportTasks";
import {
  FIGURE_LABELS,
  indicatorTargetText,
  indicatorValueText,
  periodName,
  periodTitle,
} from "./reportText";

const FONT = "Times New Roman";
/** Half-points: 13 pt body, 12 pt in tables (the usual sizes of an appendix). */
const BODY = 26;
const CELL = 24;

function text(value: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}) {
  return new TextRun({ text: value, font: FONT, size: opts.size ?? BODY, ...opts });
}

function centred(value: string, opts: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [text(value, opts)] });
}

function heading(value: string): Paragraph {
  return new Paragraph({
    spacing: { before: 240, after: 120 },
    children: [text(value, { bold: true })],
  });
}

function cell(value: string | number, opts: { bold?: boolean; right?: boolean } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: opts.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [text(String(value), { bold: opts.bold, size: CELL })],
      }),
    ],
  });
}

function table(header: string[], rows: (string | number)[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, { bold: true })) }),
      ...rows.map(
        (r) =>
          new TableRow({
            children: r.map((v) => cell(v, { right: typeof v === "number" })),
          })
      ),
    ],
  });
}

function tasksTable(report: Report): Table {
  const figures = FIGURE_LABELS.map(([k]) => k);
  const rows: (string | number)[][] = report.sections.map((s) => [
    `${s.section}. ${s.title}`,
    ...figures.map((k) => s.figures[k]),
  ]);
  rows.push(["Tổng cộng", ...figures.map((k) => report.tasks[k])]);
  return table(["Lĩnh vực", ...FIGURE_LABELS.map(([, label]) => label)], rows);
}

function unitsTable(report: Report): Table {
  const rows = report.units.map((u) => [
    u.unit,
    u.figures.total,
    u.figures.doneInPeriod,
    u.figures.overdue,
    u.overdue.map((o) => overdueLine(o, report.period.year)).join("; "),
  ]);
  return table(
    [
      "Đơn vị chủ trì",
      "Số nhiệm vụ",
      "Hoàn thành trong kỳ",
      "Quá hạn",
      "Nhiệm vụ quá hạn (mã, nội dung, hạn, số ngày trễ)",
    ],
    rows
  );
}

function indicatorsTable(report: Report): Table {
  return table(
    ["Mã", "Chỉ tiêu", "Kết quả trong kỳ", "Chỉ tiêu kế hoạch", "Đánh giá"],
    report.indicators.map((r) => [
      r.indicator.id,
      shortTaskText(r.indicator.text, 120),
      indicatorValueText(r),
      indicatorTargetText(r),
      r.verdict ?? "",
    ])
  );
}

/** The .docx bytes of the report's data appendix. */
export async function reportDocx(report: Report, agency: string): Promise<Buffer> {
  const doc = new Document({
    creator: "cchc",
    title: `Phụ lục số liệu báo cáo CCHC ${periodName(report)}`,
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [
      {
        properties: {
          page: {
            size: { orientation: PageOrientation.LANDSCAPE, width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children: [
          centred("PHỤ LỤC", { bold: true }),
          centred(
            `SỐ LIỆU BÁO CÁO CÔNG TÁC CẢI CÁCH HÀNH CHÍNH ${periodName(report).toUpperCase()}`,
            { bold: true }
          ),
          centred(
            `(Kèm theo Báo cáo số      /BC-… ngày    /    /${report.period.year} của ${agency})`,
            {
              italics: true,
            }
          ),
          centred(periodTitle(report), { italics: true }),
          heading("1. Tình hình thực hiện nhiệm vụ theo lĩnh vực"),
          tasksTable(report),
          heading("2. Theo đơn vị chủ trì: nhiệm vụ quá hạn tại ngày cuối kỳ số liệu"),
          unitsTable(report),
          heading("3. Kết quả thực hiện các chỉ tiêu"),
          indicatorsTable(report),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
