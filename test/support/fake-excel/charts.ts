/** Charts of the fake Excel API. */
import { FakeOfficeError, SheetModel, type ChartModel } from "./model";
import { ClientCollection, ClientObject, Loader, bag } from "./client";
import type { FakeRequestContext } from "./context";
import { FakeRange } from "./range";

export class FakeChartCollection extends ClientCollection<FakeChart> {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null
  ) {
    super(context, sheet === null);
  }
  protected get typeName(): string {
    return "ChartCollection";
  }
  protected itemsNow(): FakeChart[] {
    return (this.sheet?.charts ?? []).map((c) => new FakeChart(this.context, this.sheet, c));
  }
  add(type: string, sourceData: FakeRange, seriesBy = "Auto"): FakeChart {
    let model: ChartModel | null = null;
    this.context.op("ChartCollection.add", () => {
      if (!this.sheet || !sourceData.box)
        throw new FakeOfficeError("ItemNotFound", "null sheet or range");
      this.context.book.assertCanFormat(this.sheet);
      const sheet = this.sheet;
      let i = sheet.charts.length + 1;
      while (sheet.charts.some((c) => c.name === `Chart ${i}`)) i += 1;
      model = {
        name: `Chart ${i}`,
        type,
        source: { ...sourceData.box },
        seriesBy,
        props: {},
        series: [{ props: {} }],
      };
      sheet.charts.push(model);
    });
    return new FakeChart(this.context, this.sheet, model);
  }
  getItemOrNullObject(name: string): FakeChart {
    return this.orNull(
      new FakeChart(
        this.context,
        this.sheet,
        this.itemOrNull(() => this.sheet?.charts.find((c) => c.name === name))
      )
    );
  }
  /** How office.js addresses an item of a loaded collection when Excel gave it no id. */
  getItemAt(index: number): FakeChart {
    const model = this.sheet?.charts[index] ?? null;
    return new FakeChart(this.context, this.sheet, this.itemOrFail("chart", index, model));
  }
}

export class FakeChart extends ClientObject {
  constructor(
    context: FakeRequestContext,
    private readonly sheet: SheetModel | null,
    private readonly model: ChartModel | null
  ) {
    super(context, model === null);
  }
  protected get typeName(): string {
    return "Chart";
  }
  protected props(): Record<string, Loader> {
    return { name: () => this.model?.name };
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    if (!this.model) {
      this.fail("Chart.name");
      return;
    }
    const m = this.model;
    this.context.op("Chart.name", () => {
      m.name = v;
    });
  }
  private record(path: string, apply: () => void, version = "1.1"): void {
    if (!this.model) {
      this.fail(`Chart.${path}`);
      return;
    }
    const sheet = this.sheet;
    this.context.op(
      `Chart.${path}`,
      () => {
        if (sheet) this.context.book.assertCanFormat(sheet);
        apply();
      },
      version
    );
  }
  get title(): Record<string, unknown> {
    return bag(this.model?.props ?? {}, "title", (path, _v, apply) => this.record(path, apply));
  }
  get legend(): Record<string, unknown> {
    return bag(this.model?.props ?? {}, "legend", (path, _v, apply) => this.record(path, apply));
  }
  get axes(): Record<string, unknown> {
    return bag(this.model?.props ?? {}, "axes", (path, _v, apply) =>
      this.record(path, apply, "1.1")
    );
  }
  get dataLabels(): Record<string, unknown> {
    return bag(this.model?.props ?? {}, "dataLabels", (path, _v, apply) =>
      this.record(path, apply)
    );
  }
  get series(): { getItemAt: (i: number) => Record<string, unknown> } {
    return {
      getItemAt: (i: number) => {
        const s = this.model?.series[i];
        const props = s?.props ?? {};
        return bag(props, "", (path, _v, apply) => this.record(`series.${path}`, apply), {
          setXAxisValues: (r: unknown) =>
            this.record(
              "series.setXAxisValues",
              () => {
                if (s) s.xValues = r instanceof FakeRange ? r.localAddress() : String(r);
              },
              "1.7"
            ),
          setValues: (r: unknown) =>
            this.record(
              "series.setValues",
              () => {
                if (s) s.values = r instanceof FakeRange ? r.localAddress() : String(r);
              },
              "1.7"
            ),
        });
      },
    };
  }
  setPosition(start: FakeRange | string, end?: FakeRange | string): void {
    const a = (x: FakeRange | string) => (x instanceof FakeRange ? x.localAddress() : x);
    this.record("setPosition", () => {
      if (this.model)
        this.model.position = { start: a(start), end: end === undefined ? undefined : a(end) };
    });
  }
  delete(): void {
    const m = this.model;
    this.record("delete", () => {
      if (this.sheet) this.sheet.charts = this.sheet.charts.filter((c) => c !== m);
    });
  }
}
