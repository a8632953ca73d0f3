// Inlined in the problem page's <head> (CSP allows it by hash), so it runs before the body
// is parsed. When the parser creates the editor's textarea, this puts the learner's saved
// draft in it and makes it editable: the editor is usable at first paint, before any
// script file has loaded. page.js, then CodeMirror, take over from the textarea.
(() => {
  // Kata practice (kata.js, ?kata=1): derive mode, on the practice draft or the blank starter.
  const kata = new URLSearchParams(location.search).get("kata") === "1";
  if (kata) document.documentElement.dataset.kata = document.documentElement.dataset.derive = "on";
  // Derive mode (derive.js) hides the statement's formulas: decide before the first paint.
  if (!kata) try {
    const id = document.querySelector('meta[name="mlkata-problem"]').content;
    if (JSON.parse(localStorage.getItem("mlkata:v1:prefs:" + id)).derive) document.documentElement.dataset.derive = "on";
  } catch { /* no preference, or no storage: derive mode off */ }
  const KEY = kata ? "mlkata:v1:kata-draft:" : "mlkata:v1:draft:"; // storage.js: PREFIX + "draft:" + id
  const fill = (ta) => {
    let saved = null;
    try { saved = JSON.parse(localStorage.getItem(KEY + ta.dataset.problemId)); } catch { /* page.js reports */ }
    if (typeof saved === "string") ta.value = saved;
    ta.readOnly = false;
  };
  const mo = new MutationObserver(() => {
    const ta = document.querySelector("#editor > textarea[readonly]");
    if (ta) { mo.disconnect(); fill(ta); }
  });
  mo.observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => mo.disconnect());
})();
