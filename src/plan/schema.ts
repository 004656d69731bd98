/**
 * The schema of a plan file (the built-in src/plan/plan-2024.json, a `--plan` file, or the output of
 * `cchc plan --json` fed back): validated once at load, with problems reported in Vietnamese.
 * Derived fields (seq, occurrence, key, lead, coord, deadline.due/recurring, detected anomalies) may
 * be present but are ignored: the loader recomputes them, so there is one source of truth.
 * zod/mini keeps the task-pane bundle small; the custom-functions bundle never loads this file.
 */
import * as z from "zod/mini";

const ANOMALY_KINDS = [
  "duplicate-code",
  "missing-code",
  "duplicate-objective",
  "duplicate-row-number",
  "objective-without-task",
  "target-conflict",
  "typo",
  "other",
] as const;

const text = z.string();
const nonEmpty = z.string().check(z.trim(), z.minLength(1));
const texts = z._default(z.array(z.string()), []);
// Any plan's sections: "I" … "VII" in 2024, more or fewer elsewhere; references are checked below.
const sectionId = z.string().check(z.trim(), z.minLength(1), z.maxLength(20));

const sectionSchema = z.object({
  id: sectionId,
  title: nonEmpty,
  subsections: z._default(z.array(z.object({ id: nonEmpty, title: text })), []),
});

const correctionSchema = z.object({ field: nonEmpty, original: text, corrected: text });

const deadlineSchema = z.union([
  z.pipe(
    z.string(),
    z.transform((t: string) => ({ text: t }))
  ),
  z.object({ text }),
]);

const taskSchema = z.object({
  // Optional: plans without task numbers get "<section or subsection>.<position>" at load.
  code: z.optional(nonEmpty),
  section: sectionId,
  subsection: z._default(z.nullable(z.string()), null),
  rowNo: z._default(z.string(), ""),
  objective: z.object({ code: text, text }),
  text: nonEmpty,
  activities: texts,
  outputs: texts,
  leadText: text,
  coordText: z._default(z.string(), ""),
  deadline: deadlineSchema,
  note: z._default(z.string(), ""),
  corrections: z.optional(z.array(correctionSchema)),
});

const orphanSchema = z.object({
  section: sectionId,
  subsection: z._default(z.nullable(z.string()), null),
  rowNo: z._default(z.string(), ""),
  code: text,
  text,
});

const indicatorSchema = z.object({
  id: nonEmpty,
  text: nonEmpty,
  target: z.number().check(z.gte(0)),
  comparison: z.enum([">=", ">", "<=", "<", "="]),
  unit: z.enum(["%", "count"]),
  numerator: text,
  denominator: z.nullable(z.string()),
  lead: texts,
  source: z._default(z.string(), ""),
  note: z.optional(z.string()),
  corrections: z.optional(z.array(correctionSchema)),
});

const unitSchema = z.object({ id: nonEmpty, name: nonEmpty, aliases: texts });

const anomalySchema = z.object({
  kind: z.enum(ANOMALY_KINDS),
  message: nonEmpty,
  refs: texts,
  origin: z.optional(z.enum(["document", "detected"])),
});

const planFileSchema = z.object({
  year: z.number().check(z.int(), z.gte(1900), z.lte(9999)),
  title: z._default(z.string(), ""),
  sections: z.array(sectionSchema).check(z.minLength(1)),
  tasks: z.array(taskSchema),
  orphanObjectives: z._default(z.array(orphanSchema), []),
  indicators: z._default(z.array(indicatorSchema), []),
  units: z.optional(z.array(unitSchema)),
  anomalies: z._default(z.array(anomalySchema), []),
});

export type PlanFile = z.output<typeof planFileSchema>;

const TYPE_NAMES: Record<string, string> = {
  string: "chuỗi ký tự",
  number: "số",
  int: "số nguyên",
  boolean: "true/false",
  object: "đối tượng {…}",
  array: "danh sách […]",
  null: "null",
};

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "danh sách";
  if (typeof value === "number" && !Number.isFinite(value)) return "số không hợp lệ";
  return TYPE_NAMES[typeof value] ?? typeof value;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** "tasks[3] (2.4).leadText": the path, with the task code or indicator id when there is one. */
function formatPath(root: unknown, path: readonly PropertyKey[]): string {
  let out = "";
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    if (typeof key === "number") {
      out += `[${key}]`;
      const item = valueAt(root, path.slice(0, i + 1));
      const label =
        item && typeof item === "object"
          ? ((item as { code?: unknown; id?: unknown }).code ?? (item as { id?: unknown }).id)
          : undefined;
      if (typeof label === "string" && label.trim() !== "") out += ` (${label.trim()})`;
    } else {
      out += (out ? "." : "") + String(key);
    }
  }
  return out || "(gốc)";
}

