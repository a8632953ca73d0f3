// Page side of the runtime: a checker worker (tests, comparisons, reports) and learner
// workers (the learner's code, one worker per run). Every Submit or Run examples gets a
// pre-booted learner worker, which is retired afterwards while a new spare boots in the
// background, so nothing a run does outlives it. The checker calls the learner
// synchronously through a SharedArrayBuffer, which needs a cross-origin isolated page. Where
// the page cannot be isolated, the checker replays the run from the start with each new
// answer instead (slower, never inside the learner's interpreter: see ReplayChannel).
// Reports are accepted from the checker worker only: learner workers' messages are ignored
// once they are ready.
import { createChannel, markCrashed } from "./channel.js";

const BACKSTOP_MS = 5000;  // past the time limit: the checker itself stopped answering

let seq = 0;

function spawn(url, init, onStatus) {
  const abs = (u) => u && new URL(u, document.baseURI).href;
  const worker = new Worker(abs(url));
  const slot = { worker, handlers: new Map(), info: null };
  worker.onmessage = ({ data }) => {
    const h = data && slot.handlers.get(data.id);
    if (h) h(data);
  };
  slot.ready = new Promise((resolve, reject) => {
    slot.handlers.set("init", (m) => {
      if (m.type === "status") return onStatus && onStatus(m.payload.text, m.payload.loaded);
      slot.handlers.delete("init");
      if (m.type === "ready") { slot.info = m.payload; resolve(slot); } else reject(new Error(m.payload.error));
    });
  });
  slot.ready.catch(() => {});
  worker.onerror = (e) => {
    for (const h of [...slot.handlers.values()]) h({ type: "crashed", payload: { error: e.message || "the worker stopped" } });
  };
  const payload = Object.fromEntries(Object.entries(init).map(([k, v]) => [k, k.endsWith("URL") ? abs(v) : v]));
  worker.postMessage({ id: "init", type: "init", payload });
  return slot;
}

function request(slot, type, payload, onMessage) {
  const id = ++seq;
  return new Promise((resolve) => {
    slot.handlers.set(id, (m) => {
      if (onMessage) onMessage(m);
      if (m.type !== "event") { slot.handlers.delete(id); resolve(m); }
    });
    slot.worker.postMessage({ id, type, payload });
  });
}

// Who made this page cross-origin isolated: "headers" (the host sent COOP/COEP),
// "service-worker" (site/sw.js added them), or "none" (nothing is graded then).
function isolationSource() {
  if (!self.crossOriginIsolated) return "none";
  const nav = performance.getEntriesByType("navigation")[0];
  const mark = nav && (nav.serverTiming || []).find((e) => e.name === "isolation");
  return mark ? mark.description : "headers";
}

const after = (ms, value) => new Promise((resolve) => setTimeout(() => resolve(value), ms));

export class Runner {
  constructor(config, onStatus) {
    this.config = config;
    this.onStatus = onStatus;
    this.isolated = typeof SharedArrayBuffer !== "undefined" && self.crossOriginIsolated;
    const runtime = { indexURL: config.indexURL, snapshotURL: config.snapshotURL, numpyPackURL: config.numpyPackURL };
    this.learnerInit = { ...runtime, zipURL: config.learnerZipURL };
    this.checkerInit = { ...runtime, zipURL: config.checkerZipURL, bundleURL: config.bundleURL };
    // Problem pages grade; theory and lesson pages only run code blocks (no checker needed).
    this.checker = config.bundleURL ? spawn(config.checkerURL, this.checkerInit, onStatus) : null;
    this.learner = spawn(config.learnerURL, this.learnerInit, this.checker ? null : onStatus);
    this.spare = null;
    this.ready = Promise.all([this.learner.ready, this.checker && this.checker.ready])
      .then(() => { this.bootSpare(); return this; });
  }

  bootSpare() {
    // Booted once the others are ready, so it never competes with them for the CPU.
    if (!this.spare) this.spare = spawn(this.config.learnerURL, this.learnerInit, null);
  }

  // The learner worker for the next run; a new spare starts booting once it is ready.
  async takeLearner() {
    const slot = this.learner;
    this.learner = this.spare || spawn(this.config.learnerURL, this.learnerInit, null);
    this.spare = null;
    this.learner.ready.then(() => this.bootSpare(), () => {});
    await slot.ready;
    return slot;
  }

  // Settles once a learner is booted for the next run and the spare behind it too.
  idle() {
    return this.ready.then(() => this.learner.ready).then(() => this.spare && this.spare.ready).then(() => true);
  }

  info() {
    const c = this.checker && this.checker.info, l = this.learner.info;
    return { isolated: this.isolated, isolation: isolationSource(),
             grading: !this.checker ? false : this.isolated ? "synchronous" : "replay", snapshot: !!(c || l) && (c || l).snapshot,
             numpy: (c || l) && (c || l).numpy,
             boot_ms: c ? Math.max(c.boot_ms, (l && l.boot_ms) || 0) : l && l.boot_ms,
             checker_boot_ms: c && c.boot_ms, learner_boot_ms: l && l.boot_ms };
  }

