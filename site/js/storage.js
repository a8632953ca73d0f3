// Learner data in localStorage: drafts and progress per problem (keyed by the stable id),
// export/import as JSON. Every write reports failure (e.g. a full quota) instead of hiding it.
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

export const draft = {
  get: (id) => read(`draft:${id}`),
  set: (id, code) => write(`draft:${id}`, code),
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

export function exportAll() {
  const data = {};
  for (let i = 0; i < localStorage.length; i++) {
    const k = localStorage.key(i);
    if (k.startsWith(PREFIX)) data[k.slice(PREFIX.length)] = read(k.slice(PREFIX.length));
  }
  return { format: "mlkata-progress", version: 1, exported: new Date().toISOString(), data };
}

// Validates the whole file before writing anything; throws an Error with a clear message.
export function importAll(text) {
  let parsed;
  try { parsed = JSON.parse(text); } catch { throw new Error(t("storage.not_json")); }
  if (!parsed || parsed.format !== "mlkata-progress" || typeof parsed.data !== "object" || parsed.data === null)
    throw new Error(t("storage.not_progress"));
  for (const [k, v] of Object.entries(parsed.data)) {
    if (!/^(draft|progress):[a-z0-9-]+$/.test(k)) throw new Error(t("storage.unexpected", { key: k }));
    if (k.startsWith("draft:") && typeof v !== "string") throw new Error(t("storage.draft_not_text", { key: k }));
  }
  for (const [k, v] of Object.entries(parsed.data)) {
    const err = write(k, v);
    if (err) throw new Error(err);
  }
  return Object.keys(parsed.data).length;
}
