/**
 * The .docx reader: word/document.xml's body → paragraphs and tables (jszip only, so it runs in the
 * task pane as in Node). Merged cells become blanks (gridSpan to the right, vMerge below), as rows.ts
 * expects; line breaks and paragraphs inside a cell become "\n".
 */
import JSZip from "jszip";
import { ImportError, type SourceDocument, type SourceRow } from "./model";
import { child, elements, parseXml, type XmlElement } from "./xml";

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

/** Explains files that are not a readable .docx / .xlsx (Vietnamese), by their first bytes. */
export function notOfficeZip(bytes: Uint8Array, kind: "docx" | "xlsx"): string | undefined {
  const word = kind === "docx" ? "Word (.docx)" : "Excel (.xlsx)";
  if (bytes.length === 0) return "Tệp trống (0 byte): không có gì để nhập.";
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) {
    return (
      `Tệp được đặt mật khẩu hoặc là định dạng cũ (.doc/.xls), không đọc được. Hãy mở tệp, bỏ mật khẩu ` +
      `(Tệp → Thông tin → Bảo vệ) rồi lưu lại dạng ${word} và nhập lại.`
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    return `Tệp không phải tài liệu ${word} (nội dung hỏng hoặc sai đuôi tệp). Hãy mở bằng ${kind === "docx" ? "Word" : "Excel"} và lưu lại.`;
  }
  return undefined;
}

function textOf(el: XmlElement): string {
  let out = "";
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === "w:t") out += c.children.filter((x) => typeof x === "string").join("");
    else if (c.name === "w:tab") out += " ";
    else if (c.name === "w:br" || c.name === "w:cr") out += "\n";
    else if (c.name === "w:p") out += (out && !out.endsWith("\n") ? "\n" : "") + textOf(c);
    else if (c.name !== "w:del" && c.name !== "w:instrText" && c.name !== "w:delText")
      out += textOf(c);
  }
  return out;
}

function readTable(tbl: XmlElement, index: number): SourceRow[] {
  const rows: SourceRow[] = [];
  elements(tbl, "w:tr").forEach((tr, r) => {
    const cells: string[] = [];
    const before = Number(child(child(tr, "w:trPr") ?? tr, "w:gridBefore")?.attrs["w:val"] ?? 0);
    for (let i = 0; i < before; i++) cells.push("");
    for (const tc of elements(tr, "w:tc")) {
      const pr = child(tc, "w:tcPr");
      const span = Math.max(1, Number(pr && child(pr, "w:gridSpan")?.attrs["w:val"]) || 1);
      const vMerge = pr && child(pr, "w:vMerge");
      const continued = vMerge !== undefined && vMerge.attrs["w:val"] !== "restart";
      cells.push(continued ? "" : textOf(tc).trim());
      for (let i = 1; i < span; i++) cells.push("");
    }
    rows.push({ cells, afterBreak: false, where: `bảng ${index + 1}, hàng ${r + 1}` });
  });
  return rows;
}

/** Reads a .docx file; throws ImportError with a Vietnamese message when it cannot. */
export async function readDocxPlan(bytes: Uint8Array): Promise<SourceDocument> {
  const problem = notOfficeZip(bytes, "docx");
  if (problem) throw new ImportError(problem);
  let xml: string | undefined;
  try {
    const zip = await JSZip.loadAsync(bytes);
    xml = await zip.file("word/document.xml")?.async("string");
  } catch {
    throw new ImportError("Tệp .docx bị hỏng (không giải nén được). Hãy mở bằng Word và lưu lại.");
  }
  if (xml === undefined) {
    throw new ImportError("Tệp không phải tài liệu Word (.docx): không có word/document.xml.");
  }
  let body: XmlElement | undefined;
  try {
    body = child(
      child(parseXml(xml), "w:document") ?? { name: "", attrs: {}, children: [] },
      "w:body"
    );
  } catch (err) {
    throw new ImportError(`Nội dung tệp .docx bị hỏng (${(err as Error).message}).`);
  }
  const doc: SourceDocument = { paragraphs: [], tables: [] };
  if (!body) return doc;
  const walk = (el: XmlElement): void => {
    for (const c of elements(el)) {
      if (c.name === "w:p") {
        const t = textOf(c).trim();
        if (t)
          doc.paragraphs.push(
            ...t
              .split("\n")
              .map((s) => s.trim())
              .filter((s) => s)
          );
      } else if (c.name === "w:tbl") {
        doc.tables.push(readTable(c, doc.tables.length));
      } else if (c.name === "w:sdt" || c.name === "w:sdtContent" || c.name === "w:customXml") {
        walk(c);
      }
    }
  };
  walk(body);
  return doc;
}
