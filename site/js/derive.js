// "Derive it yourself" mode, per problem and remembered (storage.prefs): the statement's
// :::result blocks stay behind "Show the result" buttons, tests go by their neutral names
// (tests.py: a "Derive: …" docstring line), and failure messages, which may state the
// formula, are held back until the learner has opened the last hint.
//
// The page cannot rewrite what the grader says, and guessing which sentence of a message
// gives the formula away would fail silently; so in derive mode a failed test shows its
// neutral name, the value table if there is one, and a generic direction, with the full
// message one click away ("Show the message") and released for good by the last hint.
//
// <html data-derive="on"> (set before first paint by early.js from the same preference)
// hides what CSS can hide; "released" once the last hint is open; absent when off.
import { prefs } from "./storage.js";

// forced: kata practice (kata.js) keeps derive mode on whatever the preference says.
export function setupDerive({ config, onChange, forced = false }) {
  const root = document.documentElement;
  const box = document.getElementById("derive");
  const state = () => {
    const p = prefs.get(config.id);
    if (!p.derive && !forced) return "off";
    return p.hints >= config.hintCount ? "released" : "on";
  };
  const apply = () => {
    const s = state();
    if (s === "off") delete root.dataset.derive; else root.dataset.derive = s;
    if (box) { box.checked = s !== "off"; box.disabled = forced; }
  };
  if (box) {
    box.addEventListener("change", () => {
      prefs.set(config.id, { derive: box.checked });
      apply();
      onChange();
    });
  }
  for (const button of document.querySelectorAll(".show-result")) {
    button.addEventListener("click", () => {
      const block = button.closest(".result");
      block.classList.add("shown");
      const content = block.querySelector(".result-formula");
      content.tabIndex = -1;
      content.focus();
    });
  }
  apply();
  return {
    // Derive mode on (names neutral) and messages still held back.
    holdingBack: () => state() === "on",
    active: () => state() !== "off",
    // The name to show for a test: its neutral one while messages are held back.
    name: (name) => (state() === "on" && config.neutralNames[name]) || name,
    // The learner opened hints: remember how many (the last one releases the messages).
    hintsOpened(n) {
      if (n <= prefs.get(config.id).hints) return;
      prefs.set(config.id, { hints: n });
      apply();
      onChange();
    },
  };
}
