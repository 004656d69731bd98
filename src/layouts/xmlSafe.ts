/**
 * Characters an .xlsx cannot hold. A workbook's XML may not contain C0 controls other than tab, LF
 * and CR, U+FFFE, U+FFFF or half a surrogate pair: Excel refuses such a file and LibreOffice drops most
 * of its text. Plans come from OCR and Word documents (Word's manual line break is U+000B), so every
 * string that reaches a layout is cleaned here and the user is told what changed.
 */
import type { Plan } from "../plan/types";
import type { UserInput } from "./userInput";

// Matching control characters is the point of this expression.
const ILLEGAL =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/gu;

/** `s` without XML-forbidden characters: vertical tab and form feed become line breaks, the rest go. */
export function xmlSafeText(s: string): string {
  return s.replace(ILLEGAL, (ch) => (ch === "\u000B" || ch === "\u000C" ? "\n" : ""));
}

/**
 * A cheaper first look (no lookarounds, surrogates as code units): a string without any of these
 * characters, which is nearly every string of a plan, has nothing forbidden.
 */
// eslint-disable-next-line no-control-regex
const SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/** How many XML-forbidden characters `s` holds. */
export function countIllegal(s: string): number {
  if (!SUSPECT.test(s)) return 0;
  return s.match(ILLEGAL)?.length ?? 0;
}

/**
 * Plain data (objects, arrays) with every string cleaned; `found` gets the count per top-level place.
 * What holds nothing to clean is returned as it is, not copied: plans almost never need cleaning, and
 * copying every task of a large plan on every build was garbage for nothing.
 */
function cleanDeep<T>(value: T, place: string, found: Map<string, number>): T {
  if (typeof value === "string") {
    const n = countIllegal(value);
    if (n === 0) return value;
    found.set(place, (found.get(place) ?? 0) + n);
    return xmlSafeText(value) as T;
  }
  if (Array.isArray(value)) {
    const out = value.map((v) => cleanDeep(v, place, found));
    return (out.every((v, i) => v === value[i]) ? value : out) as T;
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    let changed = false;
    for (const [k, v] of Object.entries(value)) {
      out[k] = cleanDeep(v, place, found);
      changed ||= out[k] !== v;
    }
    return (changed ? out : value) as T;
  }
  return value;
}

export interface CleanInputs {
  plan: Plan;
  userInput: UserInput | undefined;
  /** One Vietnamese line per place that changed; empty when nothing did. */
  notes: string[];
}

const WHAT =
  "ký tự không được phép trong tệp Excel (ký tự điều khiển, U+FFFE, U+FFFF, nửa cặp surrogate)";

/** The plan and the typed values with every string XML-safe, and what was removed where. */
export function cleanInputs(plan: Plan, userInput: UserInput | undefined): CleanInputs {
  const found = new Map<string, number>();
  const tasks = plan.tasks.map((t) => cleanDeep(t, `nhiệm vụ ${t.code}`, found));
  const indicators = plan.indicators.map((x) => cleanDeep(x, `chỉ tiêu ${x.id}`, found));
  const rest = cleanDeep({ ...plan, tasks: [], indicators: [] }, "kế hoạch", found);
  const cleanPlan = { ...rest, tasks, indicators };
  const cleanUser = userInput && cleanDeep(userInput, "dữ liệu đã nhập", found);
  const notes = [...found].map(
    ([place, n]) => `Đã bỏ ${n} ${WHAT} trong ${place}; hãy kiểm tra lại nội dung ô đó.`
  );
  return { plan: cleanPlan, userInput: cleanUser, notes };
}
