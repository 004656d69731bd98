/**
 * The plan's data contract. Pure types: no Office.js, React or exceljs may be imported below src/render.
 * The zod schema in ./schema.ts validates plan files against these shapes at load time.
 */
import type { Comparison } from "../domain/rates";

/** Id of an appendix section as printed: a Roman numeral ("I" … "VII" in 2024; any in other plans). */
export type SectionId = string;

export interface Section {
  id: SectionId;
  /** Title as printed in the appendix, e.g. "CHỈ ĐẠO ĐIỀU HÀNH". */
  title: string;
  /** Sub-sections printed inside a section (in 2024 only VII has them: 7.1 and 7.2). */
  subsections: { id: string; title: string }[];
}

export interface DeadlineInfo {
  /** Deadline text as printed ("Quý I/2024", "Tháng 01/2024 Thường xuyên"). */
  text: string;
  /** Due date (ISO YYYY-MM-DD, the last day of the period or the first milestone); null when none. */
  due: string | null;
  /** True when the work recurs ("Thường xuyên", "Hằng tháng", ...). */
  recurring: boolean;
}

export interface Task {
  /** 1-based position in document order; the stable identity of a row together with `key`. */
  seq: number;
  /** Task code as printed: "2.1" … "2.42" (2.23 and 2.25 occur twice, 2.26 never). */
  code: string;
  /** 1 for the first row printed with this code, 2 for the second. */
  occurrence: number;
  /** Key that identifies a task across versions of the add-in: `${code}#${occurrence}`, e.g. "2.23#2". */
  key: string;
  section: SectionId;
  /** "7.1" / "7.2" inside section VII, else null. */
  subsection: string | null;
  /** "TT" column as printed (row numbers repeat in the document), may be "" when the row continues. */
  rowNo: string;
  objective: { code: string; text: string };
  text: string;
  activities: string[];
  outputs: string[];
  leadText: string;
  /** Canonical lead unit names (see units.ts); a text naming two units gives both. */
  lead: string[];
  coordText: string;
  coord: string[];
  deadline: DeadlineInfo;
  note: string;
  /** Typos fixed in this row: the original text is kept. */
  corrections?: { field: string; original: string; corrected: string }[];
}

export interface Indicator {
  /** Stable id, e.g. "3.5b" (section II numbering) or "PL.III.1.2a" (appendix only). */
  id: string;
  text: string;
  /** Number as printed: 95 for 95%, 2 for "02 sáng kiến". */
  target: number;
  comparison: Comparison;
  unit: "%" | "count";
  /** What the numerator counts (rate targets) or what is counted (count targets). */
  numerator: string;
  /** What the denominator counts; null for count targets. */
  denominator: string | null;
  lead: string[];
  /** Where it is printed: section II item or appendix objective. */
  source: string;
  note?: string;
  /**
   * Changes the coordinator typed in the Chỉ tiêu sheet (src/layouts/indicatorEdits.ts): the document's
   * value is kept in `original`, so the sheet can say what was corrected.
   */
  corrections?: { field: string; original: string; corrected: string }[];
}

export interface Unit {
  /** Canonical name as the document writes it best, e.g. "Văn phòng Sở". */
  name: string;
  /** Short ASCII id, e.g. "VP". */
  id: string;
  /** Other spellings found in the document that mean this unit. */
  aliases: string[];
}

export type AnomalyKind =
  | "duplicate-code"
  | "missing-code"
  | "duplicate-objective"
  | "duplicate-row-number"
  | "objective-without-task"
  | "target-conflict"
  | "typo"
  | "other";

export interface Anomaly {
  kind: AnomalyKind;
  /** Vietnamese, for the sheet and the CLI. */
  message: string;
  /** Task keys / indicator ids / objective codes concerned. */
  refs: string[];
  /**
   * (Optional, added by the plan loader.) "document": stated in the plan data (e.g. the 90% vs 70%
   * conflict); "detected": recomputed from the tasks at every load, so a plan file never carries a
   * stale one. Objective refs are written "III.1.9" / "VII.7.2.1.6" (section[.subsection].code).
   */
  origin?: "document" | "detected";
}

export interface Plan {
  year: number;
  title: string;
  sections: Section[];
  tasks: Task[];
  /** Objectives printed without any task (e.g. 1.6 of 7.2, cut off in the document). */
  orphanObjectives: {
    section: SectionId;
    subsection: string | null;
    rowNo: string;
    code: string;
    text: string;
  }[];
  indicators: Indicator[];
  units: Unit[];
  anomalies: Anomaly[];
}
