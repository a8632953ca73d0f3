# `make serve`: set up, build the site and serve it on http://127.0.0.1:8000/
# `make test`:  set up, then run every test (grader, problems, build, browser)
.PHONY: setup serve build test bench check browser

setup:
	bash scripts/setup.sh

serve: setup
	.venv/bin/python build.py serve

build: setup
	.venv/bin/python build.py

check: setup
	.venv/bin/python -m grader check problems

# The headless-Chromium suite alone (every problem graded in the browser), as CI runs it.
browser: setup
	.venv/bin/python -m pytest -m browser -n 2

test: setup
	.venv/bin/python -m pytest -n 2 --dist loadgroup --durations=15  # 2 cores: two workers; a test group stays on one

bench: setup
	.venv/bin/python -m bench
