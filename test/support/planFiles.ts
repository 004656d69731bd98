/**
 * Writes a fixture plan (planFixtures.ts) in the three forms agencies hand out: a Word document
 * (built here with jszip: paragraphs, a table with merged section rows, vertically merged cells and
 * line breaks), a table pasted into Excel (exceljs: title rows, header lower down, merged cells,
 * wrapped text) and text (tab-separated rows, a row split across a page break).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";

export type FixtureRow =
  | { section: string; title: string; oneCell?: boolean }
  | { cells: string[]; splitInText?: boolean };

export interface FixturePlan {
  name: string;
  /** Body paragraphs (title, targets section); the pasted table keeps only `pastedTitle`. */
  paragraphs: string[];
  pastedTitle: string[];
  header: string[];
  /** A second header row (two-row header: "Đơn vị thực hiện" over "Chủ trì | Phối hợp"). */
  header2?: string[];
  /** Columns whose blanks continue the cell above (merged vertically in Word and Excel). */
  mergedColumns: number[];
  /** Add a row numbering the columns "(1) (2) …" under the header, as many plans print. */
  numberRow?: boolean;
  rows: FixtureRow[];
}

const width = (p: FixturePlan): number => p.header.length;

// ---------- text ----------

function splitHalf(cell: string): [string, string] {
  const words = cell.split(" ");
  if (words.length < 4) return [cell, ""];
  const at = Math.ceil(words.length / 2);
  return [words.slice(0, at).join(" "), words.slice(at).join(" ")];
}

export function planText(p: FixturePlan): string {
  const lines: string[] = [...p.paragraphs.flatMap((x) => [x, ""])];
  lines.push(p.header.join("\t"));
  if (p.header2) lines.push(p.header2.join("\t"));
  for (const row of p.rows) {
    if ("section" in row) {
      lines.push(
        row.oneCell
          ? `${row.section}. ${row.title}`
          : [row.section, row.title, ...new Array(width(p) - 2).fill("")].join("\t")
      );
      continue;
    }
    // Text keeps no line breaks inside a cell: people retype them as ", ".
    const cells = row.cells.map((c) => c.replace(/\n/g, ", "));
    if (row.splitInText) {
      // A page break in the middle of the row: each cell continues on the next page's line.
      const halves = cells.map(splitHalf);
      lines.push(halves.map((h) => h[0]).join("\t"), "", halves.map((h) => h[1]).join("\t"));
    } else {
      lines.push(cells.join("\t"));
    }
  }
  return `${lines.join("\n")}\n`;
}

/** The appendix as staff paste it into a sheet: a title row, a blank row, the header, the rows. */
export function pastedRows(p: FixturePlan): string[][] {
  const width = p.header.length;
  const pad = (cells: string[]) => [...cells, ...new Array(width - cells.length).fill("")];
  return [
    ...p.pastedTitle.map((t) => pad([t])),
    pad([]),
    p.header,
    ...(p.header2 ? [p.header2] : []),
    ...p.rows.map((r) =>
      "section" in r
        ? pad(r.oneCell ? [`${r.section}. ${r.title}`] : [r.section, r.title])
        : r.cells
    ),
  ];
}

// ---------- docx ----------

const esc = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const para = (text: string): string =>
  `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;

function cellXml(
  text: string,
  opts: { span?: number; vMerge?: "restart" | "continue" } = {}
): string {
  const pr = [
    opts.span && opts.span > 1 ? `<w:gridSpan w:val="${opts.span}"/>` : "",
    opts.vMerge === "restart" ? `<w:vMerge w:val="restart"/>` : opts.vMerge ? "<w:vMerge/>" : "",
  ].join("");
  // A line break inside a cell: Word writes separate paragraphs (or <w:br/>); use both forms.
  const lines = text.split("\n");
  const body =
    lines.length > 2
      ? para(lines[0]) +
        `<w:p><w:r>${lines
          .slice(1)
          .map((l, i) => `${i ? "<w:br/>" : ""}<w:t xml:space="preserve">${esc(l)}</w:t>`)
          .join("")}</w:r></w:p>`
      : lines.map(para).join("");
  return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${body || "<w:p/>"}</w:tc>`;
}

