/** Range formatting, cell protection, conditional formats and data validation of the fake Excel API. */
import { intersects, sameBox, type Box } from "./address";
import { FakeOfficeError, SheetModel, type CfModel } from "./model";
import { ClientObject, Loader, bag, clone } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeRange, tri } from "./range";

export class FakeRangeFormat {
  private readonly cache = new Map<string, unknown>();
  private nav<T>(key: string, make: () => T): T {
    if (!this.cache.has(key)) this.cache.set(key, make());
    return this.cache.get(key) as T;
  }
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange
  ) {}
  private set(
    prop: string,
    value: unknown,
    version = "1.1",
    allow: "allowFormatCells" | "allowFormatColumns" | "allowFormatRows" = "allowFormatCells"
  ): void {
    const { sheet, box } = this.range;
    if (!sheet || !box) {
      this.context.op(`RangeFormat.${prop}`, () => {
        throw new FakeOfficeError("ItemNotFound", "null range");
      });
      return;
    }
    this.context.op(
      `RangeFormat.${prop}`,
      () => {
        this.context.book.assertCanFormat(sheet, allow);
        this.context.book.logFormat(sheet, box, prop, value);
      },
      version
    );
  }
  set wrapText(v: boolean) {
    this.set("wrapText", v);
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.set("verticalAlignment", v);
  }
  set columnWidth(v: number) {
    if (!(v >= 0 && v <= 255 * 7.5)) {
      this.context.op("RangeFormat.columnWidth", () => {
        throw new FakeOfficeError("InvalidArgument", `Bad column width ${v}`);
      });
      return;
    }
    this.set("columnWidth", v, "1.2", "allowFormatColumns");
  }
  set rowHeight(v: number) {
    this.set("rowHeight", v, "1.2", "allowFormatRows");
  }
  autofitRows(): void {
    this.set("autofitRows", true, "1.2", "allowFormatRows");
  }
  autofitColumns(): void {
    this.set("autofitColumns", true, "1.2", "allowFormatColumns");
  }
  get font(): Record<string, unknown> {
    return this.nav("font", () => {
      return this.sub("font", "1.1");
    });
  }
  get fill(): Record<string, unknown> {
    return this.nav("fill", () => {
      const s = this.sub("fill", "1.1");
      return new Proxy(s, {
        get: (t, p) => (p === "clear" ? () => this.set("fill.color", null) : Reflect.get(t, p)),
      });
    });
  }
  get protection(): FakeFormatProtection {
    return this.nav("protection", () => {
      return new FakeFormatProtection(this.context, this.range, (value) =>
        this.set("protection.locked", value, "1.2")
      );
    });
  }
  get borders(): Record<string, unknown> {
    return this.nav("borders", () => {
      return {
        getItem: (edge: string) => this.sub(`borders.${edge}`, "1.1"),
      };
    });
  }
  private sub(prefix: string, version: string): Record<string, unknown> {
    return bag({}, prefix, (path, value) => this.set(path, value, version));
  }
}

/** Range.format.protection: `locked` is loadable (null when mixed) and settable. */
export class FakeFormatProtection extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
    private readonly setLocked: (v: boolean) => void
  ) {
    super(context, range.sheet === null || range.box === null);
  }
  protected get typeName(): string {
    return "FormatProtection";
  }
  protected override get loadVersion(): string {
    return "1.2";
  }
  protected props(): Record<string, Loader> {
    return {
      locked: () => {
        const { sheet, box } = this.range;
        if (!sheet || !box) return null;
        const flags: boolean[] = [];
        for (let r = box.top; r <= Math.min(box.bottom, box.top + 2000); r += 1) {
          for (let c = box.left; c <= Math.min(box.right, box.left + 200); c += 1)
            flags.push(this.context.book.isLocked(sheet, r, c));
        }
        return tri(flags);
      },
      formulaHidden: () => false,
    };
  }
  get locked(): boolean | null {
    return this.read("locked");
  }
  set locked(v: boolean) {
    this.setLocked(v);
  }
}

// ---- conditional formats & validation ----------------------------------------------------------

