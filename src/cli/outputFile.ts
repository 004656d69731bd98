/**
 * Writing the output file so that nothing is lost and two runs cannot both "win":
 * - a new file is created exclusively: the data goes to a temporary file next to it (written and
 *   fsync'ed), then is hard-linked to the target name, which fails if the name exists by then (two
 *   `cchc workbook --out X` started together: one writes X, the other says X exists);
 * - `--force` over a regular file: temporary file, fsync, the old file's mode, rename (atomic);
 *   through a symbolic link: the file the link points to is replaced, the link stays; over a file with
 *   other hard links: its content is rewritten in place, so every name sees the new workbook;
 * - the temporary file is removed on every failure path; errors are Vietnamese (full disk, a folder,
 *   no permission, read-only disk).
 */
import { constants, promises as fsp } from "fs";
import * as path from "path";

/** The file system calls used here (tests inject failures such as a full disk). */
export type OutputFs = Pick<
  typeof fsp,
  "open" | "link" | "rename" | "rm" | "stat" | "realpath" | "chmod" | "copyFile"
>;

/** A write that failed; the message is Vietnamese and complete. */
export class OutputFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OutputFileError";
  }
}

function codeOf(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}

/** Why writing `target` failed, in Vietnamese, with what to do. */
export function describeWriteError(target: string, err: unknown): string {
  switch (codeOf(err)) {
    case "ENOSPC":
    case "EDQUOT":
      return `Ổ đĩa đã đầy (hoặc hết hạn mức): không ghi được “${target}”. Hãy giải phóng dung lượng hoặc ghi ra ổ khác (--out), rồi chạy lại. Tệp cũ (nếu có) không bị thay đổi.`;
    case "EISDIR":
      return `“${target}” là một thư mục. Hãy ghi rõ tên tệp, ví dụ --out “${path.join(target, "CCHC.xlsx")}”.`;
    case "EEXIST":
      return `Tệp “${target}” đã có (có thể một lệnh khác vừa tạo nó). Dùng --force để ghi đè, hoặc chọn tên khác bằng --out.`;
    case "EACCES":
    case "EPERM":
      return `Không có quyền ghi “${target}” (hoặc thư mục chứa nó). Hãy chọn thư mục khác bằng --out.`;
    case "EROFS":
      return `Ổ đĩa chứa “${target}” chỉ cho đọc. Hãy chọn nơi ghi khác bằng --out.`;
    case "ENOENT":
    case "ENOTDIR":
      return `Thư mục chứa “${target}” không tồn tại. Hãy tạo thư mục trước hoặc chọn --out khác.`;
    default:
      return `Không ghi được tệp “${target}”: ${err instanceof Error ? err.message : String(err)}.`;
  }
}

async function writeAndSync(
  fs: OutputFs,
  file: string,
  data: Uint8Array,
  flags: string,
  mode?: number
) {
  const handle = await fs.open(file, flags, mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function tempName(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`
  );
}

/** Makes the rename durable: the directory entry reaches the disk too (best effort on every OS). */
async function syncDir(fs: OutputFs, dir: string): Promise<void> {
  try {
    const h = await fs.open(dir, "r");
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    // Windows cannot open a directory; the rename itself is still atomic there.
  }
}

/** The complete temporary file under the target name, failing if that name exists by now. */
async function createExclusively(fs: OutputFs, tmp: string, target: string): Promise<void> {
  try {
    await fs.link(tmp, target);
  } catch (err) {
    const code = codeOf(err);
    // Disks without hard links (FAT, some network shares): an exclusive copy does the same.
    if (code !== "ENOTSUP" && code !== "EPERM" && code !== "ENOSYS" && code !== "EXDEV") throw err;
    await fs.copyFile(tmp, target, constants.COPYFILE_EXCL);
  }
}

export interface WriteOptions {
  /** Replace an existing file (else the target must not exist, checked atomically). */
  force: boolean;
}

/** Writes `data` to `target` as described above; throws OutputFileError. */
export async function writeOutputFile(
  target: string,
  data: Uint8Array,
  opts: WriteOptions,
  fs: OutputFs = fsp
): Promise<void> {
  let existing: Awaited<ReturnType<OutputFs["stat"]>> | null = null;
  try {
    existing = await fs.stat(target);
  } catch (err) {
    if (codeOf(err) !== "ENOENT") throw new OutputFileError(describeWriteError(target, err));
  }
  if (existing?.isDirectory())
    throw new OutputFileError(describeWriteError(target, { code: "EISDIR" }));
  if (existing && !opts.force)
    throw new OutputFileError(describeWriteError(target, { code: "EEXIST" }));

  // Through a symbolic link the real file is written: the link stays a link.
  const real = existing ? await fs.realpath(target) : target;
  const tmp = tempName(real);
  try {
    await writeAndSync(fs, tmp, data, "wx", existing ? existing.mode & 0o7777 : 0o666);
    if (!existing) {
      await createExclusively(fs, tmp, target);
      await fs.rm(tmp, { force: true });
    } else if (existing.nlink > 1) {
      // Other names share this file: rewrite its content so all of them see the new workbook.
      await writeAndSync(fs, real, data, "w");
      await fs.rm(tmp, { force: true });
    } else {
      await fs.chmod(tmp, existing.mode & 0o7777);
      await fs.rename(tmp, real);
    }
    await syncDir(fs, path.dirname(real));
  } catch (err) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw new OutputFileError(describeWriteError(target, err));
  }
}
