/**
 * Targets corrected and added by hand in the "Chỉ tiêu" sheet. The definition cells of the table (Mã,
 * Chỉ tiêu, Đơn vị chủ trì, Chỉ tiêu kế hoạch, tử số / mẫu số) are input cells: before a rebuild the
 * values read back are compared with what the sheet was built from (the plan stored in the workbook),
 * and only what differs is a person's edit. A valid edit changes the plan (which is then stored again,
 * so CCHC.TARGET and `--from` follow); an invalid one is listed in Vietnamese and stays in its cell
 * as typed. A definition typed in an empty row at the end of the table (no key) is a new target.
 * Values equal to what was written are dropped, so a revised plan's own texts are never overridden.
 */
import { readTargetText } from "../domain/targetText";
import { canonicalUnits } from "../plan/units";
import type { Indicator, Plan } from "../plan/types";
import type { Scalar } from "./model";
import { literalText } from "./cellText";
import {
  COUNT_DENOMINATOR_TEXT,
  CORRECTED_FIELD_NAMES,
  HAND_ADDED_SOURCE,
  NEW_ROW_KEY_PREFIX,
  definitionCells,
  printedTarget,
} from "./indicatorRows";
import { INDICATORS_TABLE } from "./indicatorsSheet";
import type { UserInput } from "./userInput";
import { SYNTHETIC_KEY_PREFIX, type TableInputRows } from "./userInputMerge";

/** Columns of the table that define a target; typed values there are edits. */
export const DEFINITION_KEYS = [
  "code",
  "text",
  "lead",
  "targetText",
  "numeratorLabel",
  "denominatorLabel",
] as const;
export type DefinitionKey = (typeof DEFINITION_KEYS)[number];

const HAND_SOURCE = HAND_ADDED_SOURCE;
const FIELD_NAMES = CORRECTED_FIELD_NAMES;

export interface IndicatorEditsResult {
  plan: Plan;
  userInput: UserInput | undefined;
  /** What changed, one Vietnamese line each ("Chỉ tiêu 3.3: mức chỉ tiêu ≥ 90% → ≥ 70%."). */
  changes: string[];
  /** Entries refused, one Vietnamese line each; their typed values stay in the sheet. */
  problems: string[];
  /** Row key → why that row's definition was refused (shown in its Ghi chú). */
  refused: Record<string, string>;
}

export interface EditOptions {
  /**
   * The plan the sheet was built from; the typed definitions are compared with it. Omitted: `plan`.
   * null: the sheet's definitions are not compared (a new document replaces them), only new rows count.
   */
  base?: Plan | null;
}

const clone = (i: Indicator): Indicator => JSON.parse(JSON.stringify(i)) as Indicator;

/** A cell as text for comparison: literal-text formulas unwrapped, numbers as written, trimmed. */
function cellText(v: Scalar | undefined): string | undefined {
  if (v === null || v === undefined || typeof v === "boolean") return undefined;
  const s = typeof v === "number" ? String(v) : (literalText(v) ?? v);
  const t = s.normalize("NFC").replace(/\s+/g, " ").trim();
  return t === "" ? undefined : t;
}

function definitionsOf(values: Record<string, Scalar>): Partial<Record<DefinitionKey, Scalar>> {
  const out: Partial<Record<DefinitionKey, Scalar>> = {};
  for (const k of DEFINITION_KEYS) if (cellText(values[k]) !== undefined) out[k] = values[k];
  return out;
}

function withoutDefinitions(values: Record<string, Scalar>): Record<string, Scalar> {
  const out = { ...values };
  for (const k of DEFINITION_KEYS) delete out[k];
  return out;
}

/** The rest of an edit is applied; a field that cannot be is returned with the reason. */
type Applied = { ok: true } | { ok: false; field: DefinitionKey; message: string };

function applyField(
  ind: Indicator,
  field: DefinitionKey,
  typed: Scalar,
  plan: Plan,
  ids: Set<string>
): Applied {
  const text = cellText(typed) ?? "";
  switch (field) {
    case "code":
      if (ids.has(text)) return { ok: false, field, message: `mã “${text}” đã có ở chỉ tiêu khác` };
      ids.delete(ind.id);
      ids.add(text);
      ind.id = text;
      return { ok: true };
    case "targetText": {
      const read = readTargetText(typeof typed === "number" ? typed : text, ind.unit);
      if (!read.ok) return { ok: false, field, message: read.message };
      const wasCount = ind.unit === "count";
      ind.target = read.value.target;
      ind.comparison = read.value.comparison;
      ind.unit = read.value.unit;
      if (ind.unit === "count") ind.denominator = null;
      else if (wasCount) ind.denominator = `Tổng số (mẫu số) của chỉ tiêu ${ind.id}`;
      return { ok: true };
    }
    case "text":
      ind.text = text;
      return { ok: true };
    case "lead":
      ind.lead = canonicalUnits(text, plan.units);
      return { ok: true };
    case "numeratorLabel":
      ind.numerator = text;
      return { ok: true };
    case "denominatorLabel":
      if (ind.unit === "%" && text !== COUNT_DENOMINATOR_TEXT) ind.denominator = text;
      return { ok: true };
  }
}

function recordCorrection(ind: Indicator, field: DefinitionKey, before: string, after: string) {
  const list = (ind.corrections ??= []);
  const earlier = list.find((c) => c.field === field);
  if (earlier) earlier.corrected = after;
  else list.push({ field, original: before, corrected: after });
  if (earlier && earlier.original === after) list.splice(list.indexOf(earlier), 1);
  if (list.length === 0) delete ind.corrections;
}

