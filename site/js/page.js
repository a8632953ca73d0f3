// The problem page: editor, buttons, results, draft autosave, progress, derive mode, the
// next step after a pass, kata practice (?kata=1), "Try my input" (created when first
// opened), and the automation API window.mlkata = {ready, setCode, getCode, run, tryInput}.
import { openEditor } from "./lazy-editor.js";
import { Runner, showBoot } from "./runner.js";
import { renderReport, renderRunning, appendProgress, summary } from "./results.js";
import { draft, kataDraft, progress, prefs } from "./storage.js";
import * as kata from "./kata.js";
import { setupHints } from "./hints.js";
import { setupReveal } from "./reveal.js";
import { setupDerive } from "./derive.js";
import { renderNextStep } from "./next-step.js";
import { setupViews } from "./views.js";
import { setupAssist } from "./assist.js";
import { setupShortcuts } from "./shortcuts.js";
import { registerOffline } from "./offline.js";
import { focusableOverflows } from "./overflow.js";
import { offerNewStarter, starterHash } from "./starter-notice.js";
import { localizeBoot, t } from "./i18n.js";

const config = JSON.parse(document.getElementById("mlkata-config").textContent);
const $ = (sel) => document.querySelector(sel);
const results = $("#results");
const status = $("#runtime-status");
const notice = $("#notice");
const announce = $("#announce");
const buttons = { tests: $("#submit"), examples: $("#run-examples") };

// Every learner-facing string of this file.
const TEXT = {
  resetDone: t("page.reset_done"),
  ready: t("runtime.ready"),
  notIsolated: t("runtime.not_isolated"),
  failed: (message) => t("runtime.failed", { error: message }),
  heldBackMark: (name) => t("page.held_back_mark", { name }),
  sameIn: (n) => t("page.same_in", { n }),
};

function say(text, kind = "info") {
  notice.textContent = text || "";
  notice.dataset.kind = kind;
  notice.hidden = !text;
}

// --- editor with autosave --------------------------------------------------------------
// Kata practice (early.js read ?kata=1) keeps its own draft; once it passes, the next
// practice starts blank again, so nothing more is saved.
const practising = document.documentElement.dataset.kata === "on";
const store = practising ? kataDraft : draft;
let practiceDone = false;
let saveTimer = null;
// The starter itself is no draft: the catalogue says "In progress" only for real work.
function saveNow(code) {
  if (practiceDone) return;
  if (code === config.starter) { store.remove(config.id); return; }
  const err = store.set(config.id, code, starterHash(config.starter));
  if (err) say(err, "error");
}
const editor = openEditor($("#editor"), {
  doc: store.get(config.id) ?? config.starter,
  onChange(code) {
    editor && editor.mark([]);
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => saveNow(code), 300);
  },
  shortcuts: [
    { key: "Mod-Enter", run: () => { run("tests", { keyboard: true }); return true; } },
    { key: "Mod-Shift-Enter", run: () => { run("examples", { keyboard: true }); return true; } },
  ],
});
if (!practising) {  // in practice mode the editor holds the practice draft, not the one this is about
  offerNewStarter({ id: config.id, starter: config.starter, editor, save: saveNow, anchor: notice,
                    undoButton: $("#undo-reset"), say });
}
// A reload or a closing tab must not lose the last keystrokes.
addEventListener("pagehide", () => { clearTimeout(saveTimer); saveNow(editor.get()); });

$("#reset").addEventListener("click", () => {
  if (editor.get() === config.starter) return;
  editor.set(config.starter);
  saveNow(config.starter);
  const undo = $("#undo-reset");
  undo.hidden = false;
  say(TEXT.resetDone, "info");
});
$("#undo-reset").addEventListener("click", () => {
  editor.undo();
  saveNow(editor.get());
  $("#undo-reset").hidden = true;
  say("");
  editor.focus();
});

// --- runtime ---------------------------------------------------------------------------
const runner = new Runner(config, (text, loaded) => { showBoot(status, text, loaded, config.runtimeBytes); localizeBoot(status, loaded, config.runtimeBytes); });
const ready = runner.ready.then(() => {
  status.textContent = runner.isolated ? TEXT.ready : TEXT.notIsolated;
  status.dataset.state = "ready";
  for (const b of Object.values(buttons)) b.disabled = false;
}, (e) => {
  status.textContent = TEXT.failed(e.message);
  status.dataset.state = "failed";
  throw e;
});

