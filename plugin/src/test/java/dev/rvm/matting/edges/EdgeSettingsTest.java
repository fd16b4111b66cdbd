package dev.rvm.matting.edges;

import dev.rvm.matting.MattingSettings;
import dev.rvm.matting.SettingsTable;
import dev.rvm.matting.settings.Setting;
import dev.rvm.matting.settings.SettingValues;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The edge controls' values: defaults, refusals that name the setting, and a safe order to write them in. */
class EdgeSettingsTest {

    @Test
    void theDefaultsAreTheTablesAndTouchNothing() {
        assertEquals(EdgeSettings.NONE, EdgeSettings.of(SettingsTable.MATTING.defaults()));
        assertEquals(EdgeSettings.NONE, MattingSettings.DEFAULTS.edges());
        assertTrue(EdgeSettings.NONE.isIdentity());
        assertTrue(new EdgeSettings(-0f, 1f, 0, 0, false).isIdentity(), "-0 is 0");
        for (Setting<?> s : EdgeSettings.SETTINGS) {
            assertTrue(SettingsTable.MATTING.contains(s), s.name() + " is in the settings table");
            assertTrue(s.live(), s.name() + " changes while playing");
        }
    }

    @Test
    void aNegativeFeatherIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> EdgeSettings.NONE.withFeather(-2));
        assertEquals("feather must be a whole number in 0..64; got -2", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> EdgeSettings.FEATHER.parse("-2"));
        assertTrue(e.getMessage().startsWith("feather must be"), e.getMessage());
    }

    @Test
    void clipBlackAtOrAboveClipWhiteIsRefusedNamingBoth() {
        for (float[] pair : new float[][] {{0.5f, 0.5f}, {0.8f, 0.3f}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> EdgeSettings.NONE.withClip(pair[0], pair[1]));
            assertTrue(e.getMessage().startsWith("clip-black (" + pair[0] + ") must be below clip-white (" + pair[1] + ")"),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> EdgeSettings.NONE.withClip(Float.NaN, 1f));
        assertThrows(IllegalArgumentException.class, () -> EdgeSettings.NONE.withClip(0f, 1.5f));
        SettingValues crossed = SettingsTable.MATTING.defaults().with(EdgeSettings.CLIP_BLACK, 0.9f).with(EdgeSettings.CLIP_WHITE, 0.2f);
        assertThrows(IllegalArgumentException.class, () -> SettingsTable.matting(crossed), "the settings a stream opens with are refused too");
    }

    @Test
    void theWriteOrderKeepsClipBlackBelowClipWhiteAfterEveryWrite() {
        EdgeSettings low = new EdgeSettings(0.1f, 0.3f, 0, 0, false);
        EdgeSettings high = new EdgeSettings(0.6f, 0.9f, 2, 1, true);
        for (EdgeSettings[] move : new EdgeSettings[][] {{low, high}, {high, low}, {EdgeSettings.NONE, high}, {high, EdgeSettings.NONE}}) {
            EdgeSettings from = move[0];
            EdgeSettings to = move[1];
            SettingValues host = from.writeTo(SettingsTable.MATTING.defaults());
            SettingValues target = to.writeTo(SettingsTable.MATTING.defaults());
            for (Setting<?> s : to.writeOrder(from)) {
                host = host.withObject(s, target.get(s));
                EdgeSettings.of(host); // throws if a write crossed the levels
            }
            assertEquals(to, EdgeSettings.of(host));
        }
        assertFalse(high.writeOrder(low).get(0) == EdgeSettings.CLIP_BLACK, "raising both levels raises white first");
    }

    @Test
    void matteSettingsCarryTheEdgesThroughTheTable() {
        EdgeSettings e = new EdgeSettings(0.25f, 0.75f, -3, 4, true);
        MattingSettings m = MattingSettings.DEFAULTS.withEdges(e).withSeqChunk(2);
        assertEquals(e, m.edges());
        assertEquals(m, SettingsTable.matting(SettingsTable.withMatting(SettingsTable.MATTING.defaults(), m)));
    }
}
