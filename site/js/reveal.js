// The reference solution: revealed after a pass (or after an explicit confirmation), shown
// with a line diff against the learner's current code, under the statement or (after a
// pass) right in the results panel.
import { diffLines } from "diff";
import { t } from "./i18n.js";

// Every learner-facing string of this file.
const TEXT = {
  solvedNote: t("reveal.solved_note"),
  compare: t("reveal.compare"),
  confirm: t("reveal.confirm"),
  failed: (status) => t("reveal.load_failed", { status }),
  diffLabel: t("reveal.diff_label"),
  reference: t("reveal.reference"),
  yoursToReference: t("reveal.yours_to_reference"),
  legend: t("reveal.legend"),
};

function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;
  return n;
}

// Fills `panel` with the reference and a line diff from `code` to it; false if it failed.
async function showComparison(panel, config, code) {
  const res = await fetch(config.solutionURL);
  if (!res.ok) { panel.hidden = false; panel.textContent = TEXT.failed(res.status); return false; }
  const reference = await res.text();
  const diff = el("pre", "diff-lines");
  diff.tabIndex = 0;
  diff.setAttribute("aria-label", TEXT.diffLabel);
  for (const part of diffLines(code, reference)) {
    const kind = part.added ? "add" : part.removed ? "del" : "same";
    const sign = part.added ? "+ " : part.removed ? "− " : "  ";
    for (const line of part.value.replace(/\n$/, "").split("\n")) diff.append(el("span", kind, sign + line + "\n"));
  }
  const ref = el("pre", "reference");
  ref.tabIndex = 0;
  ref.append(el("code", null, reference));
  panel.replaceChildren(el("h3", null, TEXT.reference), ref,
    el("h3", null, TEXT.yoursToReference), el("p", "muted small", TEXT.legend), diff);
  panel.hidden = false;
  return true;
}

export function setupReveal({ config, getCode, isSolved }) {
  const button = document.getElementById("reveal");
  const panel = document.getElementById("solution");
  const note = document.getElementById("solution-note");
  const refresh = () => {
    if (isSolved()) {
      note.textContent = TEXT.solvedNote;
      button.textContent = TEXT.compare;
    }
  };
  button.addEventListener("click", async () => {
    if (!isSolved() && !confirm(TEXT.confirm)) return;
    if (!await showComparison(panel, config, getCode())) return;
    panel.querySelector("h3").tabIndex = -1;
    panel.querySelector("h3").focus();
  });
  refresh();
  // compareInto(container): the same comparison, e.g. in the results panel after a pass.
  return { refresh, compareInto: (container) => showComparison(container, config, getCode()) };
}
