import { createFakeExcel } from "../test/support/fakeExcel";
import { builderFor, syntheticPlan, unitChoice } from "../test/support/officeHarness";
import { createOfficeJsClient, PAYLOAD_LIMIT_BYTES } from "../test/support/officeJsClient";
import { REQUEST_ARRAY_BUDGET_BYTES } from "../src/render/office/payload";
import {
  createOrUpdate,
  filterByUnit,
  refresh,
  setAsOfDate,
  type OfficeDeps,
} from "../src/render/office/actions";
import { sortTasks } from "../src/render/office/sortAction";
import { TASKS_TABLE } from "../src/layouts/tasksSheet";
import { getPlan } from "../src/plan";

/**
 * Bytes each action sends to Excel and receives, as Microsoft's Excel web client serializes them
 * (test/support/officeJsClient.ts). Excel on the web refuses a request or a response over about 5 MB
 * (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded).
 */
export interface PayloadFigures {
  scale: number;
  tasks: number;
  /** action → largest request and largest response of its run, in bytes, and its round trips. */
  actions: { name: string; request: number; response: number; requests: number; waits: number }[];
}

export { PAYLOAD_LIMIT_BYTES };

export async function measurePayloads(scales: number[]): Promise<PayloadFigures[]> {
  const out: PayloadFigures[] = [];
  for (const scale of scales) {
    const plan = syntheticPlan(getPlan(), scale);
    const fake = createFakeExcel();
    const client = createOfficeJsClient(fake, { payloadLimitBytes: Infinity }); // measure, do not refuse
    const deps: OfficeDeps = { run: client.run, isSetSupported: client.isSetSupported };
    const build = builderFor(plan);
    const actions: PayloadFigures["actions"] = [];
    const measure = async (
      name: string,
      action: () => Promise<{ ok: boolean; message: string }>
    ): Promise<void> => {
      const r = await action();
      if (!r.ok) throw new Error(`${name} ${scale}×: ${r.message}`);
      const run = client.lastRun;
      actions.push({
        name,
        request: Math.max(...run.requests.map((q) => q.requestBytes)),
        response: Math.max(...run.requests.map((q) => q.responseBytes)),
        requests: run.requests.length,
        waits: run.waiting,
      });
    };
    await measure("create", () => createOrUpdate(deps, build));
    for (const t of plan.tasks.slice(0, 20))
      fake.user.typeInTable(TASKS_TABLE, t.key, "Minh chứng", `Số ${t.seq}/QĐ-SKHCN`);
    await measure("update", () => createOrUpdate(deps, build));
    await measure("refresh", () => refresh(deps));
    await measure("as-of date", () => setAsOfDate(deps, "2024-06-30"));
    await measure("filter", () => filterByUnit(deps, unitChoice(plan, "Văn phòng Sở")));
    await measure("sort", () => sortTasks(deps, "due"));
    out.push({ scale, tasks: plan.tasks.length, actions });
  }
  return out;
}

const size = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`;

/** The BENCHMARKS.md section: largest request / response per action, over-limit ones marked. */
export function payloadLines(figures: PayloadFigures[]): string[] {
  const names = figures[0]?.actions.map((a) => a.name) ?? [];
  const cell = (n: number): string => (n > PAYLOAD_LIMIT_BYTES ? `**${size(n)}** ⚠` : size(n));
  return [
    "## Bytes per request (Microsoft's Excel web client, `excel-web-16.00.debug.js`)",
    "",
    "Largest request / largest response of each action, as the real client serializes them " +
      "(test/support/officeJsClient.ts), and (in brackets) the round trips the action waited for. " +
      "Excel on the web refuses either over about 5 MB: ⚠ would mark those (measured here without the limit). " +
      `Writes go in requests of at most ${size(REQUEST_ARRAY_BUDGET_BYTES)} of arrays (src/render/office/payload.ts); ` +
      "the update reads the key and input columns only.",
    "",
    `| plan size | tasks | ${names.join(" | ")} |`,
    `|---|---|${names.map(() => "---").join("|")}|`,
    ...figures.map(
      (f) =>
        `| ${f.scale}× | ${f.tasks} | ${f.actions.map((a) => `${cell(a.request)} / ${cell(a.response)} (${a.waits})`).join(" | ")} |`
    ),
    "",
  ];
}
