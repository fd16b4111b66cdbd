package dev.rvm.gst.element;

import java.util.List;

import static dev.rvm.gst.natives.Layout.FLOW_EOS;
import static dev.rvm.gst.natives.Layout.FLOW_FLUSHING;
import static dev.rvm.gst.natives.Layout.FLOW_NOT_LINKED;
import static dev.rvm.gst.natives.Layout.FLOW_OK;

/**
 * Combines the last flow return of each src pad into what the sink pad returns upstream, the way
 * GstFlowCombiner does: flushing and fatal errors win, EOS and NOT_LINKED only when every pad says so.
 */
final class FlowCombiner {
    private FlowCombiner() {
    }

    static int combine(List<OutputPad> pads) {
        boolean allEos = true;
        boolean allNotLinked = true;
        for (OutputPad pad : pads) {
            int f = pad.lastFlow();
            if (f == FLOW_FLUSHING || f < FLOW_EOS) {
                return f;
            }
            allEos &= f == FLOW_EOS;
            allNotLinked &= f == FLOW_NOT_LINKED;
        }
        if (allEos) {
            return FLOW_EOS;
        }
        return allNotLinked ? FLOW_NOT_LINKED : FLOW_OK;
    }
}
