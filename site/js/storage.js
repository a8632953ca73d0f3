// Learner data in localStorage: drafts (with the time each was saved), progress and
// preferences per problem (keyed by the stable id), export/import as JSON, an import merged
// by time. Every write reports failure (e.g. a full quota) instead of hiding it.
// Keyed by id only, not by language: the English and Spanish pages share drafts and progress.
import { t } from "./i18n.js";

const PREFIX = "mlkata:v1:";

export function read(key) {
  try { const v = localStorage.getItem(PREFIX + key); return v === null ? null : JSON.parse(v); }
  catch { return null; }
}

// Returns null on success, or an error message for the learner.
export function write(key, value) {
  try { localStorage.setItem(PREFIX + key, JSON.stringify(value)); return null; }
  catch (e) {
    return /quota/i.test(String(e && e.name) + String(e && e.message))
      ? t("storage.full")
      : t("storage.failed", { error: e && e.message });
  }
}

function remove(key) {
  try { localStorage.removeItem(PREFIX + key); } catch { /* nothing to lose */ }
}

// The draft itself stays a plain string (early.js reads it before any module loads); its
// time is kept beside it, for merging imports, and the hash of the starter it was written
// from (`base`), so the page can say when the starter changed since (starter-notice.js).
export const draft = {
  get: (id) => read(`draft:${id}`),
  set: (id, code, base) => write(`draft:${id}`, code) || write(`drafted:${id}`, Date.now()) ||
    (base ? write(`draftbase:${id}`, base) : null),
  base: (id) => read(`draftbase:${id}`),
  remove: (id) => { remove(`draft:${id}`); remove(`drafted:${id}`); remove(`draftbase:${id}`); },
  has: (id) => typeof read(`draft:${id}`) === "string",
};

// Per-problem choices: {derive: bool, hints: number opened, at: ms}.
export const prefs = {
  get: (id) => read(`prefs:${id}`) || { derive: false, hints: 0, at: 0 },
  set: (id, changes) => write(`prefs:${id}`, { ...prefs.get(id), ...changes, at: Date.now() }),
};

export const progress = {
  get: (id) => read(`progress:${id}`) || null,
  // "solved" is sticky: a later failing attempt does not unsolve a problem.
  record(id, passed) {
    const old = progress.get(id);
    if (old && old.status === "solved" && !passed) return null;
    return write(`progress:${id}`, { status: passed ? "solved" : "attempted", at: Date.now() });
  },
};

// Kata practice (kata.js), per solved problem: {stage: index into kata.js's intervals,
// due: ms, at: ms of the last change, solution: the last passing code (kept aside while
// practising on a blank starter)}. The practice draft is a plain string, like a draft.
export const kata = {
  get: (id) => read(`kata:${id}`),
  set: (id, record) => write(`kata:${id}`, { ...record, at: Date.now() }),
};
export const kataDraft = {
  get: (id) => read(`kata-draft:${id}`),
  set: (id, code) => write(`kata-draft:${id}`, code),
  remove: (id) => remove(`kata-draft:${id}`),
};
// The local days ("2026-11-30") with at least one kata pass, oldest first (for the streak).
export const kataDays = {
  get: () => { const v = read("kata-days:log"); return Array.isArray(v) ? v : []; },
  add(day) {
    const days = kataDays.get();
    if (days.includes(day)) return null;
    return write("kata-days:log", [...days, day].sort().slice(-400));
  },
};

// Site-wide choices, e.g. settings:try-reference = {on: bool, at: ms}.
export const settings = {
  get: (name) => read(`settings:${name}`),
  set: (name, value) => write(`settings:${name}`, { ...value, at: Date.now() }),
};

export function exportAll() {
  const data = {};
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k.startsWith(PREFIX)) data[k.slice(PREFIX.length)] = read(k.slice(PREFIX.length));
  }
  return { format: "mlkata-progress", version: 1, exported: new Date().toISOString(), data };
}

const KEY = /^(draft|drafted|draftbase|progress|prefs|kata|kata-draft|kata-days|settings):[a-z0-9-]+$/;
const RANK = { attempted: 1, solved: 2 };

