// The problem page: editor, buttons, results, draft autosave, progress, and the
// automation API window.mlkata = {ready, setCode, getCode, run}.
import { openEditor } from "./lazy-editor.js";
import { Runner } from "./runner.js";
import { renderReport, renderRunning, appendProgress } from "./results.js";
import { draft, progress } from "./storage.js";
import { setupHints } from "./hints.js";
import { setupReveal } from "./reveal.js";
import { setupAssist } from "./assist.js";
import { setupShortcuts } from "./shortcuts.js";
import { registerOffline } from "./offline.js";
import { t, workerStatus } from "./i18n.js";

const config = JSON.parse(document.getElementById("mlkata-config").textContent);
const $ = (sel) => document.querySelector(sel);
const results = $("#results");
const status = $("#runtime-status");
const notice = $("#notice");
const buttons = { tests: $("#submit"), examples: $("#run-examples") };

function say(text, kind = "info") {
  notice.textContent = text || "";
  notice.dataset.kind = kind;
  notice.hidden = !text;
}

// --- editor with autosave --------------------------------------------------------------
let saveTimer = null;
function saveNow(code) {
  const err = draft.set(config.id, code);
  if (err) say(err, "error");
}
const editor = openEditor($("#editor"), {
  doc: draft.get(config.id) ?? config.starter,
  onChange(code) {
    editor && editor.mark([]);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveNow(code), 300);
  },
  shortcuts: [
    { key: "Mod-Enter", run: () => { run("tests"); return true; } },
    { key: "Mod-Shift-Enter", run: () => { run("examples"); return true; } },
  ],
});
// A reload or a closing tab must not lose the last keystrokes.
addEventListener("pagehide", () => { clearTimeout(saveTimer); saveNow(editor.get()); });

$("#reset").addEventListener("click", () => {
  if (editor.get() === config.starter) return;
  editor.set(config.starter);
  saveNow(config.starter);
  const undo = $("#undo-reset");
  undo.hidden = false;
  say(t("page.reset_done"), "info");
});
$("#undo-reset").addEventListener("click", () => {
  editor.undo();
  saveNow(editor.get());
  $("#undo-reset").hidden = true;
  say("");
  editor.focus();
});

// --- runtime ---------------------------------------------------------------------------
const runner = new Runner(config, (text) => { status.textContent = workerStatus(text); });
const ready = runner.ready.then(() => {
  status.textContent = runner.isolated ? t("runtime.ready") : t("runtime.not_isolated");
  status.dataset.state = "ready";
  for (const b of Object.values(buttons)) b.disabled = false;
}, (e) => {
  status.textContent = t("runtime.failed", { error: e.message });
  status.dataset.state = "failed";
  throw e;
});

let busy = false;
let lastReport = null;
async function run(mode) {
  if (busy) return null;
  busy = true;
  for (const b of Object.values(buttons)) b.disabled = true;
  renderRunning(results, mode);
  try {
    await ready;
    const source = editor.get();
    saveNow(source);
    const report = await runner.run(source, mode, (e) => { if (e.event === "test") appendProgress(results, e.test); });
    renderReport(results, report);
    lastReport = report;
    if (report.status === "error" && report.line) {
      editor.mark([{ line: report.line, column: report.column, message: report.message }]);
    } else {
      editor.mark(report.tests.filter((t) => t.line).map((t) => ({ line: t.line, message: `${t.name}: ${t.message}`, severity: "warning" })));
    }
    if (mode === "tests") {
      const err = progress.record(config.id, report.status === "pass");
      if (err) say(err, "error");
      reveal.refresh();
    }
    results.focus({ preventScroll: true });
    return report;
  } finally {
    busy = false;
    for (const b of Object.values(buttons)) b.disabled = false;
  }
}
buttons.tests.addEventListener("click", () => run("tests"));
buttons.examples.addEventListener("click", () => run("examples"));
// The same shortcuts work when focus is outside the editor.
document.addEventListener("keydown", (e) => {
  if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
  e.preventDefault();
  run(e.shiftKey ? "examples" : "tests");
});

const isSolved = () => (progress.get(config.id) || {}).status === "solved";
const reveal = setupReveal({ config, getCode: () => editor.get(), isSolved });
setupHints();
setupAssist({ config, getCode: () => editor.get(), lastReport: () => lastReport });
setupShortcuts();
for (const a of document.querySelectorAll("[data-prereq-id]")) {
  if ((progress.get(a.dataset.prereqId) || {}).status === "solved") a.classList.add("solved");
}

window.mlkata = {
  ready: ready.then(() => true),
  // How the runtime booted and what isolation is in force: {isolated, grading, snapshot,
  // boot_ms, checker_boot_ms, learner_boot_ms} (for tests and the benchmark).
  runtime: () => runner.info(),
  // Resolves once the next run's learner worker and the spare behind it have booted.
  idle: () => runner.idle(),
  // Resolves true once CodeMirror has replaced the plain textarea (false if it failed to load).
  editorUpgraded: editor.upgraded,
  setCode: (src) => editor.set(src),
  getCode: () => editor.get(),
  run: (mode = "tests") => run(mode),
};

registerOffline();
