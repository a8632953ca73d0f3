// Hints from problem.yaml, revealed one at a time. `opened`: how many the learner opened
// before (shown again at once); onOpen(n) is told each time the count grows.
import { t } from "./i18n.js";

// Every learner-facing string of this file.
const TEXT = {
  first: (total) => t("hints.first", { total }),
  next: (n, total) => t("hints.next", { n, total }),
};

export function setupHints({ opened = 0, onOpen = () => {} } = {}) {
  const button = document.getElementById("next-hint");
  if (!button) return;
  const items = [...document.querySelectorAll("#hints > li")];
  for (const li of items.slice(0, opened)) li.hidden = false;
  const update = () => {
    const shown = items.filter((li) => !li.hidden).length;
    if (shown === items.length) { button.hidden = true; return; }
    button.textContent = shown === 0 ? TEXT.first(items.length) : TEXT.next(shown + 1, items.length);
  };
  button.addEventListener("click", () => {
    const next = items.find((li) => li.hidden);
    if (next) { next.hidden = false; next.tabIndex = -1; next.focus(); }
    update();
    if (button.hidden) items[items.length - 1].focus();
    onOpen(items.filter((li) => !li.hidden).length);
  });
  update();
}