// Line marks for failed tests: one per line and message, however many tests share it.
function marksFor(report) {
  if (report.status === "error" && report.line) return [{ line: report.line, column: report.column, message: report.message }];
  const byKey = new Map();
  const keyOf = new Map();  // test name -> its mark, for "The same failure as “name”." (report.collapse_repeats)
  for (const t of report.tests.filter((t) => t.line && t.status !== "pass")) {
    const same = /^The same failure as “(.+)”\.$/.exec(t.message || "");
    if (same && byKey.has(keyOf.get(same[1]))) { byKey.get(keyOf.get(same[1])).count++; continue; }
    const message = derive.holdingBack() && t.status === "fail" ? TEXT.heldBackMark(derive.name(t.name)) : `${derive.name(t.name)}: ${t.message}`;
    const key = `${t.line}\n${derive.holdingBack() ? t.status : t.message}`;
    const m = byKey.get(key);
    keyOf.set(t.name, key);
    if (m) m.count++; else byKey.set(key, { line: t.line, message, severity: "warning", count: 1 });
  }
  return [...byKey.values()].map(({ count, ...m }) => (count > 1 ? { ...m, message: m.message + TEXT.sameIn(count) } : m));
}

// Shows a report (again, when derive mode changes what may be shown).
let practiceLine = null;  // what the last practice verdict did to the schedule
function show(report) {
  renderReport(results, report, { name: derive.name, holdBack: derive.holdingBack(),
                                  replay: (args) => tryPanel().then((p) => { views.show("code"); return p.replay(args); }) });
  editor.mark(marksFor(report));
  if (practiceLine && report.mode === "tests") results.append(Object.assign(document.createElement("p"), { className: "kata-note", textContent: practiceLine }));
  if (report.mode === "tests" && report.status === "pass") renderNextStep(results, config, reveal.compareInto);
}

let busy = false;
let lastReport = null;
// keyboard: started by a shortcut, so focus stays where the learner is typing and the
// verdict is announced instead; otherwise focus moves to the results, and a click on a
// button also switches a phone's view to them.
async function run(mode, { keyboard = false, click = false } = {}) {
  // Only the two buttons' modes: anything else would run the examples under the wrong label.
  const modes = Object.keys(buttons);
  if (!modes.includes(mode)) throw new Error(`unknown run mode ${JSON.stringify(mode)}: valid modes are "${modes.join('" and "')}"`);
  if (busy) return null;
  busy = true;
  for (const b of Object.values(buttons)) b.disabled = true;
  if (click) views.show("results");
  announce.textContent = "";
  renderRunning(results, mode);
  try {
    await ready;
    const source = editor.get();
    saveNow(source);
    const view = { name: derive.name };
    const report = await runner.run(source, mode, (e) => { if (e.event === "test") appendProgress(results, e.test, view); });
    if (mode === "tests") {
      const passed = report.status === "pass", wasDue = kata.isDue(config.id);
      const err = progress.record(config.id, passed) || kata.record(config.id, passed, source, practising);
      if (err) say(err, "error");
      if (practising) {
        practiceLine = kata.practiceNote(config.id, passed, wasDue);
        if (passed) { practiceDone = true; kataDraft.remove(config.id); }
      }
      reveal.refresh();
    }
    lastReport = report;
    show(report);
    if (keyboard) announce.textContent = summary(report);
    else results.focus({ preventScroll: true });
    return report;
  } finally {
    busy = false;
    for (const b of Object.values(buttons)) b.disabled = false;
  }
}
buttons.tests.addEventListener("click", () => run("tests", { click: true }));
buttons.examples.addEventListener("click", () => run("examples", { click: true }));
// The same shortcuts work when focus is outside the editor.
document.addEventListener("keydown", (e) => {
  if (e.key !== "Enter" || !(e.ctrlKey || e.metaKey) || e.defaultPrevented) return;
  e.preventDefault();
  run(e.shiftKey ? "examples" : "tests", { keyboard: true });
});

const views = setupViews();
const derive = setupDerive({ config, onChange: () => { if (lastReport) show(lastReport); }, forced: practising });
if (practising) kata.showPracticeBar(config.id, draft.get(config.id));

// "Try my input", created when first opened (or replayed into, or driven by a test).
const tryDetails = $("#try-input");
let tryPromise = null;
const tryPanel = () => (tryPromise ||= import("./try-input.js").then(({ setupTryInput }) =>
  setupTryInput({ details: tryDetails, config, runner, ready, getCode: () => editor.get(), mark: (m) => editor.mark(m) })));
tryDetails.addEventListener("toggle", () => { if (tryDetails.open) tryPanel(); });
const isSolved = () => (progress.get(config.id) || {}).status === "solved";
const reveal = setupReveal({ config, getCode: () => editor.get(), isSolved });
setupHints({ opened: prefs.get(config.id).hints, onOpen: (n) => derive.hintsOpened(n) });
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
  // Runs the learner's function on Python source defining its arguments (the "Try my
  // input" panel, opened): resolves to {mine, reference} (runner.tryInput's result).
  tryInput: (args, withReference = false) => tryPanel().then((p) => { tryDetails.open = true; return p.run(args, withReference); }),
};

focusableOverflows();
registerOffline(ready);
