// Hints from problem.yaml, revealed one at a time.
import { t } from "./i18n.js";

export function setupHints() {
  const button = document.getElementById("next-hint");
  if (!button) return;
  const items = [...document.querySelectorAll("#hints > li")];
  const update = () => {
    const shown = items.filter((li) => !li.hidden).length;
    if (shown === items.length) { button.hidden = true; return; }
    button.textContent = shown === 0 ? t("hints.first", { total: items.length }) : t("hints.next", { n: shown + 1, total: items.length });
  };
  button.addEventListener("click", () => {
    const next = items.find((li) => li.hidden);
    if (next) { next.hidden = false; next.tabIndex = -1; next.focus(); }
    update();
    if (button.hidden) items[items.length - 1].focus();
  });
  update();
}
