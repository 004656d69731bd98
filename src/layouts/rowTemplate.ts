/**
 * Formulas that differ from row to row only by their row number, made once and completed per row
 * with a join. Built piece by piece for every row, the 100× plan's formulas were long chains of
 * concatenations that V8 keeps as ropes until read, and the garbage collector took most of the
 * layout build's time (docs/BENCHMARKS.md); a join makes one flat string per cell.
 */
const ROW_MARK = "\u0001";

export function perRow<T extends Partial<Record<string, string>>>(
  make: (row: string) => T
): (row: number) => T {
  const templates = Object.entries(make(ROW_MARK)).map(
    ([key, formula]) => [key, (formula as string).split(ROW_MARK)] as const
  );
  return (row) => {
    const r = String(row);
    const out: Record<string, string> = {};
    for (const [key, parts] of templates) out[key] = parts.join(r);
    return out as T;
  };
}
