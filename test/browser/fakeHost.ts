/**
 * A stand-in for office.js in the browser test: the page loads this bundle from the office.js URL, so
 * the BUILT task pane believes it runs in Excel. Office.onReady reports host Excel; Excel.run is the
 * fake Excel of test/support (formula values computed by HyperFormula); the fake is exposed as
 * window.__fakeExcel so the test can look inside the "workbook".
 */
import { createFakeExcel } from "../support/fakeExcel";
import { hyperFormulaCalculator } from "../support/fakeExcelCalc";

const fake = createFakeExcel({ calculator: hyperFormulaCalculator() });
const info = { host: "Excel", platform: "OfficeOnline" };

const w = window as unknown as Record<string, unknown>;
w.__fakeExcel = fake;
w.Office = {
  HostType: { Excel: "Excel" },
  onReady(callback?: (i: typeof info) => void) {
    if (callback) callback(info);
    return Promise.resolve(info);
  },
  context: { requirements: { isSetSupported: fake.isSetSupported } },
  actions: { associate: () => undefined },
  addin: { showAsTaskpane: () => Promise.resolve() },
};
w.Excel = { run: fake.run };
