// Hints from problem.yaml, revealed one at a time.
export function setupHints() {
  const button = document.getElementById("next-hint");
  if (!button) return;
  const items = [...document.querySelectorAll("#hints > li")];
  const update = () => {
    const shown = items.filter((li) => !li.hidden).length;
    if (shown === items.length) { button.hidden = true; return; }
    button.textContent = shown === 0 ? `Show a hint (1 of ${items.length})` : `Show the next hint (${shown + 1} of ${items.length})`;
  };
  button.addEventListener("click", () => {
    const next = items.find((li) => li.hidden);
    if (next) { next.hidden = false; next.tabIndex = -1; next.focus(); }
    update();
    if (button.hidden) items[items.length - 1].focus();
  });
  update();
}