// Reads and validates a progress file; throws an Error with a clear message, having
// written nothing.
export function parseImport(text) {
  let parsed;
  try { parsed = JSON.parse(text); } catch { throw new Error(t("storage.not_json")); }
  if (!parsed || parsed.format !== "mlkata-progress" || typeof parsed.data !== "object" || parsed.data === null)
    throw new Error(t("storage.not_progress"));
  for (const [k, v] of Object.entries(parsed.data)) {
    if (!KEY.test(k)) throw new Error(t("storage.unexpected", { key: k }));
    if (k.startsWith("draft:") && typeof v !== "string") throw new Error(t("storage.draft_not_text", { key: k }));
    if (k.startsWith("draftbase:") && typeof v !== "string") throw new Error(t("storage.draft_not_text", { key: k }));
    if (k.startsWith("progress:") && !(v && RANK[v.status])) throw new Error(t("storage.progress_unreadable", { key: k }));
    if (k.startsWith("kata-draft:") && typeof v !== "string") throw new Error(t("storage.kata_draft_not_text", { key: k }));
    if (k.startsWith("kata:") && !(v && Number.isInteger(v.stage) && typeof v.due === "number"))
      throw new Error(t("storage.kata_unreadable", { key: k }));
    if (k.startsWith("kata-days:") && !(Array.isArray(v) && v.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))))
      throw new Error(t("storage.kata_days_unreadable", { key: k }));
  }
  return parsed;
}

// Merges a parsed file into this browser, newest first: a draft replaces the local one when
// it is newer (a file without draft times counts as written when it was exported); a newer
// local draft — or one of unknown age — is replaced only if confirmReplace(ids) says so.
// Progress never goes back (solved beats attempted, then the later one wins). Preferences,
// settings and kata schedules: the later change wins; practice days are united; a practice
// draft is added where there is none (an open session here is never overwritten). Returns
// {added, updated, replaced, kept, progress, kata} counts (progress: problems whose status
// changed; kata: practice schedules taken from the file).
export function mergeImport(parsed, confirmReplace) {
  const data = parsed.data;
  const fileTime = Date.parse(parsed.exported) || 0;
  const counts = { added: 0, updated: 0, replaced: 0, kept: 0, progress: 0, kata: 0 };
  const writes = [];
  const conflicts = [];
  for (const [k, v] of Object.entries(data)) {
    const [kind, id] = k.split(":");
    if (kind === "draft") {
      const local = read(k);
      const theirs = typeof data[`drafted:${id}`] === "number" ? data[`drafted:${id}`] : fileTime;
      const ours = read(`drafted:${id}`);
      const base = typeof data[`draftbase:${id}`] === "string" ? [[`draftbase:${id}`, data[`draftbase:${id}`]]] : [];
      if (local === v) continue;
      if (typeof local !== "string") { counts.added++; writes.push([k, v], [`drafted:${id}`, theirs], ...base); }
      else if (typeof ours === "number" && theirs > ours) { counts.updated++; writes.push([k, v], [`drafted:${id}`, theirs], ...base); }
      else conflicts.push([id, v, theirs, base]);
    } else if (kind === "progress") {
      const local = read(k);
      const better = !local || !RANK[local.status] || RANK[v.status] > RANK[local.status] ||
        (RANK[v.status] === RANK[local.status] && (v.at || 0) > (local.at || 0));
      if (better) {
        if (!local || local.status !== v.status) counts.progress++;
        writes.push([k, v]);
      }
    } else if (kind === "prefs" || kind === "settings" || kind === "kata") {
      const local = read(k);
      if (!local || (v && (v.at || 0) > (local.at || 0))) {
        if (kind === "kata") counts.kata++;
        writes.push([k, v]);
      }
    } else if (kind === "kata-days") {
      const local = Array.isArray(read(k)) ? read(k) : [];
      const union = [...new Set([...local, ...v])].sort().slice(-400);
      if (union.length !== local.length) writes.push([k, union]);
    } else if (kind === "kata-draft") {
      if (typeof read(k) !== "string") writes.push([k, v]);
    }
  }
  if (conflicts.length && confirmReplace(conflicts.map(([id]) => id))) {
    counts.replaced = conflicts.length;
    for (const [id, v, t, base] of conflicts) writes.push([`draft:${id}`, v], [`drafted:${id}`, t], ...base);
  } else {
    counts.kept = conflicts.length;
  }
  for (const [k, v] of writes) {
    const err = write(k, v);
    if (err) throw new Error(err);
  }
  return counts;
}
