// The reference solution: revealed after a pass (or after an explicit confirmation), shown
// with a line diff against the learner's current code.
import { diffLines } from "diff";
import { t } from "./i18n.js";

function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text !== undefined) n.textContent = text;
  return n;
}

export function setupReveal({ config, getCode, isSolved }) {
  const button = document.getElementById("reveal");
  const panel = document.getElementById("solution");
  const note = document.getElementById("solution-note");
  const refresh = () => {
    if (isSolved()) {
      note.textContent = t("reveal.solved_note");
      button.textContent = t("reveal.compare");
    }
  };
  button.addEventListener("click", async () => {
    if (!isSolved() && !confirm(t("reveal.confirm"))) return;
    const res = await fetch(config.solutionURL);
    if (!res.ok) { panel.hidden = false; panel.textContent = t("reveal.load_failed", { status: res.status }); return; }
    const reference = await res.text();
    const diff = el("pre", "diff-lines");
    diff.setAttribute("aria-label", t("reveal.diff_label"));
    for (const part of diffLines(getCode(), reference)) {
      const kind = part.added ? "add" : part.removed ? "del" : "same";
      const sign = part.added ? "+ " : part.removed ? "− " : "  ";
      for (const line of part.value.replace(/\n$/, "").split("\n")) diff.append(el("span", kind, sign + line + "\n"));
    }
    const ref = el("pre", "reference");
    ref.append(el("code", null, reference));
    panel.replaceChildren(el("h3", null, t("reveal.reference")), ref,
      el("h3", null, t("reveal.yours_to_reference")), el("p", "muted small", t("reveal.legend")), diff);
    panel.hidden = false;
    panel.querySelector("h3").tabIndex = -1;
    panel.querySelector("h3").focus();
  });
  refresh();
  return { refresh };
}
