package dev.rvm.gst.descriptor;

import dev.rvm.matting.settings.Setting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the native loader's C declaration of an element from its descriptor, at build time, so
 * gst-inspect and registry scans see the factory, pads and properties without starting a JVM.
 */
public final class CDeclarationWriter {
    private CDeclarationWriter() {
    }

    /** Writes the header of {@code d}; {@code source} names what it was generated from. */
    public static void write(Path out, ElementDescriptor d, String source) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, header(d, source), StandardCharsets.UTF_8);
    }

    static String header(ElementDescriptor d, String source) {
        StringBuilder h = new StringBuilder();
        h.append("/* Generated from ").append(source).append(" by CDeclarationWriter at build time. Do not edit. */\n");
        h.append("#define RVM_FACTORY_NAME ").append(c(d.factoryName())).append('\n');
        h.append("#define RVM_LONG_NAME ").append(c(d.longName())).append('\n');
        h.append("#define RVM_CLASSIFICATION ").append(c(d.classification())).append('\n');
        h.append("#define RVM_DESCRIPTION ").append(c(d.description())).append('\n');
        h.append("#define RVM_AUTHOR ").append(c(d.author())).append("\n\n");

        h.append("static const RvmPadDecl RVM_PADS[] = {\n");
        for (PadSpec p : d.pads()) {
            h.append("  { ").append(c(p.name())).append(", ").append(p.source() ? "GST_PAD_SRC" : "GST_PAD_SINK")
                    .append(", ").append(p.request() ? "GST_PAD_REQUEST" : "GST_PAD_ALWAYS")
                    .append(", ").append(c(p.caps())).append(" },\n");
        }
        h.append("  { NULL, GST_PAD_UNKNOWN, GST_PAD_ALWAYS, NULL }\n};\n\n");

        int e = 0;
        for (Setting<?> s : d.settings().settings()) {
            if (s instanceof Setting.Choice<?> choice) {
                h.append("static const char *const RVM_ENUM_").append(e++).append("[] = { ");
                for (String nick : choice.nicks()) {
                    h.append(c(nick)).append(", ");
                }
                h.append("NULL };\n");
            }
        }
        h.append("\nstatic const RvmPropDecl RVM_PROPS[] = {\n");
        e = 0;
        for (Setting<?> s : d.settings().settings()) {
            String enumType = null;
            String enumValues = "NULL";
            if (s instanceof Setting.Choice<?> choice) {
                enumType = d.enumTypeName(choice);
                enumValues = "RVM_ENUM_" + e++;
            }
            Decl decl = decl(s);
            h.append(row(s.name(), s.label(), s.doc(), decl, enumType, enumValues, true, s.live()));
        }
        for (Statistic s : d.statistics()) {
            h.append(row(s.name(), s.nick(), s.blurb(), new Decl("RVM_PROP_DOUBLE", 0, Double.MAX_VALUE, 0, null),
                    null, "NULL", false, true));
        }
        h.append("  { NULL }\n};\n\n");
        h.append("static const char *const RVM_ACTION_SIGNALS[] = { ");
        for (String signal : d.actionSignals()) {
            h.append(c(signal)).append(", ");
        }
        h.append("NULL };\n");
        return h.toString();
    }

    /** The C kind, range and default of a setting's GParamSpec. */
    private record Decl(String kind, double min, double max, double def, String defString) {}

    private static Decl decl(Setting<?> s) {
        if (s instanceof Setting.Text t) {
            return new Decl("RVM_PROP_STRING", 0, 0, 0, t.defaultValue());
        } else if (s instanceof Setting.Int i) {
            return new Decl("RVM_PROP_INT", i.min(), i.max(), i.defaultValue(), null);
        } else if (s instanceof Setting.Argb a) {
            return new Decl("RVM_PROP_UINT", 0, 4294967295.0, Integer.toUnsignedLong(a.defaultValue()), null);
        } else if (s instanceof Setting.Real r) {
            return new Decl("RVM_PROP_FLOAT", r.min(), r.max(), r.defaultValue(), null);
        } else if (s instanceof Setting.Flag f) {
            return new Decl("RVM_PROP_BOOLEAN", 0, 0, f.defaultValue() ? 1 : 0, null);
        }
        Setting.Choice<?> c = (Setting.Choice<?>) s;
        return new Decl("RVM_PROP_ENUM", 0, 0, c.values().indexOf(c.defaultValue()), null);
    }

    private static String row(String name, String nick, String blurb, Decl d, String enumType, String enumValues,
            boolean writable, boolean live) {
        return "  { " + String.join(", ", List.of(c(name), c(nick), c(blurb), d.kind(), num(d.min()), num(d.max()),
                num(d.def()), c(d.defString()), c(enumType), enumValues, writable ? "TRUE" : "FALSE",
                live ? "TRUE" : "FALSE")) + " },\n";
    }

    private static String num(double v) {
        if (v == Double.MAX_VALUE) {
            return "G_MAXDOUBLE";
        }
        return Double.toString(v);
    }

    private static String c(String s) {
        if (s == null) {
            return "NULL";
        }
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
