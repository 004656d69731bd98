/**
 * Anomalies the loader finds in any plan (recomputed at every load, origin "detected"): repeated or
 * missing task codes, objectives numbered twice, repeated "TT" row numbers, objectives without tasks,
 * typos fixed in the data, unit names not in the list, deadlines the parser cannot read.
 * The document's own anomalies that no rule can find (the 90% vs 70% conflict, …) are data in
 * plan-2024.json (origin "document"). Messages are Vietnamese: the sheet and the CLI show them.
 */
import { parseDeadline } from "../domain/deadline";
import { objectiveRef } from "./taskKey";
import type { Anomaly, Plan, Task } from "./types";
import { readUnits } from "./units";

type PlanBody = Omit<Plan, "anomalies">;

const detected = (kind: Anomaly["kind"], message: string, refs: string[]): Anomaly => ({
  kind,
  message,
  refs,
  origin: "detected",
});

function place(section: string, subsection: string | null): string {
  return subsection ? `phần ${section}, mục ${subsection}` : `phần ${section}`;
}

const short = (s: string, n = 60): string => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

function duplicateCodes(tasks: Task[]): Anomaly[] {
  const byCode = new Map<string, Task[]>();
  for (const t of tasks) byCode.set(t.code, [...(byCode.get(t.code) ?? []), t]);
  const out: Anomaly[] = [];
  for (const [code, list] of byCode) {
    if (list.length < 2) continue;
    const keys = list.map((t) => t.key);
    out.push(
      detected(
        "duplicate-code",
        `Mã nhiệm vụ ${code} được dùng cho ${list.length} nhiệm vụ khác nhau (${list
          .map((t) => `${place(t.section, t.subsection)}: “${short(t.text, 50)}”`)
          .join("; ")}). Mỗi dòng được giữ riêng với khóa ${keys.join(", ")}.`,
        keys
      )
    );
  }
  return out;
}

/** Gaps in each numbered series ("2.25" then "2.27" → 2.26 missing). */
function missingCodes(tasks: Task[]): Anomaly[] {
  const series = new Map<string, Set<number>>();
  for (const t of tasks) {
    const m = /^(\d+(?:\.\d+)*)\.(\d+)$/.exec(t.code);
    if (!m) continue;
    const set = series.get(m[1]) ?? new Set<number>();
    set.add(Number(m[2]));
    series.set(m[1], set);
  }
  const out: Anomaly[] = [];
  for (const [prefix, numbers] of series) {
    const sorted = [...numbers].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      for (let n = sorted[i - 1] + 1; n < sorted[i]; n++) {
        out.push(
          detected(
            "missing-code",
            `Không có nhiệm vụ mã ${prefix}.${n}: dãy mã nhảy từ ${prefix}.${sorted[i - 1]} sang ${prefix}.${sorted[i]}.`,
            [`${prefix}.${n}`]
          )
        );
      }
    }
  }
  return out;
}

interface ObjectiveRow {
  section: string;
  subsection: string | null;
  code: string;
  text: string;
  rowNo: string;
  /** Keys of its tasks, empty for an objective printed without tasks. */
  tasks: string[];
  /** TT printed on its first row. */
  firstRowNo: string;
}

/** Objectives in document order: a run of tasks with the same objective, then the orphans. */
function objectiveRows(plan: PlanBody): ObjectiveRow[] {
  const rows: ObjectiveRow[] = [];
  for (const t of plan.tasks) {
    const last = rows[rows.length - 1];
    if (
      last &&
      last.section === t.section &&
      last.subsection === t.subsection &&
      last.code === t.objective.code &&
      last.text === t.objective.text
    ) {
      last.tasks.push(t.key);
      if (last.rowNo === "" && t.rowNo !== "") last.rowNo = t.rowNo;
    } else {
      rows.push({
        section: t.section,
        subsection: t.subsection,
        code: t.objective.code,
        text: t.objective.text,
        rowNo: t.rowNo,
        tasks: [t.key],
        firstRowNo: t.rowNo,
      });
    }
  }
  for (const o of plan.orphanObjectives) {
    rows.push({ ...o, tasks: [], firstRowNo: o.rowNo });
  }
  return rows;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
}

function objectiveNumbering(rows: ObjectiveRow[]): Anomaly[] {
  const out: Anomaly[] = [];
  const bySection = groupBy(rows, (r) => `${r.section}|${r.subsection ?? ""}`);
  for (const group of bySection.values()) {
    const { section, subsection } = group[0];
    for (const [code, same] of groupBy(group, (r) => r.code)) {
      if (same.length < 2 || code === "") continue;
      out.push(
        detected(
          "duplicate-objective",
          `Mục tiêu ${code} được đánh số ${same.length} lần trong ${place(section, subsection)}: ${same
            .map((r) => `“${short(r.text)}”`)
            .join(" và ")}.`,
          [objectiveRef(section, subsection, code), ...same.flatMap((r) => r.tasks)]
        )
      );
    }
    const numbered = group.filter((r) => r.rowNo !== "");
    for (const [rowNo, same] of groupBy(numbered, (r) => r.rowNo)) {
      if (same.length < 2) continue;
      out.push(
        detected(
          "duplicate-row-number",
          `Số TT ${rowNo} lặp lại trong ${place(section, subsection)}: dùng cho các mục tiêu ${same
            .map((r) => r.code)
            .join(", ")}.`,
          same.map((r) => objectiveRef(section, subsection, r.code))
        )
      );
    }
    if (numbered.length > 0) {
      for (const r of group) {
        if (r.rowNo !== "") continue;
        out.push(
          detected(
            "other",
            `Mục tiêu ${r.code} (${place(section, subsection)}) không có số TT như các mục tiêu khác.`,
            [objectiveRef(section, subsection, r.code), ...r.tasks]
          )
        );
      }
    }
  }
  return out;
}

