// "Ask an AI for a hint": builds a prompt with the statement and the learner's code, and
// copies it to the clipboard (or shows it selected, where the clipboard is unavailable).
export function setupAssist({ config, getCode, lastReport }) {
  const dialog = document.getElementById("ai-dialog");
  const text = document.getElementById("ai-text");
  const status = document.getElementById("ai-status");
  document.getElementById("ai-prompt").addEventListener("click", async () => {
    const statement = await fetch(config.statementURL).then((r) => (r.ok ? r.text() : ""), () => "");
    const report = lastReport();
    const result = report
      ? `\n## My latest result\n${report.status}: ${report.message}\n` +
        report.tests.filter((t) => t.status !== "pass").map((t) => `- ${t.name}: ${t.message}`).join("\n") + "\n"
      : "";
    text.value = `I am practising the exercise "${config.title}" on mlkata. Please give me a hint ` +
      `that helps me find my mistake myself; do not write the solution for me.\n\n` +
      `## The problem\n${statement.trim()}\n\n## My code\n\`\`\`python\n${getCode().trim()}\n\`\`\`\n${result}`;
    dialog.showModal();
    try {
      await navigator.clipboard.writeText(text.value);
      status.textContent = "Copied to the clipboard. Paste it into your assistant.";
    } catch {
      status.textContent = "Select the text below and copy it.";
    }
    text.focus();
    text.select();
  });
}
