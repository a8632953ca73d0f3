// Kata practice: a solved problem comes back on a spaced schedule (INTERVALS days), to be
// solved again from memory. A pass in practice when the problem is due moves it to the next
// interval; a failed practice attempt starts it over at the first. The catalogue lists what
// is due today and the streak (days in a row with at least one practice pass); the page opens
// in practice with ?kata=1 (early.js), on a blank starter, with the last passing solution
// kept aside. Everything lives in storage.js (exported and imported with the rest).
//
// "Now" for tests: localStorage["mlkata:clock-offset-days"] (a number of days, outside the
// exported keys) moves this module's clock forward; nothing else reads it.
import { kata, kataDays, progress } from "./storage.js";
import { t } from "./i18n.js";

export const INTERVALS = [1, 3, 7, 21, 60];  // days
const DAY = 86400000;

export function now() {
  let offset = 0;
  try { offset = Number(localStorage.getItem("mlkata:clock-offset-days")) || 0; } catch { /* no storage */ }
  return Date.now() + offset * DAY;
}

// The local calendar day of a time, "2026-11-30".
export function dayOf(ms) {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

// The local midnight ending a time's day: a problem due at any hour of a day is due all of it.
const endOfDay = (ms) => { const d = new Date(ms); d.setHours(24, 0, 0, 0); return d.getTime(); };

// A problem's schedule, or null if it is not solved. Problems solved before there was a
// schedule (or imported without one) start at the first interval from their solve time.
export function schedule(id) {
  const r = kata.get(id);
  if (r) return r;
  const p = progress.get(id);
  return p && p.status === "solved" ? { stage: 0, due: (p.at || 0) + INTERVALS[0] * DAY, solution: null } : null;
}

export const isDue = (id, t = now()) => { const s = schedule(id); return !!s && s.due < endOfDay(t); };

// Calendar days from t's day to the due day (negative: overdue), or null if not scheduled.
const daysTo = (id, t) => {
  const s = schedule(id);
  return s ? Math.round((Date.parse(dayOf(s.due)) - Date.parse(dayOf(t))) / DAY) : null;
};
// Days until due (0: due today or overdue), or null if not scheduled.
export const daysUntil = (id, t = now()) => { const d = daysTo(id, t); return d === null ? null : Math.max(0, d); };
// Days overdue (0: due today or later), or null if not scheduled.
export const daysOverdue = (id, t = now()) => { const d = daysTo(id, t); return d === null ? null : Math.max(0, -d); };

// Days in a row, ending today (or yesterday, if today has no pass yet), with a practice pass.
export function streak(t = now()) {
  const days = new Set(kataDays.get());
  let d = new Date(t);
  if (!days.has(dayOf(d.getTime()))) d.setDate(d.getDate() - 1);
  let n = 0;
  while (days.has(dayOf(d.getTime()))) { n++; d.setDate(d.getDate() - 1); }
  return n;
}

// Records a Submit's verdict. practising: the page is in kata mode. Returns an error message
// for the learner (storage full) or null. The outcome for the page: {stage, due, moved}.
export function record(id, passed, source, practising) {
  const t = now();
  const s = schedule(id);
  if (!practising) {
    // A first solve (or a solve of a problem without a schedule) starts the schedule; later
    // passes outside practice only keep the newest solution aside.
    if (!passed) return null;
    if (!kata.get(id)) return kata.set(id, { stage: 0, due: t + INTERVALS[0] * DAY, solution: source });
    return kata.set(id, { ...kata.get(id), solution: source });
  }
  if (!passed) return kata.set(id, { stage: 0, due: t + INTERVALS[0] * DAY, solution: s ? s.solution : null });
  const due = !s || s.due < endOfDay(t);
  const stage = !s ? 0 : due ? Math.min(s.stage + 1, INTERVALS.length - 1) : s.stage;
  return kataDays.add(dayOf(t)) ||
    kata.set(id, { stage, due: due ? t + INTERVALS[stage] * DAY : s.due, solution: source });
}

// Every learner-facing string of the page's part.
const plural = (key, n) => t(`${key}_${n === 1 ? "one" : "other"}`, { n });
const TEXT = {
  passed: (days) => plural("kata.passed", days),
  early: (days) => plural("kata.early", days),
  failed: t("kata.failed"),
};

// The problem page in practice: shows the bar and the last passing solution, kept aside
// (fallback: the learner's regular draft, for problems solved before there was a schedule).
export function showPracticeBar(id, fallback) {
  const bar = document.getElementById("kata-bar");
  if (!bar) return;
  bar.hidden = false;
  const kept = (schedule(id) || {}).solution || fallback;
  const details = document.getElementById("kata-kept");
  if (kept) details.querySelector("code").textContent = kept; else details.hidden = true;
}

// What a practice verdict did to the schedule, for the results panel. wasDue: before the run.
export function practiceNote(id, passed, wasDue) {
  if (!passed) return TEXT.failed;
  const days = daysUntil(id);
  return wasDue ? TEXT.passed(days) : TEXT.early(days);
}
