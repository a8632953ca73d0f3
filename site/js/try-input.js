// "Try my input": the learner calls their own function on arguments they write (Python
// source defining each one; NumPy is np), and sees what it returns (shape, dtype), what it
// printed, or where it raised; optionally what the reference returns for the same input (its
// code stays hidden). Nothing is graded: it runs in a learner worker (runner.tryInput).
// Created the first time the panel opens (page.js imports this module then), so the page's
// main path carries none of it.
import { settings } from "./storage.js";
import { t } from "./i18n.js";

// Every learner-facing string of this file.
const TEXT = {
  intro: (names) => t("try.intro", { names: names.join(", ") }),
  argsLabel: t("try.args_label"),
  run: t("try.run"),
  running: t("try.running"),
  compare: t("try.compare"),
  mine: t("try.mine"),
  reference: t("try.reference"),
  printed: t("try.printed"),
  noReference: (why) => t("try.no_reference", { why }),
  atLine: (n) => t("try.at_line", { n }),
  status: { ok: "", error: t("try.error"), timeout: t("try.timeout") },
  scalar: t("try.scalar"),
  shape: (dims) => t("try.shape", { dims }),
  differs: t("try.differs"),
  same: t("try.same"),
  mark: (message) => t("try.mark", { message }),
  failed: (message) => t("try.failed", { message }),
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v; else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) node.append(c);
  return node;
}

const shapeText = (shape) => (!Array.isArray(shape) ? null : shape.length === 0 ? TEXT.scalar
  : TEXT.shape(`(${shape.join(", ")}${shape.length === 1 ? "," : ""})`));

// One side's result R = {status, values: [{name, repr, shape, dtype}], output, message, line}.
// other: the reference's R beside the learner's, to say which values differ (as printed).
function renderSide(title, r, who, other = null) {
  const theirs = new Map(((other && other.status === "ok" && other.values) || []).map((v) => [v.name, v]));
  const box = el("section", { class: "try-side", "data-who": who, "data-status": r.status, "aria-label": title },
    el("h4", {}, title));
  if (r.status !== "ok") {
    box.append(el("p", { class: "message" }, el("strong", {}, TEXT.status[r.status] || r.status), ": ",
      r.message || "", who === "mine" && r.line ? TEXT.atLine(r.line) : ""));
  }
  for (const v of r.values || []) {
    const meta = [shapeText(v.shape), v.dtype].filter(Boolean).join(" · ");
    const ref = theirs.get(v.name);
    const same = ref && ref.repr === v.repr && ref.dtype === v.dtype;
    box.append(el("div", { class: "try-value", "data-same": ref ? String(same) : null },
      el("p", { class: "value-head" }, el("code", {}, v.name), meta ? el("span", { class: "muted" }, ` ${meta}`) : null,
        ref ? el("span", { class: "compared" }, ` · ${same ? TEXT.same : TEXT.differs}`) : null),
      el("pre", { tabindex: "0" }, v.repr)));
  }
  if (r.output) box.append(el("p", { class: "muted small value-head" }, TEXT.printed), el("pre", { class: "output", tabindex: "0" }, r.output));
  return box;
}

// details: the panel's <details>; runner: runtime with tryInput(); ready: the runtime's
// promise; getCode(): the editor's text; mark(marks): the editor's line marks.
export function setupTryInput({ details, config, runner, ready, getCode, mark }) {
  const body = details.querySelector(".try-body");
  const box = el("textarea", { class: "try-args", id: "try-args", spellcheck: "false", autocapitalize: "off",
    autocomplete: "off", "aria-label": TEXT.argsLabel, rows: String(Math.min(10, config.tryArgs.split("\n").length + 1)) });
  box.value = config.tryArgs;
  const button = el("button", { type: "button", class: "try-run" }, TEXT.run);
  const compare = el("input", { type: "checkbox", id: "try-compare" });
  compare.checked = !!(settings.get("try-reference") || {}).on;
  compare.addEventListener("change", () => settings.set("try-reference", { on: compare.checked }));
  const out = el("div", { class: "try-results", "aria-live": "polite" });
  body.replaceChildren(el("p", { class: "muted small" }, TEXT.intro(config.argNames)), box,
    el("div", { class: "try-bar" }, button, el("label", {}, compare, " ", TEXT.compare)), out);

  let reference = null;  // a promise of the reference's source
  const referenceSource = () => (reference ||= fetch(config.solutionURL).then((res) => {
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return res.text();
  }));

  let busy = null;
  async function run(args = box.value, withReference = compare.checked) {
    if (busy) await busy.catch(() => {});
    box.value = args;
    compare.checked = withReference;
    button.disabled = true;
    button.textContent = TEXT.running;
    out.setAttribute("aria-busy", "true");
    busy = (async () => {
      await ready;
      let ref = null, refError = null;
      if (withReference) {
        try { ref = await referenceSource(); } catch (e) { refError = e.message; reference = null; }
      }
      const result = await runner.tryInput({ source: getCode(), entry: config.entry, args, reference: ref,
                                             argNames: config.argNames, returnNames: config.returnNames });
      const sides = [renderSide(TEXT.mine, result.mine, "mine", result.reference)];
      if (result.reference) sides.push(renderSide(TEXT.reference, result.reference, "reference"));
      else if (refError) sides.push(el("p", { class: "muted" }, TEXT.noReference(refError)));
      out.replaceChildren(...sides);
      if (result.mine.status === "error" && result.mine.line) {
        mark([{ line: result.mine.line, message: TEXT.mark(result.mine.message), severity: "warning" }]);
      }
      return result;
    })();
    try {
      return await busy;
    } catch (e) {
      out.replaceChildren(el("p", { class: "message" }, TEXT.failed(e.message || String(e))));
      throw e;
    } finally {
      button.disabled = false;
      button.textContent = TEXT.run;
      out.removeAttribute("aria-busy");
    }
  }
  button.addEventListener("click", () => { run().catch(() => {}); });
  box.addEventListener("keydown", (e) => {  // Ctrl/⌘+Enter in the box runs it (not Submit)
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); e.stopPropagation(); run().catch(() => {}); }
  });

  return {
    run,
    // "Replay this case": the failing case's arguments, in the box, run at once.
    replay(args) {
      details.open = true;
      box.value = args;
      details.scrollIntoView({ block: "nearest" });
      box.focus({ preventScroll: true });
      return run(args);
    },
  };
}
