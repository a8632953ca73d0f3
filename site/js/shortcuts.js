// The "?" overlay listing keyboard shortcuts (a native <dialog>: Esc closes, focus is trapped).
export function setupShortcuts() {
  const dialog = document.getElementById("keys-dialog");
  const open = () => { if (!dialog.open) dialog.showModal(); };
  document.getElementById("show-keys").addEventListener("click", open);
  document.addEventListener("keydown", (e) => {
    const typing = e.target.closest && e.target.closest(".cm-editor, input, textarea, select");
    if (e.key === "?" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) { e.preventDefault(); open(); }
  });
}
