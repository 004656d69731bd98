/** Workbook, application, worksheets, sheet protection and freeze panes of the fake Excel API. */
import { boxAddress, MAX_COLUMNS, MAX_ROWS, type Box } from "./address";
import { FakeOfficeError, SheetModel } from "./model";
import { FakeChartCollection } from "./charts";
import { ClientCollection, ClientObject, Loader, bag } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeNamedItemCollection } from "./names";
import { FakePageBreakCollection } from "./pageBreaks";
import { FakeRange } from "./range";
import { FakeTableCollection } from "./table";

export class FakeWorkbook extends ClientObject {
  constructor(context: FakeRequestContext) {
    super(context, false);
  }
  protected get typeName(): string {
    return "Workbook";
  }
  protected props(): Record<string, Loader> {
    return { name: () => "Book1.xlsx" };
  }
  get worksheets(): FakeWorksheetCollection {
    return this.nav("worksheets", () => new FakeWorksheetCollection(this.context));
  }
  get tables(): FakeTableCollection {
    return this.nav("tables", () => new FakeTableCollection(this.context, null, false));
  }
  get names(): FakeNamedItemCollection {
    return this.nav("names", () => new FakeNamedItemCollection(this.context));
  }
  get application(): FakeApplication {
    return this.nav("application", () => new FakeApplication(this.context));
  }
  /** The single selected range (ExcelApi 1.1); by default A1 of the active sheet. */
  getSelectedRange(): FakeRange {
    const book = this.context.book;
    const sel = book.selection ?? {
      sheet: book.activeSheet,
      box: { top: 1, left: 1, bottom: 1, right: 1 },
    };
    return new FakeRange(this.context, sel.sheet, sel.box);
  }
}

export class FakeApplication extends ClientObject {
  constructor(context: FakeRequestContext) {
    super(context, false);
  }
  protected get typeName(): string {
    return "Application";
  }
  protected props(): Record<string, Loader> {
    return { calculationMode: () => this.context.book.calculationMode };
  }
  get calculationMode(): string {
    return this.read("calculationMode");
  }
  calculate(type: string): void {
    this.context.op("Application.calculate", () => {
      if (!["Recalculate", "Full", "FullRebuild"].includes(type))
        throw new FakeOfficeError("InvalidArgument", `Bad calculation type ${type}`);
      this.context.book.version += 1;
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.op("Application.suspendApiCalculationUntilNextSync", () => undefined, "1.6");
  }
}

export class FakeWorksheetCollection extends ClientCollection<FakeWorksheet> {
  constructor(context: FakeRequestContext) {
    super(context, false);
  }
  protected get typeName(): string {
    return "WorksheetCollection";
  }
  protected itemsNow(): FakeWorksheet[] {
    return this.context.book.sheets.map((s) => new FakeWorksheet(this.context, s));
  }
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      this.itemOrFail("sheet", key, this.context.book.sheet(key))
    );
  }
  getItemOrNullObject(key: string): FakeWorksheet {
    return this.orNull(
      new FakeWorksheet(
        this.context,
        this.itemOrNull(() => this.context.book.sheet(key))
      )
    );
  }
  add(name?: string): FakeWorksheet {
    let s: SheetModel | null = null;
    this.context.op("WorksheetCollection.add", () => {
      s = this.context.book.addSheet(name);
    });
    return new FakeWorksheet(this.context, s);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.context, this.context.book.activeSheet);
  }
}