/** A target typed in an empty row: id, text and level are required; the rest has defaults. */
function newIndicator(
  defs: Partial<Record<DefinitionKey, Scalar>>,
  plan: Plan,
  ids: Set<string>
): Indicator | string {
  const id = cellText(defs.code);
  const text = cellText(defs.text);
  if (!id) return "thiếu mã chỉ tiêu (cột Mã chỉ tiêu)";
  if (ids.has(id)) return `mã “${id}” đã có ở chỉ tiêu khác`;
  if (!text) return "thiếu nội dung chỉ tiêu (cột Chỉ tiêu)";
  const read = readTargetText(defs.targetText ?? null);
  if (!read.ok) return read.message;
  const { target, comparison, unit, noun } = read.value;
  const numerator = cellText(defs.numeratorLabel);
  const denominator = cellText(defs.denominatorLabel);
  return {
    id,
    text,
    target,
    comparison,
    unit,
    numerator: numerator ?? (unit === "count" ? `Số ${noun}` : `Số đạt của chỉ tiêu ${id}`),
    denominator:
      unit === "count"
        ? null
        : denominator && denominator !== COUNT_DENOMINATOR_TEXT
          ? denominator
          : `Tổng số (mẫu số) của chỉ tiêu ${id}`,
    lead: canonicalUnits(cellText(defs.lead) ?? "", plan.units),
    source: HAND_SOURCE,
  };
}

/**
 * Applies the edits typed in the table to `plan` (the plan being built). Returns the plan to build
 * and store, the typed values left for the sheet (definitions equal to the plan dropped, refused ones
 * kept, a new target's monthly numbers moved to its id), and what to tell the user.
 */
export function applyIndicatorEdits(
  plan: Plan,
  userInput: UserInput | undefined,
  opts: EditOptions = {}
): IndicatorEditsResult {
  const rows: TableInputRows | undefined = userInput?.tables[INDICATORS_TABLE];
  if (!userInput || !rows) return { plan, userInput, changes: [], problems: [], refused: {} };
  const base = opts.base === undefined ? plan : opts.base;
  const indicators = plan.indicators.map((i) => clone(i));
  // A target added by hand in the workbook is the user's, not the document's: a revised plan keeps it.
  for (const ind of base?.indicators ?? [])
    if (ind.source === HAND_SOURCE && !indicators.some((i) => i.id === ind.id))
      indicators.push(clone(ind));
  const ids = new Set(indicators.map((i) => i.id));
  const baseById = new Map((base?.indicators ?? []).map((i) => [i.id, i]));
  const out: TableInputRows = {};
  const refused: Record<string, string> = {};
  const changes: string[] = [];
  const problems: string[] = [];

  for (const [key, values] of Object.entries(rows)) {
    const defs = definitionsOf(values);
    const ind = indicators.find((i) => i.id === key);
    const typedInNewRow =
      key.startsWith(SYNTHETIC_KEY_PREFIX) || key.startsWith(NEW_ROW_KEY_PREFIX);
    if (typedInNewRow) {
      const made = newIndicator(defs, { ...plan, indicators }, ids);
      if (typeof made === "string") {
        refused[key] = made;
        problems.push(`Chỉ tiêu thêm ở dòng ${cellText(defs.code) ?? "không mã"}: ${made}.`);
        out[key] = values;
        continue;
      }
      indicators.push(made);
      ids.add(made.id);
      changes.push(`Đã thêm chỉ tiêu ${made.id}: ${printedTarget(made)}.`);
      out[made.id] = { ...(out[made.id] ?? {}), ...withoutDefinitions(values) };
      continue;
    }
    if (!ind) {
      out[key] = values; // a row the plan no longer has: kept as typed (an orphan row)
      continue;
    }
    const written = baseById.get(key);
    const kept = withoutDefinitions(values);
    if (!written) {
      out[key] = kept;
      continue;
    }
    const before = definitionCells(written);
    const reasons: string[] = [];
    // The code last, so a refused rename does not stop the other fields.
    for (const field of [...DEFINITION_KEYS.filter((k) => k !== "code"), "code" as const]) {
      const typed = defs[field];
      if (typed === undefined || cellText(typed) === cellText(before[field])) continue;
      const previous =
        field === "targetText" ? printedTarget(ind) : (cellText(before[field]) ?? "");
      const applied = applyField(ind, field, typed, plan, ids);
      if (!applied.ok) {
        reasons.push(`${FIELD_NAMES[field]}: ${applied.message}`);
        kept[field] = typed;
        continue;
      }
      const now = field === "targetText" ? printedTarget(ind) : (cellText(typed) ?? "");
      recordCorrection(ind, field, previous, now);
      changes.push(`Chỉ tiêu ${ind.id}: ${FIELD_NAMES[field]} “${previous}” → “${now}”.`);
    }
    if (reasons.length > 0) {
      refused[ind.id] = reasons.join("; ");
      problems.push(`Chỉ tiêu ${key}: ${reasons.join("; ")} — giữ nguyên ô đã nhập, chưa áp dụng.`);
    }
    out[ind.id] = { ...(out[ind.id] ?? {}), ...kept };
  }
  const tables = { ...userInput.tables, [INDICATORS_TABLE]: out };
  return {
    plan: { ...plan, indicators },
    userInput: { ...userInput, tables },
    changes,
    problems,
    refused,
  };
}
