/**
 * Numeric targets from the body's targets section ("II. CÁC CHỈ TIÊU CHỦ YẾU", "Chỉ tiêu …"): one
 * per number in a sentence or bullet. The comparison is read from the words around the number:
 * "từ … trở lên", "ít nhất", "tối thiểu" → ≥; "trên" → >; "không quá", "tối đa" → ≤; "dưới" → <.
 * A bare "đạt 95%" / "100% …" is a level to reach (≥), and says so in the note.
 */
import type { Comparison } from "../domain/rates";
import type { Indicator } from "../plan/types";

/** A target read from the body: the plan's own Indicator shape. */
export type ImportedTarget = Indicator;

export interface TargetReading {
  targets: ImportedTarget[];
  /** Sentences with a number that could not be read as a target (Vietnamese). */
  unsure: string[];
  /** The heading of the targets section, or undefined when the body has none. */
  heading?: string;
}

const ROMAN_HEADING = /^([IVX]{1,5})\.\s*\S/;
const TARGETS_HEADING = /^([IVX]{1,5})\.\s*(?:CÁC\s+)?CHỈ TIÊU/iu;
const ITEM_NUMBER = /^(\d{1,2}(?:\.\d{1,2})*)\.?\s+/;
const PERCENT = /(\d{1,3}(?:[.,]\d{1,2})?)\s*%/gu;
const COUNT =
  /(ít nhất|tối thiểu|từ|trên|không quá|tối đa|dưới)\s+(\d{1,4})\s+(?!%|năm|tuổi|ngày|tháng|giờ)(\p{L}[\p{L}\s]{0,30}?)(?=[\s,.;(]|$)/giu;
const PADDED_COUNT =
  /(?<![\d/.])(0\d)\s+(?!%|năm|tuổi|ngày|tháng|giờ)(\p{Ll}[\p{L}]*(?:\s\p{Ll}[\p{L}]*)?)/gu;

/** The comparison the words just before (and "trở lên" just after) a number give. */
export function comparisonOf(
  before: string,
  after: string
): { comparison: Comparison; stated: boolean } {
  const b = before.toLowerCase().replace(/\s+/g, " ").trimEnd();
  const a = after.toLowerCase().trimStart();
  if (/(không quá|không vượt quá|tối đa)$/.test(b)) return { comparison: "<=", stated: true };
  if (/(dưới|thấp hơn|nhỏ hơn)$/.test(b)) return { comparison: "<", stated: true };
  if (/^[^,;.]{0,40}?trở xuống/.test(a)) return { comparison: "<=", stated: true };
  if (/(trên|hơn|vượt)$/.test(b)) return { comparison: ">", stated: true };
  if (/(từ|ít nhất|tối thiểu|tối thiểu là|ít nhất là)$/.test(b) || /^[^,;.]{0,40}?trở lên/.test(a))
    return { comparison: ">=", stated: true };
  return { comparison: ">=", stated: false };
}

/** Sentences of an item: split after ".", ";" before a capital or a bullet. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.;])\s+(?=[\p{Lu}\-–])|;\s*/u)
    .map((s) => s.replace(/^[-–•+]\s*/, "").trim())
    .filter((s) => s !== "");
}

function clause(sentence: string, index: number, length: number): [string, string] {
  return [sentence.slice(0, index), sentence.slice(index + length)];
}

const after = (s: string): string =>
  s
    .replace(/^\s*(trở lên|trở xuống)\s*/i, "")
    .replace(/[.;]+$/, "")
    .trim();

function readSentence(sentence: string, id: string, source: string): ImportedTarget[] {
  const found: ImportedTarget[] = [];
  for (const m of sentence.matchAll(PERCENT)) {
    const value = Number(m[1].replace(",", "."));
    const [b, a] = clause(sentence, m.index, m[0].length);
    const { comparison, stated } = comparisonOf(b, a);
    const counted = after(a).slice(0, 160) || sentence;
    found.push({
      id,
      text: sentence,
      target: value,
      comparison,
      unit: "%",
      numerator: `Số ${counted}`.trim(),
      denominator: `Tổng số ${counted}`.trim(),
      lead: [],
      source,
      ...(stated ? {} : { note: "Văn bản không ghi so sánh: đọc là đạt từ mức này trở lên (≥)." }),
    });
  }
  for (const re of [COUNT, PADDED_COUNT]) {
    for (const m of sentence.matchAll(re)) {
      const padded = re === PADDED_COUNT;
      const number = padded ? m[1] : m[2];
      const what = (padded ? m[2] : m[3]).trim();
      const at = m.index + m[0].indexOf(number, padded ? 0 : m[1].length);
      if (
        found.some((f) => f.unit === "count" && f.text === sentence && f.target === Number(number))
      )
        continue;
      const [b, a] = clause(sentence, at, number.length);
      const { comparison, stated } = comparisonOf(b, a);
      found.push({
        id,
        text: sentence,
        target: Number(number),
        comparison,
        unit: "count",
        numerator: `Số ${what}`,
        denominator: null,
        lead: [],
        source,
        ...(stated
          ? {}
          : { note: "Văn bản không ghi so sánh: đọc là đạt từ mức này trở lên (≥)." }),
      });
    }
  }
  return found;
}

/** Reads the targets section of the body's paragraphs. */
export function readTargets(paragraphs: readonly string[]): TargetReading {
  const start = paragraphs.findIndex((p) => TARGETS_HEADING.test(p.trim()));
  if (start < 0) return { targets: [], unsure: [] };
  const heading = paragraphs[start].trim();
  const sectionId = (TARGETS_HEADING.exec(heading) as RegExpExecArray)[1];
  const targets: ImportedTarget[] = [];
  const unsure: string[] = [];
  let group = "";
  let bullet = 0;
  for (let i = start + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i].trim();
    if (ROMAN_HEADING.test(p)) break;
    const numbered = ITEM_NUMBER.exec(p);
    let id: string;
    let text = p;
    if (numbered) {
      id = numbered[1];
      text = p.slice(numbered[0].length);
      if (!id.includes(".")) {
        group = id;
        bullet = 0;
      }
    } else {
      bullet++;
      id = group ? `${group}.${bullet}` : String(bullet);
    }
    const found = sentences(text).flatMap((s) => readSentence(s, id, `Mục ${sectionId}.${id}`));
    if (found.length === 0 && /\d+\s*%/.test(text))
      unsure.push(`Mục ${sectionId}.${id}: “${text}”`);
    found.forEach((t, k) => {
      if (found.length > 1) t.id = `${id}${String.fromCharCode(97 + k)}`;
      if (t.unit === "%" && t.target > 100) {
        unsure.push(`Chỉ tiêu ${t.id}: ${t.target}% lớn hơn 100% (“${t.text}”)`);
      } else {
        targets.push(t);
      }
    });
  }
  return { targets, unsure, heading };
}
