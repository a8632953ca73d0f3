// Interface text for the strings scripts write: the "js" section of site/i18n/<lang>.json
// (esbuild bundles only that section), chosen by the page's <html lang>.
import { js as en } from "../i18n/en.json";
import { js as es } from "../i18n/es.json";

const CATALOGUES = { en, es };
export const lang = CATALOGUES[document.documentElement.lang] ? document.documentElement.lang : "en";

// t("hints.next", { n: 2, total: 3 }): the message at a dotted key, {name} placeholders filled in.
// A key missing in Spanish falls back to English; a key missing everywhere shows itself.
export function t(key, values = {}) {
  const find = (cat) => key.split(".").reduce((node, part) => (node && typeof node === "object" ? node[part] : undefined), cat);
  const text = find(CATALOGUES[lang]) ?? find(en) ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

// The worker's boot messages (site/js/worker.js writes them in English), in this language.
export const workerStatus = (text) => CATALOGUES[lang].runtime.worker[text] ?? text;

// After runner.js's showBoot has written the boot status (in English), say it in this language:
// the plain status line, or the download line beside its progress bar.
export function localizeBoot(el, loaded, total) {
  if (lang === "en") return;
  const bar = el.querySelector("progress");
  if (!bar) { el.textContent = workerStatus(el.textContent); return; }
  const mb = (n) => (n / 1e6).toFixed(1);
  bar.setAttribute("aria-label", t("runtime.download_label"));
  el.firstChild.textContent = t("runtime.downloading", { loaded: mb(loaded), total: mb(total) });
}
