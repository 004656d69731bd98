/**
 * Formulas of the "Nhiệm vụ" table and the unit criteria over its hidden canonical-lead column.
 * Every formula is plain Excel (Excel 2016, LibreOffice): same-row A1 references and the two names,
 * never CCHC.*; the state rules equal src/domain/taskState.ts through src/domain/unitRollup.ts.
 */
import {
  STATE_DONE,
  STATE_DONE_LATE,
  STATE_DUE_SOON,
  STATE_NOT_APPLICABLE,
  STATE_ON_TRACK,
  STATE_OVERDUE,
  STATE_RECURRING,
} from "../domain/taskState";
import { TASK_STATUS } from "../domain/unitRollup";
import { columnLetters } from "./a1";
import { dateFormula, xlString } from "./excelFacts";
import { NAME_AS_OF, NAME_SOON_DAYS, taskColumn, type TaskColumnKey } from "./tasksSheet";

const letter = (key: TaskColumnKey): string => columnLetters(taskColumn(key));

// Canonical lead column and the unit filter
/**
 * Separator of the unit ids in the hidden column. Not "|": HyperFormula (and LibreOffice with regular
 * expressions on) read criteria as patterns where "|" means "or", so "*|A|*" would match everything.
 * ";" is neither a wildcard nor a pattern character.
 */
export const UNIT_SEPARATOR = ";";

/**
 * The hidden "Chủ trì (chuẩn hoá)" value: the ids of the roll-up lines the task counts for
 * (UnitAccounts), ";DV1;DV5;"; "" when none. Ids, not names: a name may hold the separator
 * ("Phòng C;D" would read as two units), differ from another only in case (COUNTIFS ignores case) or
 * hold wildcards; ids are ASCII tokens no two lines share.
 */
export function leadKeysCell(ids: readonly string[]): string {
  const unique = [...new Set(ids)];
  return unique.length === 0
    ? ""
    : `${UNIT_SEPARATOR}${unique.join(UNIT_SEPARATOR)}${UNIT_SEPARATOR}`;
}

/** Escapes COUNTIFS / AutoFilter wildcards (* ? ~) so a text matches literally. */
export function escapeWildcards(s: string): string {
  return s.replace(/[~*?]/g, (c) => `~${c}`);
}

/**
 * Criterion that matches the hidden lead column of tasks counted for the line `id` (COUNTIFS, and
 * the table's AutoFilter "equals" criterion): "*;DV1;*". The separators keep DV1 from matching DV12.
 */
export function unitCriterion(id: string): string {
  return `*${UNIT_SEPARATOR}${escapeWildcards(id)}${UNIT_SEPARATOR}*`;
}

/** Criterion matching every task that has a lead unit (the hidden value starts with the separator). */
export const ANY_UNIT_CRITERION = `${UNIT_SEPARATOR}*`;

// Formulas (same-row A1 references; `r` is the sheet row)

/** "Hạn": the due date as a DATE formula, or an empty text for recurring work. */
export function dueFormula(due: string | null): string {
  return (due === null ? null : dateFormula(due)) ?? '=""';
}

/** "Tình trạng": taskState() of the typed values, as in docs/sheets.md. */
export function stateFormula(r: number | string): string {
  const S = `${letter("status")}${r}`;
  const D = `${letter("doneDate")}${r}`;
  const H = `${letter("due")}${r}`;
  const asOf = `INT(${NAME_AS_OF})`;
  const q = xlString;
  return (
    `=IF(${S}=${q(TASK_STATUS.notApplicable)},${q(STATE_NOT_APPLICABLE)},` +
    `IF(OR(ISNUMBER(${D}),${S}=${q(TASK_STATUS.done)}),` +
    `IF(OR(NOT(ISNUMBER(${D})),NOT(ISNUMBER(${H})),INT(${D})<=${H}),${q(STATE_DONE)},${q(STATE_DONE_LATE)}),` +
    `IF(NOT(ISNUMBER(${H})),${q(STATE_RECURRING)},` +
    `IF(${asOf}>${H},${q(STATE_OVERDUE)},` +
    `IF(${H}-${asOf}<=${NAME_SOON_DAYS},${q(STATE_DUE_SOON)},${q(STATE_ON_TRACK)})))))`
  );
}

/** "Số ngày trễ": daysLate() of the typed values. */
export function daysLateFormula(r: number | string): string {
  const S = `${letter("status")}${r}`;
  const D = `${letter("doneDate")}${r}`;
  const H = `${letter("due")}${r}`;
  const q = xlString;
  return (
    `=IF(OR(${S}=${q(TASK_STATUS.notApplicable)},NOT(ISNUMBER(${H}))),0,` +
    `IF(ISNUMBER(${D}),MAX(0,INT(${D})-${H}),` +
    `IF(${S}=${q(TASK_STATUS.done)},0,MAX(0,INT(${NAME_AS_OF})-${H}))))`
  );
}

/** Conditional-format formula for the body's first row: the row's key starts with `prefix`. */
export function keyPrefixRuleFormula(firstBodyRow: number, prefix: string): string {
  return `=LEFT($${letter("key")}${firstBodyRow},${prefix.length})=${xlString(prefix)}`;
}

/** Conditional-format formula for the body's first row: the row's own "Tình trạng" cell. */
export function stateRuleFormula(firstBodyRow: number, state: string): string {
  return `=$${letter("state")}${firstBodyRow}=${xlString(state)}`;
}
