// Boot the vendored Pyodide once in Node and write a memory snapshot of the bare
// interpreter (NumPy cannot be inside a 0.27 snapshot; the worker loads it after).
// Usage: node builder/make_snapshot.mjs <pyodide dir> <out file>
import { loadPyodide } from "pyodide";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";

const [dir, out] = process.argv.slice(2);
const py = await loadPyodide({ indexURL: resolve(dir) + "/", _makeSnapshot: true, stdout: () => {}, stderr: () => {} });
writeFileSync(out, py.makeMemorySnapshot());
