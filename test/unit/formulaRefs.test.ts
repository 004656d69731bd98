import fc from "fast-check";
import { a1ToR1C1, r1c1ToA1 } from "../../src/layouts/formulaRefs";

describe("typed formulas in relative R1C1", () => {
  it("re-anchors a row-relative formula to the row it is written to", () => {
    const r1c1 = a1ToR1C1('="Hạn "&TEXT(Q56,"dd/mm/yyyy")', 56, 18);
    expect(r1c1).toBe('="Hạn "&TEXT(RC[-1],"dd/mm/yyyy")');
    expect(r1c1ToA1(r1c1, 12, 18)).toBe('="Hạn "&TEXT(Q12,"dd/mm/yyyy")');
  });

  it("keeps absolute parts, ranges, whole columns and rows, other sheets", () => {
    const f = "=SUM($A$1:B2)+COUNTA(C:$D)+SUM(3:$4)+'Theo đơn vị'!B5+Sheet2!$C7";
    const r1c1 = a1ToR1C1(f, 10, 3);
    expect(r1c1).toBe(
      "=SUM(R1C1:R[-8]C[-1])+COUNTA(C:C4)+SUM(R[-7]:R4)+'Theo đơn vị'!R[-5]C[-1]+Sheet2!R[-3]C3"
    );
    expect(r1c1ToA1(r1c1, 10, 3)).toBe(f);
    expect(r1c1ToA1(r1c1, 20, 4)).toBe(
      "=SUM($A$1:C12)+COUNTA(D:$D)+SUM(13:$4)+'Theo đơn vị'!C15+Sheet2!$C17"
    );
  });

  it("leaves strings, structured references, names, function names with digits alone", () => {
    const f =
      '=IF([@Hạn]>NgayBaoCao,"A1 quá hạn",LOG10(tblNhiemVu[[#This Row],[Tiến độ (%)]]))&{1,2}&R5';
    const r1c1 = a1ToR1C1(f, 7, 2);
    expect(r1c1).toBe(
      '=IF([@Hạn]>NgayBaoCao,"A1 quá hạn",LOG10(tblNhiemVu[[#This Row],[Tiến độ (%)]]))&{1,2}&R[-2]C[16]'
    );
    expect(r1c1ToA1(r1c1, 7, 2)).toBe(f);
  });

  it("gives #REF! when a reference would fall off the sheet", () => {
    expect(r1c1ToA1("=R[-5]C+1", 3, 1)).toBe("=#REF!+1");
  });

  it("round-trips any reference at any origin", () => {
    const letters = (n: number): string =>
      n <= 26
        ? String.fromCharCode(64 + n)
        : letters(Math.floor((n - 1) / 26)) + letters(((n - 1) % 26) + 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16384 }),
        fc.integer({ min: 1, max: 1048576 }),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 60 }),
        (c, r, absC, absR, row, col) => {
          const ref = `${absC ? "$" : ""}${letters(c)}${absR ? "$" : ""}${r}`;
          const f = `=1+${ref}*2`;
          expect(r1c1ToA1(a1ToR1C1(f, row, col), row, col)).toBe(f);
        }
      )
    );
  });
});
