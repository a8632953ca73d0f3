// Unpack NumPy's wheel inside the vendored Pyodide (in Node) and compile its modules to
// bytecode there, with the browser's own CPython 3.12 (the host's Python may be another
// version), then write the tree as a zip. builder/runtime.py turns it into a file pack.
// The .pyc files are "unchecked-hash": imported without comparing them to the sources,
// whose modification times differ in every worker that unpacks them.
// Usage: node builder/make_numpy_tree.mjs <pyodide dir> <wheel> <out zip>
import { loadPyodide } from "pyodide";
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

const [dir, wheel, out] = process.argv.slice(2);
const py = await loadPyodide({ indexURL: resolve(dir) + "/", stdout: () => {}, stderr: () => {} });
py.unpackArchive(new Uint8Array(readFileSync(wheel)), "zip", { extractDir: "/tmp/tree" });
py.runPython(`
import compileall, py_compile, shutil
ok = compileall.compile_dir("/tmp/tree", quiet=1, invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
assert ok, "compileall failed"
shutil.make_archive("/tmp/tree", "zip", "/tmp/tree")
`);
writeFileSync(out, py.FS.readFile("/tmp/tree.zip"));
