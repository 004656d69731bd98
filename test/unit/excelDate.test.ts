import fc from "fast-check";
import {
  excelDaysBetween,
  isExcelIso,
  isoToSerial,
  MAX_EXCEL_SERIAL,
  parseDateText,
  serialToIso,
  todayIso,
  todaySerial,
} from "../../src/domain/excelDate";

describe("Excel 1900 serials", () => {
  it.each([
    [1, "1900-01-01"],
    [31, "1900-01-31"],
    [59, "1900-02-28"],
    [60, "1900-02-29"], // the fictitious leap day Excel inherited from Lotus 1-2-3
    [61, "1900-03-01"],
    [366, "1900-12-31"],
    [367, "1901-01-01"],
    [36526, "2000-01-01"],
    [45292, "2024-01-01"],
    [45296, "2024-01-05"],
    [45351, "2024-02-29"],
    [45382, "2024-03-31"],
    [45657, "2024-12-31"],
    [MAX_EXCEL_SERIAL, "9999-12-31"],
  ])("serial %i is %s, both ways", (serial, iso) => {
    expect(serialToIso(serial)).toBe(iso);
    expect(isoToSerial(iso)).toBe(serial);
  });

  it("ignores the time of day", () => {
    expect(serialToIso(45296.75)).toBe("2024-01-05");
  });

  it.each([
    0,
    -1,
    MAX_EXCEL_SERIAL + 1,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ])("refuses %p", (serial) => {
    expect(serialToIso(serial)).toBeNull();
  });

  it.each([
    "1899-12-31",
    "2024-02-30",
    "2023-02-29",
    "2024-13-01",
    "10000-01-01",
    "2024-1-5",
    "",
    "abc",
  ])("isoToSerial refuses %p", (iso) => {
    expect(isoToSerial(iso)).toBeNull();
  });

  it("round-trips every serial Excel can show (sampled)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: MAX_EXCEL_SERIAL }), (serial) => {
        const iso = serialToIso(serial);
        expect(iso).not.toBeNull();
        expect(isoToSerial(iso as string)).toBe(serial);
      }),
      { numRuns: 2000 }
    );
  });

  it("consecutive serials are consecutive calendar days after the fictitious day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_EXCEL_SERIAL - 1 }), (serial) => {
        const a = new Date(`${serialToIso(serial)}T00:00:00Z`).getTime();
        const b = new Date(`${serialToIso(serial + 1)}T00:00:00Z`).getTime();
        expect(b - a).toBe(86_400_000);
      }),
      { numRuns: 500 }
    );
  });
});

describe("date text", () => {
  it.each([
    ["05/01/2024", "2024-01-05"],
    ["5/1/2024", "2024-01-05"],
    [" 31/12/2024 ", "2024-12-31"],
    ["29/02/2024", "2024-02-29"],
    ["05-01-2024", "2024-01-05"],
    ["05.01.2024", "2024-01-05"],
    ["2024-01-05", "2024-01-05"],
  ])("reads %p as %s", (text, iso) => {
    expect(parseDateText(text)).toBe(iso);
  });

  it.each([
    "31/02/2024",
    "29/02/2023",
    "00/01/2024",
    "32/01/2024",
    "01/13/2024",
    "01/00/2024",
    "1/1/24",
    "2024-02-30",
    "29/02/1900",
    "Quý I/2024",
    "",
    "05/01/2024 abc",
  ])("refuses %p (strict, never rolled over)", (text) => {
    expect(parseDateText(text)).toBeNull();
  });

  it("validates ISO text, accepting the fictitious 1900-02-29 that serial 60 maps to", () => {
    expect(isExcelIso("2024-02-29")).toBe(true);
    expect(isExcelIso("1900-02-29")).toBe(true);
    expect(isExcelIso("2023-02-29")).toBe(false);
    expect(isExcelIso(45296)).toBe(false);
  });
});

describe("days and today", () => {
  it("counts days as Excel subtracts serials", () => {
    expect(excelDaysBetween("2024-01-05", "2024-01-12")).toBe(7);
    expect(excelDaysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(excelDaysBetween("1900-02-28", "1900-03-01")).toBe(2); // across the fictitious 29/02/1900
    expect(excelDaysBetween("2024-01-05", "bad")).toBeNull();
  });

  it("today is the local calendar date", () => {
    const now = new Date(2024, 2, 31, 23, 59); // local time
    expect(todayIso(now)).toBe("2024-03-31");
    expect(todaySerial(now)).toBe(45382);
  });
});
