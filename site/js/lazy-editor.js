// The learner's editor, usable at once: a plain textarea while CodeMirror (~430 KB, most of
// the page's script) loads as its own chunk, then CodeMirror takes over with the same text,
// selection, focus, scroll, undoable reset and line marks. If the chunk never loads, the
// textarea stays and everything still works (runs, autosave, reset).
import { createPlainEditor } from "./plain-editor.js";

export function openEditor(parent, { doc, onChange, shortcuts }) {
  const textarea = parent.querySelector("textarea");
  let current = createPlainEditor(textarea, { doc, onChange });
  const upgraded = import("./editor.js").then(({ createEditor }) => current.idle().then(() => {
    const s = current.handOver();
    const rich = createEditor(parent, { doc: s.doc, before: s.beforeSet, selection: s.selection, onChange, shortcuts });
    textarea.remove(); // only once CodeMirror holds the text
    current = rich;
    rich.view.scrollDOM.scrollTop = s.scrollTop;
    if (s.marks.length) rich.mark(s.marks);
    if (s.focused) rich.focus();
    return true;
  })).catch((e) => { console.warn("The code editor failed to load; keeping the plain one.", e); return false; });
  return {
    upgraded,
    get: () => current.get(),
    set: (text) => current.set(text),
    undo: () => current.undo(),
    focus: () => current.focus(),
    mark: (marks) => current.mark(marks),
  };
}
