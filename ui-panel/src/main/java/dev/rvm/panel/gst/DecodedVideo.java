package dev.rvm.panel.gst;

import org.freedesktop.gstreamer.Bin;
import org.freedesktop.gstreamer.Caps;
import org.freedesktop.gstreamer.Element;
import org.freedesktop.gstreamer.ElementFactory;
import org.freedesktop.gstreamer.GhostPad;
import org.freedesktop.gstreamer.Pad;

import java.nio.file.Path;

/** A file's video as a bin with one src pad: the panel's input, and a video background. */
final class DecodedVideo {
    private DecodedVideo() {
    }

    /**
     * {@code uridecodebin ! videoconvert ! after...}: the decoder's video pad (it appears once the file is
     * typed) is linked when it comes; audio is left out.
     */
    static Bin of(String name, Path file, Element... after) {
        Bin bin = new Bin(name);
        Element decode = ElementFactory.make("uridecodebin", name + "-decode");
        decode.set("uri", file.toAbsolutePath().toUri().toString());
        Element convert = ElementFactory.make("videoconvert", name + "-convert");
        bin.addMany(decode, convert);
        Element last = convert;
        for (Element e : after) {
            bin.add(e);
            last.link(e);
            last = e;
        }
        bin.addPad(new GhostPad("src", last.getStaticPad("src")));
        Pad videoIn = convert.getStaticPad("sink");
        decode.connect((Element.PAD_ADDED) (element, pad) -> {
            Caps caps = pad.getCurrentCaps() != null ? pad.getCurrentCaps() : pad.queryCaps(null);
            if (!videoIn.isLinked() && caps != null && caps.size() > 0 && caps.getStructure(0).getName().startsWith("video/")) {
                pad.link(videoIn);
            }
        });
        return bin;
    }
}
