// After a pass, the results panel ends with where to go: the learner's progress ("4 of 13
// solved"), "Next problem →" (the next in the track if not solved yet, else the next unsolved
// in catalogue order), and the comparison with the reference solution, right there.
import { progress } from "./storage.js";
import { t } from "./i18n.js";

// Every learner-facing string of this file.
const TEXT = {
  solved: (n, total) => t("next.solved", { n, total }),
  next: [t("next.before"), "\u00a0→"], // around the title (the arrow never wraps alone)
  allDone: t("next.all_done"),
  compare: t("reveal.compare"),
};

const solved = (id) => (progress.get(id) || {}).status === "solved";

// The problem to suggest after this one, or null when every problem is solved.
export function nextProblem(config) {
  const course = config.course;
  const inTrack = course.find((q) => q.slug === config.nextInTrack);
  if (inTrack && !solved(inTrack.id)) return inTrack;
  const here = course.findIndex((q) => q.id === config.id);
  for (let k = 1; k < course.length; k++) {
    const q = course[(here + k) % course.length];
    if (!solved(q.id)) return q;
  }
  return null;
}

export function renderNextStep(container, config, compareInto) {
  const box = document.createElement("div");
  box.className = "next-step";
  const count = config.course.filter((q) => solved(q.id)).length;
  const line = document.createElement("p");
  line.className = "solved-count";
  line.textContent = TEXT.solved(count, config.course.length);
  const next = nextProblem(config);
  const link = document.createElement("a");
  link.className = "next-problem";
  if (next) {
    link.href = `../${next.slug}/index.html`;
    const title = document.createElement("span");
    title.className = "next-title";
    title.textContent = next.title;
    link.append(TEXT.next[0], title, TEXT.next[1]);
  } else {
    link.href = "../../index.html";
    link.textContent = TEXT.allDone;
  }
  const compare = document.createElement("button");
  compare.type = "button";
  compare.textContent = TEXT.compare;
  const panel = document.createElement("div");
  panel.className = "solution compare";
  panel.hidden = true;
  compare.addEventListener("click", async () => {
    if (await compareInto(panel)) {
      compare.remove();
      const h = panel.querySelector("h3");
      h.tabIndex = -1;
      h.focus();
    }
  });
  box.append(link, line, compare, panel);
  container.append(box);
  return box;
}
