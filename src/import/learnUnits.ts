/**
 * Units learned from the document itself: every "Chủ trì"/"Phối hợp" cell is split into unit names
 * on ";" and line breaks, and on "," / "và" only where the next piece starts a unit name (a
 * unit-type word such as Văn phòng, Phòng, Chi cục, Sở, UBND, Công an … or a name the document
 * writes whole elsewhere), so "Phòng TT-TK KH,CN và ĐMST" and "Các phòng, đơn vị" stay whole.
 * Spellings of one unit are merged ("BCD ISO" / "BCĐ ISO"; "Văn phòng" / "Văn phòng Sở") and every
 * merge is reported so a person can undo it.
 */
import type { Unit } from "../plan/types";
import { fold } from "./model";

const TYPE_WORDS = [
  "Văn phòng",
  "Phòng",
  "Thanh tra",
  "Chi cục",
  "Cục",
  "Trung tâm",
  "Bộ phận",
  "Ban",
  "BCĐ",
  "BCD",
  "BCH",
  "Đoàn",
  "Đảng ủy",
  "Sở",
  "UBND",
  "Ủy ban",
  "HĐND",
  "Hội đồng",
  "Hội",
  "Công an",
  "Công chức",
  "Cán bộ",
  "Chủ tịch",
  "Phó Chủ tịch",
  "Giám đốc",
  "Lãnh đạo",
  "Thành viên",
  "Tổ",
  "Các",
  "Kho bạc",
  "Bảo hiểm",
  "Chi nhánh",
  "Trường",
  "Trạm",
  "Viện",
  "Mặt trận",
  "MTTQ",
  "Quân sự",
  "Liên đoàn",
  "Hạt",
  "Đài",
  "Bưu điện",
];
const STARTS_UNIT = new RegExp(`^(?:${TYPE_WORDS.join("|")})(?![\\p{L}])`, "u");
/** "HĐND và UBND": one body in a name, never two units. */
const FIXED_PHRASES = [/HĐND\s*(?:,|và)\s*UBND/gu];
const AGENCY_SUFFIX = /^(Sở|tỉnh|huyện|xã|phường|thị trấn|thị xã|thành phố|quận)$/iu;

export interface UnitMerge {
  /** The spelling merged away and the canonical name it now reads as. */
  from: string;
  into: string;
  reason: string;
}

export interface LearnedUnits {
  units: Unit[];
  merges: UnitMerge[];
  /** Cells split into several units: text → names (canonical). */
  splits: { text: string; names: string[] }[];
}

const tidy = (s: string): string =>
  s
    .replace(/\s+/g, " ")
    .replace(/^[\s.;:,\-–]+|[\s.;:,]+$/g, "")
    .trim();

/** Key under which spellings of one name are the same: no case, diacritics, spaces or punctuation. */
const compactKey = (name: string): string => fold(name).replace(/[^a-z0-9]/g, "");

/** Splits a lead/coordinating cell into unit names as printed. */
export function splitUnits(text: string, wholeNames: ReadonlySet<string> = new Set()): string[] {
  const source = text.normalize("NFC");
  const protectedSpans: [number, number][] = [];
  for (const re of FIXED_PHRASES) {
    for (const m of source.matchAll(re)) protectedSpans.push([m.index, m.index + m[0].length]);
  }
  const inside = (i: number): boolean => protectedSpans.some(([a, b]) => i > a && i < b);
  const pieces: string[] = [];
  let current = "";
  const re = /\s*(;|\n|,|\svà\s)\s*/g;
  let last = 0;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const before = source.slice(last, m.index);
    const sep = m[1].trim();
    const rest = source.slice(m.index + m[0].length);
    current += before;
    last = m.index + m[0].length;
    const nextPiece = tidy(rest.split(/\s*(?:;|\n|,|\svà\s)\s*/)[0] ?? "");
    const strong = sep === ";" || (sep === "" && /^\p{Lu}/u.test(rest));
    const startsUnit = STARTS_UNIT.test(rest) || wholeNames.has(compactKey(nextPiece));
    if (!inside(m.index) && (strong || startsUnit) && tidy(current) !== "") {
      pieces.push(tidy(current));
      current = "";
    } else {
      // Keep the separator as printed: "KH,CN" and "KH, CN" are spellings to merge, not to rewrite.
      current += sep === "" ? " " : m[0];
    }
  }
  current += source.slice(last);
  if (tidy(current) !== "") pieces.push(tidy(current));
  return pieces;
}

function asciiId(name: string, taken: Set<string>): string {
  const words = fold(name)
    .split(" ")
    .filter((w) => w !== "");
  const base = (words.map((w) => w[0]).join("") || "DV").toUpperCase().slice(0, 10);
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}${n}`;
  taken.add(id);
  return id;
}

/** Learns the units of a document from all its lead and coordinating cells, in document order. */
export function learnUnits(cells: readonly string[]): LearnedUnits {
  const whole = new Set<string>();
  for (const c of cells) {
    if (!/[;\n]/.test(c) && tidy(c) !== "") whole.add(compactKey(tidy(c)));
  }
  // A cell naming several units is not itself a name "seen whole".
  const splitCells = cells.map((c) => ({ text: c, pieces: splitUnits(c) }));
  for (const { text, pieces } of splitCells) if (pieces.length > 1) whole.delete(compactKey(text));
  const spellings: string[] = [];
  const perCell = splitCells.map(({ text }) => {
    const pieces = splitUnits(text, whole);
    for (const p of pieces) if (!spellings.includes(p)) spellings.push(p);
    return { text, pieces };
  });

  const canonical = new Map<string, string>();
  const merges: UnitMerge[] = [];
  const byKey = new Map<string, string>();
  for (const s of spellings) {
    const k = compactKey(s);
    const first = byKey.get(k);
    if (first === undefined) byKey.set(k, s);
    else {
      canonical.set(s, first);
      merges.push({ from: s, into: first, reason: "cùng tên, khác cách viết" });
    }
  }
  const names = [...byKey.values()];
  for (const short of names) {
    const longer = names.filter((n) => {
      if (!n.startsWith(`${short} `)) return false;
      return AGENCY_SUFFIX.test(n.slice(short.length + 1));
    });
    if (longer.length === 1) {
      canonical.set(short, longer[0]);
      merges.push({
        from: short,
        into: longer[0],
        reason: `cùng đơn vị, thêm “${longer[0].slice(short.length + 1)}”`,
      });
    }
  }
  const resolve = (s: string): string => {
    let n = s;
    for (let i = 0; i < 4 && canonical.has(n); i++) n = canonical.get(n) as string;
    return n;
  };
  for (const m of merges) m.into = resolve(m.into);

  const taken = new Set<string>();
  const units: Unit[] = [];
  for (const s of spellings) {
    const name = resolve(s);
    let unit = units.find((u) => u.name === name);
    if (!unit) {
      unit = { id: asciiId(name, taken), name, aliases: [] };
      units.push(unit);
    }
    if (s !== name && !unit.aliases.includes(s)) unit.aliases.push(s);
  }
  const splits = perCell
    .filter((c) => c.pieces.length > 1)
    .map((c) => ({ text: c.text, names: [...new Set(c.pieces.map(resolve))] }))
    .filter((c, i, all) => all.findIndex((o) => o.text === c.text) === i);
  return { units, merges, splits };
}
