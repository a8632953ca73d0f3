// A track's theory page: every ```python block becomes a small editor (the problems' plain
// editor: a textarea with Tab indenting, no CodeMirror to download) with Run and Reset;
// code runs in the same worker runtime as the problems (booted on load), output shown
// under the block. Ctrl/⌘+Enter in a block runs it. Edits last until the page is left.
import { Runner, showBoot } from "./runner.js";
import { createPlainEditor } from "./plain-editor.js";
import { registerOffline } from "./offline.js";
import { focusableOverflows } from "./overflow.js";
import { localizeBoot, t } from "./i18n.js";

// Every learner-facing string of this file.
const TEXT = {
  ready: t("runtime.theory_ready"),
  failed: (message) => t("runtime.theory_failed", { error: message }),
  run: t("theory.run"), reset: t("theory.reset"),
  runLabel: (i) => t("theory.run_label", { n: i }),
  resetLabel: (i) => t("theory.reset_label", { n: i }),
  editorLabel: (i) => t("theory.editor_label", { n: i }),
  running: t("theory.running"), noOutput: t("theory.no_output"),
};

const config = JSON.parse(document.getElementById("mlkata-config").textContent);
const status = document.getElementById("runtime-status");
const runner = new Runner(config, (text, loaded) => { showBoot(status, text, loaded, config.runtimeBytes); localizeBoot(status, loaded, config.runtimeBytes); });
runner.ready.then(() => { status.textContent = TEXT.ready; },
  (e) => { status.textContent = TEXT.failed(e.message); });

const button = (text, label) => {
  const b = Object.assign(document.createElement("button"), { type: "button", textContent: text });
  b.setAttribute("aria-label", label);
  return b;
};

let queue = Promise.resolve();
for (const [k, code] of [...document.querySelectorAll(".theory pre > code.language-python")].entries()) {
  const i = k + 1;
  const pre = code.parentElement;
  const original = code.textContent.replace(/\n$/, "");
  const box = Object.assign(document.createElement("div"), { className: "editor snippet-editor" });
  const textarea = Object.assign(document.createElement("textarea"), {
    className: "plain-editor", spellcheck: false, readOnly: true, wrap: "off", rows: original.split("\n").length });
  for (const [a, v] of [["autocapitalize", "off"], ["autocomplete", "off"], ["aria-label", TEXT.editorLabel(i)]]) textarea.setAttribute(a, v);
  box.append(textarea);
  pre.replaceWith(box);
  const editor = createPlainEditor(textarea, { doc: original, onChange: () => { reset.disabled = editor.get() === original; } });
  const bar = Object.assign(document.createElement("div"), { className: "runbar" });
  const run = button(TEXT.run, TEXT.runLabel(i));
  const reset = button(TEXT.reset, TEXT.resetLabel(i));
  reset.className = "quiet";
  reset.disabled = true;
  const out = Object.assign(document.createElement("pre"), { className: "snippet-output", hidden: true, tabIndex: 0 });
  out.setAttribute("aria-live", "polite");
  bar.append(run, reset);
  box.after(bar, out);
  const start = () => {
    if (run.disabled) return;
    run.disabled = true;
    out.hidden = false;
    out.dataset.status = "running";
    out.textContent = TEXT.running;
    const source = editor.get();
    queue = queue.then(async () => {
      const r = await runner.snippet(source);
      out.dataset.status = r.status;
      out.textContent = (r.output || "") + (r.message ? (r.output ? "\n" : "") + r.message : "") || TEXT.noOutput;
      run.disabled = false;
    });
  };
  run.addEventListener("click", start);
  textarea.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); start(); }
  });
  reset.addEventListener("click", () => {
    editor.set(original);
    reset.disabled = true;
    textarea.focus();
  });
}

focusableOverflows();
registerOffline(runner.ready);
