// C = A @ B with three loops. Build and run: cc main.c -o main && ./main
#include <stdio.h>

#define M 2
#define K 3
#define N 2

int main(void) {
    int A[M][K] = {{1, 2, 3}, {4, 5, 6}};
    int B[K][N] = {{7, 8}, {9, 10}, {11, 12}};
    int C[M][N] = {{0}};
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++)
            for (int k = 0; k < K; k++)
                C[i][j] += A[i][k] * B[k][j];
    printf("[");
    for (int i = 0; i < M; i++) {
        printf("%s[", i ? ", " : "");
        for (int j = 0; j < N; j++) printf("%s%d", j ? ", " : "", C[i][j]);
        printf("]");
    }
    printf("]\n");
    return 0;
}
