// Export all drafts, progress and kata practice to a JSON file, and import one back:
// validated first (a bad file changes nothing), then merged by time (storage.mergeImport),
// asking before a newer draft of this browser is replaced, and saying what changed.
import { exportAll, parseImport, mergeImport } from "./storage.js";
import { t } from "./i18n.js";

// Every learner-facing string of this file.
// Plurals: a "_one" message when n is 1, "_other" otherwise (both languages work so).
const plural = (key, n, values = {}) => t(`${key}_${n === 1 ? "one" : "other"}`, { n, ...values });
const TEXT = {
  exported: t("transfer.exported"),
  confirm: (titles) => plural("transfer.confirm", titles.length, { titles: titles.join(", ") }),
  nothing: t("transfer.nothing"),
  drafts: (n, what) => plural("transfer.drafts", n, { what }),
  added: t("transfer.added"),
  updated: t("transfer.updated"),
  replaced: t("transfer.replaced"),
  kept: t("transfer.kept"),
  progress: (n) => plural("transfer.progress", n),
  kata: (n) => plural("transfer.kata", n),
  summary: (parts) => t("transfer.summary", { parts: parts.join(", ") }),
};

export function describe(counts) {
  const parts = [];
  for (const key of ["added", "updated", "replaced", "kept"]) {
    if (!counts[key]) continue;
    // "2 drafts added, 1 kept (yours was newer)": the noun once, on the first.
    parts.push(parts.length ? `${counts[key]} ${TEXT[key]}` : TEXT.drafts(counts[key], TEXT[key]));
  }
  if (counts.progress) parts.push(TEXT.progress(counts.progress));
  if (counts.kata) parts.push(TEXT.kata(counts.kata));
  return parts.length ? TEXT.summary(parts) : TEXT.nothing;
}

// titleOf(id): the problem's title, for the confirmation.
export function setupTransfer(onImported, titleOf = (id) => id) {
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
    status.textContent = TEXT.exported;
  });
  const input = document.getElementById("import");
  input.addEventListener("change", async () => {
    const file = input.files[0];
    if (!file) return;
    try {
      const counts = mergeImport(parseImport(await file.text()), (ids) => confirm(TEXT.confirm(ids.map(titleOf))));
      status.textContent = describe(counts);
      status.dataset.kind = "ok";
      onImported();
    } catch (e) {
      status.textContent = e.message;
      status.dataset.kind = "error";
    }
    input.value = "";
  });
}
