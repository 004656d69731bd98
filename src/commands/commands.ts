/**
 * Ribbon command code. It runs in the shared runtime (the task pane page), so it only has to register
 * the actions the manifest's buttons may call. The "Theo dõi CCHC" button uses ShowTaskpane directly;
 * "showTaskpane" is registered for ExecuteFunction buttons and keyboard shortcuts.
 */
import { officeGlobal } from "../render/office/officeGlobals";

function registerCommands(office: typeof Office | undefined = officeGlobal()): boolean {
  if (!office || !office.actions || typeof office.actions.associate !== "function") return false;
  office.actions.associate("showTaskpane", async () => {
    await office.addin.showAsTaskpane();
  });
  return true;
}

const office = officeGlobal();
if (office && typeof office.onReady === "function") {
  void office.onReady(() => {
    try {
      registerCommands(office);
    } catch {
      // Office.actions is missing outside a shared runtime (older Excel): the ShowTaskpane button still works.
    }
  });
}
