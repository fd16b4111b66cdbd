package dev.rvm.panel.control;

import dev.rvm.matting.Device;
import dev.rvm.matting.MattingException;
import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.edges.EdgeSettings;
import dev.rvm.matting.preset.BackgroundChoice;
import dev.rvm.matting.Background.Kind;
import dev.rvm.matting.preset.Preset;
import dev.rvm.matting.preset.PresetJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.InOrder;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import static dev.rvm.matting.SettingsTable.DEVICE;
import static dev.rvm.matting.SettingsTable.DOWNSAMPLE_RATIO;
import static dev.rvm.matting.SettingsTable.MODEL;
import static dev.rvm.matting.SettingsTable.SEQ_CHUNK;
import static dev.rvm.matting.SettingsTable.THREADS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyFloat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

@ExtendWith(MockitoExtension.class)
class PanelPresenterTest {

    @Mock
    MattingControls controls;
    @Mock
    PanelView view;
    @TempDir
    Path dir;

    /** Element calls are queued and run when the test says, like the real control thread. */
    final List<Runnable> controlQueue = new ArrayList<>();
    final Executor controlThread = controlQueue::add;
    final Executor uiThread = Runnable::run;
    PanelPresenter presenter;

    @BeforeEach
    void start() {
        presenter = new PanelPresenter(controls, view, Preset.DEFAULTS, controlThread, uiThread);
        presenter.start();
        runControlThread();
        clearInvocations(controls, view);
    }

    void runControlThread() {
        while (!controlQueue.isEmpty()) {
            controlQueue.remove(0).run();
        }
    }

    @Test
    void startAppliesEveryInitialSettingToTheElement() {
        Preset p = new Preset(new MattingSettings("mobilenetv3", 0.5f, 3, 0, Device.CPU),
                BackgroundChoice.DEFAULT.withColor(0xFF0000FF));
        PanelPresenter other = new PanelPresenter(controls, view, p, controlThread, uiThread);
        other.start();
        verify(view).showSettings(p);
        verify(view).showViewMode(ViewMode.COMPOSITE);
        verify(controls, never()).set(any(), any()); // nothing touches the element on the UI thread
        verify(controls, never()).setBackground(any());
        runControlThread();
        verify(controls).set(MODEL, "mobilenetv3");
        verify(controls).set(DEVICE, Device.CPU);
        verify(controls).set(DOWNSAMPLE_RATIO, 0.5f);
        verify(controls).set(SEQ_CHUNK, 3);
        verify(controls).set(THREADS, 0);
        verify(controls).setEdges(EdgeSettings.NONE);
        verify(controls).setBackground(p.background());
    }

    @Test
    void anEdgeControlGoesToTheElementAndCrossedClipLevelsNever() {
        presenter.choose(EdgeSettings.FEATHER, 5);
        presenter.choose(EdgeSettings.CLIP_WHITE, 0.4f);
        presenter.choose(EdgeSettings.CLIP_BLACK, 0.6f);
        verify(view).showError(contains("clip-black (0.6) must be below clip-white (0.4)"));
        runControlThread();
        verify(controls).set(EdgeSettings.FEATHER, 5);
        verify(controls).set(EdgeSettings.CLIP_WHITE, 0.4f);
        verify(controls, never()).set(eq(EdgeSettings.CLIP_BLACK), any());
        assertEquals(new EdgeSettings(0f, 0.4f, 0, 5, false), presenter.settings().matting().edges());
    }

    @Test
    void elementCallsRunOnTheControlThreadNotTheCaller() {
        presenter.chooseDownsampleRatio(0.25f);
        verify(controls, never()).set(eq(DOWNSAMPLE_RATIO), anyFloat());
        assertEquals(0.25f, presenter.settings().matting().downsampleRatio(), "the controls show the choice at once");
        runControlThread();
        verify(controls).set(DOWNSAMPLE_RATIO, 0.25f);
        verify(view).showError(null);
    }

