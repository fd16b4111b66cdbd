package dev.rvm.gst;

import dev.rvm.gst.descriptor.CDeclarationWriter;
import dev.rvm.gst.element.RvmMatteDescriptor;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Build time ({@code native/build.sh}): writes the native loader's C header from {@code rvmmatte}'s
 * descriptor, so the loader declares the same factory, pads and properties without starting a JVM.
 * Usage: {@code NativeLoaderDeclaration OUTPUT.h}.
 */
public final class NativeLoaderDeclaration {
    private NativeLoaderDeclaration() {
    }

    public static void main(String[] args) throws IOException {
        CDeclarationWriter.write(Path.of(args[0]), RvmMatteDescriptor.DESCRIPTOR, RvmMatteDescriptor.class.getName());
    }
}
