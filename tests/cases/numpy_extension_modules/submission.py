# Correct, and reaches NumPy's extension modules that `import numpy` does not load
# (FFT, random, LAPACK lite): in the browser they load on demand, after the learner's worker
# has lost fetch and XMLHttpRequest, from the files NumPy's pack wrote at boot.
import numpy as np


def matmul_backward(grad_out, A, B):
    assert np.allclose(np.fft.ifft(np.fft.fft(np.arange(4.0))).real, np.arange(4.0))
    noise = np.random.default_rng(0).standard_normal(3) + np.random.rand(3)
    assert noise.shape == (3,)
    assert abs(np.linalg.det(np.eye(2)) - 1.0) < 1e-12
    assert np.linalg.lstsq(np.eye(2), np.ones(2), rcond=None)[0].shape == (2,)
    return grad_out @ B.T, A.T @ grad_out
