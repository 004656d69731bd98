/**
 * The "Đơn vị" sheet: the organisation's real units and the groups the plan names as leads ("Các
 * phòng chuyên môn"), which the coordinator edits. Prefilled with the plan's lead units (groups
 * guessed from their names), it says for each unit which groups it belongs to; a group's task then
 * counts for each member unit on "Theo đơn vị", in the task pane and in its filter. Every column the
 * coordinator types is user input (kept across create/update, `--from` and a revised plan); the last
 * column explains, at each build, what the row means for the counts. Definitions in docs/sheets.md.
 */
import { unitLineId, type UnitAccounts } from "../domain/unitRollup";
import { membersOf, rosterAccounts, type RosterEntry } from "../domain/unitRoster";
import type { Plan } from "../plan/types";
import { cellAddress } from "./a1";
import { textCell } from "./cellText";
import type { Scalar, SheetLayout, TableColumn, TableRow } from "./model";
import { composeRoster, KIND_LABEL, type Roster, type RosterRow } from "./rosterRows";
import { NOTE_COLOR, SHEET_FONT } from "./style";
import type { UserInput } from "./userInput";
import { applyTableInput } from "./userInputMerge";

export const ROSTER_SHEET_KEY = "roster";
export const ROSTER_SHEET_NAME = "Đơn vị";
export const ROSTER_TABLE = "tblDonVi";

const TITLE_ROW = 1;
const NOTE_ROW = 2;
export const ROSTER_HEADER_ROW = 4;

export const ROSTER_COLUMN_KEYS = ["key", "name", "kind", "groups", "check"] as const;
export type RosterColumnKey = (typeof ROSTER_COLUMN_KEYS)[number];
export const rosterColumn = (key: RosterColumnKey): number => ROSTER_COLUMN_KEYS.indexOf(key) + 1;

const input = { wrap: true, vertical: "top", locked: false } as const;

export function rosterColumns(): TableColumn[] {
  const cols: Record<RosterColumnKey, TableColumn> = {
    key: {
      key: "key",
      header: "Khóa",
      role: "key",
      width: 12,
      hidden: true,
      format: { locked: true },
    },
    name: { key: "name", header: "Đơn vị", role: "input", width: 36, format: input },
    kind: {
      key: "kind",
      header: "Loại",
      role: "input",
      width: 10,
      format: { ...input, horizontal: "center" },
      validation: {
        rule: { type: "list", values: [KIND_LABEL.unit, KIND_LABEL.group] },
        errorTitle: "Loại không hợp lệ",
        errorMessage: `Chọn “${KIND_LABEL.unit}” (một đơn vị thực) hoặc “${KIND_LABEL.group}” (tên gọi chung của nhiều đơn vị).`,
      },
    },
    groups: {
      key: "groups",
      header: "Thuộc nhóm",
      role: "input",
      width: 40,
      format: input,
    },
    check: {
      key: "check",
      header: "Ghi chú (tự động)",
      role: "plan",
      width: 52,
      format: { wrap: true, vertical: "top", font: { italic: true, color: NOTE_COLOR } },
    },
  };
  return ROSTER_COLUMN_KEYS.map((k) => cols[k]);
}

const list = (names: readonly string[]): string => names.map((n) => `“${n}”`).join(", ");

/** What a row means for the counts, in words (the last column). */
function checkText(row: RosterRow, roster: Roster, plan: Plan, accounts: UnitAccounts): string {
  const e = row.entry;
  if (!e) return "Chưa có tên đơn vị: dòng này chưa được tính.";
  const at = roster.entries.indexOf(e);
  const notes: string[] = [];
  const led = plan.tasks.filter((t) => e.planName !== null && t.lead.includes(e.planName)).length;
  if (e.kind === "group") {
    const members = membersOf(roster.entries, at).map((i) => roster.entries[i].name);
    notes.push(
      members.length > 0
        ? `Nhóm gồm ${members.length} đơn vị: ${list(members)}. ${led} nhiệm vụ nhóm chủ trì được tính cho từng đơn vị.`
        : `Nhóm chưa có đơn vị thành viên: ${led} nhiệm vụ nhóm chủ trì được tính cho chính nhóm. Ghi tên nhóm vào cột “Thuộc nhóm” của các đơn vị trong nhóm.`
    );
    if (row.groupsText !== "")
      notes.push("Một nhóm không thuộc nhóm khác: cột “Thuộc nhóm” bỏ qua.");
  } else {
    const id = unitLineId(at);
    const total = plan.tasks.filter((t) => accounts.accountable(t.lead).includes(id)).length;
    notes.push(`Chủ trì ${total} nhiệm vụ: ${led} trực tiếp, ${total - led} qua nhóm.`);
  }
  if (row.unknownGroups.length > 0)
    notes.push(
      `Không có nhóm ${list(row.unknownGroups)} trong danh sách (kiểm tra tên, cột “Loại”).`
    );
  if (row.kindGuess === "unclear") notes.push(`“Loại” không rõ: coi là “${KIND_LABEL[e.kind]}”.`);
  if (row.kindGuess === "empty") notes.push(`“Loại” trống: coi là “${KIND_LABEL[e.kind]}”.`);
  return notes.join(" ");
}

