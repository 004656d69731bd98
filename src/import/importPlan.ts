/**
 * A plan document (already read into paragraphs and table rows) → a plan file in the format of
 * docs/plan-format.md, validated by the same loader as every other plan, plus the Vietnamese list of
 * everything a person should check. Pure: readers for text, .docx and .xlsx feed it.
 */
import { parseDeadline } from "../domain/deadline";
import { formatDmy } from "../domain/isoDate";
import { parsePlan, PlanValidationError } from "../plan";
import type { Plan } from "../plan/types";
import { findHeader } from "./header";
import { learnUnits, type LearnedUnits } from "./learnUnits";
import { fold, ImportError, type SourceDocument, type SourceRow } from "./model";
import { readAppendix, type RawAppendix, type RawTask } from "./rows";
import { readTargets } from "./targets";

export interface ImportOptions {
  /** The plan's year; default: from the title ("… năm 2025"), else from the deadlines. */
  year?: number;
}

export interface ImportResult {
  /** The plan file (input form of docs/plan-format.md). */
  file: Record<string, unknown>;
  /** The same plan loaded (derived units and due dates). */
  plan: Plan;
  units: LearnedUnits;
  /** One line: what was read. */
  summary: string;
  /** What a person should check, Vietnamese, one item each. */
  checks: string[];
}

const NO_TABLE =
  "Không tìm thấy bảng phụ lục nhiệm vụ. Bảng cần một hàng tiêu đề có cột nhiệm vụ (“Nhiệm vụ”, " +
  "“Nội dung”) và cột “Chủ trì” (hoặc “Đơn vị thực hiện”) hay “Thời gian hoàn thành” (“Thời hạn”). " +
  "Hãy kiểm tra tệp có đúng là kế hoạch CCHC, hoặc dán bảng phụ lục vào trang tính rồi thử lại.";

/** Rows after the header, plus those of later tables of the same width (a table split by pages). */
function appendixRows(doc: SourceDocument): {
  rows: SourceRow[];
  columns: ReturnType<typeof findHeader>;
} {
  const header = findHeader(doc.tables);
  if (!header) return { rows: [], columns: undefined };
  const first = doc.tables[header.table];
  const width = Math.max(...first.slice(0, header.row + 1).map((r) => r.cells.length));
  const rows = first.slice(header.row + 1);
  for (const t of doc.tables.slice(header.table + 1)) {
    if (t.length > 0 && Math.max(...t.map((r) => r.cells.length)) === width) rows.push(...t);
  }
  return { rows, columns: header };
}

function titleOf(paragraphs: readonly string[]): string | undefined {
  const i = paragraphs.findIndex((p) => /^ke hoach\b/.test(fold(p)));
  if (i < 0) return undefined;
  let title = paragraphs[i].trim();
  for (let k = i + 1; k < Math.min(paragraphs.length, i + 3) && !/\d{4}/.test(title); k++) {
    title = `${title} ${paragraphs[k].trim()}`;
  }
  return title.replace(/^KẾ HOẠCH\b/u, "Kế hoạch").replace(/\s+/g, " ");
}

const yearIn = (text: string | undefined): number | undefined => {
  const m = text ? /năm\s+(\d{4})\b/iu.exec(text) : null;
  return m ? Number(m[1]) : undefined;
};

/** The year most deadline texts name, for a pasted table without a title. */
function yearOfDeadlines(tasks: readonly RawTask[]): number | undefined {
  const counts = new Map<number, number>();
  for (const t of tasks) {
    for (const y of t.deadlineText.match(/\b(19|20|21)\d{2}\b/g) ?? []) {
      counts.set(Number(y), (counts.get(Number(y)) ?? 0) + 1);
    }
  }
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  return best?.[0];
}

/**
 * Task identity: the printed code ("2.1") when the document codes its tasks; else the section (or
 * subsection) and the printed number, since numbering restarts per section; else the position.
 */
function codesOf(raw: RawAppendix): string[] {
  const coded = raw.tasks.filter((t) => t.printedCode !== "").length;
  const numbers = raw.tasks.map((t) => (/^\d{1,3}$/.test(t.rowNo) ? t.rowNo : ""));
  const numbered = numbers.filter((n) => n !== "");
  const globalNumbers =
    numbered.length === raw.tasks.length && new Set(numbered).size === numbered.length;
  const position = new Map<string, number>();
  return raw.tasks.map((t, i) => {
    const scope = t.subsection ?? t.section;
    const k = (position.get(scope) ?? 0) + 1;
    position.set(scope, k);
    if (coded * 2 >= raw.tasks.length && t.printedCode) return t.printedCode;
    if (globalNumbers) return numbers[i];
    return `${scope}.${numbers[i] || k}`;
  });
}

