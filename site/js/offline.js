// Registers the service worker (dist/sw.js) that keeps the site and runtime available offline.
export function registerOffline() {
  if (!("serviceWorker" in navigator)) return;
  const url = new URL("../sw.js", import.meta.url);
  navigator.serviceWorker.register(url, { scope: new URL("../", import.meta.url).pathname }).catch(() => {});
}
