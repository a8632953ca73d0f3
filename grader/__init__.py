"""mlkata's grader: loads learner code, runs hidden tests, returns a report.

The runtime half (``runner``, ``submission``, ``learner``, ``guard``, ``audit``, ``capture``,
``testing``, ``report``) needs only NumPy and runs unchanged in Pyodide. The author half
(``problem``, ``check``, ``sandbox``, ``cli``) needs CPython and the build dependencies.
"""
