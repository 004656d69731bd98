/** Tables, their rows, columns and filters in the fake Excel API. */
import { intersects, type Box } from "./address";
import { FakeOfficeError, SheetModel, TableModel, type FilterCriteria, type Scalar } from "./model";
import { ClientCollection, ClientObject, Loader } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeRange } from "./range";
import { FakeWorksheet } from "./worksheet";

export class FakeTableCollection extends ClientCollection<FakeTable> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null,
    nullParent: boolean
  ) {
    super(context, nullParent);
  }
  protected get typeName(): string {
    return "TableCollection";
  }
  protected itemsNow(): FakeTable[] {
    const book = this.context.book;
    const list = this.sheet ? book.tablesOn(this.sheet) : book.tables;
    return list.map((t) => new FakeTable(this.context, t));
  }
  private find(key: string): TableModel | null {
    const t = this.context.book.table(key);
    if (!t || (this.sheet && t.sheet !== this.sheet)) return null;
    return t;
  }
  getItem(key: string): FakeTable {
    return new FakeTable(this.context, this.itemOrFail("table", key, this.find(key)));
  }
  getItemOrNullObject(key: string): FakeTable {
    return this.orNull(
      new FakeTable(
        this.context,
        this.itemOrNull(() => (this.isNull ? null : this.find(key)))
      )
    );
  }
  add(address: FakeRange | string, hasHeaders: boolean): FakeTable {
    let t: TableModel | null = null;
    this.context.op("TableCollection.add", () => {
      if (this.isNull) throw new FakeOfficeError("ItemNotFound", "null worksheet");
      const book = this.context.book;
      let sheet: SheetModel;
      let box: Box;
      if (address instanceof FakeRange) {
        if (!address.sheet || !address.box) throw new FakeOfficeError("ItemNotFound", "null range");
        sheet = address.sheet;
        box = address.box;
      } else {
        const r = book.resolve(address, this.sheet ?? undefined);
        sheet = r.sheet;
        box = r.box;
      }
      if (this.sheet && sheet !== this.sheet)
        throw new FakeOfficeError("InvalidArgument", "The address is on another sheet.");
      book.assertCanFormat(sheet);
      t = book.addTable(sheet, box, hasHeaders);
    });
    return new FakeTable(this.context, t);
  }
}

