// On a narrow screen a long inline formula or a wide table scrolls sideways inside itself
// (style.css) instead of widening the page. Those that do overflow get a tab stop, so a
// keyboard can scroll them too; the others stay out of the tab order. Checked again
// whenever the statement changes size (a rotated phone, a view switched, fonts loaded).
const SCROLLERS = ".math.inline, table";

function mark(root) {
  for (const node of root.querySelectorAll(SCROLLERS)) {
    const overflows = node.scrollWidth > node.clientWidth + 1;
    if (overflows && !node.hasAttribute("tabindex")) { node.tabIndex = 0; node.dataset.scrolls = ""; }
    else if (!overflows && "scrolls" in node.dataset) { node.removeAttribute("tabindex"); delete node.dataset.scrolls; }
  }
}

export function focusableOverflows() {
  const observer = new ResizeObserver((entries) => { for (const e of entries) mark(e.target); });
  for (const root of document.querySelectorAll(".statement")) observer.observe(root);
}
