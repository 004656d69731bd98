/**
 * The in-memory workbook behind the fake Excel API. It knows nothing about load/sync (./context.ts
 * and ./client.ts add those semantics). It also offers the things USERS do in Excel (type a value,
 * sort, filter, insert rows, add a column beside a table, rename a sheet), so tests can play a user
 * between two runs of an action.
 */
import {
  cellCount,
  contains,
  intersects,
  MAX_ROWS,
  sheetPrefix,
  shiftFormulaRows,
  type Box,
} from "./address";
import { columnLetters } from "../../../src/layouts/a1";
import {
  type Scalar,
  FakeOfficeError,
  type CellModel,
  SheetModel,
  TableModel,
  cellKey,
  keyRow,
  keyCol,
  checkDefinedName,
  filterAccepts,
} from "./model";
import { BookCells } from "./bookCells";

export class BookModel extends BookCells {
  // ---- tables -------------------------------------------------------------------------------

  addTable(sheet: SheetModel, box: Box, hasHeaders: boolean): TableModel {
    if (cellCount(box) > 5_000_000 || box.bottom - box.top < 1) {
      throw new FakeOfficeError(
        "InvalidArgument",
        "A table needs a header row and at least one body row."
      );
    }
    for (const t of this.tablesOn(sheet)) {
      if (intersects(t.box, box))
        throw new FakeOfficeError("InvalidOperation", "A table can't overlap another table.");
    }
    if (sheet.merges.some((m) => intersects(m, box)))
      throw new FakeOfficeError("InvalidOperation", "A table can't contain merged cells.");
    const top = box.top;
    const finalBox = { ...box };
    if (!hasHeaders) {
      throw new FakeOfficeError("NotImplemented", "The fake only supports tables with headers.");
    }
    const seen = new Set<string>();
    for (let c = box.left; c <= box.right; c += 1) {
      const raw = this.formulaAt(sheet, top, c);
      let h = raw === "" || raw === null ? `Column${c - box.left + 1}` : String(raw);
      let base = h;
      let n = 2;
      while (seen.has(h.toLowerCase())) {
        h = `${base}${n}`;
        n += 1;
      }
      base = h;
      seen.add(h.toLowerCase());
      const cell = this.getCell(sheet, top, c);
      if (raw !== h || !cell || typeof cell.v !== "string") {
        sheet.cells.set(cellKey(top, c), { v: h, quote: true, nf: cell?.nf });
      }
    }
    this.tableCounter += 1;
    let name = `Table${this.tableCounter}`;
    while (this.table(name)) {
      this.tableCounter += 1;
      name = `Table${this.tableCounter}`;
    }
    const t = new TableModel(name, sheet, finalBox);
    this.tables.push(t);
    this.version += 1;
    return t;
  }

