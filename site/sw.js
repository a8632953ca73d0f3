// mlkata's service worker: the site and its Python runtime work offline after one visit.
// build.py fills in VERSION and FILES. Fingerprinted assets and the pinned runtime are
// served cache-first; pages and data network-first, falling back to the cache offline.
const VERSION = "__VERSION__";
const FILES = __FILES__;
const CACHE = `mlkata-${VERSION}`;
const IMMUTABLE = /\/(assets|pyodide)\//;
const COEP = "__COEP__";

// Every same-origin response gets the cross-origin isolation headers, so the page can use
// SharedArrayBuffer (the checker's synchronous calls into the learner worker need it) even
// where the host cannot send headers.
function isolated(res) {
  if (!res || res.status === 0 || res.type === "opaque" || res.type === "opaqueredirect") return res;
  if (res.headers.get("Cross-Origin-Opener-Policy")) return res;  // the host isolates already
  const headers = new Headers(res.headers);
  // Tells the page who isolated it (window.mlkata.runtime().isolation), through the one
  // response header a page can read about its own document.
  headers.append("Server-Timing", 'isolation;desc="service-worker"');
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("Cross-Origin-Embedder-Policy", COEP);
  headers.set("Cross-Origin-Resource-Policy", "same-origin");
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers });
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES.map((f) => new URL(f, self.registration.scope)))));
  self.skipWaiting();
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith("mlkata-") && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("fetch", (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin || url.pathname.startsWith("/__")) return;
  if (IMMUTABLE.test(url.pathname)) {
    event.respondWith(caches.match(event.request, { ignoreSearch: true }).then((hit) => hit || fetch(event.request)).then(isolated));
    return;
  }
  event.respondWith(fetch(event.request).then((res) => {
    if (res.ok) { const copy = res.clone(); caches.open(CACHE).then((c) => c.put(event.request, copy)); }
    return res;
  }).catch(() => caches.match(event.request, { ignoreSearch: true })
    .then((hit) => hit || caches.match(new URL("index.html", event.request.url)))
    .then((hit) => hit || Response.error()))
    .then(isolated));
});