    @Test
    void colourThenImageSetTheBackgroundInOrder() throws Exception {
        Path png = dir.resolve("bg.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        presenter.chooseColor(0xFF112233);
        presenter.chooseImage(png);
        runControlThread();
        InOrder order = inOrder(controls);
        order.verify(controls).setBackground(new BackgroundChoice(Kind.COLOR, 0xFF112233, null, null, 16));
        order.verify(controls).setBackground(new BackgroundChoice(Kind.IMAGE, 0xFF112233, png, null, 16));
        assertEquals(Kind.IMAGE, presenter.settings().background().kind());
    }

    @Test
    void aMissingOrWrongPictureIsShownAndNeverReachesTheElement() throws Exception {
        presenter.chooseImage(dir.resolve("nope.png"));
        verify(view).showError(contains("does not exist"));
        Path gif = dir.resolve("anim.png");
        Files.write(gif, "GIF89a....".getBytes());
        presenter.chooseImage(gif);
        verify(view).showError(contains("not a PNG or JPEG"));
        runControlThread();
        verify(controls, never()).setBackground(any());
        assertEquals(Kind.TRANSPARENT, presenter.settings().background().kind());
    }

    @Test
    void choosingImageKindWithoutAPictureAsksForOne() {
        presenter.chooseBackgroundKind(Kind.IMAGE);
        verify(view).showError(contains("Choose an image file"));
        verify(view).showSettings(Preset.DEFAULTS);
        runControlThread();
        verify(controls, never()).setBackground(any());
    }

    @Test
    void aRefusedChangeIsShownAndTheControlsGoBack() {
        doThrow(new MattingException("model /x.onnx did not start (no such file)")).when(controls).set(SEQ_CHUNK, 4);
        presenter.chooseSeqChunk(4);
        runControlThread();
        verify(view).showError("model /x.onnx did not start (no such file)");
        verify(view).showSettings(Preset.DEFAULTS);
        assertEquals(1, presenter.settings().matting().seqChunk());
    }

    @Test
    void aValueOutsideTheSettingsRangeIsRefusedBeforeTheElementSeesIt() {
        presenter.chooseSeqChunk(SEQ_CHUNK.max() + 1);
        verify(view).showError(contains("seq-chunk must be a whole number in 1..64"));
        runControlThread();
        verify(controls, never()).set(eq(SEQ_CHUNK), org.mockito.ArgumentMatchers.anyInt());
        assertEquals(1, presenter.settings().matting().seqChunk());
    }

    @Test
    void anUnknownModelNameIsRefusedBeforeTheElementSeesIt() {
        presenter.chooseModel("resnet50");
        verify(view).showError(contains("neither a built-in name"));
        runControlThread();
        verify(controls, never()).set(eq(MODEL), any());
    }

    @Test
    void resolutionAndLatencyFollowTheInputAndTheChoices() {
        presenter.onInputFormat(400, 300, 30);
        verify(view).showInternalResolution("auto (1.000): 400x300");
        verify(view).showChunkLatency("no added latency");
        presenter.chooseDownsampleRatio(0.25f);
        verify(view).showInternalResolution("0.250: 100x75");
        presenter.chooseSeqChunk(4);
        verify(view).showChunkLatency("+100 ms (3 frames at 30 fps)");
    }

    @Test
    void derivedTextMatchesTheUpstreamRules() {
        MattingSettings auto = MattingSettings.DEFAULTS;
        assertEquals("auto (0.267): 512x288", PanelPresenter.internalResolution(auto, 1920, 1080));
        assertEquals("auto", PanelPresenter.internalResolution(auto, 0, 0));
        assertEquals("0.400: 768x432", PanelPresenter.internalResolution(auto.withDownsampleRatio(0.4f), 1920, 1080));
        assertEquals("+2 frames", PanelPresenter.chunkLatency(3, 0));
        assertEquals("+33 ms (1 frame at 29.97 fps)", PanelPresenter.chunkLatency(2, 29.97));
    }

    @Test
    void statsAreFormattedWithOrWithoutInferenceTime() {
        presenter.onStats(24.84, 38.25);
        verify(view).showStats("24.8 fps, 38.3 ms/frame");
        presenter.onStats(30, Double.NaN);
        verify(view).showStats("30.0 fps");
    }

    @Test
    void pipelineErrorsAreShown() {
        presenter.onError("rvmmatte: could not open model");
        verify(view).showError("rvmmatte: could not open model");
    }

    @Test
    void viewModeChangesOnlyTheView() {
        presenter.chooseViewMode(ViewMode.RED_OVERLAY);
        verify(view).showViewMode(ViewMode.RED_OVERLAY);
        assertEquals(ViewMode.RED_OVERLAY, presenter.viewMode());
        assertTrue(controlQueue.isEmpty());
    }

    @Test
    void presetsSaveAndLoadEverySetting() throws Exception {
        presenter.chooseDownsampleRatio(0.3f);
        presenter.chooseSeqChunk(2);
        presenter.chooseBlurStrength(40);
        presenter.choose(EdgeSettings.SHRINK_GROW, -3);
        presenter.choose(EdgeSettings.INVERT, true);
        Path file = dir.resolve("look.json");
        presenter.savePreset(file);
        runControlThread();
        Preset saved = PresetJson.read(file);
        assertEquals(presenter.settings(), saved);

        PanelPresenter fresh = new PanelPresenter(controls, view, Preset.DEFAULTS, controlThread, uiThread);
        clearInvocations(controls, view);
        fresh.loadPreset(file);
        runControlThread();
        assertEquals(saved, fresh.settings());
        verify(controls).set(DOWNSAMPLE_RATIO, 0.3f);
        verify(controls).set(SEQ_CHUNK, 2);
        verify(controls).setEdges(saved.matting().edges());
        verify(controls).setBackground(saved.background());
        verify(view, never()).showError(any(String.class));
        verify(view).showError(isNull());
    }

    @Test
    void aBrokenPresetIsShownAndChangesNothing() throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"seqChunk\": -3}");
        presenter.loadPreset(file);
        runControlThread();
        ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
        verify(view).showError(message.capture());
        assertTrue(message.getValue().contains(file.toString()), message.getValue());
        verify(controls, never()).set(eq(SEQ_CHUNK), org.mockito.ArgumentMatchers.anyInt());
        assertEquals(Preset.DEFAULTS, presenter.settings());
    }

    @Test
    void resetGoesToTheElementAndItsFailureIsShown() {
        presenter.resetState();
        runControlThread();
        verify(controls).reset();
        doThrow(new IllegalStateException("no element")).when(controls).reset();
        presenter.resetState();
        runControlThread();
        verify(view).showError("no element");
    }
}
