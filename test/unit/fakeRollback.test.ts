/**
 * The fake's restore point: Office.js applies nothing of a batch that is never synced, while the fake
 * applies operations at once and undoes them (cells through CellStore's journal). What was synced
 * before the failure stays.
 */
import { createFakeExcel, type FakeExcel, type FakeRequestContext } from "../support/fakeExcel";

type Ctx = FakeRequestContext;

async function seeded(): Promise<FakeExcel> {
  const fake = createFakeExcel();
  await fake.run(async (context: Ctx) => {
    const ws = context.workbook.worksheets.add("S");
    ws.getRange("A1:C2").formulas = [
      [1, "x", "=A1*2"],
      ["'2.10", "", "y"],
    ];
    ws.getRange("A1:B1").numberFormat = [["0.00", "@"]];
    await context.sync();
  });
  return fake;
}

async function failing(fake: FakeExcel, batch: (context: Ctx) => Promise<void>): Promise<void> {
  await expect(
    fake.run(async (context: Ctx) => {
      await batch(context);
      throw new Error("the batch function failed");
    })
  ).rejects.toThrow("the batch function failed");
}

test("cells, number formats and cleared cells of an unsynced batch are put back", async () => {
  const fake = await seeded();
  const before = fake.snapshot();
  await failing(fake, async (context) => {
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("A1:C3").formulas = [
      [5, "changed", "=A1*3"],
      ["new", "b2", ""],
      ["row 3", 7, "=B3"],
    ];
    ws.getRange("A2:B2").numberFormat = [["0%", "dd/mm/yyyy"]];
    ws.getRange("A1:B1").clear("Formats");
    ws.getRange("C2").clear("Contents");
  });
  expect(fake.snapshot()).toBe(before);
  expect(fake.cell("S", "A2")).toBe("2.10");
  expect(fake.numberFormat("S", "A1")).toBe("0.00");
});

test("a number format set or cleared on cells the batch did not write is put back", async () => {
  const fake = await seeded();
  const before = fake.snapshot();
  await failing(fake, async (context) => {
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("C1:C2").numberFormat = [["0%"], ["dd/mm/yyyy"]];
    ws.getRange("B1").clear("Formats");
  });
  expect(fake.snapshot()).toBe(before);
  expect(fake.numberFormat("S", "B1")).toBe("@");
});

test("what a batch synced before failing stays; only the unsynced rest is undone", async () => {
  const fake = await seeded();
  await failing(fake, async (context) => {
    const ws = context.workbook.worksheets.getItem("S");
    ws.getRange("A1").values = [[10]];
    await context.sync();
    ws.getRange("A1").values = [[20]];
    ws.getRange("D4").values = [["new"]];
  });
  expect(fake.cell("S", "A1")).toBe(10);
  expect(fake.cell("S", "D4")).toBe("");
});

test("a later successful batch is not undone by an earlier batch's restore point", async () => {
  const fake = await seeded();
  await fake.run(async (context: Ctx) => {
    context.workbook.worksheets.getItem("S").getRange("B2").values = [["kept"]];
    await context.sync();
  });
  await failing(fake, async (context) => {
    context.workbook.worksheets.getItem("S").getRange("B2").values = [["lost"]];
  });
  expect(fake.cell("S", "B2")).toBe("kept");
});
