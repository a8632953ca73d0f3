"""The checker: runs ``tests.py``, holds every expected value, compares, builds the report.

It runs in an interpreter learner code never touches (the CPython parent process, or the
browser's checker worker) and reaches the learner's interpreter only through a channel
(``channel``): bytes out, bytes back. ``proxy.LearnerFunction`` is the ``f`` tests call:
it sends plain data, and validates each reply against the problem's ``returns`` before a
test sees it. ``run`` drives a whole run and returns the report.
"""
