// Export all drafts and progress to a JSON file, and import one back (validated first:
// a bad file changes nothing).
import { exportAll, importAll } from "./storage.js";
import { t } from "./i18n.js";

export function setupTransfer(onImported) {
  const status = document.getElementById("transfer-status");
  document.getElementById("export").addEventListener("click", () => {
    const blob = new Blob([JSON.stringify(exportAll(), null, 2)], { type: "application/json" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `mlkata-progress-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    status.textContent = t("transfer.exported");
  });
  const input = document.getElementById("import");
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    try {
      const n = importAll(await file.text());
      status.textContent = t("transfer.imported", { n });
      status.dataset.kind = "ok";
      onImported();
    } catch (e) {
      status.textContent = e.message;
      status.dataset.kind = "error";
    }
    input.value = "";
  });
}
