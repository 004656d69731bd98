/**
 * The "Đơn vị" sheet's list as data: the rows the coordinator typed (read back by key, in their
 * order), then every lead unit of the plan not listed yet, each with its kind (unit or group) and the
 * groups it belongs to. What it gives is the roster of src/domain/unitRoster.ts plus, per row, what
 * the sheet shows and what could not be read (a group name that is not in the list).
 */
import { leadUnits } from "../domain/unitRollup";
import type { RosterEntry, RosterKind } from "../domain/unitRoster";
import { looksLikeGroup, readUnits, unitKey } from "../plan/units";
import type { Plan, Unit } from "../plan/types";
import type { Scalar } from "./model";
import { SYNTHETIC_KEY_PREFIX, type TableInputRows } from "./userInputMerge";

/** What "Loại" holds, as the validation list offers it. */
export const KIND_LABEL: Record<RosterKind, string> = { unit: "Đơn vị", group: "Nhóm" };

export interface RosterRow {
  /** Row key: the plan's canonical name, or a synthetic key ("+1") for a unit only the coordinator listed. */
  key: string;
  /**
   * True for a lead unit no typed row stands for yet: its name and kind are written for the
   * coordinator. A typed row shows exactly what was typed, a cleared cell included.
   */
  prefilled: boolean;
  /** The key the row's typed values were read under ("+1" for a row a revised plan's unit adopted). */
  typedKey: string | null;
  /** The entry, or null when the row has no name (kept as typed, not counted). */
  entry: RosterEntry | null;
  /** "Thuộc nhóm" as typed. */
  groupsText: string;
  /** Names in "Thuộc nhóm" that are no group of the list. */
  unknownGroups: string[];
  /** How the kind was decided when "Loại" did not say: "unclear" (other text), "empty" (cleared). */
  kindGuess: "unclear" | "empty" | null;
}

export interface Roster {
  rows: RosterRow[];
  /** The named rows' entries, in row order: the roster rosterAccounts() reads. */
  entries: RosterEntry[];
}

const text = (v: Scalar | undefined): string =>
  typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "";

/**
 * "Loại" as typed, else a guess from the name and the document's other spellings of it ("Đoàn
 * kiểm tra CCHC Sở" is written "Thành viên Đoàn kiểm tra CCHC Sở": its members lead, a group).
 */
function kindOf(
  typed: string,
  spellings: readonly string[]
): { kind: RosterKind; unclear: boolean } {
  const k = unitKey(typed);
  if (k === unitKey(KIND_LABEL.group)) return { kind: "group", unclear: false };
  if (k === unitKey(KIND_LABEL.unit)) return { kind: "unit", unclear: false };
  return { kind: spellings.some(looksLikeGroup) ? "group" : "unit", unclear: k !== "" };
}

interface Draft {
  key: string;
  typedKey: string | null;
  name: string;
  kindText: string;
  groupsText: string;
  prefilled: boolean;
}

/** Typed rows in their order, then the plan's lead units not among them (a typed row of the same name adopts one). */
function drafts(plan: Plan, typed: TableInputRows): Draft[] {
  const out: Draft[] = Object.entries(typed).map(([key, v]) => ({
    key,
    typedKey: key,
    name: text(v.name) || (key.startsWith(SYNTHETIC_KEY_PREFIX) ? "" : key),
    kindText: text(v.kind),
    groupsText: text(v.groups),
    prefilled: false,
  }));
  for (const lead of leadUnits(plan)) {
    if (out.some((d) => d.key === lead)) continue;
    const same = out.find(
      (d) => d.key.startsWith(SYNTHETIC_KEY_PREFIX) && unitKey(d.name) === unitKey(lead)
    );
    if (same) same.key = lead;
    else
      out.push({
        key: lead,
        typedKey: null,
        name: lead,
        kindText: "",
        groupsText: "",
        prefilled: true,
      });
  }
  return out;
}

/** The roster of the "Đơn vị" table: typed rows (`typed`, read back by key) and the plan's lead units. */
export function composeRoster(plan: Plan, typed: TableInputRows | undefined): Roster {
  const list = drafts(plan, typed ?? {});
  const aliases = (key: string): string[] => plan.units.find((u) => u.name === key)?.aliases ?? [];
  const kinds = list.map((d) => kindOf(d.kindText, [d.name, ...aliases(d.key)]));
  // Groups as a unit list, so "Thuộc nhóm" is read like a "Chủ trì" text: longest known name first,
  // so a group named with a comma ("Các phòng, đơn vị") stays one name.
  const named = list.map((d, i) => ({ d, i })).filter(({ d }) => d.name !== "");
  const position = new Map(named.map(({ i }, at) => [i, at]));
  const groups: Unit[] = named
    .filter(({ i }) => kinds[i].kind === "group")
    .map(({ d, i }) => ({
      id: String(position.get(i)),
      name: d.name,
      // The plan's name and the document's other spellings of it ("Các trung tâm") name it too.
      aliases: d.key.startsWith(SYNTHETIC_KEY_PREFIX) ? [] : [d.key, ...aliases(d.key)],
    }));
  const rows: RosterRow[] = list.map((d, i) => {
    const reading = readUnits(d.groupsText, groups);
    const ids = reading.names.flatMap((n) => groups.find((g) => g.name === n)?.id ?? []);
    const entry: RosterEntry | null =
      d.name === ""
        ? null
        : {
            name: d.name,
            planName: d.key.startsWith(SYNTHETIC_KEY_PREFIX) ? null : d.key,
            kind: kinds[i].kind,
            groups: ids.map(Number),
          };
    return {
      key: d.key,
      prefilled: d.prefilled,
      typedKey: d.typedKey,
      entry,
      groupsText: d.groupsText,
      unknownGroups: reading.unknown,
      kindGuess: kinds[i].unclear
        ? "unclear"
        : !d.prefilled && d.kindText === "" && d.name !== ""
          ? "empty"
          : null,
    };
  });
  return { rows, entries: rows.flatMap((r) => (r.entry ? [r.entry] : [])) };
}
