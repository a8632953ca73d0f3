// C = A @ B with three loops over arrays of arrays.
function matmul(A, B) {
  const M = A.length, K = A[0].length, K2 = B.length, N = B[0].length;
  if (K !== K2) throw new Error(`inner sizes differ: A is (${M}, ${K}), B is (${K2}, ${N})`);
  const C = Array.from({ length: M }, () => new Array(N).fill(0));
  for (let i = 0; i < M; i++)
    for (let j = 0; j < N; j++)
      for (let k = 0; k < K; k++)
        C[i][j] += A[i][k] * B[k][j];
  return C;
}

const A = [[1, 2, 3], [4, 5, 6]];
const B = [[7, 8], [9, 10], [11, 12]];
console.log(JSON.stringify(matmul(A, B)).replaceAll(",", ", "));
