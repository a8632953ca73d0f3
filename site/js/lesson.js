// A lesson page: copy-to-clipboard prompts, demo tabs, the editable Python demo (same
// runtime as theory code blocks) and the JavaScript demo (a same-origin worker, see
// builder/lessonpage.py), each run's output compared with the expected output.
import { Runner } from "./runner.js";
import { t, workerStatus } from "./i18n.js";
import { registerOffline } from "./offline.js";

const config = JSON.parse(document.getElementById("mlkata-config").textContent);

// --- prompts: copy, or show the text selected where the clipboard is refused ----------------
for (const button of document.querySelectorAll("[data-copy]")) {
  button.addEventListener("click", async () => {
    const source = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector(".copy-status");
    try {
      await navigator.clipboard.writeText(source.value);
      status.textContent = t("lesson.copied");
    } catch {
      source.hidden = false;
      source.focus();
      source.select();
      status.textContent = t("lesson.copy_by_hand");
    }
  });
}

// --- tabs (WAI-ARIA tabs pattern: arrows move between tabs) ---------------------------------
const tabs = [...document.querySelectorAll('[role="tab"]')];
function select(tab) {
  for (const other of tabs) {
    const on = other === tab;
    other.setAttribute("aria-selected", String(on));
    other.tabIndex = on ? 0 : -1;
    document.getElementById(other.getAttribute("aria-controls")).hidden = !on;
  }
}
for (const [i, tab] of tabs.entries()) {
  tab.addEventListener("click", () => select(tab));
  tab.addEventListener("keydown", (e) => {
    const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    const next = tabs[(i + step + tabs.length) % tabs.length];
    select(next);
    next.focus();
  });
}

// --- running the demos ------------------------------------------------------------------------
const same = (a, b) => a.replace(/\s+$/gm, "").trim() === b.replace(/\s+$/gm, "").trim();
function show(panel, result) {
  const out = panel.querySelector(".demo-output");
  const status = panel.querySelector(".demo-status");
  const text = (result.output || "") + (result.message ? (result.output ? "\n" : "") + result.message : "");
  out.textContent = text || t("lesson.no_output");
  const match = result.status === "ok" && same(result.output || "", config.expected);
  out.dataset.status = match ? "pass" : "fail";
  status.textContent = match ? t("lesson.matches") : t("lesson.differs");
  status.dataset.status = out.dataset.status;
}

let runner = null;   // Python boots on the first run: a lesson is mostly read
function python() {
  if (!runner) {
    const status = document.querySelector('#panel-python .demo-status');
    runner = new Runner(config, (text) => { status.textContent = workerStatus(text); });
  }
  return runner;
}

function javascript() {
  // The demo as written, in a worker from this origin (the CSP allows no eval).
  return new Promise((resolve) => {
    const worker = new Worker(config.jsDemoURL);
    const timer = setTimeout(() => { worker.terminate(); resolve({ status: "timeout", output: "", message: t("lesson.stopped") }); },
      config.timeLimit * 1000);
    worker.onmessage = ({ data }) => { clearTimeout(timer); worker.terminate(); resolve(data); };
    worker.onerror = (e) => { clearTimeout(timer); worker.terminate(); resolve({ status: "error", output: "", message: e.message }); };
  });
}

for (const button of document.querySelectorAll(".run-demo")) {
  const panel = button.closest(".tabpanel");
  button.addEventListener("click", async () => {
    button.disabled = true;
    panel.querySelector(".demo-status").textContent = t("lesson.running");
    panel.querySelector(".demo-output").dataset.status = "running";
    try {
      if (button.dataset.lang === "python") {
        const r = python();
        await r.ready;
        show(panel, await r.snippet(document.getElementById("demo-python").value));
      } else {
        show(panel, await javascript());
      }
    } catch (e) {
      show(panel, { status: "error", output: "", message: t("lesson.failed", { error: e.message }) });
    } finally {
      button.disabled = false;
    }
  });
}
const code = document.getElementById("demo-python");
const original = code ? code.defaultValue : "";
for (const reset of document.querySelectorAll(".reset-demo")) reset.addEventListener("click", () => { code.value = original; code.focus(); });

registerOffline();