export class FakeConditionalFormatCollection {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange
  ) {}
  add(type: string): Record<string, unknown> {
    const { sheet, box } = this.range;
    const cf: CfModel = { box: box ?? { top: 1, left: 1, bottom: 1, right: 1 }, type, props: {} };
    this.context.op(
      "ConditionalFormatCollection.add",
      () => {
        if (!sheet || !box) throw new FakeOfficeError("ItemNotFound", "null range");
        if (
          ![
            "Custom",
            "IconSet",
            "DataBar",
            "ColorScale",
            "CellValue",
            "TopBottom",
            "PresetCriteria",
            "ContainsText",
          ].includes(type)
        ) {
          throw new FakeOfficeError("InvalidArgument", `Bad conditional format type ${type}`);
        }
        this.context.book.assertCanFormat(sheet);
        // A new rule goes on top of the list (priority 0), as in Excel.
        sheet.cfs.unshift(cf);
      },
      "1.6"
    );
    const typeKey: Record<string, string> = {
      Custom: "custom",
      IconSet: "iconSet",
      DataBar: "dataBar",
      ColorScale: "colorScale",
      CellValue: "cellValue",
    };
    return bag(cf.props, "", (path, _v, apply) => {
      this.context.op(
        `ConditionalFormat.${path}`,
        () => {
          const root = path.split(".")[0];
          if (root !== "stopIfTrue" && root !== "priority" && root !== typeKey[type]) {
            throw new FakeOfficeError(
              "InvalidOperation",
              `Cannot set ${path} on a ${type} conditional format.`
            );
          }
          if (sheet) this.context.book.assertCanFormat(sheet);
          apply();
        },
        "1.6"
      );
    });
  }
  clearAll(): void {
    const { sheet, box } = this.range;
    this.context.op(
      "ConditionalFormatCollection.clearAll",
      () => {
        if (!sheet || !box) throw new FakeOfficeError("ItemNotFound", "null range");
        this.context.book.assertCanFormat(sheet);
        sheet.cfs = sheet.cfs.filter((cf) => !intersects(cf.box, box));
      },
      "1.6"
    );
  }
}

/**
 * A validation operand is read in the user's locale (Vietnamese Excel separates arguments with ";"):
 * a formula with "," between arguments, such as "=DATE(2024,1,1)", is not valid there. The documented
 * locale-free forms are a number, a Date, an ISO 8601 date string or a formula without separators.
 */
function checkOperand(v: unknown): void {
  if (typeof v !== "string" || !v.startsWith("=")) return;
  if (/,/.test(v.replace(/"(?:[^"]|"")*"/g, ""))) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `Validation formula "${v}" depends on the user's list separator; use an ISO 8601 date or a number.`
    );
  }
}

export class FakeDataValidation {
  constructor(
    private readonly context: FakeRequestContext,
    private readonly range: FakeRange
  ) {}
  private target(loc: string, f: (sheet: SheetModel, box: Box) => void): void {
    const { sheet, box } = this.range;
    this.context.op(
      loc,
      () => {
        if (!sheet || !box) throw new FakeOfficeError("ItemNotFound", "null range");
        this.context.book.assertCanFormat(sheet);
        f(sheet, box);
      },
      "1.8"
    );
  }
  private model(sheet: SheetModel, box: Box) {
    let dv = sheet.dvs.find((d) => sameBox(d.box, box));
    if (!dv) {
      if (sheet.dvs.some((d) => intersects(d.box, box))) {
        throw new FakeOfficeError(
          "InvalidOperation",
          "The range already has data validation: call dataValidation.clear() first."
        );
      }
      dv = { box: { ...box }, rule: null };
      sheet.dvs.push(dv);
    }
    return dv;
  }
  set rule(rule: unknown) {
    this.target("DataValidation.rule", (sheet, box) => {
      const r = rule as Record<string, unknown>;
      const kinds = Object.keys(r ?? {});
      if (
        kinds.length !== 1 ||
        !["list", "wholeNumber", "decimal", "date", "time", "textLength", "custom"].includes(
          kinds[0]
        )
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "A data validation rule needs exactly one criterion."
        );
      }
      const inner = r[kinds[0]] as Record<string, unknown>;
      if (kinds[0] === "list") {
        const src = inner.source;
        if (typeof src !== "string" || src.length === 0 || src.length > 255)
          throw new FakeOfficeError("InvalidArgument", "Bad list source.");
      } else if (
        kinds[0] !== "custom" &&
        (inner.operator === undefined || inner.formula1 === undefined)
      ) {
        throw new FakeOfficeError(
          "InvalidArgument",
          "A validation criterion needs an operator and formula1."
        );
      }
      if (kinds[0] !== "list") for (const k of ["formula1", "formula2"]) checkOperand(inner[k]);
      this.model(sheet, box).rule = clone(rule);
    });
  }
  set errorAlert(alert: unknown) {
    this.target("DataValidation.errorAlert", (sheet, box) => {
      this.model(sheet, box).errorAlert = clone(alert);
    });
  }
  set prompt(prompt: unknown) {
    this.target("DataValidation.prompt", (sheet, box) => {
      this.model(sheet, box).prompt = clone(prompt);
    });
  }
  set ignoreBlanks(v: boolean) {
    this.target("DataValidation.ignoreBlanks", (sheet, box) => {
      this.model(sheet, box).ignoreBlanks = v;
    });
  }
  clear(): void {
    this.target("DataValidation.clear", (sheet, box) => {
      sheet.dvs = sheet.dvs.filter((d) => !intersects(d.box, box));
    });
  }
}
