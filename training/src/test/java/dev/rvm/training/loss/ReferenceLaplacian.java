package dev.rvm.training.loss;

/**
 * A plain-loop transcription of upstream's laplacian_loss for one single-channel image (double
 * arithmetic), written independently of the tensor version to check it against.
 */
final class ReferenceLaplacian {
    private static final double[] K = {1 / 16.0, 4 / 16.0, 6 / 16.0, 4 / 16.0, 1 / 16.0};

    private ReferenceLaplacian() {
    }

    static double loss(float[] pred, float[] truth, int h, int w) {
        double[][] p = toGrid(pred, h, w);
        double[][] t = toGrid(truth, h, w);
        double loss = 0;
        for (int level = 0; level < 5; level++) {
            p = cropEven(p);
            t = cropEven(t);
            double[][] pd = down(p);
            double[][] td = down(t);
            double[][] pu = up(pd);
            double[][] tu = up(td);
            double sum = 0;
            int n = 0;
            for (int y = 0; y < p.length; y++) {
                for (int x = 0; x < p[0].length; x++) {
                    sum += Math.abs((p[y][x] - pu[y][x]) - (t[y][x] - tu[y][x]));
                    n++;
                }
            }
            loss += (1 << level) * sum / n;
            p = pd;
            t = td;
        }
        return loss / 5;
    }

    private static double[][] toGrid(float[] v, int h, int w) {
        double[][] g = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                g[y][x] = v[y * w + x];
            }
        }
        return g;
    }

    private static double[][] cropEven(double[][] g) {
        int h = g.length - g.length % 2;
        int w = g[0].length - g[0].length % 2;
        double[][] out = new double[h][w];
        for (int y = 0; y < h; y++) {
            System.arraycopy(g[y], 0, out[y], 0, w);
        }
        return out;
    }

    private static int reflect(int i, int n) {
        if (i < 0) {
            return -i;
        }
        if (i >= n) {
            return 2 * (n - 1) - i;
        }
        return i;
    }

    private static double[][] blur(double[][] g) {
        int h = g.length;
        int w = g[0].length;
        double[][] out = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int i = -2; i <= 2; i++) {
                    for (int j = -2; j <= 2; j++) {
                        s += K[i + 2] * K[j + 2] * g[reflect(y + i, h)][reflect(x + j, w)];
                    }
                }
                out[y][x] = s;
            }
        }
        return out;
    }

    private static double[][] down(double[][] g) {
        double[][] b = blur(g);
        double[][] out = new double[(g.length + 1) / 2][(g[0].length + 1) / 2];
        for (int y = 0; y < out.length; y++) {
            for (int x = 0; x < out[0].length; x++) {
                out[y][x] = b[2 * y][2 * x];
            }
        }
        return out;
    }

    private static double[][] up(double[][] g) {
        double[][] z = new double[g.length * 2][g[0].length * 2];
        for (int y = 0; y < g.length; y++) {
            for (int x = 0; x < g[0].length; x++) {
                z[2 * y][2 * x] = 4 * g[y][x];
            }
        }
        return blur(z);
    }
}
