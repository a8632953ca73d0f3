// Renders a report (the contract in grader/report.py) into the results panel. Display only.
// A view ({name, holdBack}, from derive.js) can rename tests and hold failure messages back;
// view.replay(args), when given, puts a failing case's arguments into "Try my input".
// Pictures (a wrong array's heatmaps, a test's charts) are drawn by pictures.js, loaded
// only when a report has one.
import { t as tr } from "./i18n.js";  // "t" names a test below

// Every learner-facing string of this file.
const TEXT = {
  examples: tr("results.examples"), tests: tr("results.tests"), output: tr("results.output"),
  runningExamples: tr("results.running_examples"), runningTests: tr("results.running_tests"),
  heldBackDiff: tr("results.held_back_diff"),
  heldBack: tr("results.held_back"),
  showMessage: tr("results.show_message"),
  diffCaption: (name) => tr("results.diff_caption", { name }),
  smallestCase: tr("results.smallest_case"),
  replay: tr("results.replay"),
  replayTitle: tr("results.replay_title"),
};
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
    el("caption", {}, TEXT.diffCaption(diff.name)));
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

const plain = { name: (n) => n, holdBack: false, replay: null };

// The failing case a random test found (shrunk to its smallest shapes), with a way to rerun it.
function caseLine(c, replay) {
  const line = el("p", { class: "case" }, TEXT.smallestCase, el("code", {}, c.label));
  if (replay && c.args) {
    const button = el("button", { type: "button", class: "replay", title: TEXT.replayTitle }, TEXT.replay);
    button.addEventListener("click", () => { replay(c.args).catch((e) => console.warn(e)); });
    line.append(" ", button);
  }
  return line;
}

function picturesFor(t) {
  const slot = el("div", { class: "pictures" });
  import("./pictures.js").then(({ drawInto }) => drawInto(slot, t), (e) => console.warn("Pictures did not load.", e));
  return slot;
}

// The whole-report message names the first failing test: show the same name as the list.
function renameIn(message, tests, name) {
  let out = message || "";
  for (const t of tests) if (name(t.name) !== t.name) out = out.split(t.name).join(name(t.name));
  return out;
}

function heldBackMessage(t) {
  const full = el("p", { class: "message" }, t.message);
  full.hidden = true;
  const button = el("button", { type: "button", class: "link" }, TEXT.showMessage);
  button.addEventListener("click", () => { full.hidden = false; button.parentElement.remove(); full.tabIndex = -1; full.focus(); });
  return [el("p", { class: "message held-back" }, t.diff ? TEXT.heldBackDiff : TEXT.heldBack, " ", button), full];
}

export function renderReport(container, report, view = plain) {
  container.replaceChildren();
  const mode = report.mode === "examples" ? TEXT.examples : TEXT.tests;
  const ms = report.duration_ms < 1000 ? `${Math.round(report.duration_ms)} ms` : `${(report.duration_ms / 1000).toFixed(1)} s`;
  container.append(el("div", { class: `verdict ${report.status}`, "data-status": report.status },
    el("strong", {}, `${ICON[report.status]} ${mode}: ${LABEL[report.status]}`),
    el("span", { class: "muted" }, ` · ${ms}`),
    el("p", {}, renameIn(report.message, report.tests, view.name))));
  const list = el("ol", { class: "tests" });
  for (const t of report.tests) {
    const open = t.status !== "pass";
    const details = el("details", { class: `test ${t.status}`, "data-status": t.status },
      el("summary", {}, el("span", { class: "icon", "aria-hidden": "true" }, ICON[t.status]), " ",
        el("span", { class: "name" }, view.name(t.name)), el("span", { class: "sr-only" }, ` ${LABEL[t.status]}`),
        el("span", { class: "time muted" }, `${t.duration_ms.toFixed(1)} ms`)));
    if (open || (t.pictures && t.pictures.length)) details.open = true;  // a picture is there to be seen
    if (t.message && view.holdBack && t.status === "fail") details.append(...heldBackMessage(t));
    else if (t.message) details.append(el("p", { class: "message" }, t.message));
    if (t.case && t.status !== "pass") details.append(caseLine(t.case, view.replay));
    if (t.diff) details.append(diffTable(t.diff));
    if ((t.diff && t.diff.full) || (t.pictures && t.pictures.length)) details.append(picturesFor(t));
    if (t.output) details.append(el("div", { class: "output-label muted" }, TEXT.output), el("pre", { class: "output", tabindex: "0" }, t.output));
    list.append(el("li", {}, details));
  }
  container.append(list);
}

export function renderRunning(container, mode) {
  container.replaceChildren(el("div", { class: "verdict running" },
    el("strong", {}, mode === "examples" ? TEXT.runningExamples : TEXT.runningTests)));
}

export function appendProgress(container, test, view = plain) {
  let list = container.querySelector("ol.live");
  if (!list) { list = el("ol", { class: "tests live" }); container.append(list); }
  list.append(el("li", { class: `test ${test.status}` }, `${ICON[test.status]} ${view.name(test.name)}`));
}

// One line per report for a screen reader, when focus stays where it was (keyboard runs).
export function summary(report) {
  const mode = report.mode === "examples" ? TEXT.examples : TEXT.tests;
  return `${mode}: ${LABEL[report.status]}.`;
}
