// The grading worker: boots Pyodide + NumPy + the grader once, then judges submissions.
// No grading logic here: it only moves messages between the page and grader.runner.
// Protocol (every message is {id, type, payload}):
//   page -> worker  init {indexURL, graderURL, bundleURL, snapshotURL?, interruptBuffer?}
//                   run  {source, mode}
//                   cut  {mode, done, loaded, reason, duration_ms}   (build a stopped run's report)
//                   snippet {source}   (a theory page's code block: its output)
//   worker -> page  status {text} | ready {boot_ms} | event {event} | report {report}
//                   | crashed {error} | failed {error}

let py = null;        // the Pyodide instance
let api = null;       // Python helpers (run, cut) as JS-callable proxies
let bundleJSON = null;

const post = (id, type, payload) => self.postMessage({ id, type, payload });

// The vendored runtime's memory snapshot (a booted bare interpreter, gzipped): restoring it
// skips most of Pyodide's start-up. Null when there is none (the CDN build).
function fetchSnapshot(url) {
  if (!url) return null;
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  });
}

async function init(id, { indexURL, graderURL, bundleURL, snapshotURL, interruptBuffer }) {
  const t0 = performance.now();
  post(id, "status", { text: "Starting Python…" });
  importScripts(indexURL + "pyodide.js");
  const graderP = fetch(graderURL).then((r) => { if (!r.ok) throw new Error(`${graderURL}: ${r.status}`); return r.arrayBuffer(); });
  const bundleP = !bundleURL ? Promise.resolve(null) : fetch(bundleURL).then((r) => { if (!r.ok) throw new Error(`${bundleURL}: ${r.status}`); return r.text(); });
  // packages: ["numpy"] overlaps NumPy's download with the interpreter's boot.
  const options = { indexURL, packages: ["numpy"], stdout: () => {}, stderr: () => {} };
  const snapshot = fetchSnapshot(snapshotURL);
  let fromSnapshot = !!snapshot;
  try {
    py = await loadPyodide(snapshot ? { ...options, _loadSnapshot: snapshot } : options);
  } catch (e) {
    if (!snapshot) throw e;
    fromSnapshot = false;
    post(id, "status", { text: "Starting Python (without the snapshot)…" });
    py = await loadPyodide(options);  // a snapshot that does not fit this runtime: boot plainly
  }
  post(id, "status", { text: "Loading NumPy and the grader…" });
  py.unpackArchive(await graderP, "zip", { extractDir: "/mlkata" });
  bundleJSON = await bundleP;
  if (interruptBuffer) py.setInterruptBuffer(interruptBuffer);
  py.runPython(`
import sys
sys.path.insert(0, "/mlkata")
import numpy  # imported now, while the learner reads, not on the first Submit
from grader import runner
`);
  const runner = py.pyimport("grader.runner");
  api = { run: runner.run_json, cut: runner.cut_json, snippet: runner.snippet_json };
  post(id, "ready", { boot_ms: performance.now() - t0, isolated: !!interruptBuffer, snapshot: fromSnapshot });
}

self.onmessage = async ({ data: { id, type, payload } }) => {
  try {
    if (type === "init") return await init(id, payload);
    if (type === "run") {
      const out = api.run(bundleJSON, payload.source, payload.mode, (e) => post(id, "event", { event: JSON.parse(e) }));
      return post(id, "report", { report: JSON.parse(out) });
    }
    if (type === "snippet") return post(id, "report", { report: JSON.parse(api.snippet(payload.source)) });
    if (type === "cut") {
      return post(id, "report", { report: JSON.parse(api.cut(bundleJSON, JSON.stringify(payload))) });
    }
  } catch (e) {
    // The runner catches everything learner code can raise, so an error here means the
    // runtime itself broke (JS stack overflow, out of memory): the page replaces us.
    return post(id, type === "init" ? "failed" : "crashed", { error: String((e && e.message) || e) });
  }
};
