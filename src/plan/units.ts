/**
 * The canonical units of the plan and the reading of "Chủ trì" / "Phối hợp" texts into them.
 * The document writes one unit several ways ("Văn phòng" / "Văn phòng Sở"; three spellings of
 * Phòng TT-TK; "BCD ISO" / "BCĐ ISO") and puts several units in one cell ("Văn phòng, Bộ phận một
 * cửa"), while some unit names contain a comma themselves ("Phòng TT-TK KH,CN và ĐMST",
 * "Các phòng, đơn vị"): the reader matches the longest known name first and only then splits.
 */
import type { Unit } from "./types";

/** Canonical names as the document writes them best; aliases are the other spellings it uses. */
export const UNITS: readonly Unit[] = [
  { id: "VP", name: "Văn phòng Sở", aliases: ["Văn phòng", "VP"] },
  { id: "TTRA", name: "Thanh tra Sở", aliases: ["Thanh tra"] },
  {
    id: "TTTK",
    name: "Phòng TT-TK KH,CN và ĐMST",
    aliases: [
      "Phòng TT-TK KHCN và ĐMST",
      "Phòng TT-TK KH, CN và ĐMST",
      "Thông tin- Thống kê KH, CN và ĐMST",
      "Thông tin- Thống kê KHCN và ĐMST",
    ],
  },
  {
    id: "CCTDC",
    name: "Chi cục TĐC",
    aliases: [
      "Chi cục",
      "Chi cục Tiêu chuẩn đo lường chất lượng",
      "Chi cục Tiêu chuẩn Đo lường Chất lượng",
    ],
  },
  { id: "BPMC", name: "Bộ phận một cửa", aliases: [] },
  { id: "BCDISO", name: "BCĐ ISO", aliases: ["BCD ISO", "Ban chỉ đạo ISO"] },
  { id: "PCM", name: "Các phòng chuyên môn", aliases: [] },
  { id: "TRUNGTAM", name: "Các Trung tâm trực thuộc", aliases: ["Các trung tâm"] },
  { id: "DKT", name: "Đoàn kiểm tra CCHC Sở", aliases: ["Thành viên Đoàn kiểm tra CCHC Sở"] },
  { id: "PQPPL", name: "Các phòng chủ trì tham mưu văn bản QPPL", aliases: [] },
  { id: "PBPLQ", name: "Các phòng, bộ phận liên quan", aliases: [] },
  {
    id: "PDV",
    name: "Các phòng, đơn vị",
    aliases: ["Các phòng, đơn vị thuộc Sở", "Các phòng, đơn vị trực thuộc"],
  },
  { id: "PDVLQ", name: "Các phòng, đơn vị liên quan", aliases: [] },
  { id: "PHONG", name: "Các phòng", aliases: [] },
  {
    id: "DVTT",
    name: "Các đơn vị trực thuộc",
    aliases: ["đơn vị trực thuộc", "đơn vị thuộc Sở", "Các đơn vị thuộc Sở"],
  },
  { id: "DVLQ", name: "Các đơn vị có liên quan", aliases: ["Các đơn vị liên quan"] },
  { id: "CQDVLQ", name: "Các cơ quan, đơn vị liên quan", aliases: [] },
  { id: "CQDV", name: "Các cơ quan, đơn vị", aliases: [] },
  { id: "HDPBGDPL", name: "Hội đồng Phối hợp phổ biến giáo dục pháp luật", aliases: [] },
  { id: "STTTT", name: "Sở TTTT", aliases: ["Sở TT&TT", "Sở Thông tin và Truyền thông"] },
  { id: "SNV", name: "Sở Nội vụ", aliases: [] },
];

