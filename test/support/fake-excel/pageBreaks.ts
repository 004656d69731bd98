/**
 * Worksheet.horizontalPageBreaks of the fake Excel API (Excel.PageBreakCollection, ExcelApi 1.9):
 * the sheet's manual page breaks only. `add(range)` breaks before the top-left cell of the range,
 * `removePageBreaks()` resets every manual break, `getCount()` counts them. As for the other print
 * set-up (PageLayout), a protected sheet refuses the change.
 */
import { FakeOfficeError, type SheetModel } from "./model";
import { ClientObject, type Loader } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeRange } from "./range";

const VERSION = "1.9";

/** What getCount() returns: readable after the next sync, as Office.js's ClientResult. */
export class FakeClientResult<T> {
  private ready = false;
  private v: T | undefined;
  set(v: T): void {
    this.v = v;
  }
  markReady(): void {
    this.ready = true;
  }
  get value(): T {
    if (!this.ready)
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        'The value of the result object has not been loaded yet. Before reading the value property, call "context.sync()" on the associated request context.'
      );
    return this.v as T;
  }
}

export class FakePageBreakCollection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null
  ) {
    super(context, sheet === null);
  }
  protected get typeName(): string {
    return "PageBreakCollection";
  }
  protected override get loadVersion(): string {
    return VERSION;
  }
  protected props(): Record<string, Loader> {
    return {};
  }
  add(pageBreakRange: FakeRange | string): void {
    const sheet = this.sheet;
    this.opUnlessNull(
      "PageBreakCollection.add",
      () => {
        const box =
          pageBreakRange instanceof FakeRange
            ? pageBreakRange.box
            : this.context.book.resolve(String(pageBreakRange), sheet!).box;
        if (!box) throw new FakeOfficeError("InvalidArgument", "The page break range is empty.");
        if (pageBreakRange instanceof FakeRange && pageBreakRange.sheet !== sheet)
          throw new FakeOfficeError(
            "InvalidArgument",
            "The page break range must be on this worksheet."
          );
        // A break above the first row is no break: Excel has no page before row 1.
        if (box.top <= 1)
          throw new FakeOfficeError("InvalidArgument", "No page break can precede row 1.");
        this.context.book.assertCanFormat(sheet!);
        sheet!.rowBreaks.add(box.top);
      },
      VERSION
    );
  }
  removePageBreaks(): void {
    const sheet = this.sheet;
    this.opUnlessNull(
      "PageBreakCollection.removePageBreaks",
      () => {
        this.context.book.assertCanFormat(sheet!);
        sheet!.rowBreaks.clear();
      },
      VERSION
    );
  }
  getCount(): FakeClientResult<number> {
    const result = new FakeClientResult<number>();
    const sheet = this.sheet;
    this.context.queueLoad(VERSION, () => {
      if (!sheet) throw new FakeOfficeError("ItemNotFound", "The worksheet does not exist.");
      result.set(sheet.rowBreaks.size);
      return () => result.markReady();
    });
    return result;
  }
}
