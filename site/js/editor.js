// The code editor: CodeMirror 6 with Python highlighting, history, search and a lint layer
// used to mark a syntax error or the line where a test failed.
import { EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection } from "@codemirror/view";
import { EditorState, Prec } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab, isolateHistory, undo } from "@codemirror/commands";
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { python } from "@codemirror/lang-python";
import { lintGutter, setDiagnostics } from "@codemirror/lint";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { t } from "./i18n.js";

// `before`: the text a reset replaced (so undo brings it back); `selection`: {anchor, head}.
export function createEditor(parent, { doc, before = null, selection, onChange, shortcuts }) {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: before ?? doc,
      extensions: [
        Prec.highest(keymap.of(shortcuts)),
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(),
        history(), indentOnInput(), bracketMatching(), closeBrackets(), highlightSelectionMatches(),
        indentUnit.of("    "), syntaxHighlighting(classHighlighter),
        python(), lintGutter(), EditorView.lineWrapping,
        keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
        EditorView.updateListener.of((u) => { if (u.docChanged) onChange(u.state.doc.toString()); }),
        EditorView.contentAttributes.of({ "aria-label": t("page.editor_label") }),
      ],
    }),
  });
  if (before !== null) replaceAll(view, doc);
  if (selection) view.dispatch({ selection: clampSelection(selection, view.state.doc.length) });
  return {
    view,
    get: () => view.state.doc.toString(),
    set: (text) => replaceAll(view, text),
    undo: () => undo(view),
    focus: () => view.focus(),
    // marks: [{line, column?, message, severity}] — 1-based lines; out-of-range lines are clamped.
    mark(marks) {
      const doc = view.state.doc;
      const diagnostics = marks.filter((m) => m.line).map((m) => {
        const line = doc.line(Math.min(Math.max(1, m.line), doc.lines));
        // From the column to the end of the line; the whole line when the column is at its end.
        let from = m.column ? Math.min(line.from + m.column - 1, line.to) : line.from;
        if (from >= line.to) from = line.from;
        return { from, to: Math.max(from, line.to), severity: m.severity || "error", message: m.message };
      });
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
  };
}

// Replaces the whole text as one undoable step (so "Reset to starter" can be undone).
function replaceAll(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text },
                  annotations: isolateHistory.of("full") });
}

const clampSelection = ({ anchor, head }, n) => ({ anchor: Math.min(anchor, n), head: Math.min(head, n) });
