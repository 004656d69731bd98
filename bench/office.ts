import { createFakeExcel, type FakeExcel } from "../test/support/fakeExcel";
import { builderFor, depsOf, syntheticPlan } from "../test/support/officeHarness";
import { createOrUpdate, refresh, type LayoutBuilder } from "../src/render/office/actions";
import { emptyUserInput } from "../src/layouts/userInput";
import { createOfficeJsClient } from "../test/support/officeJsClient";
import { buildWorkbook } from "../src/layouts/workbook";
import { toFormulaGrid } from "../src/render/office/cells";
import { columnLetters as colToLetters, parseCell } from "../src/layouts/a1";
import { getPlan } from "../src/plan";
import { timeMsAsync } from "./timing";

/**
 * Office.js round trips and the add-in's own CPU time per action, against the in-memory Excel fake
 * that enforces load/sync semantics. The baseline is the naive renderer every add-in starts with:
 * one write and one context.sync() per row.
 */
export interface OfficeFigures {
  scale: number;
  tasks: number;
  createSyncs: number;
  updateSyncs: number;
  refreshSyncs: number;
  naiveSyncs: number;
  createMs: number;
  updateMs: number;
  refreshMs: number;
  /** Create plus the empty-layout build the previous version did first to learn the names. */
  doubleBuildCreateMs: number;
  /** Through the real office.js client (test/support/officeJsClient.ts). */
  client: {
    createWaiting: number;
    updateWaiting: number;
    refreshWaiting: number;
    cleanupRequests: number;
    updateRequestBytes: number;
    updateResponseBytes: number;
    largestRequestBytes: number;
  };
}

/** Round trips and bytes of create, update and refresh as the real office.js client sends them. */
async function measureClient(build: LayoutBuilder): Promise<OfficeFigures["client"]> {
  const client = createOfficeJsClient(createFakeExcel());
  const deps = { run: client.run, isSetSupported: client.isSetSupported };
  const check = (r: { ok: boolean; message: string }) => {
    if (!r.ok) throw new Error(`through the office.js client: ${r.message}`);
  };
  check(await createOrUpdate(deps, build));
  const create = client.lastRun;
  check(await createOrUpdate(deps, build));
  const update = client.lastRun;
  check(await refresh(deps));
  const refreshed = client.lastRun;
  const batch = update.requests.filter((q) => q.kind === "batch");
  return {
    createWaiting: create.waiting,
    updateWaiting: update.waiting,
    refreshWaiting: refreshed.waiting,
    cleanupRequests: update.cleanup,
    updateRequestBytes: batch.reduce((n, q) => n + q.requestBytes, 0),
    updateResponseBytes: batch.reduce((n, q) => n + q.responseBytes, 0),
    largestRequestBytes: Math.max(...batch.map((q) => q.requestBytes)),
  };
}

/**
 * The syncs the row-by-row baseline makes: one per block row, one for each table's header, one per
 * table row. naiveRender runs it (up to 10×: past that, the fake's per-sync work grows with the
 * workbook and 30× already takes minutes); measureOffice checks the count against the run there.
 */
function naiveSyncCount(scale: number): number {
  const layout = buildWorkbook(syntheticPlan(getPlan(), scale), {
    flavor: "addin",
    today: "2024-03-15",
  }).layout;
  let n = 0;
  for (const sheet of layout.sheets) {
    for (const block of sheet.blocks) n += block.cells.length;
    if (sheet.table) n += 1 + sheet.table.rows.length;
  }
  return n;
}

/** Row-by-row baseline: each sheet's blocks and each table row written and synced one at a time. */
async function naiveRender(fake: FakeExcel, scale: number): Promise<number> {
  const layout = buildWorkbook(syntheticPlan(getPlan(), scale), {
    flavor: "addin",
    today: "2024-03-15",
  }).layout;
  const before = fake.syncCount;
  await fake.run(async (context) => {
    for (const sheet of layout.sheets) {
      const ws = context.workbook.worksheets.add(sheet.name);
      for (const block of sheet.blocks) {
        const width = Math.max(...block.cells.map((r) => r.length));
        const { row, col } = parseCell(block.at);
        for (let i = 0; i < block.cells.length; i++) {
          ws.getRange(
            `${colToLetters(col)}${row + i}:${colToLetters(col + width - 1)}${row + i}`
          ).formulas = toFormulaGrid([block.cells[i]], width);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the naive baseline syncs per row on purpose
          await context.sync();
        }
      }
      if (sheet.table) {
        const { row, col } = parseCell(sheet.table.at);
        const width = sheet.table.columns.length;
        const last = colToLetters(col + width - 1);
        ws.getRange(`${colToLetters(col)}${row}:${last}${row}`).values = [
          sheet.table.columns.map((c) => c.header),
        ];
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the naive baseline syncs per row on purpose
        await context.sync();
        for (let i = 0; i < sheet.table.rows.length; i++) {
          ws.getRange(`${colToLetters(col)}${row + 1 + i}:${last}${row + 1 + i}`).formulas =
            toFormulaGrid([sheet.table.rows[i].cells], width);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the naive baseline syncs per row on purpose
          await context.sync();
        }
      }
    }
  });
  return fake.syncCount - before;
}

export async function measureOffice(scales: number[]): Promise<OfficeFigures[]> {
  const figures: OfficeFigures[] = [];
  for (const scale of scales) {
    const plan = syntheticPlan(getPlan(), scale);
    const build = builderFor(plan);
    const runs = scale >= 100 ? 3 : 5;

    const syncsOf = async (
      action: (fake: FakeExcel) => Promise<unknown>,
      fake: FakeExcel
    ): Promise<number> => {
      const from = fake.runs.length;
      await action(fake);
      return fake.syncsSince(from);
    };
    const probe = createFakeExcel();
    const createSyncs = await syncsOf((f) => createOrUpdate(depsOf(f), build), probe);
    const updateSyncs = await syncsOf((f) => createOrUpdate(depsOf(f), build), probe);
    const refreshSyncs = await syncsOf((f) => refresh(depsOf(f)), probe);
    const naiveSyncs = naiveSyncCount(scale);
    if (scale <= 10) {
      const ran = await naiveRender(createFakeExcel(), scale);
      if (ran !== naiveSyncs)
        throw new Error(`naive baseline: ran ${ran} syncs, counted ${naiveSyncs}`);
    }

    const createMs = await timeMsAsync(
      () => createOrUpdate(depsOf(createFakeExcel()), build),
      runs
    );
    const updateMs = await timeMsAsync(() => createOrUpdate(depsOf(probe), build), runs);
    const refreshMs = await timeMsAsync(() => refresh(depsOf(probe)), runs);
    const doubleBuildCreateMs = await timeMsAsync(() => {
      build.build(emptyUserInput());
      return createOrUpdate(depsOf(createFakeExcel()), build);
    }, runs);
    const client = await measureClient(build);
    figures.push({
      scale,
      tasks: plan.tasks.length,
      createSyncs,
      updateSyncs,
      refreshSyncs,
      naiveSyncs,
      createMs,
      updateMs,
      refreshMs,
      doubleBuildCreateMs,
      client,
    });
  }
  return figures;
}
