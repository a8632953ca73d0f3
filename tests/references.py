"""The shared harness of the test_references*.py files: load a problem's reference solution
from its file, and check it against an independent implementation's answer."""

from __future__ import annotations

import copy
import importlib.util

import numpy as np

from conftest import ROOT

PROBLEMS = ROOT / "problems"
TOL = {"atol": 1e-9, "rtol": 1e-9}


def load_reference(slug: str, entry: str):
    """The entry function of problems/<slug>/solution.py, imported from its file."""
    path = PROBLEMS / slug / "solution.py"
    spec = importlib.util.spec_from_file_location(f"reference_{slug}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, entry)


def as_tuple(value):
    return value if isinstance(value, tuple) else (value,)


def check_agreement(slug, reference, inputs, want, label):
    """``reference(*inputs)`` equals ``want`` to 1e-9 (same arity and shapes, finite), and
    leaves its inputs as they were."""
    copies = copy.deepcopy(inputs)
    got = as_tuple(reference(*copies))
    want = as_tuple(want)
    assert len(got) == len(want), f"{slug}: the reference returned {len(got)} values, expected {len(want)}"
    for i, (g, w) in enumerate(zip(got, want)):
        assert np.shape(g) == np.shape(w), f"{slug}: output {i} has shape {np.shape(g)}, expected {np.shape(w)}"
        assert np.all(np.isfinite(g)), f"{slug}: output {i} is not finite ({label})"
        np.testing.assert_allclose(g, w, **TOL, err_msg=f"{slug}: output {i}, {label}")
    for i, (a, c) in enumerate(zip(inputs, copies)):
        np.testing.assert_array_equal(a, c, err_msg=f"{slug}: the reference modified input {i}")