  // A theory page's or lesson's code block, in a learner worker of its own: {status, message, output}.
  async snippet(source) {
    await this.ready;
    const slot = await this.takeLearner();
    const limit = this.config.timeLimit * 1000;
    const m = await Promise.race([request(slot, "snippet", { source }), after(limit, { type: "stopped" })]);
    slot.worker.terminate();
    if (m.type === "snippet") return m.payload.result;
    return { status: m.type === "stopped" ? "timeout" : "error", output: "",
             message: m.type === "stopped" ? `Stopped after the time limit of ${this.config.timeLimit} s.`
                                           : "Python stopped (out of memory or stack); it was restarted." };
  }

  // "Try my input", ungraded, in a learner worker of its own: {source, entry, args (Python
  // defining each argument), argNames, returnNames, reference (source or null)} ->
  // {mine, reference}, each {status, values: [{name, repr, shape, dtype}], output, message, line}.
  async tryInput(payload) {
    await this.ready;
    const slot = await this.takeLearner();
    const limit = this.config.timeLimit * 1000 * (payload.reference ? 2 : 1);
    const m = await Promise.race([request(slot, "try", payload), after(limit, { type: "stopped" })]);
    slot.worker.terminate();
    if (m.type === "tried") return m.payload.result;
    const message = m.type === "stopped" ? `Stopped after the time limit of ${this.config.timeLimit} s.`
                                         : "Python stopped (out of memory or stack); it was restarted.";
    return { mine: { status: m.type === "stopped" ? "timeout" : "error", values: [], output: "", message, line: null },
             reference: null };
  }

  // Run the hidden tests ("tests") or the examples ("examples"); resolves to a report.
  async run(source, mode, onEvent) {
    await this.ready;
    if (!this.isolated) return this.replay(source, mode);
    const learner = await this.takeLearner();
    const channel = createChannel();
    learner.worker.onmessage = null;  // from here on, nothing it posts is heard
    learner.worker.onerror = () => markCrashed(channel);
    learner.worker.postMessage({ type: "serve", payload: { channel } });
    const answer = request(this.checker, "run", { source, mode, channel },
      (m) => { if (m.type === "event" && onEvent) onEvent(m.payload.event); });
    const m = await Promise.race([answer, after(this.config.timeLimit * 1000 + BACKSTOP_MS, { type: "stuck" })]);
    learner.worker.terminate();
    if (m.type === "report") return m.payload.report;
    return this.restartChecker(mode);
  }

  // The checker itself broke or hung (a bug in tests.py or the runtime): replace it too.
  restartChecker(mode) {
    this.checker.worker.terminate();
    this.checker = spawn(this.config.checkerURL, this.checkerInit, null);
    this.ready = Promise.all([this.checker.ready, this.learner.ready]).then(() => this);
    return { version: 1, problem: this.config.slug, mode, status: "error", duration_ms: 0, tests: [],
             message: "The grader stopped responding, so this run has no verdict. It has been restarted: try again." };
  }

  // The fallback where SharedArrayBuffer is missing: the checker runs, stops at the first
  // question it has no answer to, the learner worker answers it, and the checker runs again.
  async replay(source, mode) {
    const learner = await this.takeLearner();
    const answers = [];
    const limitMs = this.config.timeLimit * 1000;
    let learnerMs = 0, m;
    for (;;) {
      m = await Promise.race([request(this.checker, "replay", { source, mode, answers, elapsed_ms: learnerMs }),
                              after(limitMs + BACKSTOP_MS, { type: "stuck" })]);
      if (m.type !== "need") break;
      const t0 = performance.now();
      const a = await Promise.race([request(learner, "call", { request: m.payload.request }),
                                    after(Math.max(0, limitMs - learnerMs), { type: "stopped" })]);
      learnerMs += performance.now() - t0;
      const status = a.type === "answer" ? "reply" : a.type === "stopped" ? "timeout" : "crashed";
      answers.push([m.payload.request, status, status === "reply" ? a.payload.reply : new Uint8Array(0)]);
    }
    learner.worker.terminate();
    if (m.type === "report") return m.payload.report;
    return this.restartChecker(mode);
  }

}

// The boot status line, with the runtime download's progress on a first visit:
// "Downloading Python: 7.1 of 19.0 MB" and a progress bar, then the next step's text.
export function showBoot(el, text, loaded, total) {
  let bar = el.querySelector("progress");
  if (loaded === undefined || !total || loaded >= total) {
    el.textContent = loaded >= total ? "Starting Python…" : text;
    return;
  }
  const mb = (n) => (n / 1e6).toFixed(1);
  if (!bar) {
    el.textContent = "";
    el.append(document.createElement("span"), bar = document.createElement("progress"));
    bar.max = total;
    bar.setAttribute("aria-label", "Python download");
  }
  bar.value = loaded;
  el.firstChild.textContent = `Downloading Python: ${mb(loaded)} of ${mb(total)} MB. The editor works already; `
    + "Submit is ready when this is done. ";
}
