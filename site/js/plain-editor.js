// The editor before CodeMirror has loaded: the page's own <textarea>, usable at first paint.
// Same interface as editor.js (get, set, undo, focus, mark), plus handOver() for the upgrade.

const INDENT = "    ";

export function createPlainEditor(textarea, { doc, onChange }) {
  if (textarea.readOnly) {
    textarea.value = doc; // early.js did not run
    textarea.readOnly = false;
  } else if (textarea.value !== doc) {
    queueMicrotask(() => onChange(textarea.value)); // typed before this script loaded: save it
  }
  let beforeSet = null; // the text "Reset to starter" replaced, for undo
  let marks = [];       // kept for CodeMirror, which can show them
  let escaped = false;  // Esc then Tab leaves the editor, as in CodeMirror
  let composing = null; // a promise while an IME composition is open
  textarea.addEventListener("input", () => onChange(textarea.value));
  textarea.addEventListener("compositionstart", () => {
    composing = new Promise((resolve) => textarea.addEventListener("compositionend", () => {
      composing = null;
      setTimeout(resolve); // after the composed text's input event
    }, { once: true }));
  });
  textarea.addEventListener("keydown", (e) => {
    if (e.key === "Escape") { escaped = true; return; }
    const wasEscaped = escaped;
    escaped = false;
    if (e.key !== "Tab" || wasEscaped || e.ctrlKey || e.metaKey || e.altKey) return;
    e.preventDefault();
    if (e.shiftKey) dedent(textarea); else type(textarea, INDENT);
  });
  return {
    get: () => textarea.value,
    set(text) { beforeSet = textarea.value; textarea.value = text; },
    undo() {
      if (beforeSet === null) return;
      textarea.value = beforeSet;
      beforeSet = null;
    },
    focus: () => textarea.focus(),
    mark(m) { marks = m; },
    // Resolves when no IME composition is open (swapping mid-composition would drop it).
    idle: () => composing || Promise.resolve(),
    // Everything CodeMirror needs to take over without the learner noticing.
    handOver: () => ({
      doc: textarea.value, beforeSet, marks,
      selection: { anchor: textarea.selectionDirection === "backward" ? textarea.selectionEnd : textarea.selectionStart,
                   head: textarea.selectionDirection === "backward" ? textarea.selectionStart : textarea.selectionEnd },
      focused: document.activeElement === textarea,
      scrollTop: textarea.scrollTop,
    }),
  };
}

// Insert text at the caret as a native edit (so the textarea's own undo keeps it).
function type(textarea, text) {
  if (!document.execCommand("insertText", false, text)) {
    textarea.setRangeText(text, textarea.selectionStart, textarea.selectionEnd, "end");
    textarea.dispatchEvent(new Event("input"));
  }
}

// Shift+Tab: remove up to one indent from the start of the caret's line.
function dedent(textarea) {
  const v = textarea.value;
  const start = v.lastIndexOf("\n", textarea.selectionStart - 1) + 1;
  const n = v.slice(start, start + INDENT.length).match(/^ */)[0].length;
  if (!n) return;
  const caret = textarea.selectionStart;
  textarea.setSelectionRange(start, start + n);
  type(textarea, "");
  textarea.setSelectionRange(Math.max(start, caret - n), Math.max(start, caret - n));
}
