// Renders a report (the contract in grader/report.py) into the results panel. Display only.
import { t as tr } from "./i18n.js";  // "t" is the name of a test below

const LABEL = { pass: tr("results.pass"), fail: tr("results.fail"), error: tr("results.error"), timeout: tr("results.timeout") };
const ICON = { pass: "✓", fail: "✗", error: "!", timeout: "⏱" };

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

const num = (v) => (typeof v === "number" ? Number(v.toPrecision(6)).toString() : String(v));

function diffTable(diff) {
  const rows = diff.got.length, cols = diff.got[0].length;
  const [r0, c0] = diff.origin || [0, 0];
  const prefix = (diff.lead || []).join(", ");
  const idx = (r, c) => diff.vector ? `[${c0 + c}]` : `[${prefix ? prefix + ", " : ""}${r0 + r}, ${c0 + c}]`;
  const table = el("table", { class: "diff", tabindex: "0" },
    el("caption", {}, tr("results.diff_caption", { name: diff.name })));
  for (let r = 0; r < rows; r++) {
    const tr = el("tr");
    for (let c = 0; c < cols; c++) {
      const bad = diff.bad[r][c];
      tr.append(el("td", { class: bad ? "bad" : "ok", title: idx(r, c) },
        el("span", { class: "got" }, num(diff.got[r][c])),
        el("span", { class: "want" }, num(diff.expected[r][c]))));
    }
    table.append(tr);
  }
  return table;
}

export function renderReport(container, report) {
  container.replaceChildren();
  const mode = report.mode === "examples" ? tr("results.examples") : tr("results.tests");
  const ms = report.duration_ms < 1000 ? `${Math.round(report.duration_ms)} ms` : `${(report.duration_ms / 1000).toFixed(1)} s`;
  container.append(el("div", { class: `verdict ${report.status}`, "data-status": report.status },
    el("strong", {}, `${ICON[report.status]} ${mode}: ${LABEL[report.status]}`),
    el("span", { class: "muted" }, ` · ${ms}`),
    el("p", {}, report.message)));
  const list = el("ol", { class: "tests" });
  for (const t of report.tests) {
    const open = t.status !== "pass";
    const details = el("details", { class: `test ${t.status}`, "data-status": t.status },
      el("summary", {}, el("span", { class: "icon", "aria-hidden": "true" }, ICON[t.status]), " ",
        el("span", { class: "name" }, t.name), el("span", { class: "sr-only" }, ` ${LABEL[t.status]}`),
        el("span", { class: "time muted" }, `${t.duration_ms.toFixed(1)} ms`)));
    if (open) details.open = true;
    if (t.message) details.append(el("p", { class: "message" }, t.message));
    if (t.diff) details.append(diffTable(t.diff));
    if (t.output) details.append(el("div", { class: "output-label muted" }, tr("results.output")), el("pre", { class: "output", tabindex: "0" }, t.output));
    list.append(el("li", {}, details));
  }
  container.append(list);
}

export function renderRunning(container, mode) {
  container.replaceChildren(el("div", { class: "verdict running" },
    el("strong", {}, mode === "examples" ? tr("results.running_examples") : tr("results.running_tests"))));
}

export function appendProgress(container, test) {
  let list = container.querySelector("ol.live");
  if (!list) { list = el("ol", { class: "tests live" }); container.append(list); }
  list.append(el("li", { class: `test ${test.status}` }, `${ICON[test.status]} ${test.name}`));
}
