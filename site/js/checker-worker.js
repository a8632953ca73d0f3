// The checker worker: tests.py, expected values, comparisons and the report live here, in
// an interpreter learner code never reaches. Each run talks to a learner worker through a
// SharedArrayBuffer the page hands over with the request (see channel.js).
// Protocol ({id, type, payload}):
//   page -> checker  init {indexURL, snapshotURL, zipURL, bundleURL}
//                    run  {source, mode, channel: SharedArrayBuffer}
//   checker -> page  status {text} | ready {boot_ms, snapshot} | event {event} | report {report}
//                    | failed {error} | crashed {error}
import { bootPython } from "./boot-python.js";
import { checkerEnd } from "./channel.js";

let runJSON = null, bundleJSON = null;
const post = (id, type, payload) => self.postMessage({ id, type, payload });

async function init(id, { bundleURL, ...urls }) {
  const t0 = performance.now();
  const bundle = fetch(bundleURL).then((r) => { if (!r.ok) throw new Error(`${bundleURL}: ${r.status}`); return r.text(); });
  const { py, fromSnapshot } = await bootPython(urls, "from grader.checker import run", (text) => post(id, "status", { text }));
  bundleJSON = await bundle;
  runJSON = py.pyimport("grader.checker.run").run_json;
  post(id, "ready", { boot_ms: performance.now() - t0, snapshot: fromSnapshot });
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

self.onmessage = async ({ data: { id, type, payload } }) => {
  try {
    if (type === "init") return await init(id, payload);
    if (type === "run") return run(id, payload);
  } catch (e) {
    // The checker runs no learner code, so this is the runtime or a tests.py gone wrong.
    post(id, type === "init" ? "failed" : "crashed", { error: String((e && e.message) || e) });
  }
};
