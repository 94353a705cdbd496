package org.beatbook.address;

/**
 * Jazzer installs its agent into the surefire JVM on the first {@code @FuzzTest}, even in regression mode, and its
 * coverage instrumentation drops the {@code MethodParameters} attribute of every class it rewrites — after which
 * Spring can no longer bind {@code @PathVariable}s or form records of any module's controller run later in the same
 * JVM. So the fuzz tests limit instrumentation to the parsers and rules they exercise. Call from a static
 * initialiser of every class with {@code @FuzzTest}, before the agent is installed.
 */
public final class FuzzInstrumentation {

    private FuzzInstrumentation() {
    }

    public static void limitToParsers() {
        System.setProperty("jazzer.instrumentation_includes", String.join(java.io.File.pathSeparator,
                "org.beatbook.address.internal.AddressSheetReader**",
                "org.beatbook.address.internal.ImportRowParser**",
                "org.beatbook.address.internal.AddressRules**"));
        System.setProperty("jazzer.custom_hook_includes", "org.beatbook.address.internal.AddressSheetReader**");
    }
}
