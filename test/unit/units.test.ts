import { getPlan } from "../../src/plan";
import { canonicalUnits, findUnit, readUnits, UNITS, unitKey } from "../../src/plan/units";
import type { Unit } from "../../src/plan/types";

const VP = "Văn phòng Sở";
const TTTK = "Phòng TT-TK KH,CN và ĐMST";

describe("the canonical unit list", () => {
  test("ids and names are unique, ids are short ASCII", () => {
    const ids = UNITS.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(UNITS.map((u) => u.name)).size).toBe(UNITS.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Z0-9]{1,11}$/);
  });

  test("no spelling means two units", () => {
    const seen = new Map<string, string>();
    for (const u of UNITS) {
      for (const s of [u.name, ...u.aliases]) {
        const key = unitKey(s);
        expect([key, seen.get(key) ?? u.name]).toEqual([key, u.name]);
        seen.set(key, u.name);
      }
    }
  });

  test("the units the issue names are there, as the document names them", () => {
    const names = UNITS.map((u) => u.name);
    for (const n of [
      VP,
      "Thanh tra Sở",
      TTTK,
      "Chi cục TĐC",
      "Bộ phận một cửa",
      "BCĐ ISO",
      "Các phòng chuyên môn",
      "Các Trung tâm trực thuộc",
    ]) {
      expect(names).toContain(n);
    }
  });

  test("every name and alias reads back as its unit", () => {
    for (const u of UNITS) {
      for (const s of [u.name, ...u.aliases]) {
        expect(canonicalUnits(s)).toEqual([u.name]);
        expect(findUnit(s)?.id).toBe(u.id);
      }
    }
  });
});

describe("canonicalUnits", () => {
  test.each([
    ["Văn phòng", [VP]],
    ["Văn phòng Sở", [VP]],
    ["Thanh tra", ["Thanh tra Sở"]],
    ["Phòng TT-TK KH,CN và ĐMST", [TTTK]],
    ["Phòng TT-TK KHCN và ĐMST", [TTTK]],
    ["Phòng TT-TK KH, CN và ĐMST", [TTTK]],
    ["BCD ISO", ["BCĐ ISO"]],
    ["Văn phòng, Bộ phận một cửa", [VP, "Bộ phận một cửa"]],
    ["Thanh tra, Văn phòng", ["Thanh tra Sở", VP]],
    ["Văn phòng Sở, BCD ISO", [VP, "BCĐ ISO"]],
    ["Văn phòng Sở, BCĐ ISO", [VP, "BCĐ ISO"]],
    ["Văn phòng, Thành viên Đoàn kiểm tra CCHC Sở", [VP, "Đoàn kiểm tra CCHC Sở"]],
    ["Các phòng, đơn vị", ["Các phòng, đơn vị"]],
    ["Các phòng, đơn vị thuộc Sở, Sở TTTT", ["Các phòng, đơn vị", "Sở TTTT"]],
    ["Các phòng chuyên môn, đơn vị trực thuộc", ["Các phòng chuyên môn", "Các đơn vị trực thuộc"]],
    ["Các phòng chuyên môn, đơn vị thuộc Sở", ["Các phòng chuyên môn", "Các đơn vị trực thuộc"]],
    ["Sở Nội vụ; các cơ quan, đơn vị.", ["Sở Nội vụ", "Các cơ quan, đơn vị"]],
    ["Văn phòng và Thanh tra", [VP, "Thanh tra Sở"]],
    ["Phòng TT-TK KH,CN và ĐMST, Chi cục TĐC", [TTTK, "Chi cục TĐC"]],
  ])("%s", (text, expected) => {
    expect(canonicalUnits(text)).toEqual(expected);
    expect(readUnits(text).unknown).toEqual([]);
  });

  test("case, spacing and trailing dots do not matter", () => {
    for (const t of [
      "văn phòng sở",
      "VĂN PHÒNG SỞ",
      "  Văn   phòng  Sở. ",
      "Văn phòng Sở".normalize("NFD"),
    ]) {
      expect(canonicalUnits(t)).toEqual([VP]);
    }
    expect(canonicalUnits("Phòng TT - TK  KH , CN và ĐMST")).toEqual([TTTK]);
  });

  test("a unit named twice is listed once", () => {
    expect(canonicalUnits("Văn phòng, Văn phòng Sở; VP")).toEqual([VP]);
  });

  test("unknown names are kept as written and reported", () => {
    const r = readUnits("Văn phòng, Phòng Quản lý công nghệ, thị trường; UBND huyện");
    expect(r.names).toEqual([VP, "Phòng Quản lý công nghệ, thị trường", "UBND huyện"]);
    expect(r.unknown).toEqual(["Phòng Quản lý công nghệ, thị trường", "UBND huyện"]);
  });

  test("empty or non-text input gives no unit", () => {
    for (const t of ["", "  ", ",;", null, undefined, 5]) {
      expect(readUnits(t as unknown as string)).toEqual({ names: [], unknown: [] });
    }
  });

  test("a plan file's own unit list is used when given", () => {
    const units: Unit[] = [{ id: "PA", name: "Phòng A", aliases: ["P.A"] }];
    expect(canonicalUnits("P.A, Văn phòng", units)).toEqual(["Phòng A", "Văn phòng"]);
    expect(readUnits("P.A, Văn phòng", units).unknown).toEqual(["Văn phòng"]);
  });
});

describe("the plan's units", () => {
  const plan = getPlan();

  test("every lead and coordinating text of the appendix reads without unknown names", () => {
    for (const t of plan.tasks) {
      expect([t.key, readUnits(t.leadText).unknown]).toEqual([t.key, []]);
      expect([t.key, readUnits(t.coordText).unknown]).toEqual([t.key, []]);
    }
  });

  test("the lead units are the canonical ones, each task has at least one", () => {
    const names = new Set(plan.units.map((u) => u.name));
    for (const t of plan.tasks) {
      expect(t.lead.length).toBeGreaterThan(0);
      for (const n of [...t.lead, ...t.coord]) expect(names.has(n)).toBe(true);
    }
  });

  test("the plan's unit list is the canonical list", () => {
    expect(plan.units).toEqual(UNITS);
  });
});
