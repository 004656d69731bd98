/**
 * The report settings of the "Nhiệm vụ" sheet: what NgayBaoCao (as-of date) and SoNgaySapDenHan
 * (due-soon window) hold, and the values the cached results are computed for.
 */
import {
  FICTITIOUS_LEAP_ISO,
  isoToSerial,
  parseDateText,
  serialToIso,
  todayIso,
} from "../domain/excelDate";
import { DEFAULT_SOON_DAYS } from "../domain/taskState";
import type { UnitAccounts } from "../domain/unitRollup";
import { dateFormulaIso } from "./excelFacts";
import type { Scalar } from "./model";
import { NAME_AS_OF, NAME_SOON_DAYS } from "./tasksSheet";
import type { UserInput } from "./userInput";

export interface TasksSheetOptions {
  /** ISO date → NgayBaoCao fixed to it; null → "=TODAY()"; omitted → the user's cell value, else "=TODAY()". */
  asOf?: string | null;
  /** Due-soon window in days; omitted → the user's cell value, else 7. */
  soonDays?: number;
  userInput?: UserInput;
  /** Today's ISO date for the cached results of "=TODAY()" (default: the machine's local date). */
  today?: string;
  /** Who answers for each task (the hidden lead-id column); default: each lead unit for itself. */
  accounts?: UnitAccounts;
}

export interface ReportSettings {
  /** Content of the NgayBaoCao cell: a date serial, or a formula ("=TODAY()", or the user's own). */
  asOfCell: Scalar;
  /** The as-of date the cached results are computed for (ISO). */
  asOf: string;
  soonDaysCell: Scalar;
  soonDays: number;
  /** Today's ISO date the cached results of TODAY() use. */
  today: string;
  notes: string[];
}

const TODAY_FORMULA = "=TODAY()";

/** An ISO date Excel can hold as a date. */
const isValidIso = (iso: string): boolean => isoToSerial(iso) !== null;

function evaluateAsOfFormula(formula: string, today: string): string | null {
  if (formula.replace(/\s+/g, "").toUpperCase() === TODAY_FORMULA) return today;
  const iso = dateFormulaIso(formula);
  return iso !== null && isValidIso(iso) ? iso : null;
}
/**
 * What NgayBaoCao and SoNgaySapDenHan will hold, and the values the cached results use.
 * A fixed date or window the user set in the workbook is kept unless the caller sets one.
 */
export function resolveReportSettings(opts: TasksSheetOptions): ReportSettings {
  const today = opts.today ?? todayIso();
  if (!isValidIso(today)) throw new RangeError(`Ngày hôm nay không hợp lệ: ${today}`);
  const notes: string[] = [];
  const names = opts.userInput?.names ?? {};

  let asOfCell: Scalar = TODAY_FORMULA;
  let asOf = today;
  if (typeof opts.asOf === "string") {
    const serial = isValidIso(opts.asOf) ? isoToSerial(opts.asOf) : null;
    if (serial === null)
      throw new RangeError(`Ngày báo cáo không hợp lệ: "${opts.asOf}" (cần YYYY-MM-DD).`);
    asOfCell = serial;
    asOf = opts.asOf;
  } else if (opts.asOf === undefined) {
    const kept = names[NAME_AS_OF];
    if (typeof kept === "number") {
      const iso = serialToIso(kept);
      if (iso !== null && iso !== FICTITIOUS_LEAP_ISO) {
        asOfCell = kept;
        asOf = iso;
      } else notes.push(`Ngày báo cáo cũ (${kept}) không phải là ngày hợp lệ: dùng ngày hôm nay.`);
    } else if (typeof kept === "string" && kept.trim().startsWith("=")) {
      asOfCell = kept.trim();
      const evaluated = evaluateAsOfFormula(kept, today);
      asOf = evaluated ?? today;
      if (evaluated === null)
        notes.push(`Giữ công thức ngày báo cáo ${kept}; giá trị tạm tính theo ngày hôm nay.`);
    } else if (typeof kept === "string" && kept.trim() !== "") {
      const iso = parseDateText(kept);
      const serial = iso === null ? null : isoToSerial(iso);
      if (iso !== null && serial !== null) {
        asOfCell = serial;
        asOf = iso;
      } else notes.push(`Ngày báo cáo cũ "${kept}" không đọc được: dùng ngày hôm nay.`);
    }
  }

  let soonDaysCell: Scalar = DEFAULT_SOON_DAYS;
  let soonDays: number = DEFAULT_SOON_DAYS;
  if (opts.soonDays !== undefined) {
    if (!(Number.isFinite(opts.soonDays) && opts.soonDays >= 0)) {
      throw new RangeError(
        `Số ngày "sắp đến hạn" không hợp lệ: ${opts.soonDays} (cần một số không âm).`
      );
    }
    soonDaysCell = opts.soonDays;
    soonDays = opts.soonDays;
  } else {
    const typed = names[NAME_SOON_DAYS];
    // "10" typed into a text-formatted cell is still the number 10.
    const kept =
      typeof typed === "string" && /^\s*\d+(?:[.,]\d+)?\s*$/.test(typed)
        ? Number(typed.trim().replace(",", "."))
        : typed;
    if (typeof kept === "number" && Number.isFinite(kept) && kept >= 0) {
      soonDaysCell = kept;
      soonDays = kept;
    } else if (typeof kept === "string" && kept.trim().startsWith("=")) {
      soonDaysCell = kept.trim();
      notes.push(
        `Giữ công thức số ngày "sắp đến hạn" ${kept}; giá trị tạm tính là ${DEFAULT_SOON_DAYS}.`
      );
    } else if (
      kept !== undefined &&
      kept !== null &&
      !(typeof kept === "string" && kept.trim() === "")
    ) {
      notes.push(
        `Số ngày "sắp đến hạn" cũ (${String(kept)}) không hợp lệ: dùng ${DEFAULT_SOON_DAYS}.`
      );
    }
  }
  return { asOfCell, asOf, soonDaysCell, soonDays, today, notes };
}
