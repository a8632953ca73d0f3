// Boot Pyodide + NumPy + one half of the grader in a worker (shared by the checker and the
// learner workers). The vendored runtime ships a memory snapshot of the booted bare
// interpreter; restoring it skips most of Pyodide's start-up (a plain boot is the fallback).

// A gzipped file of ours (the snapshot, NumPy's pack), unpacked here. A host that sends it
// with Content-Encoding: gzip has the browser unpack it first: then there is nothing to do.
// null without a URL (no promise), so callers can tell at once.
function fetchGunzipped(url) {
  return url ? fetchBytes(url).then(gunzipped) : null;
}

function gunzipped(bytes) {
  const head = new Uint8Array(bytes, 0, 3);
  if (head[0] !== 0x1f || head[1] !== 0x8b || head[2] !== 8) return bytes;
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
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

// Where NumPy's pack is written: a folder of our own, first on sys.path (with the grader).
const OURS = "/mlkata";

// A file pack (builder/filepack.py, gunzipped): "MLKP", a u32 header length, a JSON header
// of [path, size], then the files' bytes. Written straight into Pyodide's file system.
function writePack(py, buf, dir) {
  if (new TextDecoder().decode(new Uint8Array(buf, 0, 4)) !== "MLKP") throw new Error("NumPy's pack is damaged");
  const n = new DataView(buf).getUint32(4, true);
  const entries = JSON.parse(new TextDecoder().decode(new Uint8Array(buf, 8, n)));
  let at = 8 + n;
  for (const [path, size] of entries) {
    const full = `${dir}/${path}`;
    py.FS.mkdirTree(full.slice(0, full.lastIndexOf("/")));
    py.FS.writeFile(full, new Uint8Array(buf, at, size));
    at += size;
  }
}

// Returns {py, fromSnapshot, numpy: "pack" | "wheel"}; `imports` is Python run once booted (imports and warm-up).
// status(text, loadedBytes?) hears what is happening.
export async function bootPython(urls, imports, status = () => {}) {
  status("Starting Python…");
  const done = countDownloads((loaded) => status("Downloading Python…", loaded));
  try {
    return await boot(urls, imports, status);
  } finally {
    done();
  }
}

// A vendored runtime brings NumPy as a pack (numpyPackURL): unpacked and byte-compiled at
// build time, its extension modules loaded by the first import that needs them. From a CDN,
// packages: ["numpy"] loads the wheel, overlapping its download with the interpreter's boot.
async function boot({ indexURL, snapshotURL, numpyPackURL, zipURL }, imports, status) {
  importScripts(indexURL + "pyodide.js");
  const zip = fetchBytes(zipURL);
  const numpyPack = fetchGunzipped(numpyPackURL);
  const options = { indexURL, packages: numpyPack ? [] : ["numpy"], stdout: () => {}, stderr: () => {} };
  const snapshot = fetchGunzipped(snapshotURL);
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
  if (numpyPack) writePack(py, await numpyPack, OURS);
  py.unpackArchive(await zip, "zip", { extractDir: OURS });
  py.runPython(`import sys\nsys.path.insert(0, "${OURS}")\nimport numpy\n${imports}`);
  return { py, fromSnapshot, numpy: numpyPack ? "pack" : "wheel" };
}