/** Deadlines set by another body's plan (an unread deadline or a missing lead is a plan anomaly already). */
function taskChecks(plan: Plan, raw: RawAppendix): string[] {
  const out: string[] = [];
  plan.tasks.forEach((t, i) => {
    const d = parseDeadline(t.deadline.text, { year: plan.year });
    if (d.kind === "plan") {
      out.push(
        `Nhiệm vụ ${t.code} (${raw.tasks[i].where}): thời hạn “${t.deadline.text}” theo một kế hoạch khác, ` +
          `đang tính là cuối năm (${formatDmy(d.due ?? "")}); sửa khi biết ngày cụ thể.`
      );
    }
  });
  return out;
}

export function importPlan(doc: SourceDocument, opts: ImportOptions = {}): ImportResult {
  if (doc.tables.length === 0) {
    throw new ImportError(`Tệp không có bảng nào. ${NO_TABLE}`);
  }
  const { rows, columns } = appendixRows(doc);
  if (!columns) throw new ImportError(NO_TABLE);
  const raw = readAppendix(rows, columns.columns);
  if (raw.tasks.length === 0) {
    throw new ImportError(
      "Đã thấy hàng tiêu đề của bảng phụ lục nhưng không có dòng nhiệm vụ nào bên dưới. " +
        "Hãy kiểm tra cột nhiệm vụ của bảng có nội dung."
    );
  }
  const checks: string[] = [];
  const title = titleOf(doc.paragraphs);
  let year = opts.year ?? yearIn(title);
  if (year === undefined) {
    year =
      yearIn(doc.paragraphs.find((p) => /năm\s+\d{4}/iu.test(p))) ?? yearOfDeadlines(raw.tasks);
    if (year === undefined) {
      throw new ImportError(
        "Không xác định được năm của kế hoạch (tiêu đề và thời hạn đều không ghi năm). Hãy ghi năm: --year NĂM."
      );
    }
    checks.push(
      `Năm kế hoạch ${year} lấy từ nội dung văn bản (tiêu đề không ghi năm): kiểm tra lại.`
    );
  }
  const units = learnUnits(raw.tasks.flatMap((t) => [t.leadText, t.coordText]).filter((c) => c));
  const reading = readTargets(doc.paragraphs);
  const codes = codesOf(raw);
  const file = {
    year,
    title: title ?? `Kế hoạch cải cách hành chính năm ${year}`,
    sections: raw.sections,
    tasks: raw.tasks.map((t, i) => ({
      code: codes[i],
      section: t.section,
      subsection: t.subsection,
      rowNo: t.rowNo,
      objective: t.objective,
      text: t.text || codes[i],
      activities: t.activities,
      outputs: t.outputs,
      leadText: t.leadText,
      coordText: t.coordText,
      deadline: { text: t.deadlineText },
      note: t.note,
    })),
    orphanObjectives: raw.orphanObjectives,
    indicators: reading.targets,
    units: units.units,
    anomalies: [],
  };
  let plan: Plan;
  try {
    plan = parsePlan(file);
  } catch (err) {
    if (!(err instanceof PlanValidationError)) throw err;
    throw new ImportError(`Bảng phụ lục đọc được nhưng chưa thành kế hoạch hợp lệ: ${err.message}`);
  }
  checks.push(...taskChecks(plan, raw));
  for (const m of units.merges) {
    checks.push(
      `Đã gộp đơn vị “${m.from}” vào “${m.into}” (${m.reason}); nếu là hai đơn vị khác nhau, hãy tách lại.`
    );
  }
  for (const s of units.splits) {
    checks.push(
      `Đã tách “${s.text.replace(/\n/g, " / ")}” thành ${s.names.length} đơn vị: ${s.names.join("; ")}.`
    );
  }
  if (reading.heading === undefined) {
    checks.push(
      "Không thấy mục chỉ tiêu trong văn bản: chưa có chỉ tiêu nào, hãy thêm chỉ tiêu bằng tay trong sheet Chỉ tiêu."
    );
  }
  checks.push(...reading.unsure.map((u) => `Chưa đọc được chỉ tiêu: ${u}`));
  checks.push(...raw.skipped.map((s) => `Bỏ qua dòng không hiểu ở ${s}.`));
  checks.push(...plan.anomalies.map((a) => a.message));
  const summary =
    `Đã đọc “${file.title}” (năm ${year}): ${plan.tasks.length} nhiệm vụ trong ${plan.sections.length} phần, ` +
    `${plan.indicators.length} chỉ tiêu, ${plan.units.length} đơn vị.`;
  return { file, plan, units, summary, checks };
}
