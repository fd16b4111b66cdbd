package dev.rvm.training.net;

/**
 * The parts of the network that upstream's trainer gives their own learning rate
 * ({@code --learning-rate-backbone}, {@code -aspp}, {@code -decoder}, {@code -refiner}); the two
 * projections learn at the decoder's rate, as upstream's optimizer groups them.
 */
public enum ParamGroup {
    BACKBONE, ASPP, DECODER, PROJECT_MAT, PROJECT_SEG, REFINER
}
