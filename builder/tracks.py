"""Tracks: ordered series of problems with a theory page, from problems/_tracks/<slug>/.

``track.yaml`` holds the title and summary; ``theory.md`` the derivations, whose
```python code blocks become runnable on the page (same worker, same runtime).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from grader.problem import unknown_key
from grader.yamlpos import line_of

TRACKS_DIR = "_tracks"


class TrackSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    title: str = Field(min_length=1)
    summary: str = Field(min_length=1)
    order: int = Field(0, description="Position of the track in the catalogue and the course (lower first; ties by slug).")


@dataclass
class Track:
    slug: str
    path: Path
    spec: TrackSpec
    theory: str
    problems: list = field(default_factory=list)
    lessons: list = field(default_factory=list)   # builder.lessons.load_lessons fills it


def load_tracks(problems_dir: Path, problems: list) -> tuple[list[Track], list[str]]:
    """Every track, with its problems in order, and errors for unknown track references."""
    tracks, errors = {}, []
    root = Path(problems_dir) / TRACKS_DIR
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        y, md = folder / "track.yaml", folder / "theory.md"
        missing = [f"{p}:1: missing file" for p in (y, md) if not p.is_file()]
        if missing:
            errors += missing
            continue
        text = y.read_text(encoding="utf-8")
        try:
            spec = TrackSpec.model_validate(yaml.safe_load(text) or {})
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            errors.append(f"{y}:{mark.line + 1 if mark else 1}: YAML syntax error")
            continue
        except ValidationError as e:
            errors += [f"{y}:{line_of(text, tuple(err['loc']))}: {'.'.join(map(str, err['loc']))}: "
                       + (unknown_key(tuple(err["loc"]), TrackSpec) if err["type"] == "extra_forbidden" else err["msg"])
                       for err in e.errors()]
            continue
        tracks[folder.name] = Track(folder.name, folder, spec, md.read_text(encoding="utf-8"))
    for p in problems:
        if p.spec.track is None:
            continue
        if p.spec.track not in tracks:
            y = p.path / "problem.yaml"
            errors.append(f"{y}:{line_of(y.read_text(), ('track',))}: track {p.spec.track!r} has no folder {root / p.spec.track}")
            continue
        tracks[p.spec.track].problems.append(p)
    for t in tracks.values():
        t.problems.sort(key=lambda p: (p.spec.order if p.spec.order is not None else 10**6, p.slug))
    ordered = sorted(tracks.values(), key=lambda t: (t.spec.order, t.slug))
    return ordered, errors
