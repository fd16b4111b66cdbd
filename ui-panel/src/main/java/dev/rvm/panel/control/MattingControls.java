package dev.rvm.panel.control;

import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.matting.settings.Setting;

/**
 * What the panel can do to a running matting element. The GStreamer implementation sets properties of
 * {@code rvmmatte}; calls may block briefly on the pipeline, so the presenter makes them off the EDT.
 * A call that cannot be applied throws an exception whose message is shown to the user.
 */
public interface MattingControls {

    /**
     * Applies one matting setting of {@link dev.rvm.matting.SettingsTable} (model, ratio, chunk, device,
     * threads). A setting that is not {@link Setting#live() live} is read when the element starts, so
     * applying it may restart the stream.
     */
    <T> void set(Setting<T> setting, T value);

    /** The background settings, together: no frame sees half a change. */
    void setBackground(BackgroundChoice background);

    /**
     * The edge controls, together, written in an order the element accepts from whatever it holds
     * (clip-black stays below clip-white after every write).
     */
    void setEdges(EdgeSettings edges);

    /** Forgets the network's temporal memory (after a cut, or when the matte lags behind motion). */
    void reset();

    /** The model time of the element's last frame in ms, or NaN when it does not tell. */
    double lastInferenceMillis();

    /** Receives what the running pipeline reports; called from GStreamer threads. */
    void setListener(Listener listener);

    interface Listener {
        /** The negotiated input: frame size and frame rate (0 when unknown). */
        void onInputFormat(int width, int height, double framesPerSecond);

        /** Frames matted per second and the model time of the last frame (NaN when not reported). */
        void onStats(double framesPerSecond, double inferenceMillis);

        /** Something went wrong in the pipeline (a message that names the thing and the fix). */
        void onError(String message);
    }
}
