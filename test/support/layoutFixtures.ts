/**
 * Small hand-made plans for the layout tests: every kind of deadline (fixed date, end of quarter,
 * recurring, milestone then recurring), a task led by two units, a duplicate code, an orphan objective,
 * a subsection, and unit names that contain each other or wildcard characters.
 */
import type { Plan, Task } from "../../src/plan/types";

export const VP = "Văn phòng Sở";
export const MC = "Bộ phận một cửa";
export const TT = "Thanh tra Sở";
/** Contained in "Văn phòng Sở" and in "Phòng TT-TK": the delimiters must keep them apart. */
export const PHONG = "Phòng";
/** Wildcard characters in a name must be matched literally. */
export const STAR = "Tổ *đặc biệt?";

let seq = 0;

export function makeTask(p: Partial<Task> & Pick<Task, "code">): Task {
  seq += 1;
  const occurrence = p.occurrence ?? 1;
  return {
    seq: p.seq ?? seq,
    code: p.code,
    occurrence,
    key: p.key ?? `${p.code}#${occurrence}`,
    section: p.section ?? "I",
    subsection: p.subsection ?? null,
    rowNo: p.rowNo ?? "1",
    objective: p.objective ?? { code: "1.1", text: "Nâng cao chất lượng" },
    text: p.text ?? `Nhiệm vụ ${p.code}`,
    activities: p.activities ?? ["Xây dựng dự thảo", "Trình ban hành"],
    outputs: p.outputs ?? ["Kế hoạch được ban hành"],
    leadText: p.leadText ?? (p.lead ?? [VP]).join(", "),
    lead: p.lead ?? [VP],
    coordText: p.coordText ?? "Các phòng, đơn vị",
    coord: p.coord ?? [],
    deadline: p.deadline ?? { text: "Quý I/2024", due: "2024-03-31", recurring: false },
    note: p.note ?? "",
    ...(p.corrections ? { corrections: p.corrections } : {}),
  };
}

export function samplePlan(): Plan {
  const tasks: Task[] = [
    makeTask({
      code: "2.1",
      deadline: { text: "Trước ngày 05/01/2024", due: "2024-01-04", recurring: false },
    }),
    makeTask({ code: "2.2", lead: [VP, MC], leadText: "Văn phòng, Bộ phận một cửa" }),
    makeTask({
      code: "2.3",
      lead: [PHONG],
      deadline: { text: "Tháng 01/2024 Thường xuyên", due: "2024-01-31", recurring: true },
    }),
    makeTask({ code: "2.4", deadline: { text: "Thường xuyên", due: null, recurring: true } }),
    makeTask({
      code: "2.23",
      section: "III",
      lead: [TT],
      deadline: { text: "Năm 2024", due: "2024-12-31", recurring: false },
    }),
    makeTask({ code: "2.23", occurrence: 2, section: "III", lead: [STAR, VP] }),
    makeTask({
      code: "2.34",
      section: "VII",
      subsection: "7.1",
      lead: [MC],
      deadline: { text: "Quý I, II/2024", due: "2024-06-30", recurring: false },
      activities: ["- Một hoạt động duy nhất"],
      note: "=không phải công thức",
    }),
    makeTask({
      code: "2.38",
      section: "VII",
      subsection: "7.2",
      lead: [VP, "BCĐ ISO"],
      deadline: { text: "Theo Kế hoạch ISO năm 2024", due: "2024-12-31", recurring: false },
    }),
  ];
  return {
    year: 2024,
    title: "Kế hoạch Cải cách hành chính Sở Khoa học và Công nghệ năm 2024",
    sections: [
      { id: "I", title: "CHỈ ĐẠO ĐIỀU HÀNH", subsections: [] },
      { id: "III", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", subsections: [] },
      {
        id: "VII",
        title: "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ",
        subsections: [
          { id: "7.1", title: "Xây dựng chính quyền điện tử" },
          { id: "7.2", title: "Áp dụng ISO 9001:2015" },
        ],
      },
    ],
    tasks,
    orphanObjectives: [
      {
        section: "VII",
        subsection: "7.2",
        rowNo: "6",
        code: "1.6",
        text: "Thực hiện các nhiệm vụ khác được giao",
      },
    ],
    indicators: [],
    units: [
      { name: VP, id: "VP", aliases: ["Văn phòng"] },
      { name: TT, id: "TT", aliases: ["Thanh tra"] },
      { name: MC, id: "MC", aliases: [] },
      { name: PHONG, id: "P", aliases: [] },
      { name: "Chi cục TĐC", id: "CC", aliases: [] },
    ],
    anomalies: [],
  };
}

/**
 * A synthetic plan `times` × the size of `base`: tasks repeated with new codes ("2.1" → "2.1.k2"),
 * for size and property tests.
 */
export function scaledPlan(base: Plan, times: number): Plan {
  const tasks: Task[] = [];
  for (let k = 1; k <= times; k += 1) {
    for (const t of base.tasks) {
      const code = k === 1 ? t.code : `${t.code}.k${k}`;
      tasks.push({ ...t, seq: tasks.length + 1, code, key: `${code}#${t.occurrence}` });
    }
  }
  return { ...base, tasks };
}