function rosterRow(row: RosterRow, check: string): TableRow {
  const e = row.entry;
  // Typed cells come back through applyTableInput exactly as typed (a cleared one stays empty).
  const cells: Scalar[] = [
    textCell(row.key),
    row.prefilled && e ? textCell(e.name) : null,
    row.prefilled && e ? KIND_LABEL[e.kind] : null,
    null,
    textCell(check),
  ];
  return { key: row.key, cells, results: cells.map(() => null) };
}

export interface RosterSheetBuild {
  sheet: SheetLayout;
  /** The per-unit lines and who answers for each task, for "Nhiệm vụ" and "Theo đơn vị". */
  accounts: UnitAccounts;
  entries: RosterEntry[];
  /** What could not be read (Vietnamese), for the action's message. */
  notes: string[];
}

/** Who answers for each task by the list typed into the "Đơn vị" table (the plan's lead units prefilled). */
export function rosterAccountsOf(plan: Plan, userInput: UserInput | undefined): UnitAccounts {
  return rosterAccounts(composeRoster(plan, userInput?.tables[ROSTER_TABLE]).entries);
}

/** The "Đơn vị" sheet from the plan and the list typed into its table. */
export function composeRosterSheet(plan: Plan, userInput: UserInput | undefined): RosterSheetBuild {
  const typed = userInput?.tables[ROSTER_TABLE];
  const roster = composeRoster(plan, typed);
  const accounts = rosterAccounts(roster.entries);
  const columns = rosterColumns();
  const rows = roster.rows.map((r) => rosterRow(r, checkText(r, roster, plan, accounts)));
  // Typed formulas and columns the coordinator added come back through the shared merge, under
  // each row's key now (a row a revised plan's unit adopted changes key).
  const inputs = Object.fromEntries(
    roster.rows.flatMap((r) => (r.typedKey !== null && typed ? [[r.key, typed[r.typedKey]]] : []))
  );
  const table = applyTableInput(
    {
      name: ROSTER_TABLE,
      at: cellAddress(ROSTER_HEADER_ROW, 1),
      columns,
      rows,
      style: "TableStyleLight9",
      keepBlankRows: true,
      headerFormat: { wrap: true, horizontal: "center", vertical: "center", font: { bold: true } },
    },
    inputs
  ).table;
  const width = table.columns.length;
  const across = (s: string): Scalar[][] => [[s, ...Array.from({ length: width - 2 }, () => null)]];
  const sheet: SheetLayout = {
    key: ROSTER_SHEET_KEY,
    name: ROSTER_SHEET_NAME,
    tabColor: "#7030A0",
    font: { ...SHEET_FONT },
    columnWidths: table.columns.map((c) => c.width),
    blocks: [
      {
        at: cellAddress(TITLE_ROW, 2),
        cells: across(`ĐƠN VỊ VÀ NHÓM ĐƠN VỊ CHỦ TRÌ – KẾ HOẠCH CCHC NĂM ${plan.year}`),
        merge: true,
        format: { font: { bold: true, size: 14 }, horizontal: "center", vertical: "center" },
      },
      {
        at: cellAddress(NOTE_ROW, 2),
        cells: across(
          "Liệt kê các đơn vị thực của cơ quan (thêm dòng ở cuối bảng). “Nhóm” là tên gọi chung trong kế hoạch " +
            "(“Các phòng chuyên môn”…): ở cột “Thuộc nhóm” của mỗi đơn vị, ghi các nhóm đơn vị đó thuộc, cách nhau " +
            "bằng dấu “;” hoặc xuống dòng (Alt+Enter). Nhiệm vụ do một nhóm chủ trì được tính cho từng đơn vị trong " +
            "nhóm. Sửa xong, bấm “Tạo/cập nhật bảng theo dõi” để tính lại trang “Theo đơn vị”."
        ),
        merge: true,
        format: { font: { italic: true, size: 10, color: "#404040" }, wrap: true, vertical: "top" },
      },
    ],
    table,
    rules: [],
    validations: [],
    names: [],
    freeze: { rows: ROSTER_HEADER_ROW, columns: 0 },
    print: {
      orientation: "landscape",
      paper: "A4",
      titleRows: `${ROSTER_HEADER_ROW}:${ROSTER_HEADER_ROW}`,
      fitToWidth: true,
      header: `Đơn vị và nhóm đơn vị chủ trì – kế hoạch CCHC năm ${plan.year}`,
    },
    // Not protected: the coordinator adds rows at the end of the table, which Excel refuses on a
    // protected sheet; nothing here is a formula others depend on.
    charts: [],
  };
  const notes = roster.rows.flatMap((r) =>
    r.unknownGroups.length > 0 && r.entry
      ? [
          `Trang “${ROSTER_SHEET_NAME}”: “${r.entry.name}” ghi thuộc ${list(r.unknownGroups)}, không phải nhóm nào trong danh sách nên không được tính. Hãy sửa tên nhóm ở cột “Thuộc nhóm” (hoặc chọn “Nhóm” ở cột “Loại” của dòng nhóm đó).`,
        ]
      : []
  );
  return { sheet, accounts, entries: roster.entries, notes };
}
