/**
 * `cchc snapshot`, registered without loading its body (./snapshotRun, which loads exceljs and the
 * layouts): `cchc plan` and `cchc due` start without them (docs/BENCHMARKS.md, CLI start-up).
 */
import type { Command } from "../io";
import type { SnapshotIO } from "./snapshotRun";

export type { SnapshotIO } from "./snapshotRun";

export async function runSnapshot(argv: readonly string[], io: SnapshotIO): Promise<number> {
  const body = await import("./snapshotRun");
  return body.runSnapshot(argv, io);
}

export const snapshotCommand: Command = {
  name: "snapshot",
  summary: "chốt số liệu kỳ báo cáo vào trang Lịch sử của sổ theo dõi (.xlsx)",
  run: runSnapshot,
};
