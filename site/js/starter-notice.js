// When a problem's starter code changed since the learner's draft was saved (the author fixed
// a signature, a docstring, a shape), the page says so and offers the new starter. Taking it
// works like "Reset to starter": undo brings the learner's code back. Drafts remember the
// starter they were written from as a short hash (storage.draft.base); drafts saved before
// that existed carry none, and get no notice until they are next saved.
import { draft } from "./storage.js";
import { t } from "./i18n.js";

// FNV-1a, 32 bits, as 8 hex digits: enough to notice a changed starter, synchronous.
export function starterHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

// Shows the notice (before `anchor`) when the saved draft was written from another starter.
// Returns the notice element, or null when there is nothing to say.
export function offerNewStarter({ id, starter, editor, save, anchor, undoButton, say }) {
  const hash = starterHash(starter);
  const saved = draft.get(id);
  const base = draft.base(id);
  if (typeof saved !== "string" || !base || base === hash || saved === starter) return null;
  const box = document.createElement("div");
  box.className = "notice starter-changed";
  box.setAttribute("role", "status");
  const text = document.createElement("span");
  text.textContent = t("page.starter_changed") + " ";
  const use = document.createElement("button");
  use.type = "button";
  use.className = "link";
  use.textContent = t("page.use_new_starter");
  const keep = document.createElement("button");
  keep.type = "button";
  keep.className = "link";
  keep.textContent = t("page.keep_draft");
  box.append(text, use, " · ", keep);
  use.addEventListener("click", () => {
    editor.set(starter);
    save(starter);
    undoButton.hidden = false;
    box.remove();
    say(t("page.new_starter_used"), "info");
    editor.focus();
  });
  keep.addEventListener("click", () => {
    draft.set(id, editor.get(), hash); // written from this starter now: no notice next time
    box.remove();
    editor.focus();
  });
  anchor.before(box);
  return box;
}
