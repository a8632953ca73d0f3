// The synchronous channel between the checker worker and a learner worker: one
// SharedArrayBuffer, a small control block and a data area. The checker writes a request
// and blocks in Atomics.wait until the learner replies (or the time runs out); the learner
// loops on Atomics.wait for requests. Only bytes cross (grader/wire.py's format), and the
// checker copies a reply out before decoding it, so nothing the learner writes later counts.
export const CAPACITY = 32 * 1024 * 1024;   // bytes of request or reply
const HEADER = 16;                          // Int32 slots: [state, length, -, -]
const IDLE = 0, REQUEST = 1, REPLY = 2, CRASHED = 3;

export function createChannel() {
  return new SharedArrayBuffer(HEADER + CAPACITY);
}

const views = (sab) => ({ ctrl: new Int32Array(sab, 0, 4), data: new Uint8Array(sab, HEADER) });

// Page side: a learner worker died without saying so (onerror): wake the checker.
export function markCrashed(sab) {
  const { ctrl } = views(sab);
  Atomics.store(ctrl, 0, CRASHED);
  Atomics.notify(ctrl, 0);
}

// Checker side. send(bytes, timeoutMs) -> "reply" | "timeout" | "crashed" | "garbage"; then
// take() -> the reply, copied into memory of the checker's own.
export function checkerEnd(sab) {
  const { ctrl, data } = views(sab);
  let reply = null;
  function send(request, timeoutMs) {
    reply = null;
    if (request.length > CAPACITY) return "garbage";
    data.set(request);
    Atomics.store(ctrl, 1, request.length);
    Atomics.store(ctrl, 0, REQUEST);
    Atomics.notify(ctrl, 0);
    const end = performance.now() + timeoutMs;
    while (Atomics.load(ctrl, 0) === REQUEST) {
      const left = end - performance.now();
      if (left <= 0) return "timeout";
      Atomics.wait(ctrl, 0, REQUEST, left);
    }
    const state = Atomics.load(ctrl, 0);
    if (state === CRASHED) return "crashed";
    const n = Atomics.load(ctrl, 1);
    if (state !== REPLY || n < 0 || n > CAPACITY) return "garbage";
    reply = data.slice(0, n);  // a copy in an ordinary ArrayBuffer
    return "reply";
  }
  return { send, take: () => reply };
}

// Learner side: answer requests until the worker is terminated. handle(Uint8Array) returns
// the reply bytes as a Uint8Array; if it throws, the interpreter is gone: say so and stop.
export function serveForever(sab, handle) {
  const { ctrl, data } = views(sab);
  for (;;) {
    let state;
    while ((state = Atomics.load(ctrl, 0)) !== REQUEST) Atomics.wait(ctrl, 0, state);
    let out;
    try {
      out = handle(data.slice(0, Math.min(Atomics.load(ctrl, 1), CAPACITY)));
    } catch (e) {
      Atomics.store(ctrl, 0, CRASHED);
      Atomics.notify(ctrl, 0);
      return;
    }
    if (out.length > CAPACITY) { Atomics.store(ctrl, 0, CRASHED); Atomics.notify(ctrl, 0); return; }
    data.set(out);
    Atomics.store(ctrl, 1, out.length);
    Atomics.store(ctrl, 0, REPLY);
    Atomics.notify(ctrl, 0);
  }
}
