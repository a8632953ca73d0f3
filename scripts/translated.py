#!/usr/bin/env python3
"""Mark translations as up to date: ``python scripts/translated.py FILE...`` records in each
translation file (es/problem.yaml, es/track.yaml, lessons/es/<slug>.md) the sha256 of the
English files it translates, as they are now. Run it after updating the translation."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from grader.translations import stamp  # noqa: E402

for arg in sys.argv[1:]:
    print(f"{arg}: {', '.join(stamp(Path(arg))) or 'no translated_from entry found'}")
