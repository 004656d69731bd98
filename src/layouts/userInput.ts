import type { Scalar } from "./model";

/**
 * Values typed by users, read back from a workbook before it is rewritten, so that re-running
 * "create/update" (or generating a new file with --from) never loses them.
 * Rows are matched by their key (task key "2.23#2", indicator id), never by row position.
 */
export interface UserInput {
  /** table name → row key → column key → value (a constant, or a formula string starting with "="). */
  tables: Record<string, Record<string, Record<string, Scalar>>>;
  /** defined name → value of its cell (e.g. a fixed NgayBaoCao the user set). */
  names: Record<string, Scalar>;
}

export const emptyUserInput = (): UserInput => ({ tables: {}, names: {} });
