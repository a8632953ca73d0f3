// Export all drafts and progress to a JSON file, and import one back: validated first (a bad
// file changes nothing), then merged by time (storage.mergeImport), asking before a newer
// draft of this browser is replaced, and saying what changed.
import { exportAll, parseImport, mergeImport } from "./storage.js";

// Every learner-facing string of this file.
const TEXT = {
  exported: "Exported.",
  confirm: (titles) => `Your draft${titles.length > 1 ? "s" : ""} of ${titles.join(", ")} in this browser ` +
    `${titles.length > 1 ? "are" : "is"} newer than the file's (or of unknown age).\n\n` +
    "OK replaces yours with the file's; Cancel keeps yours.",
  nothing: "Imported: nothing new, everything in the file is already here.",
  drafts: (n, what) => `${n} draft${n === 1 ? "" : "s"} ${what}`,
  added: "added",
  updated: "updated (the file's were newer)",
  replaced: "replaced as you asked",
  kept: "kept (yours was newer)",
  progress: (n) => `progress for ${n} problem${n === 1 ? "" : "s"}`,
  summary: (parts) => `Imported: ${parts.join(", ")}.`,
};

export function describe(counts) {
  const parts = [];
  for (const key of ["added", "updated", "replaced", "kept"]) {
    if (!counts[key]) continue;
    // "2 drafts added, 1 kept (yours was newer)": the noun once, on the first.
    parts.push(parts.length ? `${counts[key]} ${TEXT[key]}` : TEXT.drafts(counts[key], TEXT[key]));
  }
  if (counts.progress) parts.push(TEXT.progress(counts.progress));
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
