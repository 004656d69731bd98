/**
 * Decides whether the task pane runs inside Excel. Outside Office, office.js resolves
 * Office.onReady with host null; if office.js could not load at all, Office is undefined; and a
 * broken host may never resolve, hence the timeout.
 */
export type HostStatus =
  | { kind: "loading" }
  | { kind: "excel" }
  | {
      kind: "outside";
      reason: "no-office-js" | "no-host" | "other-host" | "timeout";
      host?: string;
    };

interface OfficeLike {
  onReady(): Promise<{ host: unknown; platform?: unknown }>;
}

export async function detectHost(
  office: OfficeLike | undefined,
  timeoutMs = 10000
): Promise<HostStatus> {
  if (!office || typeof office.onReady !== "function")
    return { kind: "outside", reason: "no-office-js" };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<HostStatus>((resolve) => {
    timer = setTimeout(() => resolve({ kind: "outside", reason: "timeout" }), timeoutMs);
  });
  const ready = office.onReady().then(
    (info): HostStatus => {
      const host = info && info.host ? String(info.host) : "";
      if (!host) return { kind: "outside", reason: "no-host" };
      if (host !== "Excel") return { kind: "outside", reason: "other-host", host };
      return { kind: "excel" };
    },
    (): HostStatus => ({ kind: "outside", reason: "no-host" })
  );
  try {
    return await Promise.race([ready, timeout]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}

export function outsideMessage(status: Extract<HostStatus, { kind: "outside" }>): string {
  switch (status.reason) {
    case "other-host":
      return `Phần bổ trợ này chỉ dùng trong Excel (đang mở trong ${status.host}).`;
    case "no-office-js":
      return "Không tải được thư viện Office (office.js). Kiểm tra kết nối mạng rồi mở lại ngăn tác vụ trong Excel.";
    case "timeout":
    case "no-host":
    default:
      return "Trang này phải chạy bên trong Excel. Hãy mở Excel (Windows, Mac hoặc Excel trên web), chọn thẻ Trang đầu › nhóm CCHC › Theo dõi CCHC.";
  }
}
