// Registers the service worker (dist/sw.js): it keeps the site and runtime available offline,
// and adds the cross-origin isolation headers (COOP/COEP) to every response, so that hosts
// which cannot send headers (GitHub Pages) still get an isolated page, which grading needs.
// A page that loaded before the worker controlled it reloads once into isolation.
// `booted` (a page's runtime-ready promise): on a page isolated already, the worker is only
// for offline use, so its install, which downloads the whole site, waits until Python has
// booted instead of competing with it on a first visit.
export function registerOffline(booted = null) {
  if (!("serviceWorker" in navigator)) return;
  const url = new URL("../sw.js", import.meta.url);
  const register = () => { navigator.serviceWorker.register(url, { scope: new URL("../", import.meta.url).pathname }).catch(() => {}); };
  if (self.crossOriginIsolated) {
    if (booted) booted.then(register, register); else register();
    return;
  }
  register();
  if (sessionStorage.getItem("mlkata:isolating")) return;
  const reload = () => { sessionStorage.setItem("mlkata:isolating", "1"); location.reload(); };
  if (navigator.serviceWorker.controller) reload();
  else navigator.serviceWorker.addEventListener("controllerchange", reload, { once: true });
}
