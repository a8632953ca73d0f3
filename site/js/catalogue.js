// The catalogue: solved / attempted / in progress (a saved draft) from this browser's
// storage, filters (search, tag, difficulty, status), a suggested next problem, and progress
// export/import.
import { progress, draft } from "./storage.js";
import { setupTransfer } from "./transfer.js";
import { registerOffline } from "./offline.js";
import { t } from "./i18n.js";

const rows = [...document.querySelectorAll("[data-problem-id]")];
const idOf = Object.fromEntries(rows.map((r) => [r.dataset.slug, r.dataset.problemId]));
// Every learner-facing string of this file.
const TEXT = {
  state: { solved: t("catalogue.solved"), attempted: t("catalogue.attempted"), started: t("catalogue.started"), "": t("catalogue.not_started") },
  next: t("catalogue.suggested"),
  allDone: t("catalogue.all_solved"),
  count: (shown, total) => t("catalogue.count", { shown, total }),
};

// "solved" or "attempted" (submitted), else "started" (a saved draft), else "".
const stateOf = (row) => (progress.get(row.dataset.problemId) || {}).status ||
  (draft.has(row.dataset.problemId) ? "started" : "");

function mark() {
  for (const row of rows) {
    const s = stateOf(row);
    row.dataset.state = s;
    row.querySelector(".state").textContent = TEXT.state[s] ?? TEXT.state[""];
  }
  // Next up: the first unsolved problem, in catalogue order, whose prerequisites are solved.
  const solved = (slug) => (progress.get(idOf[slug]) || {}).status === "solved";
  const next = rows.find((r) => stateOf(r) !== "solved" &&
    r.dataset.prereqs.split(" ").filter(Boolean).every(solved));
  const box = document.getElementById("next-up");
  if (next) {
    const link = next.querySelector("a");
    box.replaceChildren(TEXT.next, Object.assign(document.createElement("a"), { href: link.href, textContent: link.textContent }));
    box.hidden = false;
  } else if (rows.length) {
    box.textContent = TEXT.allDone;
    box.hidden = false;
  }
}

const controls = ["q", "difficulty", "tag", "state"].map((id) => document.getElementById(id));
function filter() {
  const [q, difficulty, tag, state] = controls.map((c) => c.value.trim().toLowerCase());
  let shown = 0;
  for (const row of rows) {
    const s = stateOf(row);
    const ok = (!q || row.dataset.title.includes(q)) &&
      (!difficulty || row.dataset.difficulty === difficulty) &&
      (!tag || row.dataset.tags.split(" ").includes(tag)) &&
      (!state || (state === "unsolved" ? s !== "solved" : s === state));
    row.hidden = !ok;
    shown += ok;
  }
  for (const group of document.querySelectorAll("section.group")) {
    group.hidden = ![...group.querySelectorAll("[data-problem-id]")].some((r) => !r.hidden);
  }
  document.getElementById("count").textContent = TEXT.count(shown, rows.length);
  document.getElementById("empty").hidden = shown > 0;
}
for (const c of controls) c.addEventListener("input", filter);
document.querySelector("form.filters").addEventListener("submit", (e) => e.preventDefault());

mark();
filter();
const titleOf = Object.fromEntries(rows.map((r) => [r.dataset.problemId, r.querySelector("a").textContent]));
setupTransfer(() => { mark(); filter(); }, (id) => titleOf[id] || id);

registerOffline();