export class FakeTable extends ClientObject {
  constructor(
    context: FakeRequestContext,
    readonly model: TableModel | null
  ) {
    super(context, model === null);
  }
  protected get typeName(): string {
    return "Table";
  }
  private get m(): TableModel {
    return this.model as TableModel;
  }
  protected props(): Record<string, Loader> {
    return {
      name: () => this.m.name,
      id: () => this.m.id,
      style: () => this.m.style,
      showHeaders: () => true,
      showTotals: () => false,
      showFilterButton: () => this.m.showFilterButton,
      showBandedRows: () => this.m.showBandedRows,
    };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.opUnlessNull("Table.name", () => this.context.book.renameTable(this.m, v));
  }
  get style(): string {
    return this.read("style");
  }
  set style(v: string) {
    this.opUnlessNull("Table.style", () => {
      if (!/^TableStyle(Light|Medium|Dark)\d+$/.test(v))
        throw new FakeOfficeError("InvalidArgument", `Unknown table style ${v}`);
      this.m.style = v;
    });
  }
  set showFilterButton(v: boolean) {
    this.opUnlessNull(
      "Table.showFilterButton",
      () => {
        this.m.showFilterButton = v;
      },
      "1.3"
    );
  }
  set showBandedRows(v: boolean) {
    this.opUnlessNull(
      "Table.showBandedRows",
      () => {
        this.m.showBandedRows = v;
      },
      "1.3"
    );
  }
  get worksheet(): FakeWorksheet {
    return this.nav("worksheet", () => {
      this.context.op("Table.worksheet", () => undefined, "1.2");
      return new FakeWorksheet(this.context, this.model ? this.m.sheet : null);
    });
  }
  get columns(): FakeTableColumnCollection {
    return this.nav("columns", () => new FakeTableColumnCollection(this.context, this.model));
  }
  get rows(): FakeTableRowCollection {
    return this.nav("rows", () => new FakeTableRowCollection(this.context, this.model));
  }
  get sort(): { apply: (fields: { key: number; ascending?: boolean }[]) => void } {
    return {
      apply: (fields) => {
        this.opUnlessNull(
          "TableSort.apply",
          () => {
            this.context.book.assertCanFormat(this.m.sheet, "allowSort");
            const f = fields[0];
            this.context.book.sortTable(this.m, f.key, f.ascending !== false);
          },
          "1.2"
        );
      },
    };
  }
  private range(f: (t: TableModel) => Box): FakeRange {
    if (this.isNull) return new FakeRange(this.context, null, null);
    return new FakeRange(this.context, this.m.sheet, f(this.m));
  }
  getRange(): FakeRange {
    return this.range((t) => t.box);
  }
  getHeaderRowRange(): FakeRange {
    return this.range((t) => t.headerBox);
  }
  getDataBodyRange(): FakeRange {
    return this.range((t) => t.bodyBox);
  }
  clearFilters(): void {
    this.opUnlessNull(
      "Table.clearFilters",
      () => {
        this.m.filters.clear();
        this.context.book.applyFilters(this.m);
      },
      "1.2"
    );
  }
  reapplyFilters(): void {
    this.opUnlessNull("Table.reapplyFilters", () => this.context.book.applyFilters(this.m), "1.2");
  }
  convertToRange(): FakeRange {
    const r = this.getRange();
    if (this.isNull) {
      this.fail("Table.convertToRange");
      return r;
    }
    this.context.op(
      "Table.convertToRange",
      () => {
        this.context.book.assertCanFormat(this.m.sheet);
        this.context.book.convertTableToRange(this.m);
      },
      "1.2"
    );
    return r;
  }
  delete(): void {
    this.opUnlessNull("Table.delete", () => {
      this.context.book.assertCanFormat(this.m.sheet);
      this.context.book.deleteTable(this.m);
    });
  }
  resize(address: FakeRange | string): void {
    this.opUnlessNull(
      "Table.resize",
      () => {
        const box =
          address instanceof FakeRange
            ? address.box
            : this.context.book.resolve(address, this.m.sheet).box;
        if (!box || box.top !== this.m.box.top || !intersects(box, this.m.box))
          throw new FakeOfficeError("InvalidArgument", "Bad resize range");
        this.m.box = { ...box };
      },
      "1.13"
    );
  }
}

export class FakeTableRowCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly table: TableModel | null
  ) {
    super(context, table === null);
  }
  protected get typeName(): string {
    return "TableRowCollection";
  }
  protected props(): Record<string, Loader> {
    return { count: () => (this.table ? this.table.box.bottom - this.table.box.top : 0) };
  }
  get count(): number {
    return this.read("count");
  }
}

export class FakeTableColumnCollection extends ClientCollection<FakeTableColumn> {
  constructor(
    context: FakeRequestContext,
    private readonly table: TableModel | null
  ) {
    super(context, table === null);
  }
  protected get typeName(): string {
    return "TableColumnCollection";
  }
  protected itemsNow(): FakeTableColumn[] {
    if (!this.table) return [];
    const t = this.table;
    return this.context.book
      .tableHeaders(t)
      .map((_h, i) => new FakeTableColumn(this.context, t, i));
  }
  private indexOf(key: string | number): number {
    if (!this.table) return -1;
    const headers = this.context.book.tableHeaders(this.table);
    if (typeof key === "number") return key >= 0 && key < headers.length ? key : -1;
    return headers.findIndex((h) => h.toLowerCase() === String(key).toLowerCase());
  }
  private column(i: number | null): FakeTableColumn {
    return new FakeTableColumn(this.context, i === null ? null : this.table, i ?? -1);
  }
  private found(key: string | number): number | null {
    const i = this.indexOf(key);
    return i < 0 ? null : i;
  }
  getItem(key: string | number): FakeTableColumn {
    return this.column(this.itemOrFail("column", key, this.found(key)));
  }
  getItemOrNullObject(key: string | number): FakeTableColumn {
    return this.orNull(this.column(this.itemOrNull(() => this.found(key))));
  }
  getItemAt(index: number): FakeTableColumn {
    return this.getItem(index);
  }
}

