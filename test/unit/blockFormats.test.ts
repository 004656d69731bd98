import { formatRuns } from "../../src/render/office/blockFormats";
import type { CellFormat } from "../../src/layouts/model";

const body: CellFormat = { border: "thin", wrap: true };
const bold: CellFormat = { border: "thin", font: { bold: true } };
const at = (top: number, left: number, bottom = top, right = left) => ({
  top,
  left,
  bottom,
  right,
});

test("blocks of one format stacked in the same columns share one range; other formats stay apart", () => {
  const blocks = [10, 11, 12].flatMap((row) => [
    { box: at(row, 2), format: body },
    { box: at(row, 3, row, 5), format: bold },
  ]);
  expect(formatRuns(blocks)).toEqual([
    { box: at(10, 2, 12, 2), format: body },
    { box: at(10, 3, 12, 5), format: bold },
  ]);
});

test("a gap, other columns or a number format alone keep or merge as the sheet needs", () => {
  const runs = formatRuns([
    { box: at(1, 1), format: body },
    { box: at(3, 1), format: body }, // a gap: not merged
    { box: at(4, 1), format: { ...body, numberFormat: "0%" } }, // number formats are arrays
    { box: at(5, 1, 5, 2), format: body }, // wider: its own range
    { box: at(6, 1), format: undefined },
  ]);
  expect(runs.map((r) => r.box)).toEqual([at(1, 1), at(3, 1, 4, 1), at(5, 1, 5, 2)]);
});

test("overlapping blocks keep one range each, in the layout's order (the later format wins)", () => {
  const blocks = [
    { box: at(1, 1, 3, 3), format: body },
    { box: at(2, 2), format: bold },
    { box: at(4, 1, 4, 3), format: body },
  ];
  expect(formatRuns(blocks)).toEqual(blocks);
});
