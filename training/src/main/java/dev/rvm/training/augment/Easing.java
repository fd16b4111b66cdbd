package dev.rvm.training.augment;

import java.util.Random;
import java.util.function.DoubleUnaryOperator;

/**
 * The easing curves of the {@code easing_functions} package that upstream's motion augmentation
 * interpolates its start and end parameters with (start 0, end 1, duration 1).
 */
public final class Easing {
    private static final DoubleUnaryOperator[] CURVES = {
            Easing::backIn, Easing::backOut, t -> inOut(t, Easing::backIn, Easing::backOut),
            Easing::bounceIn, Easing::bounceOut, t -> t < 0.5 ? 0.5 * bounceIn(2 * t) : 0.5 * bounceOut(2 * t - 1) + 0.5,
            t -> 1 - Math.sqrt(1 - t * t), t -> Math.sqrt((2 - t) * t),
            t -> t < 0.5 ? 0.5 * (1 - Math.sqrt(1 - 4 * t * t)) : 0.5 * (Math.sqrt(-(2 * t - 3) * (2 * t - 1)) + 1),
            t -> t * t * t, t -> Math.pow(t - 1, 3) + 1, t -> t < 0.5 ? 4 * t * t * t : 0.5 * Math.pow(2 * t - 2, 3) + 1,
            t -> t == 0 ? 0 : Math.pow(2, 10 * (t - 1)), t -> t == 1 ? 1 : 1 - Math.pow(2, -10 * t),
            t -> t == 0 || t == 1 ? t : t < 0.5 ? 0.5 * Math.pow(2, 20 * t - 10) : -0.5 * Math.pow(2, -20 * t + 10) + 1,
            t -> Math.sin(13 * Math.PI / 2 * t) * Math.pow(2, 10 * (t - 1)),
            t -> Math.sin(-13 * Math.PI / 2 * (t + 1)) * Math.pow(2, -10 * t) + 1,
            t -> t < 0.5 ? 0.5 * Math.sin(13 * Math.PI / 2 * 2 * t) * Math.pow(2, 10 * (2 * t - 1))
                    : 0.5 * (Math.sin(-13 * Math.PI / 2 * (2 * t - 1 + 1)) * Math.pow(2, -10 * (2 * t - 1)) + 2),
            t -> t * t, t -> -(t * (t - 2)), t -> t < 0.5 ? 2 * t * t : -2 * t * t + 4 * t - 1,
            t -> Math.pow(t, 5), t -> Math.pow(t - 1, 5) + 1, t -> t < 0.5 ? 16 * Math.pow(t, 5) : 0.5 * Math.pow(2 * t - 2, 5) + 1,
            t -> Math.sin((t - 1) * Math.PI / 2) + 1, t -> Math.sin(t * Math.PI / 2), t -> 0.5 * (1 - Math.cos(t * Math.PI)),
    };

    private Easing() {
    }

    /** {@code random_easing_fn}: linear with probability 0.2, else one of the 27 curves. */
    public static DoubleUnaryOperator random(Random r) {
        if (r.nextDouble() < 0.2) {
            return t -> t;
        }
        return CURVES[r.nextInt(CURVES.length)];
    }

    static int count() {
        return CURVES.length;
    }

    private static double backIn(double t) {
        return t * t * t - t * Math.sin(t * Math.PI);
    }

    private static double backOut(double t) {
        double p = 1 - t;
        return 1 - (p * p * p - p * Math.sin(p * Math.PI));
    }

    private static double inOut(double t, DoubleUnaryOperator in, DoubleUnaryOperator out) {
        if (t < 0.5) {
            return 0.5 * in.applyAsDouble(2 * t);
        }
        return 0.5 * out.applyAsDouble(2 * t - 1) + 0.5;
    }

    private static double bounceIn(double t) {
        return 1 - bounceOut(1 - t);
    }

    private static double bounceOut(double t) {
        if (t < 4 / 11.0) {
            return 121 * t * t / 16.0;
        } else if (t < 8 / 11.0) {
            return 363 / 40.0 * t * t - 99 / 10.0 * t + 17 / 5.0;
        } else if (t < 9 / 10.0) {
            return 4356 / 361.0 * t * t - 35442 / 1805.0 * t + 16061 / 1805.0;
        }
        return 54 / 5.0 * t * t - 513 / 25.0 * t + 268 / 25.0;
    }
}
