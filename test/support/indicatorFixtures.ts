/**
 * Test data for the "Chỉ tiêu" sheet: a small plan with every kind of target (rate ≥, strict >,
 * lower-is-better ≤, count, the 90%/70% conflict), and a seeded generator of a realistic year of
 * monthly numbers typed by staff.
 */
import type { Indicator, Plan } from "../../src/plan/types";
import type { Scalar } from "../../src/layouts/model";
import type { UserInput } from "../../src/layouts/userInput";
import { INDICATORS_TABLE } from "../../src/layouts/indicatorsSheet";

export const indicator = (over: Partial<Indicator> & Pick<Indicator, "id">): Indicator => ({
  text: `Chỉ tiêu ${over.id}`,
  target: 95,
  comparison: ">=",
  unit: "%",
  numerator: "Số hồ sơ nộp trực tuyến",
  denominator: "Tổng số hồ sơ tiếp nhận",
  lead: ["Văn phòng Sở", "Bộ phận một cửa"],
  source: "Mục II",
  ...over,
});

export const FIXTURE_INDICATORS: Indicator[] = [
  indicator({ id: "3.2b", text: "Tỷ lệ nộp hồ sơ trực tuyến đạt 95%" }),
  indicator({
    id: "3.6",
    text: "Mức độ hài lòng của người dân, doanh nghiệp đạt trên 95%",
    comparison: ">",
    numerator: "Số lượt đánh giá hài lòng",
    denominator: "Tổng số lượt đánh giá",
  }),
  indicator({
    id: "1.2a",
    text: "Ít nhất 02 sáng kiến về CCHC được công nhận",
    target: 2,
    unit: "count",
    numerator: "Số sáng kiến được công nhận",
    denominator: null,
    lead: ["Các phòng chuyên môn"],
  }),
  indicator({
    id: "X.1",
    text: "Tỷ lệ hồ sơ giải quyết trễ hạn không quá 5%",
    target: 5,
    comparison: "<=",
    numerator: "Số hồ sơ giải quyết trễ hạn",
    denominator: "Tổng số hồ sơ đã giải quyết",
  }),
  indicator({
    id: "3.3",
    text: "Tối thiểu 90% người dân không phải cung cấp lại giấy tờ",
    target: 90,
    numerator: "Số hồ sơ không phải cung cấp lại giấy tờ",
    denominator: "Tổng số hồ sơ",
  }),
  indicator({
    id: "PL.III.1.8",
    text: "Tối thiểu 70% người dân không phải cung cấp lại giấy tờ",
    target: 70,
    numerator: "Số hồ sơ không phải cung cấp lại giấy tờ",
    denominator: "Tổng số hồ sơ",
    source: "Phụ lục, mục III, mục tiêu 1.8",
  }),
  indicator({
    id: "X.2",
    text: "Tỷ lệ hồ sơ điện tử đúng bằng 50% (chỉ tiêu so sánh bằng)",
    target: 50,
    comparison: "=",
    numerator: "Số hồ sơ điện tử",
    denominator: "Tổng số hồ sơ",
  }),
  indicator({
    id: "3.5b",
    text: "Tỷ lệ giao dịch thanh toán trực tuyến từ 80% trở lên",
    target: 80,
    note: "Chỉ tính TTHC có nghĩa vụ tài chính.",
  }),
];

export const CONFLICT_MESSAGE =
  "Chỉ tiêu không phải cung cấp lại giấy tờ: 90% ở mục II.3.3 nhưng 70% ở Phụ lục III.1.8.";

export function fixturePlan(indicators: Indicator[] = FIXTURE_INDICATORS): Plan {
  return {
    year: 2024,
    title: "Kế hoạch CCHC năm 2024",
    sections: [],
    tasks: [],
    orphanObjectives: [],
    indicators,
    units: [],
    anomalies: [
      { kind: "target-conflict", message: CONFLICT_MESSAGE, refs: ["3.3", "PL.III.1.8"] },
    ],
  };
}

/** Park–Miller PRNG: small, seeded, reproducible. */
export function prng(seed: number): () => number {
  let s = seed % 2147483647;
  if (s <= 0) s += 2147483646;
  return () => {
    s = (s * 16807) % 2147483647;
    return (s - 1) / 2147483646;
  };
}

export interface MonthlyNumbers {
  nums: Scalar[];
  dens: Scalar[];
}

/**
 * A year of numbers as staff would type them, up to `lastMonth` (later months blank):
 * a rate target's share climbs from `from` to `to` over the year with some noise, on 60–300 dossiers a
 * month; a count target gets 0–1 per month. `gapMonth` leaves one month blank (forgotten).
 */
export function generateYear(
  ind: Indicator,
  rnd: () => number,
  opts: { from: number; to: number; lastMonth: number; gapMonth?: number }
): MonthlyNumbers {
  const nums: Scalar[] = [];
  const dens: Scalar[] = [];
  for (let m = 1; m <= 12; m++) {
    if (m > opts.lastMonth || m === opts.gapMonth) {
      nums.push(null);
      dens.push(null);
      continue;
    }
    if (ind.unit === "count") {
      nums.push(rnd() < 0.3 ? 1 : 0);
      dens.push(null);
      continue;
    }
    const total = 60 + Math.floor(rnd() * 240);
    const share = opts.from + ((opts.to - opts.from) * (m - 1)) / 11 + (rnd() - 0.5) * 0.02;
    const part = Math.max(0, Math.min(total, Math.round(total * share)));
    nums.push(part);
    dens.push(total);
  }
  return { nums, dens };
}

export function userInputOf(
  rows: Record<string, MonthlyNumbers & { updateNote?: string }>,
  margin?: Scalar
): UserInput {
  const table: Record<string, Record<string, Scalar>> = {};
  for (const [id, row] of Object.entries(rows)) {
    const cells: Record<string, Scalar> = {};
    row.nums.forEach((v, i) => (cells[`num${i + 1}`] = v));
    row.dens.forEach((v, i) => (cells[`den${i + 1}`] = v));
    if (row.updateNote !== undefined) cells.updateNote = row.updateNote;
    table[id] = cells;
  }
  return {
    tables: { [INDICATORS_TABLE]: table },
    names: margin === undefined ? {} : { BienDoGan: margin },
  };
}
