// Boot Pyodide + NumPy + one half of the grader in a worker (shared by the checker and the
// learner workers). The vendored runtime ships a memory snapshot of the booted bare
// interpreter; restoring it skips most of Pyodide's start-up (a plain boot is the fallback).

function fetchSnapshot(url) {
  if (!url) return null;
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return new Response(r.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
  });
}

function fetchBytes(url) {
  return fetch(url).then((r) => { if (!r.ok) throw new Error(`${url}: ${r.status}`); return r.arrayBuffer(); });
}

// While Python boots, count the bytes every fetch brings in (Pyodide's own included), so the
// page can show a download's progress on a slow first visit: progress(bytesSoFar).
function countDownloads(progress) {
  const plain = self.fetch;
  let loaded = 0, last = 0;
  self.fetch = async (...args) => {
    const res = await plain(...args);
    if (!res.body) return res;
    const counted = res.body.pipeThrough(new TransformStream({ transform(chunk, c) {
      loaded += chunk.byteLength;
      if (loaded - last > 256 * 1024) { last = loaded; progress(loaded); }
      c.enqueue(chunk);
    } }));
    return new Response(counted, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
  return () => { self.fetch = plain; progress(loaded); };
}

// Returns {py, fromSnapshot}; `imports` is Python run once booted (imports and warm-up).
// status(text, loadedBytes?) hears what is happening.
export async function bootPython({ indexURL, snapshotURL, zipURL }, imports, status = () => {}) {
  status("Starting Python…");
  const done = countDownloads((loaded) => status("Downloading Python…", loaded));
  try {
    return await boot({ indexURL, snapshotURL, zipURL }, imports, status);
  } finally {
    done();
  }
}

async function boot({ indexURL, snapshotURL, zipURL }, imports, status) {
  importScripts(indexURL + "pyodide.js");
  const zip = fetchBytes(zipURL);
  // packages: ["numpy"] overlaps NumPy's download with the interpreter's boot.
  const options = { indexURL, packages: ["numpy"], stdout: () => {}, stderr: () => {} };
  const snapshot = fetchSnapshot(snapshotURL);
  let fromSnapshot = !!snapshot, py;
  try {
    py = await loadPyodide(snapshot ? { ...options, _loadSnapshot: snapshot } : options);
  } catch (e) {
    if (!snapshot) throw e;
    fromSnapshot = false;
    status("Starting Python (without the snapshot)…");
    py = await loadPyodide(options);  // a snapshot that does not fit this runtime: boot plainly
  }
  status("Loading NumPy…");
  py.unpackArchive(await zip, "zip", { extractDir: "/mlkata" });
  py.runPython(`import sys\nsys.path.insert(0, "/mlkata")\nimport numpy\n${imports}`);
  return { py, fromSnapshot };
}
