// The checker worker: tests.py, expected values, comparisons and the report live here, in
// an interpreter learner code never reaches. Each run talks to a learner worker through a
// SharedArrayBuffer the page hands over with the request (see channel.js).
// Protocol ({id, type, payload}):
//   page -> checker  init {indexURL, snapshotURL, numpyPackURL, zipURL, bundleURL}
//                    run  {source, mode, channel: SharedArrayBuffer}
//                    replay {source, mode, answers: [[request, status, reply]], elapsed_ms}
//                      (a page without SharedArrayBuffer: see grader.checker.channel.ReplayChannel)
//   checker -> page  status {text} | ready {boot_ms, snapshot, numpy} | event {event} | report {report}
//                    | need {request} | failed {error} | crashed {error}
import { bootPython } from "./boot-python.js";
import { checkerEnd } from "./channel.js";

let py = null, runJSON = null, replayJSON = null, bundleJSON = null;
const post = (id, type, payload) => self.postMessage({ id, type, payload });

async function init(id, { bundleURL, ...urls }) {
  const t0 = performance.now();
  const bundle = fetch(bundleURL).then((r) => { if (!r.ok) throw new Error(`${bundleURL}: ${r.status}`); return r.text(); });
  const booted = await bootPython(urls, "from grader.checker import run", (text, loaded) => post(id, "status", { text, loaded }));
  py = booted.py;
  bundleJSON = await bundle;
  const mod = py.pyimport("grader.checker.run");
  runJSON = mod.run_json;
  replayJSON = mod.replay_json;
  post(id, "ready", { boot_ms: performance.now() - t0, snapshot: booted.fromSnapshot, numpy: booted.numpy });
}

function run(id, { source, mode, channel }) {
  const end = checkerEnd(channel);
  const send = (request, timeoutMs) => {
    const buf = request.getBuffer("u8");
    try { return end.send(buf.data, timeoutMs); } finally { buf.release(); }
  };
  const out = runJSON(bundleJSON, source, mode, (e) => post(id, "event", { event: JSON.parse(e) }), send, end.take);
  post(id, "report", { report: JSON.parse(out) });
}

function replay(id, { source, mode, answers, elapsed_ms }) {
  const pyAnswers = py.toPy(answers);
  const out = replayJSON(bundleJSON, source, mode, pyAnswers, elapsed_ms);
  try {
    if (out.has("report")) return post(id, "report", { report: JSON.parse(out.get("report")) });
    const need = out.get("need");
    const buf = need.getBuffer("u8");
    const request = buf.data.slice();
    buf.release();
    need.destroy();
    post(id, "need", { request });
  } finally { out.destroy(); pyAnswers.destroy(); }
}

self.onmessage = async ({ data: { id, type, payload } }) => {
  try {
    if (type === "init") return await init(id, payload);
    if (type === "run") return run(id, payload);
    if (type === "replay") return replay(id, payload);
  } catch (e) {
    // The checker runs no learner code, so this is the runtime or a tests.py gone wrong.
    post(id, type === "init" ? "failed" : "crashed", { error: String((e && e.message) || e) });
  }
};
