"""mlkata's grader: runs hidden tests against learner code and returns a report.

Two interpreters, one verdict. ``learner/`` is the only Python the learner's interpreter
gets: it loads ``main.py`` and answers calls. ``checker/`` runs ``tests.py``, compares, and
builds the report, in an interpreter learner code never touches. They speak ``wire`` (plain
data as bytes). ``testing`` is the test authors' API and ``report`` the one result format;
both belong to the checker. ``cpython`` runs a learner child process for the CLI; the
browser's workers do the same with Pyodide. The author half (``problem``, ``schema``,
``check``, ``__main__``) needs CPython and the build dependencies.
"""