/** Comparison key of a unit name: case, spacing around punctuation and trailing dots do not matter. */
export function unitKey(name: string): string {
  return name
    .normalize("NFC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/\s*([,;\-&])\s*/g, "$1")
    .replace(/^[\s.;:,]+|[\s.;:,]+$/g, "");
}

const aliasIndexes = new WeakMap<readonly Unit[], Map<string, string>>();

function aliasIndex(units: readonly Unit[]): Map<string, string> {
  let index = aliasIndexes.get(units);
  if (!index) {
    index = new Map();
    for (const u of units) {
      for (const spelling of [u.name, ...u.aliases]) index.set(unitKey(spelling), u.name);
    }
    aliasIndexes.set(units, index);
  }
  return index;
}

/** The unit a name or alias means, or undefined. */
export function findUnit(nameOrAlias: string, units: readonly Unit[] = UNITS): Unit | undefined {
  const name = aliasIndex(units).get(unitKey(nameOrAlias));
  return name === undefined ? undefined : units.find((u) => u.name === name);
}

export interface UnitReading {
  /** Canonical names in the order of the text, without repeats; unknown names kept as written. */
  names: string[];
  /** Names that are not in the unit list (kept in `names` too), for reporting. */
  unknown: string[];
}

interface Segment {
  start: number;
  end: number;
  /** Separator before this segment ("" for the first). */
  sep: string;
}

const SEPARATOR = /\s*(?:[,;\n+]|\svà\s)\s*/g;

function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let sep = "";
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(text); m; m = SEPARATOR.exec(text)) {
    if (m[0] === "") {
      SEPARATOR.lastIndex++;
      continue;
    }
    out.push({ start, end: m.index, sep });
    sep = m[0].trim();
    start = m.index + m[0].length;
  }
  out.push({ start, end: text.length, sep });
  return out.filter((s) => unitKey(text.slice(s.start, s.end)) !== "");
}

const tidy = (s: string): string => s.replace(/\s+/g, " ").replace(/^[\s.;:,]+|[\s.;:,]+$/g, "");

/**
 * Reads a "Chủ trì"/"Phối hợp" text: "Văn phòng, Bộ phận một cửa" → ["Văn phòng Sở", "Bộ phận một cửa"];
 * "Phòng TT-TK KH, CN và ĐMST" → one unit. Unknown names are kept as written and listed in `unknown`.
 */
export function readUnits(text: string, units: readonly Unit[] = UNITS): UnitReading {
  const source = typeof text === "string" ? text.normalize("NFC") : "";
  const index = aliasIndex(units);
  const segs = segments(source);
  const names: string[] = [];
  const unknown: string[] = [];
  let lastWasUnknown = false;
  for (let i = 0; i < segs.length;) {
    let matched = false;
    // Longest run of segments that together spell a known name wins.
    for (let j = segs.length - 1; j >= i; j--) {
      const name = index.get(unitKey(source.slice(segs[i].start, segs[j].end)));
      if (name !== undefined) {
        if (!names.includes(name)) names.push(name);
        i = j + 1;
        matched = true;
        lastWasUnknown = false;
        break;
      }
    }
    if (matched) continue;
    const piece = tidy(source.slice(segs[i].start, segs[i].end));
    // "Phòng Quản lý công nghệ, thị trường": a lower-case piece after a comma continues an unknown name.
    if (lastWasUnknown && segs[i].sep === "," && /^\p{Ll}/u.test(piece)) {
      const prev = unknown.pop() as string;
      const joined = `${prev}, ${piece}`;
      names[names.indexOf(prev)] = joined;
      unknown.push(joined);
    } else if (!names.includes(piece)) {
      names.push(piece);
      unknown.push(piece);
      lastWasUnknown = true;
    } else {
      lastWasUnknown = false;
    }
    i++;
  }
  return { names, unknown };
}

/** Canonical unit names of a "Chủ trì"/"Phối hợp" text (unknown names kept as written). */
export function canonicalUnits(text: string, units: readonly Unit[] = UNITS): string[] {
  return readUnits(text, units).names;
}

/**
 * True for a name that stands for several units rather than one: plans name groups as leads with a
 * plural ("Các phòng chuyên môn", "Các Trung tâm trực thuộc", "Những đơn vị…", "Tất cả các phòng"),
 * or by their members ("Thành viên Đoàn kiểm tra"). Only a first guess, shown on the "Đơn vị" sheet
 * where the coordinator corrects it.
 */
export function looksLikeGroup(name: string): boolean {
  return /^(các|những|tất cả|mọi|thành viên)\s/u.test(unitKey(name));
}
