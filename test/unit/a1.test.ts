import {
  blockRange,
  cellAddress,
  columnIndex,
  columnLetters,
  columnsAddress,
  offsetCell,
  parseCell,
  parseRange,
  quoteSheetName,
  rangeAddress,
  rangeSize,
  sheetRef,
} from "../../src/layouts/a1";

describe("column letters", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
    [16384, "XFD"],
  ])("%i ↔ %s", (n, letters) => {
    expect(columnLetters(n)).toBe(letters);
    expect(columnIndex(letters)).toBe(n);
    expect(columnIndex(letters.toLowerCase())).toBe(n);
  });

  it("round-trips every column", () => {
    for (let n = 1; n <= 16384; n += 1) expect(columnIndex(columnLetters(n))).toBe(n);
  });

  it.each([0, -1, 1.5, 16385, Number.NaN])("rejects column %p", (n) => {
    expect(() => columnLetters(n)).toThrow(RangeError);
  });

  it.each(["", "A1", "XFE", "ABCD", "Ä"])("rejects letters %p", (s) => {
    expect(() => columnIndex(s)).toThrow(RangeError);
  });
});

describe("cells and ranges", () => {
  it("parses cells, with or without $", () => {
    expect(parseCell("B5")).toEqual({ row: 5, col: 2 });
    expect(parseCell("$AA$10")).toEqual({ row: 10, col: 27 });
    expect(parseCell(" c3 ")).toEqual({ row: 3, col: 3 });
  });

  it.each(["", "5B", "B0", "B", "A1:B2", "B1048577", "'Nhiệm vụ'!A1"])("rejects cell %p", (s) => {
    expect(() => parseCell(s)).toThrow(RangeError);
  });

  it("writes addresses", () => {
    expect(cellAddress(5, 2)).toBe("B5");
    expect(cellAddress(5, 2, true)).toBe("$B$5");
    expect(rangeAddress(7, 1, 49, 20)).toBe("A7:T49");
    expect(rangeAddress(49, 20, 7, 1)).toBe("A7:T49");
    expect(rangeAddress(3, 5, 3, 5)).toBe("E3");
    expect(rangeAddress(7, 18, 9, 18, true)).toBe("$R$7:$R$9");
    expect(() => cellAddress(0, 1)).toThrow(RangeError);
  });

  it("parses ranges, normalising corners", () => {
    expect(parseRange("A4:R50")).toEqual({ top: 4, left: 1, bottom: 50, right: 18 });
    expect(parseRange("R50:A4")).toEqual({ top: 4, left: 1, bottom: 50, right: 18 });
    expect(parseRange("$E$3")).toEqual({ top: 3, left: 5, bottom: 3, right: 5 });
    expect(() => parseRange("A1:B2:C3")).toThrow(RangeError);
    expect(rangeSize("B2:D9")).toEqual({ rows: 8, cols: 3 });
  });

  it("offsets and sizes blocks", () => {
    expect(offsetCell("A6", 1, 0)).toBe("A7");
    expect(offsetCell("Z1", 0, 1)).toBe("AA1");
    expect(blockRange("B1", 1, 18)).toBe("B1:S1");
    expect(blockRange("E3", 1, 1)).toBe("E3");
    expect(() => blockRange("A1", 0, 1)).toThrow(RangeError);
    expect(columnsAddress(2, 4)).toBe("B:D");
  });
});

describe("sheet names in formulas", () => {
  it("always quotes, doubling apostrophes", () => {
    expect(quoteSheetName("Nhiệm vụ")).toBe("'Nhiệm vụ'");
    expect(quoteSheetName("AB1")).toBe("'AB1'");
    expect(quoteSheetName("Sở's")).toBe("'Sở''s'");
    expect(sheetRef("Theo đơn vị", "$A$1:$B$2")).toBe("'Theo đơn vị'!$A$1:$B$2");
  });
});
