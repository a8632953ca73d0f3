// "Ask an AI for a hint": builds a prompt with the statement and the learner's code, and
// copies it to the clipboard (or shows it selected, where the clipboard is unavailable).
import { t } from "./i18n.js";

export function setupAssist({ config, getCode, lastReport }) {
  const dialog = document.getElementById("ai-dialog");
  const text = document.getElementById("ai-text");
  const status = document.getElementById("ai-status");
  document.getElementById("ai-prompt").addEventListener("click", async () => {
    const statement = await fetch(config.statementURL).then((r) => (r.ok ? r.text() : ""), () => "");
    const report = lastReport();
    const result = report
      ? `\n## ${t("assist.result")}\n${report.status}: ${report.message}\n` +
        report.tests.filter((t) => t.status !== "pass").map((t) => `- ${t.name}: ${t.message}`).join("\n") + "\n"
      : "";
    text.value = `${t("assist.intro", { title: config.title })}\n\n` +
      `## ${t("assist.problem")}\n${statement.trim()}\n\n## ${t("assist.code")}\n\`\`\`python\n${getCode().trim()}\n\`\`\`\n${result}`;
    dialog.showModal();
    try {
      await navigator.clipboard.writeText(text.value);
      status.textContent = t("assist.copied");
    } catch {
      status.textContent = t("assist.select");
    }
    text.focus();
    text.select();
  });
}
