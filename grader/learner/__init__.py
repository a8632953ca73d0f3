"""The learner's interpreter: all the Python it gets besides NumPy and ``grader.wire``.

``serve.Session`` loads ``main.py`` and answers the checker's requests; ``explain`` turns
the learner's exceptions into messages; ``capture`` collects what it prints; ``__main__``
is the CPython child process's loop over pipes (the browser's learner worker has its own
loop in JavaScript, over a SharedArrayBuffer).
"""
