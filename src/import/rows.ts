/**
 * Appendix rows → sections, subsections, objectives and task rows. Understands section rows (Roman
 * numeral + title, merged across or not), subsection rows ("7.1" + title), an optional objective
 * column whose merged cells leave blanks below, rows split across page breaks (text form), and task
 * numbering that is global ("2.1" … "2.42"), restarts in every section ("1, 2, 3") or is absent.
 */
import type { Task } from "../plan/types";
import { CONCEPTS, type Columns, type Concept } from "./header";
import { isHeaderLike } from "./header";
import { tidyCell, type SourceRow } from "./model";

export interface RawSection {
  id: string;
  title: string;
  subsections: { id: string; title: string }[];
}

/** A task row as printed; build.ts derives the rest (key, canonical units, due date). */
export type RawTask = Pick<
  Task,
  | "section"
  | "subsection"
  | "rowNo"
  | "objective"
  | "text"
  | "activities"
  | "outputs"
  | "leadText"
  | "coordText"
  | "note"
> & {
  /** Code printed at the start of the task text ("2.1"), or "" when none. */
  printedCode: string;
  deadlineText: string;
  where: string;
};

export interface RawAppendix {
  sections: RawSection[];
  tasks: RawTask[];
  orphanObjectives: {
    section: string;
    subsection: string | null;
    rowNo: string;
    code: string;
    text: string;
  }[];
  /** Rows that were not understood (Vietnamese, for the to-check list). */
  skipped: string[];
}

type Row = Record<Concept, string> & { where: string; afterBreak: boolean; first: string };

const ROMAN = /^(?=[IVXLC])(M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3}))$/;
const SECTION_IN_ONE = /^([IVXLC]{1,6})\s*[.:)\-–]?\s+(\p{Lu}.*)$/u;
const LEADING_CODE = /^(\d{1,3}(?:\.\d{1,3})+)\.?\s+/;
const LEADING_NUMBER = /^(\d{1,3})[.)]\s+/;

function read(row: SourceRow, columns: Columns): Row {
  const r = { where: row.where, afterBreak: row.afterBreak } as Row;
  for (const c of CONCEPTS) {
    const i = columns[c];
    r[c] = i === undefined ? "" : tidyCell(row.cells[i] ?? "");
  }
  r.first = row.cells
    .map((c) => tidyCell(c))
    .filter((c) => c !== "")
    .join(" ");
  return r;
}

const filledCells = (row: SourceRow): string[] =>
  row.cells.map((c) => tidyCell(c)).filter((c) => c !== "");

/** "I" + "CHỈ ĐẠO ĐIỀU HÀNH", "VI CẢI CÁCH …" or "I. CHỈ ĐẠO …" alone: a section row. */
function sectionOf(row: SourceRow, r: Row): { id: string; title: string } | undefined {
  if (r.lead || r.deadline) return undefined;
  const cells = filledCells(row);
  if (cells.length === 2 && ROMAN.test(cells[0])) return { id: cells[0], title: cells[1] };
  if (cells.length === 1) {
    const m = SECTION_IN_ONE.exec(cells[0]);
    if (m && ROMAN.test(m[1])) return { id: m[1], title: m[2].trim() };
  }
  return undefined;
}

/** "7.1" + title with nothing else: a subsection row. */
function subsectionOf(row: SourceRow, r: Row): { id: string; title: string } | undefined {
  if (r.lead || r.deadline) return undefined;
  const cells = filledCells(row);
  if (cells.length === 2 && /^\d{1,2}(\.\d{1,2})+\.?$/.test(cells[0])) {
    return { id: cells[0].replace(/\.$/, ""), title: cells[1] };
  }
  return undefined;
}

const join = (a: string, b: string): string => (a && b ? `${a} ${b}` : a || b);

function split(code: RegExp, text: string): { code: string; rest: string } {
  const m = code.exec(text);
  return m ? { code: m[1], rest: text.slice(m[0].length).trim() } : { code: "", rest: text };
}

