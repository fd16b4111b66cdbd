package dev.rvm.training.data;

import com.fasterxml.jackson.databind.JsonNode;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

import java.util.ArrayList;
import java.util.List;

/**
 * COCO-style masks to images: polygons ({@code [[x1, y1, x2, y2, ...], ...]}), uncompressed RLE
 * ({@code {"counts": [n0, n1, ...], "size": [h, w]}}, alternating runs of 0 and 1 in column-major
 * order) and compressed RLE (the same runs in COCO's 6-bit character code).
 */
public final class RleMasks {
    private RleMasks() {
    }

    /** Draws {@code segmentation} into {@code mask} (8-bit, h x w) with value 255. */
    public static void draw(JsonNode segmentation, Mat mask) {
        if (segmentation == null || segmentation.isNull()) {
            return;
        }
        if (segmentation.isArray()) {
            List<MatOfPoint> polygons = new ArrayList<>();
            for (JsonNode poly : segmentation) {
                Point[] pts = new Point[poly.size() / 2];
                for (int i = 0; i < pts.length; i++) {
                    pts[i] = new Point(poly.get(2 * i).asDouble(), poly.get(2 * i + 1).asDouble());
                }
                if (pts.length >= 3) {
                    polygons.add(new MatOfPoint(pts));
                }
            }
            if (!polygons.isEmpty()) {
                Imgproc.fillPoly(mask, polygons, new Scalar(255));
            }
            polygons.forEach(Mat::release);
            return;
        }
        JsonNode counts = segmentation.get("counts");
        int h = segmentation.get("size").get(0).asInt();
        int w = segmentation.get("size").get(1).asInt();
        long[] runs = counts.isTextual() ? decodeString(counts.asText()) : toLongs(counts);
        byte[] column = new byte[h * w];
        int pos = 0;
        for (int i = 0; i < runs.length; i++) {
            int end = (int) Math.min(column.length, pos + runs[i]);
            if (i % 2 == 1) {
                for (int p = pos; p < end; p++) {
                    column[p] = (byte) 255;
                }
            }
            pos = end;
        }
        byte[] rows = new byte[h * w];
        for (int x = 0; x < w; x++) {
            for (int y = 0; y < h; y++) {
                rows[y * w + x] = column[x * h + y];
            }
        }
        Mat m = new Mat(h, w, CvType.CV_8UC1);
        m.put(0, 0, rows);
        org.opencv.core.Core.bitwise_or(mask, m, mask);
        m.release();
    }

    private static long[] toLongs(JsonNode counts) {
        long[] v = new long[counts.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = counts.get(i).asLong();
        }
        return v;
    }

    /** COCO's {@code rleFrString}: 5 bits per character (offset 48), continuation bit 0x20, deltas from the run two back. */
    static long[] decodeString(String s) {
        List<Long> counts = new ArrayList<>();
        int p = 0;
        while (p < s.length()) {
            long x = 0;
            int k = 0;
            boolean more = true;
            while (more) {
                int c = s.charAt(p) - 48;
                x |= (long) (c & 0x1f) << (5 * k);
                more = (c & 0x20) != 0;
                p++;
                k++;
                if (!more && (c & 0x10) != 0) {
                    x |= -1L << (5 * k);
                }
            }
            if (counts.size() > 2) {
                x += counts.get(counts.size() - 2);
            }
            counts.add(x);
        }
        return counts.stream().mapToLong(Long::longValue).toArray();
    }
}
