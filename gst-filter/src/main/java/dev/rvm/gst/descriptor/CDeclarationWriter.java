package dev.rvm.gst.descriptor;

import dev.rvm.gst.element.RvmMatteDescriptor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the native loader's C declaration of an element from its Java descriptor, at build time, so
 * gst-inspect and registry scans see the factory, pads and properties without starting a JVM.
 * Usage: {@code CDeclarationWriter OUTPUT.h}.
 */
public final class CDeclarationWriter {
    private CDeclarationWriter() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, header(RvmMatteDescriptor.DESCRIPTOR), StandardCharsets.UTF_8);
    }

    static String header(ElementDescriptor d) {
        StringBuilder h = new StringBuilder();
        h.append("/* Generated from ").append(RvmMatteDescriptor.class.getName())
                .append(" by CDeclarationWriter at build time. Do not edit. */\n");
        h.append("#define RVM_FACTORY_NAME ").append(c(d.factoryName())).append('\n');
        h.append("#define RVM_LONG_NAME ").append(c(d.longName())).append('\n');
        h.append("#define RVM_CLASSIFICATION ").append(c(d.classification())).append('\n');
        h.append("#define RVM_DESCRIPTION ").append(c(d.description())).append('\n');
        h.append("#define RVM_AUTHOR ").append(c(d.author())).append("\n\n");

        h.append("static const RvmPadDecl RVM_PADS[] = {\n");
        for (PadSpec p : d.pads()) {
            h.append("  { ").append(c(p.name())).append(", ").append(p.source() ? "GST_PAD_SRC" : "GST_PAD_SINK")
                    .append(", ").append(c(p.caps())).append(" },\n");
        }
        h.append("  { NULL, GST_PAD_UNKNOWN, NULL }\n};\n\n");

        int e = 0;
        for (PropertySpec p : d.properties()) {
            if (p instanceof PropertySpec.EnumProp en) {
                h.append("static const char *const RVM_ENUM_").append(e++).append("[] = { ");
                for (String v : en.valueNicks()) {
                    h.append(c(v)).append(", ");
                }
                h.append("NULL };\n");
            }
        }
        h.append("\nstatic const RvmPropDecl RVM_PROPS[] = {\n");
        e = 0;
        for (PropertySpec p : d.properties()) {
            String kind;
            double min = 0;
            double max = 0;
            double def = 0;
            String defString = null;
            String enumType = null;
            String enumValues = "NULL";
            if (p instanceof PropertySpec.StringProp s) {
                kind = "RVM_PROP_STRING";
                defString = s.defaultValue();
            } else if (p instanceof PropertySpec.IntProp s) {
                kind = "RVM_PROP_INT";
                min = s.min();
                max = s.max();
                def = s.defaultValue();
            } else if (p instanceof PropertySpec.UIntProp s) {
                kind = "RVM_PROP_UINT";
                max = 4294967295.0;
                def = Integer.toUnsignedLong(s.defaultValue());
            } else if (p instanceof PropertySpec.FloatProp s) {
                kind = "RVM_PROP_FLOAT";
                min = s.min();
                max = s.max();
                def = s.defaultValue();
            } else if (p instanceof PropertySpec.DoubleProp s) {
                kind = "RVM_PROP_DOUBLE";
                min = s.min();
                max = s.max();
                def = s.defaultValue();
            } else if (p instanceof PropertySpec.BoolProp s) {
                kind = "RVM_PROP_BOOLEAN";
                def = s.defaultValue() ? 1 : 0;
            } else {
                PropertySpec.EnumProp s = (PropertySpec.EnumProp) p;
                kind = "RVM_PROP_ENUM";
                def = s.defaultValue();
                enumType = s.typeName();
                enumValues = "RVM_ENUM_" + e++;
            }
            h.append("  { ").append(String.join(", ", List.of(c(p.name()), c(p.nick()), c(p.blurb()), kind,
                    num(min), num(max), num(def), c(defString), c(enumType), enumValues,
                    p.writable() ? "TRUE" : "FALSE", p.mutableWhilePlaying() ? "TRUE" : "FALSE"))).append(" },\n");
        }
        h.append("  { NULL }\n};\n\n");
        h.append("static const char *const RVM_ACTION_SIGNALS[] = { ");
        for (String s : d.actionSignals()) {
            h.append(c(s)).append(", ");
        }
        h.append("NULL };\n");
        return h.toString();
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
