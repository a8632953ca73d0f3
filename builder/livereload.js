// `build.py serve` only: injected into every page. Polls the build status; reloads when a
// new build is served, and shows a failed build's errors (path:line: message) over the page
// until the next good build. Never part of a published site.
(() => {
  let seen = null;
  let box = null;
  const show = (errors) => {
    if (!errors.length) { box?.remove(); box = null; return; }
    if (!box) {
      box = document.createElement("div");
      box.id = "mlkata-build-errors";
      box.setAttribute("role", "alert");
      Object.assign(box.style, {
        position: "fixed", inset: "auto 0 0 0", maxHeight: "60vh", overflow: "auto", zIndex: 2147483647,
        background: "#2b0d0d", color: "#ffe3e3", font: "13px/1.45 ui-monospace, monospace",
        padding: "12px 16px", borderTop: "3px solid #e5484d", boxShadow: "0 -4px 16px #0006",
      });
      const head = document.createElement("div");
      Object.assign(head.style, { display: "flex", justifyContent: "space-between", gap: "1em", fontWeight: "700" });
      const title = document.createElement("span");
      title.className = "title";
      const close = document.createElement("button");
      close.type = "button";
      close.textContent = "Hide";
      close.addEventListener("click", () => { box.style.display = "none"; });
      head.append(title, close);
      const pre = document.createElement("pre");
      Object.assign(pre.style, { margin: "8px 0 0", padding: "0", border: "0", whiteSpace: "pre-wrap",
                                background: "transparent", color: "inherit", font: "inherit" });
      box.append(head, pre);
      document.body.append(box);
    }
    const n = errors.filter((e) => !e.split("\n", 1)[0].includes(": warning: ")).length;  // warnings ride along
    box.querySelector(".title").textContent =
      `Build failed (${n} error${n === 1 ? "" : "s"}): this page is the last good build.`;
    box.querySelector("pre").textContent = errors.join("\n");
  };
  const poll = async () => {
    try {
      const r = await fetch("/__build_status", { cache: "no-store" });
      const { id, errors } = await r.json();
      if (seen !== null && id !== seen) { location.reload(); return; }
      seen = id;
      show(errors);
    } catch {}
    setTimeout(poll, 700);
  };
  poll();
})();
