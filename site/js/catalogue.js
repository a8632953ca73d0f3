// The catalogue: shows each problem's solved/attempted state from this browser's storage.
import { progress } from "./storage.js";

for (const row of document.querySelectorAll("[data-problem-id]")) {
  const p = progress.get(row.dataset.problemId);
  const mark = row.querySelector(".state");
  if (p && mark) {
    row.dataset.state = p.status;
    mark.textContent = p.status === "solved" ? "✓ Solved" : "Attempted";
  }
}