export class FakeTableColumn extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly table: TableModel | null,
    private readonly offset: number
  ) {
    super(context, table === null);
  }
  protected get typeName(): string {
    return "TableColumn";
  }
  private get t(): TableModel {
    return this.table as TableModel;
  }
  protected props(): Record<string, Loader> {
    const book = this.context.book;
    return {
      name: () => book.tableHeaders(this.t)[this.offset],
      index: () => this.offset,
      id: () => this.offset + 1,
      values: () => {
        const out: Scalar[][] = [];
        for (let r = this.t.box.top; r <= this.t.box.bottom; r += 1)
          out.push([book.valueAt(this.t.sheet, r, this.t.box.left + this.offset)]);
        return out;
      },
    };
  }
  get name(): string {
    return this.read("name");
  }
  get index(): number {
    return this.read("index");
  }
  get values(): Scalar[][] {
    return this.read("values");
  }
  private colBox(part: "body" | "header" | "all"): Box {
    const t = this.t;
    const col = t.box.left + this.offset;
    const top = part === "body" ? t.box.top + 1 : t.box.top;
    const bottom = part === "header" ? t.box.top : t.box.bottom;
    return { top, bottom, left: col, right: col };
  }
  getDataBodyRange(): FakeRange {
    return this.table
      ? new FakeRange(this.context, this.t.sheet, this.colBox("body"))
      : new FakeRange(this.context, null, null);
  }
  getHeaderRowRange(): FakeRange {
    return this.table
      ? new FakeRange(this.context, this.t.sheet, this.colBox("header"))
      : new FakeRange(this.context, null, null);
  }
  getRange(): FakeRange {
    return this.table
      ? new FakeRange(this.context, this.t.sheet, this.colBox("all"))
      : new FakeRange(this.context, null, null);
  }
  get filter(): FakeFilter {
    return this.nav("filter", () => new FakeFilter(this.context, this.table, this.offset));
  }
}

export class FakeFilter extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly table: TableModel | null,
    private readonly offset: number
  ) {
    super(context, table === null);
  }
  protected get typeName(): string {
    return "Filter";
  }
  protected override get loadVersion(): string {
    return "1.2";
  }
  protected props(): Record<string, Loader> {
    return {
      criteria: () =>
        this.table?.filters.get(this.offset)
          ? { ...this.table.filters.get(this.offset) }
          : { filterOn: "Custom" },
    };
  }
  get criteria(): FilterCriteria {
    return this.read("criteria");
  }
  private set(loc: string, crit: FilterCriteria | null): void {
    if (!this.table) {
      this.fail(loc);
      return;
    }
    const t = this.table;
    this.context.op(
      loc,
      () => {
        this.context.book.assertCanFormat(t.sheet, "allowAutoFilter");
        if (crit) t.filters.set(this.offset, crit);
        else t.filters.delete(this.offset);
        this.context.book.applyFilters(t);
      },
      "1.2"
    );
  }
  applyCustomFilter(criteria1: string, criteria2?: string, oper?: "And" | "Or"): void {
    if (typeof criteria1 !== "string" || criteria1.length > 255) {
      this.context.op("Filter.applyCustomFilter", () => {
        throw new FakeOfficeError("InvalidArgument", "Bad filter criterion.");
      });
      return;
    }
    this.set("Filter.applyCustomFilter", {
      filterOn: "Custom",
      criterion1: criteria1,
      criterion2: criteria2,
      operator: oper,
    });
  }
  applyValuesFilter(values: string[]): void {
    this.set("Filter.applyValuesFilter", { filterOn: "Values", values: [...values] });
  }
  apply(criteria: {
    filterOn: string;
    criterion1?: string;
    criterion2?: string;
    operator?: "And" | "Or";
    values?: string[];
  }): void {
    this.set("Filter.apply", { ...(criteria as FilterCriteria) });
  }
  clear(): void {
    this.set("Filter.clear", null);
  }
}