  renameTable(t: TableModel, name: string): void {
    checkDefinedName(name);
    const other = this.table(name);
    if ((other && other !== t) || this.name(name)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `A table or name called "${name}" already exists.`
      );
    }
    t.name = name;
  }

  tableHeaders(t: TableModel): string[] {
    const out: string[] = [];
    for (let c = t.box.left; c <= t.box.right; c += 1)
      out.push(String(this.formulaAt(t.sheet, t.box.top, c)));
    return out;
  }

  convertTableToRange(t: TableModel): void {
    // Rows the filter hid stay hidden, now as plain hidden rows (callers must unhide them).
    for (const r of t.sheet.filterHidden) t.sheet.hiddenRows.add(r);
    t.sheet.filterHidden.clear();
    this.tables = this.tables.filter((x) => x !== t);
  }

  deleteTable(t: TableModel): void {
    this.clearContents(t.sheet, t.box);
    this.clearFormats(t.sheet, t.box);
    t.sheet.filterHidden.clear();
    this.tables = this.tables.filter((x) => x !== t);
  }

  /** Re-evaluates every column filter of the table's sheet. */
  applyFilters(t: TableModel): void {
    const sheet = t.sheet;
    sheet.filterHidden.clear();
    for (const table of this.tablesOn(sheet)) {
      for (let r = table.bodyBox.top; r <= table.bodyBox.bottom; r += 1) {
        for (const [offset, crit] of table.filters) {
          const v = this.valueAt(sheet, r, table.box.left + offset);
          if (!filterAccepts(crit, v)) {
            sheet.filterHidden.add(r);
            break;
          }
        }
      }
    }
  }

  /**
   * Excel refuses to sort on a protected sheet unless the protection allows sorting AND every cell
   * of the sorted range is unlocked: a table with locked plan columns cannot be sorted there.
   */
  private assertCanSort(t: TableModel): void {
    const p = t.sheet.protection;
    if (!p.protected) return;
    const body = t.bodyBox;
    let locked = !p.options.allowSort;
    for (let r = body.top; r <= body.bottom && !locked; r += 1)
      for (let c = body.left; c <= body.right && !locked; c += 1)
        locked = this.isLocked(t.sheet, r, c);
    if (locked)
      throw new FakeOfficeError(
        "AccessDenied",
        "The cell or chart you're trying to change is on a protected sheet: sorting needs every cell of the table unlocked."
      );
  }

  /** Sorts the table's body rows by one column (cells move with their formats; same-row references follow). */
  sortTable(t: TableModel, columnOffset: number, ascending = true): void {
    const body = t.bodyBox;
    this.assertCanSort(t);
    const rows: { row: number; cells: (CellModel | undefined)[]; key: Scalar }[] = [];
    for (let r = body.top; r <= body.bottom; r += 1) {
      const cells: (CellModel | undefined)[] = [];
      for (let c = body.left; c <= body.right; c += 1) cells.push(this.getCell(t.sheet, r, c));
      rows.push({ row: r, cells, key: this.valueAt(t.sheet, r, body.left + columnOffset) });
    }
    const rank = (v: Scalar): [number, string | number] => {
      if (v === "" || v === null) return [3, 0];
      if (typeof v === "number") return [0, v];
      if (typeof v === "boolean") return [2, v ? 1 : 0];
      return [1, v.toLowerCase()];
    };
    const sorted = [...rows].sort((a, b) => {
      const [ka, va] = rank(a.key);
      const [kb, vb] = rank(b.key);
      if (ka !== kb) return ka - kb; // blanks last either way
      if (va === vb) return a.row - b.row;
      const cmp = va < vb ? -1 : 1;
      return ascending ? cmp : -cmp;
    });
    sorted.forEach((src, i) => {
      const dest = body.top + i;
      src.cells.forEach((cell, j) => {
        const key = cellKey(dest, body.left + j);
        if (!cell) {
          t.sheet.cells.delete(key);
          return;
        }
        const moved = { ...cell };
        if (typeof moved.v === "string" && moved.v.startsWith("=") && !moved.quote) {
          const delta = dest - src.row;
          moved.v = shiftFormulaRows(moved.v, (row, abs) => (abs ? row : row + delta));
        }
        t.sheet.cells.set(key, moved);
      });
    });
    this.version += 1;
    this.applyFilters(t);
  }

  /** Inserts whole sheet rows before `at` (as the user does with right-click › Insert). */
  insertRows(sheet: SheetModel, at: number, count: number): void {
    const shiftRow = (row: number): number => (row >= at ? row + count : row);
    // References to moved rows follow them (plain A1 refs to this sheet only); cells are replaced,
    // never changed in place (CellStore's journal).
    const moved = new Map<number, CellModel>();
    for (const [key, cell] of sheet.cells) {
      const formula = typeof cell.v === "string" && cell.v.startsWith("=") && !cell.quote;
      moved.set(
        cellKey(shiftRow(keyRow(key)), keyCol(key)),
        formula ? { ...cell, v: shiftFormulaRows(cell.v as string, (row) => shiftRow(row)) } : cell
      );
    }
    sheet.cells.clear();
    for (const [k, v] of moved) sheet.cells.set(k, v);
    const grow = (b: Box): Box => {
      if (b.bottom === MAX_ROWS && b.top === 1) return b;
      if (b.top >= at)
        return { ...b, top: b.top + count, bottom: Math.min(MAX_ROWS, b.bottom + count) };
      if (b.bottom >= at) return { ...b, bottom: Math.min(MAX_ROWS, b.bottom + count) };
      return b;
    };
    for (const t of this.tablesOn(sheet)) {
      // A row inserted right below the header or inside the body extends the table.
      if (at > t.box.top && at <= t.box.bottom) t.box = { ...t.box, bottom: t.box.bottom + count };
      else if (at <= t.box.top)
        t.box = { ...t.box, top: t.box.top + count, bottom: t.box.bottom + count };
    }
    sheet.fmt = sheet.fmt.map((op) => ({ ...op, box: grow(op.box) }));
    sheet.cfs = sheet.cfs.map((cf) => ({ ...cf, box: grow(cf.box) }));
    sheet.dvs = sheet.dvs.map((dv) => ({ ...dv, box: grow(dv.box) }));
    sheet.merges = sheet.merges.map(grow);
    sheet.hiddenRows = new Set([...sheet.hiddenRows].map(shiftRow));
    sheet.filterHidden = new Set([...sheet.filterHidden].map(shiftRow));
    for (const n of this.names) if (n.sheet === sheet && n.box) n.box = grow(n.box);
    this.version += 1;
  }

  // ---- validation of writes against protection ------------------------------------------------

  assertCanWrite(sheet: SheetModel, box: Box, inputs?: Scalar[][]): void {
    if (!sheet.protection.protected) return;
    for (let r = box.top; r <= box.bottom; r += 1) {
      for (let c = box.left; c <= box.right; c += 1) {
        const input = inputs ? inputs[r - box.top]?.[c - box.left] : "";
        if (input === null || input === undefined) continue;
        if (this.isLocked(sheet, r, c)) {
          throw new FakeOfficeError(
            "AccessDenied",
            `The cell ${sheetPrefix(sheet.name)}!${columnLetters(c)}${r} is protected: the sheet must be unprotected first.`
          );
        }
      }
    }
  }

  assertCanFormat(
    sheet: SheetModel,
    allow?:
      | "allowFormatCells"
      | "allowFormatColumns"
      | "allowFormatRows"
      | "allowAutoFilter"
      | "allowSort"
  ): void {
    if (!sheet.protection.protected) return;
    if (allow && sheet.protection.options[allow]) return;
    throw new FakeOfficeError(
      "AccessDenied",
      `The sheet "${sheet.name}" is protected: unprotect it before changing it.`
    );
  }

  contains = contains;

  /**
   * A restore point. Office.js applies nothing of a batch that is never synced (the batch function
   * threw before its sync), while this fake applies operations at once; the context takes a restore
   * point before the first operation after a sync and rolls back to it in that case. Cells are
   * journaled (CellStore), not copied: a sync releases the journal.
   */
  checkpoint(): Checkpoint {
    const sheets = [...this.sheets];
    const tables = [...this.tables];
    const names = [...this.names];
    const active = this.activeSheet;
    const version = this.version;
    const sheetStates = sheets.map((sh) => ({
      sh,
      name: sh.name,
      visibility: sh.visibility,
      tabColor: sh.tabColor,
      cellJournal: sh.cells.startJournal(),
      fmt: [...sh.fmt],
      cfs: sh.cfs.map((cf) => ({ ...cf, props: { ...cf.props } })),
      dvs: sh.dvs.map((dv) => ({ ...dv })),
      merges: [...sh.merges],
      hiddenCols: new Set(sh.hiddenCols),
      hiddenRows: new Set(sh.hiddenRows),
      filterHidden: new Set(sh.filterHidden),
      freeze: sh.freeze,
      page: { ...sh.page },
      printTitleRows: sh.printTitleRows,
      rowBreaks: new Set(sh.rowBreaks),
      protection: { ...sh.protection, options: { ...sh.protection.options } },
      charts: sh.charts.map((c) => ({
        ...c,
        props: { ...c.props },
        series: c.series.map((x) => ({ ...x, props: { ...x.props } })),
      })),
    }));
    const tableStates = tables.map((t) => ({
      t,
      name: t.name,
      sheet: t.sheet,
      box: { ...t.box },
      style: t.style,
      filters: new Map(t.filters),
    }));
    const nameStates = names.map((n) => ({
      n,
      name: n.name,
      sheet: n.sheet,
      box: n.box,
      constant: n.constant,
      comment: n.comment,
      visible: n.visible,
    }));
    const restore = () => {
      this.sheets = sheets;
      this.tables = tables;
      this.names = names;
      this.activeSheet = active;
      for (const { sh, cellJournal, ...state } of sheetStates) {
        cellJournal.undo();
        Object.assign(sh, state);
      }
      for (const st of tableStates)
        Object.assign(st.t, {
          name: st.name,
          sheet: st.sheet,
          box: st.box,
          style: st.style,
          filters: st.filters,
        });
      for (const st of nameStates)
        Object.assign(st.n, {
          name: st.name,
          sheet: st.sheet,
          box: st.box,
          constant: st.constant,
          comment: st.comment,
          visible: st.visible,
        });
      this.version = version + 1;
    };
    return { restore, release: () => sheetStates.forEach((st) => st.cellJournal.end()) };
  }
}

/** What BookModel.checkpoint returns: undo the batch, or let it stand (it was synced). */
export interface Checkpoint {
  restore(): void;
  release(): void;
}