/** Bullets of an activities/outputs cell: line breaks and "- " items. */
export function bullets(text: string): string[] {
  return text
    .split(/\n|(?:^|\s)[-–•+]\s+/)
    .map((s) => s.replace(/^[-–•+]\s*/, "").trim())
    .filter((s) => s !== "");
}

export function readAppendix(rows: readonly SourceRow[], columns: Columns): RawAppendix {
  const out: RawAppendix = { sections: [], tasks: [], orphanObjectives: [], skipped: [] };
  let section: RawSection | undefined;
  let subsection: string | null = null;
  let objective = { code: "", text: "" };
  let pending: Row | undefined;

  const ensureSection = (): RawSection => {
    if (!section) {
      // A table without section rows still needs one section for the sheets.
      section = { id: "I", title: "NHIỆM VỤ", subsections: [] };
      out.sections.push(section);
    }
    return section;
  };

  const flushTask = (r: Row): void => {
    const s = ensureSection();
    if (r.objective) {
      const o = split(LEADING_CODE, r.objective);
      objective = o.code ? { code: o.code, text: o.rest } : { code: objective.code, text: o.rest };
      if (!o.code && r.rowNo) objective = { code: "", text: o.rest };
    }
    const t = split(LEADING_CODE, r.task);
    const n = t.code ? t : split(LEADING_NUMBER, r.task);
    out.tasks.push({
      printedCode: t.code,
      section: s.id,
      subsection,
      rowNo: r.rowNo || (n.code && !t.code ? n.code : ""),
      objective,
      text: n.rest,
      activities: bullets(r.activities),
      outputs: bullets(r.outputs),
      leadText: r.lead,
      coordText: r.coord,
      deadlineText: r.deadline.replace(/\n/g, " "),
      note: r.note,
      where: r.where,
    });
  };

  const flush = (): void => {
    const r = pending;
    pending = undefined;
    if (!r) return;
    if (r.task) flushTask(r);
    else if (r.objective) {
      const s = ensureSection();
      const o = split(LEADING_CODE, r.objective);
      out.orphanObjectives.push({
        section: s.id,
        subsection,
        rowNo: r.rowNo,
        code: o.code,
        text: o.rest,
      });
    } else if (r.first) out.skipped.push(`${r.where}: “${r.first.slice(0, 80)}”`);
  };

  for (const row of rows) {
    const r = read(row, columns);
    if (!r.first || isHeaderLike(row, columns)) continue;
    const sec = sectionOf(row, r);
    if (sec) {
      flush();
      section = { id: sec.id, title: sec.title, subsections: [] };
      out.sections.push(section);
      subsection = null;
      objective = { code: "", text: "" };
      continue;
    }
    const sub = subsectionOf(row, r);
    if (sub) {
      flush();
      ensureSection().subsections.push(sub);
      subsection = sub.id;
      objective = { code: "", text: "" };
      continue;
    }
    if (pending && r.afterBreak && continues(pending, r)) {
      // The objective cell merged over several rows was cut by the page: its text goes on.
      if (!pending.objective && r.objective && !LEADING_CODE.test(r.objective)) {
        objective.text = join(objective.text, r.objective);
        r.objective = "";
      }
      pending = merge(pending, r);
      continue;
    }
    flush();
    pending = r;
  }
  flush();
  for (const t of out.tasks) t.objective = { ...t.objective };
  return out;
}

/**
 * After a page break, a row continues the one before when its task cell does not start a new task:
 * empty, or without the code/number that the task before it had, or starting in lower case.
 */
function continues(prev: Row, r: Row): boolean {
  if (!prev.task && !prev.objective) return false;
  if (r.task === "") return true;
  const prevCoded = LEADING_CODE.test(prev.task) || LEADING_NUMBER.test(prev.task);
  if (prevCoded) return !(LEADING_CODE.test(r.task) || LEADING_NUMBER.test(r.task));
  return /^\p{Ll}/u.test(r.task);
}

function merge(a: Row, b: Row): Row {
  const m = { ...a };
  for (const k of CONCEPTS) {
    m[k] = join(a[k], b[k]);
  }
  m.rowNo = a.rowNo || b.rowNo;
  m.first = join(a.first, b.first);
  return m;
}
