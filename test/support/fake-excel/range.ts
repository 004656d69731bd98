/**
 * Range of the fake Excel API: values, formulas and number formats in 2-D arrays; writing to locked
 * cells or formatting a protected sheet fails with AccessDenied.
 */
import {
  boxAddress,
  cellCount,
  intersects,
  MAX_COLUMNS,
  MAX_ROWS,
  sheetPrefix,
  type Box,
} from "./address";
import { FakeOfficeError, SheetModel, type Scalar } from "./model";
import { ClientObject, Loader } from "./client";
import type { FakeRequestContext } from "./context";
import {
  FakeConditionalFormatCollection,
  FakeDataValidation,
  FakeRangeFormat,
} from "./rangeFormat";
import { FakeWorksheet } from "./worksheet";

export class FakeRange extends ClientObject {
  constructor(
    context: FakeRequestContext,
    readonly sheet: SheetModel | null,
    readonly box: Box | null
  ) {
    super(context, sheet === null || box === null);
  }
  protected get typeName(): string {
    return "Range";
  }
  private get s(): SheetModel {
    return this.sheet as SheetModel;
  }
  private get b(): Box {
    return this.box as Box;
  }
  localAddress(): string {
    return boxAddress(this.b);
  }
  private grid<T>(f: (r: number, c: number) => T): T[][] {
    const b = this.b;
    if (cellCount(b) > 2_000_000)
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        "The range is too large to read."
      );
    const out: T[][] = [];
    for (let r = b.top; r <= b.bottom; r += 1) {
      const row: T[] = [];
      for (let c = b.left; c <= b.right; c += 1) row.push(f(r, c));
      out.push(row);
    }
    return out;
  }
  protected props(): Record<string, Loader> {
    const book = this.context.book;
    return {
      address: () => `${sheetPrefix(this.s.name)}!${boxAddress(this.b)}`,
      addressLocal: () => `${sheetPrefix(this.s.name)}!${boxAddress(this.b)}`,
      rowIndex: () => this.b.top - 1,
      columnIndex: () => this.b.left - 1,
      rowCount: () => this.b.bottom - this.b.top + 1,
      columnCount: () => this.b.right - this.b.left + 1,
      cellCount: () => cellCount(this.b),
      values: () => this.grid((r, c) => book.valueAt(this.s, r, c)),
      formulas: () => this.grid((r, c) => book.formulaAt(this.s, r, c)),
      numberFormat: () => this.grid((r, c) => book.numberFormatAt(this.s, r, c)),
      text: () => this.grid((r, c) => String(book.valueAt(this.s, r, c))),
      rowHidden: () =>
        tri(rangeOf(this.b.top, this.b.bottom).map((r) => book.isRowHidden(this.s, r))),
      columnHidden: () =>
        tri(
          rangeOf(this.b.left, Math.min(this.b.right, this.b.left + 20000)).map((c) =>
            this.s.hiddenCols.has(c)
          )
        ),
    };
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get values(): Scalar[][] {
    return this.read("values");
  }
  set values(v: Scalar[][]) {
    this.write("Range.values", v);
  }
  get formulas(): Scalar[][] {
    return this.read("formulas");
  }
  set formulas(v: Scalar[][]) {
    this.write("Range.formulas", v);
  }
  get numberFormat(): Scalar[][] {
    return this.read("numberFormat");
  }
  set numberFormat(v: Scalar[][]) {
    this.opUnlessNull("Range.numberFormat", () => {
      const grid = this.expand(v);
      this.context.book.assertCanFormat(this.s, "allowFormatCells");
      const b = this.b;
      for (let r = b.top; r <= b.bottom; r += 1) {
        for (let c = b.left; c <= b.right; c += 1)
          this.context.book.setNumberFormat(this.s, r, c, grid[r - b.top][c - b.left]);
      }
    });
  }
  get text(): string[][] {
    return this.read("text");
  }
  get rowHidden(): boolean | null {
    return this.read("rowHidden");
  }
  set rowHidden(h: boolean) {
    this.opUnlessNull(
      "Range.rowHidden",
      () => {
        this.context.book.assertCanFormat(this.s, "allowFormatRows");
        const b = this.b;
        if (b.bottom - b.top > 100000 && h)
          throw new FakeOfficeError("InvalidArgument", "Too many rows to hide in the fake.");
        for (let r = b.top; r <= Math.min(b.bottom, b.top + 100000); r += 1) {
          if (h) this.s.hiddenRows.add(r);
          else this.s.hiddenRows.delete(r);
        }
        if (!h)
          for (const r of [...this.s.filterHidden])
            if (r >= b.top && r <= b.bottom) this.s.filterHidden.delete(r);
        this.context.book.logFormat(this.s, b, "rowHidden", h);
      },
      "1.2"
    );
  }
  get columnHidden(): boolean | null {
    return this.read("columnHidden");
  }
  set columnHidden(h: boolean) {
    this.opUnlessNull(
      "Range.columnHidden",
      () => {
        this.context.book.assertCanFormat(this.s, "allowFormatColumns");
        const b = this.b;
        for (let c = b.left; c <= b.right; c += 1) {
          if (h) this.s.hiddenCols.add(c);
          else this.s.hiddenCols.delete(c);
        }
        this.context.book.logFormat(this.s, b, "columnHidden", h);
      },
      "1.2"
    );
  }

  /** A single value (not an array) is applied to every cell, as Office.js does. */
  private expand(v: unknown): Scalar[][] {
    const b = this.b;
    const rows = b.bottom - b.top + 1;
    const cols = b.right - b.left + 1;
    if (!Array.isArray(v)) {
      if (rows * cols > 2_000_000)
        throw new FakeOfficeError(
          "InvalidArgument",
          "Range too large for a single value in the fake."
        );
      return Array.from({ length: rows }, () => Array.from({ length: cols }, () => v as Scalar));
    }
    if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
      throw new FakeOfficeError(
        "InvalidArgument",
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`
      );
    }
    return v as Scalar[][];
  }

  private write(location: string, v: unknown): void {
    this.opUnlessNull(location, () => {
      const grid = this.expand(v);
      const book = this.context.book;
      book.assertCanWrite(this.s, this.b, grid);
      const b = this.b;
      for (let r = b.top; r <= b.bottom; r += 1) {
        for (let c = b.left; c <= b.right; c += 1)
          book.writeInput(this.s, r, c, grid[r - b.top][c - b.left]);
      }
    });
  }

  private sub(box: Box): FakeRange {
    if (this.isNull) return new FakeRange(this.context, null, null);
    if (
      box.top < 1 ||
      box.left < 1 ||
      box.bottom > MAX_ROWS ||
      box.right > MAX_COLUMNS ||
      box.bottom < box.top ||
      box.right < box.left
    ) {
      this.context.op("Range", () => {
        throw new FakeOfficeError("InvalidArgument", "The range is outside the sheet.");
      });
      return new FakeRange(this.context, null, null);
    }
    return new FakeRange(this.context, this.sheet, box);
  }
  getCell(row: number, col: number): FakeRange {
    // A range reached from a missing item: its path fails at the sync, as in Excel.
    if (this.isNull) return new FakeRange(this.context, null, null);
    const b = this.b;
    return this.sub({
      top: b.top + row,
      left: b.left + col,
      bottom: b.top + row,
      right: b.left + col,
    });
  }
  getRow(i: number): FakeRange {
    // A range reached from a missing item: its path fails at the sync, as in Excel.
    if (this.isNull) return new FakeRange(this.context, null, null);
    const b = this.b;
    return this.sub({ ...b, top: b.top + i, bottom: b.top + i });
  }
  /** The smallest range holding both (ExcelApi 1.1); office.js uses it to send large writes in slices. */
  getBoundingRect(other: FakeRange | string): FakeRange {
    const b = this.b;
    const o = typeof other === "string" ? this.worksheet.getRange(other).b : other.b;
    if (o === null) return new FakeRange(this.context, null, null);
    return this.sub({
      top: Math.min(b.top, o.top),
      left: Math.min(b.left, o.left),
      bottom: Math.max(b.bottom, o.bottom),
      right: Math.max(b.right, o.right),
    });
  }
  /** Sent by office.js before a chunked array write: the array must match the range's size. */
  _ValidateArraySize(rows: number, columns: number): void {
    const b = this.b;
    if (rows !== b.bottom - b.top + 1 || columns !== b.right - b.left + 1)
      throw new FakeOfficeError(
        "InvalidArgument",
        `The array (${rows}×${columns}) does not match the size of the range ${boxAddress(b)}.`
      );
  }
  getColumn(i: number): FakeRange {
    // A range reached from a missing item: its path fails at the sync, as in Excel.
    if (this.isNull) return new FakeRange(this.context, null, null);
    const b = this.b;
    return this.sub({ ...b, left: b.left + i, right: b.left + i });
  }
  getEntireColumn(): FakeRange {
    const b = this.b;
    return this.sub({ ...b, top: 1, bottom: MAX_ROWS });
  }
  getEntireRow(): FakeRange {
    const b = this.b;
    return this.sub({ ...b, left: 1, right: MAX_COLUMNS });
  }
  getResizedRange(dr: number, dc: number): FakeRange {
    this.context.op("Range.getResizedRange", () => undefined, "1.2");
    if (this.isNull) return new FakeRange(this.context, null, null);
    const b = this.b;
    return this.sub({ ...b, bottom: b.bottom + dr, right: b.right + dc });
  }
  getOffsetRange(dr: number, dc: number): FakeRange {
    // A range reached from a missing item: its path fails at the sync, as in Excel.
    if (this.isNull) return new FakeRange(this.context, null, null);
    const b = this.b;
    return this.sub({
      top: b.top + dr,
      bottom: b.bottom + dr,
      left: b.left + dc,
      right: b.right + dc,
    });
  }
  get worksheet(): FakeWorksheet {
    return this.nav("worksheet", () => new FakeWorksheet(this.context, this.sheet));
  }
  get format(): FakeRangeFormat {
    return this.nav("format", () => new FakeRangeFormat(this.context, this));
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return this.nav(
      "conditionalFormats",
      () => new FakeConditionalFormatCollection(this.context, this)
    );
  }
  get dataValidation(): FakeDataValidation {
    return this.nav("dataValidation", () => new FakeDataValidation(this.context, this));
  }
  merge(across = false): void {
    this.opUnlessNull(
      "Range.merge",
      () => {
        const book = this.context.book;
        book.assertCanFormat(this.s);
        if (book.tablesOn(this.s).some((t) => intersects(t.box, this.b)))
          throw new FakeOfficeError("InvalidOperation", "Cells in a table can't be merged.");
        if (this.s.merges.some((m) => intersects(m, this.b)))
          throw new FakeOfficeError(
            "InvalidOperation",
            "The range overlaps merged cells: unmerge first."
          );
        if (across) {
          for (let r = this.b.top; r <= this.b.bottom; r += 1)
            this.s.merges.push({ ...this.b, top: r, bottom: r });
        } else this.s.merges.push({ ...this.b });
      },
      "1.2"
    );
  }
  unmerge(): void {
    this.opUnlessNull(
      "Range.unmerge",
      () => {
        this.context.book.assertCanFormat(this.s);
        this.s.merges = this.s.merges.filter((m) => !intersects(m, this.b));
      },
      "1.2"
    );
  }
  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" | "RemoveHyperlinks" = "All"): void {
    this.opUnlessNull("Range.clear", () => {
      const book = this.context.book;
      if (applyTo === "All" || applyTo === "Contents") book.assertCanWrite(this.s, this.b);
      if (applyTo === "All" || applyTo === "Formats") book.assertCanFormat(this.s);
      for (const t of book.tablesOn(this.s)) {
        if (
          intersects(t.box, this.b) &&
          (applyTo === "All" || applyTo === "Contents") &&
          !containsBox(this.b, t.box)
        ) {
          // Clearing part of a table keeps the table (its header cells become blank names in Excel).
        }
      }
      if (applyTo === "All" || applyTo === "Contents") book.clearContents(this.s, this.b);
      if (applyTo === "All" || applyTo === "Formats") book.clearFormats(this.s, this.b);
    });
  }
  select(): void {
    this.context.op("Range.select", () => undefined);
  }
}

function containsBox(outer: Box, inner: Box): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

function rangeOf(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b && out.length < 200000; i += 1) out.push(i);
  return out;
}

export function tri(flags: boolean[]): boolean | null {
  if (flags.every((f) => f)) return true;
  if (flags.every((f) => !f)) return false;
  return null;
}

/** Range.format with font, fill, protection, borders: every assignment is one logged operation. */
