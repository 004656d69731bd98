/**
 * The orders the task pane offers for the "Nhiệm vụ" table (pure data, loaded with the first paint;
 * the action itself is in the engine chunk: sortAction.ts).
 */
export interface TaskSort {
  id: "due" | "state" | "lead" | "daysLate";
  /** Vietnamese label of the choice. */
  label: string;
  /** Table column (key of src/layouts/tasksSheet.ts) and direction. */
  column: "due" | "state" | "lead" | "daysLate";
  ascending: boolean;
}

export const TASK_SORTS: readonly TaskSort[] = [
  { id: "due", label: "Hạn (sớm trước)", column: "due", ascending: true },
  { id: "daysLate", label: "Số ngày trễ (nhiều trước)", column: "daysLate", ascending: false },
  { id: "state", label: "Tình trạng", column: "state", ascending: true },
  { id: "lead", label: "Đơn vị chủ trì", column: "lead", ascending: true },
];
