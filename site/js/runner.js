// Page side of the runtime: owns the grading worker (and a spare), enforces the time limit,
// and recovers from runaway or crashed runs. Grading logic stays in Python: when a run has
// to be stopped, a fresh worker builds the report from the events the old one sent.

const GRACE_MS = 1000;     // after an interrupt, how long Python gets to report a timeout
const MARGIN_MS = 150;     // past the time limit before we step in

function spawn(config, onStatus) {
  // URLs in the config are relative to the page; the worker resolves against its own URL.
  const abs = (u) => new URL(u, document.baseURI).href;
  const worker = new Worker(abs(config.workerURL));
  const isolated = typeof SharedArrayBuffer !== "undefined" && self.crossOriginIsolated;
  const interruptBuffer = isolated ? new Uint8Array(new SharedArrayBuffer(1)) : null;
  const slot = { worker, interruptBuffer, handlers: new Map() };
  worker.onmessage = ({ data }) => {
    const h = slot.handlers.get(data.id);
    if (h) h(data);
    else if (data.type === "status" && onStatus) onStatus(data.payload.text);
  };
  slot.ready = new Promise((resolve, reject) => {
    slot.handlers.set("init", (m) => {
      if (m.type === "status") return onStatus && onStatus(m.payload.text);
      slot.handlers.delete("init");
      if (m.type === "ready") { slot.info = m.payload; resolve(slot); }
      else reject(new Error(m.payload.error));
    });
  });
  // The worker itself died (e.g. out of memory): whoever is waiting hears "crashed".
  worker.onerror = (e) => {
    for (const h of [...slot.handlers.values()]) h({ type: "crashed", payload: { error: e.message || "the worker stopped" } });
  };
  worker.postMessage({ id: "init", type: "init", payload: {
    indexURL: abs(config.indexURL), graderURL: abs(config.graderURL),
    snapshotURL: config.snapshotURL ? abs(config.snapshotURL) : null,
    bundleURL: config.bundleURL ? abs(config.bundleURL) : null, interruptBuffer } });
  return slot;
}

export class Runner {
  constructor(config, onStatus) {
    this.config = config;
    this.onStatus = onStatus;
    this.seq = 0;
    this.current = spawn(config, onStatus);
    this.spare = null;
    this.ready = this.current.ready.then((slot) => { this.bootSpare(); return slot; });
  }

  bootSpare() {
    // Booted only once the current worker is ready, so the two never compete for the CPU
    // during the first boot; it makes recovery after a stopped run near-instant.
    if (!this.spare) { this.spare = spawn(this.config, null); this.spare.ready.catch(() => {}); }
  }

  replaceCurrent() {
    this.current.worker.terminate();
    this.current = this.spare || spawn(this.config, this.onStatus);
    this.spare = null;
    this.current.ready.then(() => this.bootSpare(), () => {});
    return this.current.ready;
  }

  request(slot, type, payload, onMessage) {
    const id = ++this.seq;
    return new Promise((resolve) => {
      slot.handlers.set(id, (m) => {
        if (onMessage) onMessage(m);
        if (m.type !== "event") { slot.handlers.delete(id); resolve(m); }
      });
      slot.worker.postMessage({ id, type, payload });
    });
  }

  // Runs `post(slot)` under the time limit: interrupt (isolated pages), then terminate and
  // swap in the spare. Resolves to the worker's answer, or {type: "stopped"|"crashed"}.
  async watched(slot, post) {
    if (slot.interruptBuffer) slot.interruptBuffer[0] = 0;
    let timer;
    const watchdog = new Promise((resolve) => {
      const kill = () => resolve({ type: "stopped" });
      timer = setTimeout(() => {
        if (slot.interruptBuffer) {
          slot.interruptBuffer[0] = 2;            // SIGINT: Python raises KeyboardInterrupt
          timer = setTimeout(kill, GRACE_MS);     // ... unless the learner swallows it
        } else kill();
      }, this.config.timeLimit * 1000 + MARGIN_MS);
    });
    const m = await Promise.race([post, watchdog]);
    clearTimeout(timer);
    return m;
  }

  // A theory page's code block: resolves to {status, message, output}.
  async snippet(source) {
    const slot = await this.current.ready;
    const m = await this.watched(slot, this.request(slot, "snippet", { source }));
    if (m.type === "report") return m.payload.report;
    await this.replaceCurrent();
    return { status: m.type === "stopped" ? "timeout" : "error", output: "",
             message: m.type === "stopped" ? `Stopped after the time limit of ${this.config.timeLimit} s; Python was restarted.`
                                           : "Python stopped (out of memory or stack); it was restarted." };
  }

  // Run the hidden tests ("tests") or the examples ("examples"); resolves to a report.
  async run(source, mode, onEvent) {
    const slot = await this.current.ready;
    const started = performance.now();
    const done = [];
    let loaded = false;
    const answer = this.request(slot, "run", { source, mode }, (m) => {
      if (m.type !== "event") return;
      const e = m.payload.event;
      if (e.event === "loaded") loaded = true;
      if (e.event === "test") done.push(e.test);
      if (onEvent) onEvent(e);
    });
    const m = await this.watched(slot, answer);
    if (m.type === "report") return m.payload.report;
    const reason = m.type === "stopped" ? "timeout" : "crash";
    const fresh = await this.replaceCurrent();
    const cut = await this.request(fresh, "cut", { mode, done, loaded, reason, duration_ms: performance.now() - started });
    return cut.payload.report;
  }
}