interface Issue {
  code: string;
  path: PropertyKey[];
  expected?: string;
  values?: unknown[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  message: string;
}

function describe(issue: Issue, root: unknown): string {
  const value = valueAt(root, issue.path);
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return "thiếu (bắt buộc)";
      return `cần ${TYPE_NAMES[issue.expected ?? ""] ?? issue.expected}, nhận được ${typeName(value)}`;
    case "invalid_value":
      return `phải là một trong: ${(issue.values ?? []).map((v) => JSON.stringify(v)).join(", ")}; nhận được ${JSON.stringify(value)}`;
    case "too_small":
      if (issue.origin === "string") return "không được để trống";
      if (issue.origin === "array") return `cần ít nhất ${String(issue.minimum)} phần tử`;
      return `phải ≥ ${String(issue.minimum)}`;
    case "too_big":
      return `phải ≤ ${String(issue.maximum)}`;
    case "invalid_union":
      return `sai kiểu (nhận được ${typeName(value)})`;
    default:
      return issue.message;
  }
}

export type Validation<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/** Validates a parsed JSON value as a plan file; problems are Vietnamese, one per line. */
export function validatePlanFile(json: unknown): Validation<PlanFile> {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return {
      ok: false,
      problems: [`(gốc): cần một đối tượng JSON {…} chứa kế hoạch, nhận được ${typeName(json)}`],
    };
  }
  const r = planFileSchema.safeParse(json);
  if (!r.success) {
    const problems = (r.error.issues as unknown as Issue[]).map(
      (issue) => `${formatPath(json, issue.path)}: ${describe(issue, json)}`
    );
    return { ok: false, problems };
  }
  const problems = consistencyProblems(r.data);
  return problems.length ? { ok: false, problems } : { ok: true, value: r.data };
}

/** What a schema cannot say: references between parts of the plan, unique ids. */
function consistencyProblems(plan: PlanFile): string[] {
  const problems: string[] = [];
  const sections = new Map(plan.sections.map((s) => [s.id, s]));
  if (sections.size !== plan.sections.length)
    problems.push("sections: có phần bị lặp (trùng số La Mã)");
  const checkPlace = (where: string, section: string, subsection: string | null): void => {
    const s = sections.get(section);
    if (!s) {
      problems.push(`${where}.section: phần “${section}” không có trong sections`);
    } else if (subsection !== null && !s.subsections.some((x) => x.id === subsection)) {
      problems.push(`${where}.subsection: mục “${subsection}” không có trong phần ${section}`);
    } else if (subsection === null && s.subsections.length > 0) {
      problems.push(
        `${where}.subsection: phần ${section} chia mục (${s.subsections.map((x) => x.id).join(", ")}): cần ghi mục`
      );
    }
  };
  plan.tasks.forEach((t, i) => checkPlace(`tasks[${i}] (${t.code})`, t.section, t.subsection));
  plan.orphanObjectives.forEach((o, i) =>
    checkPlace(`orphanObjectives[${i}] (${o.code})`, o.section, o.subsection)
  );

  const ids = new Set<string>();
  plan.indicators.forEach((ind, i) => {
    const where = `indicators[${i}] (${ind.id})`;
    if (ids.has(ind.id)) problems.push(`${where}.id: mã chỉ tiêu bị lặp`);
    ids.add(ind.id);
    if (ind.unit === "count" && ind.denominator !== null) {
      problems.push(`${where}.denominator: chỉ tiêu đếm (unit "count") không có mẫu số, cần null`);
    }
    if (ind.unit === "%" && (ind.denominator === null || ind.denominator.trim() === "")) {
      problems.push(`${where}.denominator: chỉ tiêu tỷ lệ (unit "%") cần mô tả mẫu số`);
    }
    if (ind.unit === "%" && ind.target > 100) problems.push(`${where}.target: tỷ lệ không quá 100`);
  });

  if (plan.units) {
    const seen = new Map<string, string>();
    plan.units.forEach((u, i) => {
      for (const spelling of [u.name, ...u.aliases]) {
        const key = spelling.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim();
        const other = seen.get(key);
        if (other !== undefined && other !== u.name) {
          problems.push(`units[${i}] (${u.id}): tên “${spelling}” đã dùng cho đơn vị “${other}”`);
        }
        seen.set(key, u.name);
      }
    });
  }
  return problems;
}
