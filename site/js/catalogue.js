// The catalogue: solved / attempted / in progress (a saved draft) from this browser's
// storage, filters (search, tag, difficulty, status), a suggested next problem, kata
// practice (what is due today, the streak), and progress export/import.
import { progress, draft } from "./storage.js";
import { schedule, isDue, daysUntil, daysOverdue, streak } from "./kata.js";
import { setupTransfer } from "./transfer.js";
import { registerOffline } from "./offline.js";
import { t } from "./i18n.js";

// Plurals: a "_one" message when n is 1, "_other" otherwise (as transfer.js).
const plural = (key, n, values = {}) => t(`${key}_${n === 1 ? "one" : "other"}`, { n, ...values });
const rows = [...document.querySelectorAll("[data-problem-id]")];
const idOf = Object.fromEntries(rows.map((r) => [r.dataset.slug, r.dataset.problemId]));
// Every learner-facing string of this file.
const TEXT = {
  state: { solved: t("catalogue.solved"), attempted: t("catalogue.attempted"), started: t("catalogue.started"), "": t("catalogue.not_started") },
  next: t("catalogue.suggested"),
  allDone: t("catalogue.all_solved"),
  count: (shown, total) => t("catalogue.count", { shown, total }),
  practise: t("catalogue.practise"),
  practiseLabel: (title) => t("catalogue.practise_label", { title }),
  overdue: (n) => (n === 0 ? t("catalogue.due_today") : plural("catalogue.overdue", n)),
  nothingDue: t("catalogue.nothing_due"),
  nextDue: (title, n) => plural("catalogue.next_due", n, { title }),
  streak: (n) => (n ? plural("catalogue.streak", n) : t("catalogue.no_streak")),
  streakLabel: (n) => plural("catalogue.streak_label", n),
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

// Kata practice: the solved problems due today (overdue first), the next one to come due,
// and the streak. Hidden until something is solved.
function practice() {
  const box = document.getElementById("practice");
  const scheduled = rows.map((r) => ({ row: r, s: schedule(r.dataset.problemId) })).filter((x) => x.s);
  box.hidden = scheduled.length === 0;
  if (box.hidden) return;
  const due = scheduled.filter((x) => isDue(x.row.dataset.problemId)).sort((a, b) => a.s.due - b.s.due);
  const list = document.getElementById("due-list");
  list.replaceChildren(...due.map(({ row }) => {
    const link = row.querySelector("a");
    const li = document.createElement("li");
    const title = Object.assign(document.createElement("a"), { href: link.getAttribute("href"), textContent: link.textContent });
    const go = Object.assign(document.createElement("a"), { href: `${link.getAttribute("href")}?kata=1`, className: "button practise", textContent: TEXT.practise });
    go.setAttribute("aria-label", TEXT.practiseLabel(link.textContent));
    const when = Object.assign(document.createElement("span"), { className: "muted small",
      textContent: ` ${TEXT.overdue(daysOverdue(row.dataset.problemId))}` });
    li.append(title, when, " ", go);
    li.dataset.problemId = row.dataset.problemId;
    return li;
  }));
  list.hidden = due.length === 0;
  const later = scheduled.filter((x) => !isDue(x.row.dataset.problemId)).sort((a, b) => a.s.due - b.s.due)[0];
  const next = document.getElementById("next-due");
  next.textContent = (due.length ? "" : TEXT.nothingDue + " ") +
    (later ? TEXT.nextDue(later.row.querySelector("a").textContent, daysUntil(later.row.dataset.problemId)) : "");
  const n = streak();
  const badge = document.getElementById("streak");
  badge.textContent = TEXT.streak(n);
  badge.title = TEXT.streakLabel(n);
  badge.dataset.days = String(n);
}

mark();
filter();
practice();
const titleOf = Object.fromEntries(rows.map((r) => [r.dataset.problemId, r.querySelector("a").textContent]));
setupTransfer(() => { mark(); filter(); practice(); }, (id) => titleOf[id] || id);

registerOffline();