function tableXml(p: FixturePlan): string {
  const n = width(p);
  const rows: string[] = [];
  const row = (cells: string[]): string => `<w:tr>${cells.join("")}</w:tr>`;
  rows.push(
    `<w:tr><w:trPr><w:tblHeader/></w:trPr>${p.header.map((h) => cellXml(h)).join("")}</w:tr>`
  );
  if (p.header2) rows.push(row(p.header2.map((h) => cellXml(h))));
  if (p.numberRow) rows.push(row(p.header.map((_, i) => cellXml(`(${i + 1})`))));
  const data = p.rows;
  data.forEach((r, i) => {
    if ("section" in r) {
      rows.push(
        row(
          r.oneCell
            ? [cellXml(`${r.section}. ${r.title}`, { span: n })]
            : [cellXml(r.section), cellXml(r.title, { span: n - 1 })]
        )
      );
      return;
    }
    const next = data[i + 1];
    rows.push(
      row(
        r.cells.map((c, col) => {
          if (!p.mergedColumns.includes(col)) return cellXml(c);
          const continuesBelow = next !== undefined && "cells" in next && next.cells[col] === "";
          if (c === "") return cellXml("", { vMerge: "continue" });
          return cellXml(c, continuesBelow ? { vMerge: "restart" } : {});
        })
      )
    );
  });
  return `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr>${rows.join("")}</w:tbl>`;
}

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** A minimal but valid .docx: what Word needs to open it, and what the importer reads. */
export async function docxOf(paragraphs: string[], tables: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W_NS}"><w:body>${paragraphs
      .map(para)
      .join("")}${tables.join(para(""))}<w:sectPr/></w:body></w:document>`
  );
  return zip.generateAsync({ type: "nodebuffer" });
}

export function planDocx(p: FixturePlan): Promise<Buffer> {
  return docxOf([...p.paragraphs, "PHỤ LỤC"], [tableXml(p)]);
}

/** A Word table from plain rows (for bad-input tests: a header that matches nothing). */
export function simpleTableXml(rows: string[][]): string {
  return `<w:tbl>${rows.map((r) => `<w:tr>${r.map((c) => cellXml(c)).join("")}</w:tr>`).join("")}</w:tbl>`;
}

// ---------- xlsx ----------

export async function planXlsx(p: FixturePlan): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Ghi chú").getCell("A1").value = "Bảng dán từ văn bản kế hoạch (trang sau)";
  const ws = wb.addWorksheet("Phụ lục");
  const n = width(p);
  let r = 1;
  for (const t of p.pastedTitle) {
    ws.getCell(r, 1).value = t;
    ws.mergeCells(r, 1, r, n);
    r++;
  }
  r++; // a blank row before the table, as people paste it
  for (const header of [p.header, ...(p.header2 ? [p.header2] : [])]) {
    header.forEach((h, i) => (ws.getCell(r, i + 1).value = h));
    r++;
  }
  const firstData = r;
  for (const row of p.rows) {
    if ("section" in row) {
      if (row.oneCell) {
        ws.getCell(r, 1).value = `${row.section}. ${row.title}`;
        ws.mergeCells(r, 1, r, n);
      } else {
        ws.getCell(r, 1).value = row.section;
        ws.getCell(r, 2).value = row.title;
        ws.mergeCells(r, 2, r, n);
      }
    } else {
      row.cells.forEach((c, i) => {
        if (c !== "") ws.getCell(r, i + 1).value = c;
        ws.getCell(r, i + 1).alignment = { wrapText: true, vertical: "top" };
      });
    }
    r++;
  }
  // Vertical merges: a value with blanks below it in a merged column spans them.
  for (const col of p.mergedColumns) {
    let start = -1;
    for (let i = firstData; i <= r; i++) {
      const row = p.rows[i - firstData];
      const isData = row !== undefined && "cells" in row;
      const blank = isData && row.cells[col] === "";
      if (isData && !blank) {
        if (start > 0 && i - 1 > start) ws.mergeCells(start, col + 1, i - 1, col + 1);
        start = i;
      } else if (!isData) {
        if (start > 0 && i - 1 > start) ws.mergeCells(start, col + 1, i - 1, col + 1);
        start = -1;
      }
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