function orphans(plan: PlanBody): Anomaly[] {
  const lastTask = plan.tasks[plan.tasks.length - 1];
  return plan.orphanObjectives.map((o) => {
    const atEnd =
      lastTask !== undefined &&
      lastTask.section === o.section &&
      lastTask.subsection === o.subsection &&
      lastTask.objective.code.localeCompare(o.code, undefined, { numeric: true }) < 0;
    return detected(
      "objective-without-task",
      `Mục tiêu ${o.code} (${place(o.section, o.subsection)}) “${short(o.text, 80)}” không có nhiệm vụ nào` +
        (atEnd ? ": đây là dòng cuối của phụ lục, văn bản có thể bị cắt." : "."),
      [objectiveRef(o.section, o.subsection, o.code)]
    );
  });
}

const FIELD_NAMES: Record<string, string> = {
  "objective.text": "mục tiêu",
  text: "tên nhiệm vụ",
  activities: "hoạt động",
  outputs: "kết quả/sản phẩm",
  leadText: "chủ trì",
  coordText: "phối hợp",
  "deadline.text": "thời gian hoàn thành",
  note: "ghi chú",
};

const fieldName = (field: string): string => FIELD_NAMES[field.replace(/\[\d+\]$/, "")] ?? field;

/** Word-level changes between two texts: “Phân đầu” → “Phấn đấu”. */
export function describeChanges(original: string, corrected: string): string[] {
  const a = original.split(/\s+/).filter(Boolean);
  const b = corrected.split(/\s+/).filter(Boolean);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0)
  );
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const changes: string[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  let before = "";
  const flush = (): void => {
    if (removed.length || added.length) {
      // A pure insertion or deletion reads better with the word before it: “có nhất” → “có ít nhất”.
      const ctx = (removed.length === 0 || added.length === 0) && before ? [before] : [];
      changes.push(`“${[...ctx, ...removed].join(" ")}” → “${[...ctx, ...added].join(" ")}”`);
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      before = a[i];
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push(b[j++]);
    } else {
      removed.push(a[i++]);
    }
  }
  flush();
  return changes;
}

function typos(tasks: Task[]): Anomaly[] {
  // One anomaly per change, listing every field and task where it was fixed.
  const groups = new Map<string, { fields: Set<string>; keys: string[] }>();
  for (const t of tasks) {
    for (const c of t.corrections ?? []) {
      const change =
        describeChanges(c.original, c.corrected).join("; ") || `“${c.original}” → “${c.corrected}”`;
      const g = groups.get(change) ?? { fields: new Set<string>(), keys: [] };
      g.fields.add(fieldName(c.field));
      if (!g.keys.includes(t.key)) g.keys.push(t.key);
      groups.set(change, g);
    }
  }
  return [...groups].map(([change, g]) => {
    const codes = g.keys.map((k) => k.replace(/#1$/, "")).join(", ");
    return detected(
      "typo",
      `Lỗi chính tả đã sửa: ${change} (${[...g.fields].join(", ")} của nhiệm vụ ${codes}). Bản gốc được giữ trong “corrections”.`,
      g.keys
    );
  });
}

function unreadable(plan: PlanBody): Anomaly[] {
  const out: Anomaly[] = [];
  for (const t of plan.tasks) {
    for (const [field, text] of [
      ["chủ trì", t.leadText],
      ["phối hợp", t.coordText],
    ] as const) {
      for (const name of readUnits(text, plan.units).unknown) {
        out.push(
          detected(
            "other",
            `Đơn vị “${name}” (${field} của nhiệm vụ ${t.key}) không có trong danh mục đơn vị; giữ nguyên như văn bản ghi.`,
            [t.key]
          )
        );
      }
    }
    if (t.lead.length === 0) {
      out.push(detected("other", `Nhiệm vụ ${t.key} không ghi đơn vị chủ trì.`, [t.key]));
    }
    if (t.deadline.due === null && !t.deadline.recurring) {
      const parsed = parseDeadline(t.deadline.text, { year: plan.year });
      out.push(
        detected(
          "other",
          `Không đọc được thời hạn “${t.deadline.text}” của nhiệm vụ ${t.key}: ${parsed.error ?? "không rõ lý do"} Nhiệm vụ này không có hạn để tính trễ hạn.`,
          [t.key]
        )
      );
    }
  }
  return out;
}

/** Every anomaly a rule can find in the plan, in a stable order. */
export function detectAnomalies(plan: PlanBody): Anomaly[] {
  return [
    ...duplicateCodes(plan.tasks),
    ...missingCodes(plan.tasks),
    ...objectiveNumbering(objectiveRows(plan)),
    ...orphans(plan),
    ...typos(plan.tasks),
    ...unreadable(plan),
  ];
}
