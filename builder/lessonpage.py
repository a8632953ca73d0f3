"""Render a lesson page (/l/<slug>/) and the files it runs: the prompts handed to an
assistant, the demo tabs, and the JavaScript demo as a same-origin worker script.

The CSP forbids eval and blob: workers, so edited JavaScript cannot run in the page. The
JavaScript demo runs natively as written: the build wraps it into ``l/<slug>/demo-js.js``
(console.log captured and posted back), which the page starts as a Worker from its own
origin. The Python demo is editable and runs on the same runtime as theory code blocks.
"""

from __future__ import annotations

from urllib.parse import quote

from . import markdown
from .i18n import page_context
from .lessons import track_items

LANG_NAMES = {"python": "Python", "javascript": "JavaScript", "c": "C", "rust": "Rust"}
FILE_NAMES = {"python": "main.py", "javascript": "main.js", "c": "main.c", "rust": "main.rs"}
COMMANDS = {"python": "python main.py", "javascript": "node main.js", "c": "cc main.c -o main && ./main",
            "rust": "rustc main.rs && ./main"}
# Assistants that open with a prompt given in the URL.
ASSISTANTS = [("ChatGPT", "https://chatgpt.com/?q="), ("Claude", "https://claude.ai/new?q="),
              ("Perplexity", "https://www.perplexity.ai/search?q=")]

JS_WORKER = """// Built from the lesson's JavaScript demo: console.log goes back to the page.
const __lines = [];
const __show = (v) => (typeof v === "string" ? v : JSON.stringify(v));
console.log = (...args) => { __lines.push(args.map(__show).join(" ")); };
try {
  (() => {
%s
  })();
  postMessage({ status: "ok", output: __lines.join("\\n") });
} catch (e) {
  postMessage({ status: "error", output: __lines.join("\\n"), message: String(e) });
}
"""


def js_worker(source: str) -> str:
    return JS_WORKER % source.rstrip()


def lesson_context(lesson, t) -> str:
    """The lesson as plain text an assistant can read: body, demo, expected output, try-it list."""
    body = lesson.body.strip()
    tries = "\n".join(f"{i}. {x}" for i, x in enumerate(lesson.spec.try_, 1))
    return (f"# {lesson.spec.title}\n\n{body}\n\n## {t('lesson.prompt_demo')}\n\n"
            f"```python\n{lesson.demos['python'].rstrip()}\n```\n\n{t('lesson.prompt_prints', command=COMMANDS['python'])}\n\n"
            f"```\n{lesson.spec.expected.rstrip()}\n```\n\n## {t('lesson.try_it')}\n\n{tries}\n")


def prompts(lesson, t) -> dict:
    """The "open in AI" prompt and the three step prompts, each self-contained."""
    context = lesson_context(lesson, t)
    steps = [f"{t('lesson.prompt_step_intro', n=i, title=lesson.spec.title)}\n\n{p.strip()}\n\n---\n\n{context}"
             for i, p in enumerate(lesson.spec.prompts, 1)]
    return {"open": f"{t('lesson.prompt_open_intro', title=lesson.spec.title)}\n\n---\n\n{context}", "steps": steps}


def links(text: str) -> list[tuple[str, str]]:
    return [(name, base + quote(text, safe="")) for name, base in ASSISTANTS]


def drills(lesson, track) -> list:
    """The problems that follow the lesson in its track, up to the next lesson."""
    items = track_items(track)
    i = next(i for i, (kind, x) in enumerate(items) if kind == "lesson" and x.slug == lesson.slug)
    out = []
    for kind, x in items[i + 1:]:
        if kind == "lesson":
            break
        out.append(x)
    return out


def render_lesson(env, lesson, track, lang: str, assets: dict, runtime_config, policy: str, untranslated: bool) -> str:
    ctx = page_context(lang, f"l/{lesson.slug}/index.html")
    t = ctx["t"]
    p = prompts(lesson, t)
    demos = [{"lang": k, "name": LANG_NAMES[k], "file": FILE_NAMES[k], "command": COMMANDS[k], "source": v,
              "runnable": k in ("python", "javascript")} for k, v in lesson.demos.items()]
    demos.sort(key=lambda d: list(LANG_NAMES).index(d["lang"]))
    config = {"id": f"lesson-{lesson.slug}", "timeLimit": 10, "expected": lesson.spec.expected,
              "jsDemoURL": "demo-js.js" if "javascript" in lesson.demos else None,
              **runtime_config(assets, ctx["root"])}
    return env.get_template("lesson.html").render(
        **ctx, lesson=lesson, track=track, body=markdown.render(lesson.body, lesson.path),
        tries=[markdown.render_inline(x) for x in lesson.spec.try_],
        steps=[{"text": s, "shown": markdown.render_inline(q), "links": links(s)} for s, q in zip(p["steps"], lesson.spec.prompts)],
        open_prompt=p["open"], open_links=links(p["open"]), demos=demos, drills=drills(lesson, track),
        config=config, assets=assets, csp=policy, untranslated=untranslated)
