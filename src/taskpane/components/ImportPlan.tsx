import * as React from "react";
import {
  Button,
  Caption1,
  Input,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Subtitle2,
} from "@fluentui/react-components";
// Types only: the code is in the lazily loaded engine chunk.
import type { ActionResult, OfficeDeps } from "../../render/office/actions";
import type { Engine } from "../loadEngine";
import type { ImportResult, UnitEdit } from "../planImport";
import type { Plan } from "../../plan/types";

const styles = {
  section: { display: "flex", flexDirection: "column", gap: "8px" },
  row: { display: "flex", gap: "8px", flexWrap: "wrap", alignItems: "center" },
  list: { margin: "4px 0 0 0", paddingLeft: "18px" },
  unit: { display: "flex", flexDirection: "column", gap: "4px", padding: "4px 0" },
} satisfies Record<string, React.CSSProperties>;

export interface ImportPlanProps {
  /** Loads the engine (the lazily loaded chunk, or the tests' own). */
  loadEngine: () => Promise<Engine>;
  /** Runs an Office action the way the other buttons do (busy state, success/error message). */
  perform: (action: (engine: Engine) => Promise<ActionResult>) => Promise<ActionResult | null>;
  /** Another action is running. */
  disabled: boolean;
  deps: OfficeDeps;
}

/** FileReader, not Blob.arrayBuffer(): the older Office webviews (Trident, old Edge) lack the latter. */
function fileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(new Error("Không đọc được tệp đã chọn. Hãy thử chọn lại tệp."));
    reader.readAsArrayBuffer(file);
  });
}

interface Preview {
  source: string;
  result: ImportResult;
  edits: UnitEdit[];
  plan: Plan;
}

function UnitRow(props: {
  name: string;
  aliases: string[];
  others: string[];
  disabled: boolean;
  onEdit: (edit: UnitEdit) => void;
}): React.JSX.Element {
  const [text, setText] = React.useState(props.name);
  return (
    <li style={styles.unit} data-testid="import-unit">
      <span>
        <strong>{props.name}</strong>
        {props.aliases.length > 0 && <Caption1> (cũng viết: {props.aliases.join("; ")})</Caption1>}
      </span>
      <div style={styles.row}>
        <Input
          size="small"
          value={text}
          aria-label={`Tên mới cho ${props.name}`}
          disabled={props.disabled}
          onChange={(_e, d) => setText(d.value)}
        />
        <Button
          size="small"
          disabled={props.disabled || text.trim() === "" || text.trim() === props.name}
          onClick={() => props.onEdit({ kind: "rename", from: props.name, to: text })}
        >
          Đổi tên
        </Button>
        <Select
          size="small"
          aria-label={`Gộp ${props.name} vào đơn vị khác`}
          disabled={props.disabled}
          value=""
          onChange={(_e, d) =>
            d.value && props.onEdit({ kind: "merge", from: props.name, into: d.value })
          }
        >
          <option value="">Gộp vào…</option>
          {props.others.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </Select>
      </div>
    </li>
  );
}

/** "Nhập kế hoạch": a .docx or the selected pasted table → preview (counts, units, to-check) → tracker. */
export function ImportPlan(props: ImportPlanProps): React.JSX.Element {
  const [preview, setPreview] = React.useState<Preview | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [reading, setReading] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const disabled = props.disabled || reading;

  const read = async (source: string, how: (engine: Engine) => Promise<ImportResult>) => {
    setReading(true);
    setError(null);
    try {
      const result = await how(await props.loadEngine());
      setPreview({ source, result, edits: [], plan: result.plan });
    } catch (e) {
      setPreview(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setReading(false);
    }
  };

  const onFile = (e: React.ChangeEvent<HTMLInputElement>): void => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    void read(`tệp “${file.name}”`, async (engine) => engine.importDocx(await fileBytes(file)));
  };

  const onEdit = async (edit: UnitEdit): Promise<void> => {
    if (!preview) return;
    const engine = await props.loadEngine();
    const edits = [...preview.edits, edit];
    try {
      setPreview({ ...preview, edits, plan: engine.applyUnitEdits(preview.result.plan, edits) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const onBuild = (): void => {
    if (!preview) return;
    const plan = preview.plan;
    void props.perform((engine) => engine.createOrUpdateForPlan(props.deps, plan));
  };

  const plan = preview?.plan;
  return (
    <section aria-label="Nhập kế hoạch" style={styles.section}>
      <Subtitle2 as="h2">Nhập kế hoạch</Subtitle2>
      <Caption1 as="p">
        Kế hoạch năm mới: chọn tệp Word (.docx), hoặc dán bảng phụ lục vào một trang tính, chọn bảng
        rồi bấm “Từ vùng đang chọn”.
      </Caption1>
      <div style={styles.row}>
        <input
          ref={fileInput}
          type="file"
          accept=".docx"
          hidden
          onChange={onFile}
          data-testid="import-file"
        />
        <Button
          disabled={disabled}
          onClick={() => fileInput.current?.click()}
          data-testid="import-docx"
        >
          Từ tệp Word…
        </Button>
        <Button
          disabled={disabled}
          onClick={() =>
            void read("vùng đang chọn", (engine) => engine.importSelection(props.deps))
          }
          data-testid="import-selection"
        >
          Từ vùng đang chọn
        </Button>
      </div>
      {error && (
        <MessageBar intent="error" data-testid="import-error">
          <MessageBarBody>
            <MessageBarTitle>Không nhập được kế hoạch</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {preview && plan && (
        <div data-testid="import-preview" style={styles.section}>
          <Caption1 as="p" data-testid="import-summary">
            Từ {preview.source}: {preview.result.summary}
          </Caption1>
          <ul style={styles.list} data-testid="import-counts">
            <li>
              {plan.tasks.length} nhiệm vụ trong {plan.sections.length} phần
            </li>
            <li>{plan.indicators.length} chỉ tiêu</li>
            <li>
              {plan.tasks.filter((t) => t.deadline.due === null && !t.deadline.recurring).length}{" "}
              nhiệm vụ chưa có hạn
            </li>
          </ul>
          <Subtitle2 as="h3">Đơn vị ({plan.units.length})</Subtitle2>
          <ul style={styles.list}>
            {plan.units.map((u) => (
              <UnitRow
                key={`${u.name}|${preview.edits.length}`}
                name={u.name}
                aliases={u.aliases}
                others={plan.units.map((o) => o.name).filter((n) => n !== u.name)}
                disabled={disabled}
                onEdit={(edit) => void onEdit(edit)}
              />
            ))}
          </ul>
          <Subtitle2 as="h3">Cần kiểm tra ({preview.result.checks.length})</Subtitle2>
          <ol style={styles.list} data-testid="import-checks">
            {preview.result.checks.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ol>
          <Button
            appearance="primary"
            disabled={disabled}
            onClick={onBuild}
            data-testid="import-build"
          >
            Tạo bảng theo dõi theo kế hoạch này
          </Button>
        </div>
      )}
    </section>
  );
}
