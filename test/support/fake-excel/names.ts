/** Defined names of the fake Excel API. */
import { type Box } from "./address";
import { checkDefinedName, FakeOfficeError, NameModel, SheetModel } from "./model";
import { ClientCollection, ClientObject, Loader } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeRange } from "./range";

export class FakeNamedItemCollection extends ClientCollection<FakeNamedItem> {
  constructor(context: FakeRequestContext) {
    super(context, false);
  }
  protected get typeName(): string {
    return "NamedItemCollection";
  }
  protected itemsNow(): FakeNamedItem[] {
    return this.context.book.names.map((n) => new FakeNamedItem(this.context, n));
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      this.itemOrFail("name", name, this.context.book.name(name))
    );
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return this.orNull(
      new FakeNamedItem(
        this.context,
        this.itemOrNull(() => this.context.book.name(name))
      )
    );
  }
  add(name: string, reference: FakeRange | string, comment?: string): FakeNamedItem {
    let model: NameModel | null = null;
    this.context.op(
      "NamedItemCollection.add",
      () => {
        const book = this.context.book;
        checkDefinedName(name);
        if (book.name(name) || book.table(name))
          throw new FakeOfficeError("ItemAlreadyExists", `The name "${name}" already exists.`);
        if (reference instanceof FakeRange) {
          if (!reference.sheet || !reference.box)
            throw new FakeOfficeError("ItemNotFound", "null range");
          model = new NameModel(name, reference.sheet, { ...reference.box }, null, comment ?? "");
        } else {
          let resolved: { sheet: SheetModel; box: Box } | null = null;
          try {
            resolved = book.resolve(reference);
          } catch {
            resolved = null;
          }
          model = resolved
            ? new NameModel(name, resolved.sheet, resolved.box, null, comment ?? "")
            : new NameModel(name, null, null, reference, comment ?? "");
        }
        book.names.push(model);
      },
      "1.4"
    );
    return new FakeNamedItem(this.context, model);
  }
}

export class FakeNamedItem extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly model: NameModel | null
  ) {
    super(context, model === null);
  }
  protected get typeName(): string {
    return "NamedItem";
  }
  private get m(): NameModel {
    return this.model as NameModel;
  }
  protected props(): Record<string, Loader> {
    const book = this.context.book;
    return {
      name: () => this.m.name,
      type: () =>
        this.m.box
          ? this.m.sheet && book.sheets.includes(this.m.sheet)
            ? "Range"
            : "Error"
          : "String",
      value: () => this.m.formula(book).replace(/^=/, ""),
      formula: () => this.m.formula(book),
      comment: () => this.m.comment,
      visible: () => this.m.visible,
      scope: () => "Workbook",
    };
  }
  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get value(): string {
    return this.read("value");
  }
  get formula(): string {
    return this.read("formula");
  }
  get comment(): string {
    return this.read("comment");
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    this.opUnlessNull("NamedItem.visible", () => {
      this.m.visible = v;
    });
  }
  getRange(): FakeRange {
    const ok =
      this.model && this.m.box && this.m.sheet && this.context.book.sheets.includes(this.m.sheet);
    if (!ok) {
      this.context.op("NamedItem.getRange", () => {
        throw new FakeOfficeError("InvalidReference", "The name does not refer to a range.");
      });
      return new FakeRange(this.context, null, null);
    }
    return new FakeRange(this.context, this.m.sheet, this.m.box);
  }
  getRangeOrNullObject(): FakeRange {
    let sheet: SheetModel | null = null;
    let box: Box | null = null;
    this.context.op(
      "NamedItem.getRangeOrNullObject",
      () => {
        if (
          this.model &&
          this.m.box &&
          this.m.sheet &&
          this.context.book.sheets.includes(this.m.sheet)
        ) {
          sheet = this.m.sheet;
          box = this.m.box;
        }
      },
      "1.4"
    );
    return this.orNull(new FakeRange(this.context, sheet, box));
  }
  delete(): void {
    this.opUnlessNull(
      "NamedItem.delete",
      () => {
        this.context.book.names = this.context.book.names.filter((n) => n !== this.model);
      },
      "1.4"
    );
  }
}
