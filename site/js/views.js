// Narrow screens (the CSS decides: ≤ 900 px) show one part of a problem page at a time —
// the statement, the code, or the results — switched by a bar that stays at the top, so a
// phone never scrolls past the whole statement to reach the editor. Wide screens show all
// three and ignore the choice. Without this script every part shows, one under the other.

export function setupViews() {
  const layout = document.querySelector(".layout");
  const bar = document.getElementById("view-tabs");
  if (!layout || !bar) return { show() {} };
  const buttons = [...bar.querySelectorAll("button[data-view]")];
  const narrow = () => getComputedStyle(bar).display !== "none";
  const show = (view, { scroll = true } = {}) => {
    layout.dataset.view = view;
    for (const b of buttons) b.setAttribute("aria-pressed", String(b.dataset.view === view));
    // Start the chosen part at its top, just under the bar.
    if (scroll && narrow() && bar.getBoundingClientRect().top <= 0) bar.scrollIntoView();
  };
  for (const b of buttons) b.addEventListener("click", () => show(b.dataset.view));
  // The "Jump to the editor" link switches to the code when the statement is all there is.
  for (const a of document.querySelectorAll('a[href="#editor-start"]')) {
    a.addEventListener("click", (e) => { if (narrow()) { e.preventDefault(); show("code"); } });
  }
  show("statement", { scroll: false });
  bar.hidden = false;
  return {
    show,
    // True when only one part shows at a time (a phone).
    narrow,
  };
}