export class FakeWorksheet extends ClientObject {
  constructor(
    context: FakeRequestContext,
    readonly model: SheetModel | null
  ) {
    super(context, model === null);
  }
  protected get typeName(): string {
    return "Worksheet";
  }
  private get m(): SheetModel {
    return this.model as SheetModel;
  }
  protected props(): Record<string, Loader> {
    return {
      name: () => this.m.name,
      id: () => this.m.id,
      position: () => this.context.book.sheets.indexOf(this.m),
      visibility: () => this.m.visibility,
      tabColor: () => this.m.tabColor,
    };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.opUnlessNull("Worksheet.name", () => this.context.book.renameSheet(this.m, v));
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  set position(p: number) {
    this.opUnlessNull("Worksheet.position", () => {
      const book = this.context.book;
      book.sheets = book.sheets.filter((s) => s !== this.m);
      book.sheets.splice(Math.max(0, Math.min(p, book.sheets.length)), 0, this.m);
    });
  }
  get visibility(): string {
    return this.read("visibility");
  }
  /** ExcelApi 1.1; Excel refuses to hide the last visible sheet. */
  set visibility(v: string) {
    this.opUnlessNull("Worksheet.visibility", () => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(v))
        throw new FakeOfficeError("InvalidArgument", `Bad visibility ${v}`);
      const others = this.context.book.sheets.filter((s) => s !== this.m);
      if (v !== "Visible" && !others.some((s) => s.visibility === "Visible"))
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep one visible sheet.");
      this.m.visibility = v;
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(c: string) {
    this.opUnlessNull(
      "Worksheet.tabColor",
      () => {
        this.m.tabColor = c;
      },
      "1.7"
    );
  }
  getRange(address?: string): FakeRange {
    if (this.isNull) return new FakeRange(this.context, null, null);
    let box: Box = { top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLUMNS };
    if (address !== undefined) {
      try {
        box = this.context.book.resolve(address, this.m).box;
      } catch (e) {
        this.context.op("Worksheet.getRange", () => {
          throw e;
        });
        return new FakeRange(this.context, null, null);
      }
    }
    return new FakeRange(this.context, this.m, box);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.context.op("Worksheet.getRangeByIndexes", () => undefined, "1.7");
    return new FakeRange(this.context, this.model, {
      top: row + 1,
      left: col + 1,
      bottom: row + rows,
      right: col + cols,
    });
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.context, this.model, {
      top: row + 1,
      left: col + 1,
      bottom: row + 1,
      right: col + 1,
    });
  }
  /** ExcelApi 1.1: on an empty sheet Excel returns cell A1. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    if (this.isNull) return new FakeRange(this.context, null, null);
    const box = this.context.book.usedBox(this.m) ?? { top: 1, left: 1, bottom: 1, right: 1 };
    return new FakeRange(this.context, this.model, box);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    void valuesOnly;
    let box: Box | null = null;
    this.context.op(
      "Worksheet.getUsedRangeOrNullObject",
      () => {
        box = this.model ? this.context.book.usedBox(this.m) : null;
      },
      "1.4"
    );
    return this.orNull(new FakeRange(this.context, box ? this.model : null, box));
  }
  get tables(): FakeTableCollection {
    return this.nav("tables", () => new FakeTableCollection(this.context, this.model, this.isNull));
  }
  get charts(): FakeChartCollection {
    return this.nav("charts", () => new FakeChartCollection(this.context, this.model));
  }
  get protection(): FakeWorksheetProtection {
    return this.nav("protection", () => new FakeWorksheetProtection(this.context, this.model));
  }
  get freezePanes(): FakeFreezePanes {
    return this.nav("freezePanes", () => new FakeFreezePanes(this.context, this.model));
  }
  get horizontalPageBreaks(): FakePageBreakCollection {
    return this.nav("hBreaks", () => new FakePageBreakCollection(this.context, this.model));
  }
  get pageLayout(): Record<string, unknown> {
    return this.nav("pageLayout", () => this.makePageLayout());
  }
  private makePageLayout(): Record<string, unknown> {
    const sheet = this.model;
    const ctx = this.context;
    const record = sheet ? sheet.page : {};
    return bag(
      record,
      "",
      (path, _v, apply) => {
        if (!sheet) {
          this.fail(`PageLayout.${path}`);
          return;
        }
        ctx.op(
          `PageLayout.${path}`,
          () => {
            ctx.book.assertCanFormat(sheet);
            apply();
          },
          "1.9"
        );
      },
      {
        setPrintArea: (area: unknown) => {
          if (!sheet) {
            this.fail("PageLayout.setPrintArea");
            return;
          }
          ctx.op(
            "PageLayout.setPrintArea",
            () => {
              const addr = area instanceof FakeRange ? area.localAddress() : String(area);
              const { box } = ctx.book.resolve(addr, sheet);
              sheet.page.printArea = boxAddress(box);
            },
            "1.9"
          );
        },
        setPrintTitleRows: (rows: unknown) => {
          if (!sheet) {
            this.fail("PageLayout.setPrintTitleRows");
            return;
          }
          ctx.op(
            "PageLayout.setPrintTitleRows",
            () => {
              const addr = rows instanceof FakeRange ? rows.localAddress() : String(rows);
              const { box } = ctx.book.resolve(addr, sheet);
              if (box.left !== 1 || box.right !== MAX_COLUMNS)
                throw new FakeOfficeError(
                  "InvalidArgument",
                  `Print title rows must be whole rows, got ${addr}`
                );
              sheet.printTitleRows = boxAddress(box, true);
            },
            "1.9"
          );
        },
      }
    );
  }
  activate(): void {
    this.context.op("Worksheet.activate", () => {
      this.context.book.activeSheet = this.m;
    });
  }
  delete(): void {
    this.opUnlessNull("Worksheet.delete", () => this.context.book.deleteSheet(this.m));
  }
}

export class FakeWorksheetProtection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null
  ) {
    super(context, sheet === null);
  }
  protected get typeName(): string {
    return "WorksheetProtection";
  }
  protected override get loadVersion(): string {
    return "1.2";
  }
  protected props(): Record<string, Loader> {
    return {
      protected: () => this.sheet?.protection.protected,
      options: () => ({ ...this.sheet?.protection.options }),
    };
  }
  get protected(): boolean {
    return this.read("protected");
  }
  get options(): Record<string, boolean> {
    return this.read("options");
  }
  protect(options?: Record<string, boolean>, password?: string): void {
    if (!this.sheet) {
      this.fail("WorksheetProtection.protect");
      return;
    }
    const sheet = this.sheet;
    this.context.op(
      "WorksheetProtection.protect",
      () => {
        if (sheet.protection.protected)
          throw new FakeOfficeError("InvalidOperation", "The worksheet is already protected.");
        sheet.protection = { protected: true, options: { ...(options ?? {}) }, password };
      },
      password === undefined ? "1.2" : "1.7"
    );
  }
  unprotect(password?: string): void {
    if (!this.sheet) {
      this.fail("WorksheetProtection.unprotect");
      return;
    }
    const sheet = this.sheet;
    this.context.op(
      "WorksheetProtection.unprotect",
      () => {
        if (!sheet.protection.protected) return;
        if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
          throw new FakeOfficeError("InvalidArgument", "The password you supplied is not correct.");
        }
        sheet.protection = { protected: false, options: {} };
      },
      password === undefined ? "1.2" : "1.7"
    );
  }
}

export class FakeFreezePanes extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null
  ) {
    super(context, sheet === null);
  }
  protected get typeName(): string {
    return "WorksheetFreezePanes";
  }
  protected props(): Record<string, Loader> {
    return {};
  }
  private set(loc: string, freeze: { rows: number; columns: number } | null): void {
    if (!this.sheet) {
      this.fail(loc);
      return;
    }
    const sheet = this.sheet;
    this.context.op(
      loc,
      () => {
        sheet.freeze = freeze;
      },
      "1.7"
    );
  }
  freezeRows(count = 1): void {
    this.set("WorksheetFreezePanes.freezeRows", { rows: count, columns: 0 });
  }
  freezeColumns(count = 1): void {
    this.set("WorksheetFreezePanes.freezeColumns", { rows: 0, columns: count });
  }
  freezeAt(range: FakeRange | string): void {
    if (!this.sheet) {
      this.fail("WorksheetFreezePanes.freezeAt");
      return;
    }
    const box =
      range instanceof FakeRange ? range.box : this.context.book.resolve(range, this.sheet).box;
    if (!box) {
      this.fail("WorksheetFreezePanes.freezeAt");
      return;
    }
    const rows =
      box.left === 1 && box.right === MAX_COLUMNS
        ? box.bottom
        : box.top === 1 && box.bottom === MAX_ROWS
          ? 0
          : box.bottom;
    const columns =
      box.top === 1 && box.bottom === MAX_ROWS
        ? box.right
        : box.left === 1 && box.right === MAX_COLUMNS
          ? 0
          : box.right;
    this.set("WorksheetFreezePanes.freezeAt", { rows, columns });
  }
  unfreeze(): void {
    this.set("WorksheetFreezePanes.unfreeze", null);
  }
}
