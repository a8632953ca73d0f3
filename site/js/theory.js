// A track's theory page: every ```python block gets a Run button; code runs in the same
// worker runtime as the problems (booted on load), output shown under the block.
import { Runner } from "./runner.js";
import { registerOffline } from "./offline.js";
import { t, workerStatus } from "./i18n.js";

const config = JSON.parse(document.getElementById("mlkata-config").textContent);
const status = document.getElementById("runtime-status");
const runner = new Runner(config, (text) => { status.textContent = workerStatus(text); });
runner.ready.then(() => { status.textContent = t("runtime.theory_ready"); },
  (e) => { status.textContent = t("runtime.theory_failed", { error: e.message }); });

let queue = Promise.resolve();
for (const [i, code] of [...document.querySelectorAll(".theory pre > code.language-python")].entries()) {
  const pre = code.parentElement;
  const bar = document.createElement("div");
  bar.className = "runbar";
  const button = Object.assign(document.createElement("button"), { type: "button", textContent: t("theory.run") });
  button.setAttribute("aria-label", t("theory.run_label", { n: i + 1 }));
  const out = Object.assign(document.createElement("pre"), { className: "snippet-output", hidden: true });
  out.setAttribute("aria-live", "polite");
  bar.append(button);
  pre.after(bar, out);
  button.addEventListener("click", () => {
    button.disabled = true;
    out.hidden = false;
    out.dataset.status = "running";
    out.textContent = t("theory.running");
    queue = queue.then(async () => {
      const r = await runner.snippet(code.textContent);
      out.dataset.status = r.status;
      out.textContent = (r.output || "") + (r.message ? (r.output ? "\n" : "") + r.message : "") || t("theory.no_output");
      button.disabled = false;
    });
  });
}

registerOffline();
