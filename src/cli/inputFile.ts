/**
 * Reading the files a command is given (`--from`, the workbook of `cchc report` / `snapshot`), with
 * the Vietnamese message and exit code 1 they all use when a file cannot be read. fs only, so a
 * command's registration can stay light (its body loads lazily).
 */
import { promises as fs } from "fs";

/** Input that cannot be used (files, dates): exit code 1, nothing written. */
export class InputError extends Error {}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === "ENOENT") return "không tồn tại";
  if (code === "EACCES" || code === "EPERM") return "không có quyền truy cập";
  if (code === "EISDIR") return "là một thư mục, không phải tệp";
  return err instanceof Error ? err.message : String(err);
}

export async function readInputFile(file: string, what: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    throw new InputError(`Không đọc được ${what} “${file}”: ${describeFsError(err)}.`);
  }
}
