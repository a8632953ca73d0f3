// A learner worker: the learner's code runs here and nowhere else, once. It boots Pyodide
// with grader/learner only, then loses its reach into the site (no fetch, storage, caches,
// other workers) before any learner code runs, and answers either one run's requests over
// a SharedArrayBuffer ("serve") or one code block ("snippet"). The page then retires it.
// Protocol: page -> learner  init {indexURL, snapshotURL, numpyPackURL, zipURL} | serve {channel} | snippet {source}
//                             | call {request}  (one request at a time, where there is no SharedArrayBuffer)
//                             | try {source, entry, args, argNames, returnNames, reference}  ("Try my input")
//           learner -> page  status {text} | ready {boot_ms, snapshot, numpy} | snippet {result} | answer {reply}
//                             | tried {result: {mine, reference}}
//                             | failed {error} | crashed {error}
import { bootPython } from "./boot-python.js";
import { serveForever } from "./channel.js";

const post = self.postMessage.bind(self);  // kept before the globals below are removed
let handle = null, runSnippet = null, tryInput = null;

// What a submission could use to reach beyond this worker: the network, the site's
// storage and caches, other workers and contexts, and loading more code.
const OUT_OF_REACH = ["fetch", "XMLHttpRequest", "WebSocket", "WebTransport", "EventSource", "caches",
  "indexedDB", "importScripts", "Worker", "SharedWorker", "BroadcastChannel", "CacheStorage", "Cache",
  "IDBFactory", "FileSystemHandle", "StorageManager", "Request", "Response", "Headers", "fetchLater",
  "navigator"];

function seal() {
  for (let o = self; o; o = Object.getPrototypeOf(o)) {
    for (const name of OUT_OF_REACH) {
      if (Object.prototype.hasOwnProperty.call(o, name)) delete o[name];
    }
  }
  for (const name of OUT_OF_REACH) {  // whatever could not be deleted is shadowed
    if (name in self) Object.defineProperty(self, name, { value: undefined, writable: false, configurable: false });
  }
}

async function init(id, urls) {
  const t0 = performance.now();
  const { py, fromSnapshot, numpy } = await bootPython(urls, "from grader.learner.serve import Session, warm_up\nwarm_up()",
    (text, loaded) => post({ id, type: "status", payload: { text, loaded } }));
  const pyHandle = py.runPython("_session = Session()\nlambda u8: _session.handle(u8.to_bytes())");
  handle = (u8) => {
    const reply = pyHandle(u8);
    const buf = reply.getBuffer("u8");
    try { return buf.data.slice(); } finally { buf.release(); reply.destroy(); }
  };
  const snippet = py.runPython("lambda source: _session.handle(__import__('grader.wire').wire.encode({'op': 'snippet', 'source': source}))");
  const decode = py.pyimport("grader.wire").decode;
  runSnippet = (source) => {  // -> {status, message, output}
    const r = decode(snippet(source));
    try { return r.toJs({ dict_converter: Object.fromEntries }); } finally { r.destroy(); }
  };
  // "Try my input": the reference first (if asked), then the learner's code, each in a session
  // of its own; the reply is JSON. Ungraded, so sharing this interpreter is harmless.
  const tryOne = py.runPython("import json\nlambda j: json.dumps(Session().try_input(json.loads(j)))");
  tryInput = (p) => {
    const one = (source) => JSON.parse(tryOne(JSON.stringify({ op: "try", source, entry: p.entry, args: p.args,
      arg_names: p.argNames, return_names: p.returnNames })));
    const reference = p.reference ? one(p.reference) : null;
    return { mine: one(p.source), reference };
  };
  seal();
  post({ id, type: "ready", payload: { boot_ms: performance.now() - t0, snapshot: fromSnapshot, numpy } });
}

self.onmessage = async ({ data: { id, type, payload } }) => {
  if (type === "init") {
    try { await init(id, payload); } catch (e) { post({ id, type: "failed", payload: { error: String((e && e.message) || e) } }); }
  } else if (type === "serve") {
    serveForever(payload.channel, handle);  // blocks this worker until it is terminated
  } else if (type === "call") {
    let reply;
    try { reply = handle(payload.request); } catch (e) {
      return post({ id, type: "crashed", payload: { error: String((e && e.message) || e) } });
    }
    post({ id, type: "answer", payload: { reply } }, [reply.buffer]);
  } else if (type === "try") {
    let result;
    try { result = tryInput(payload); } catch (e) {
      result = { mine: { status: "error", values: [], output: "", line: null,
                         message: "Python stopped (out of memory or stack); it was restarted." }, reference: null };
    }
    post({ id, type: "tried", payload: { result } });
  } else if (type === "snippet") {
    let result;
    try { result = runSnippet(payload.source); } catch (e) {
      result = { status: "error", output: "", message: "Python stopped (out of memory or stack); it was restarted." };
    }
    post({ id, type: "snippet", payload: { result } });
  }
};
