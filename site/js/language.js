// The "English · Español" switch on every page: a click remembers the choice, and the
// catalogue (the site's front door) opens in the remembered language. The key sits outside
// "mlkata:v1:", which holds drafts and progress and is what export/import carry.
const KEY = "mlkata:lang";

function remembered() {
  try { return localStorage.getItem(KEY); } catch { return null; }
}

for (const a of document.querySelectorAll("a[data-switch-lang]")) {
  a.addEventListener("click", () => { try { localStorage.setItem(KEY, a.dataset.switchLang); } catch { /* not remembered */ } });
}

const want = remembered();
const nav = document.querySelector("[data-follow-remembered]");
if (nav && want && want !== document.documentElement.lang) {
  const twin = nav.querySelector(`a[data-switch-lang="${want}"]`);
  if (twin) location.replace(twin.href);
}
