"""The author half of the grader (CPython only): what ``grader check`` and ``grader preview``
run on top of the checker — hint coverage, mutants, broken-test tracebacks.

The problem loader and schema (``grader.problem``, ``grader.schema``, ``grader.yamlpos``)
and ``grader.check`` stay at the package's top level for now; the content loader shared by
``grader check``, ``build.py`` and ``serve`` is ``builder.content``.
"""
