package dev.rvm.batch.exec;

/** One line that says what went wrong, for the summary and the manifest (stack traces stay in the executor's log). */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            m = e.getClass().getSimpleName();
        }
        return m.strip().replace('\n', ' ').replaceAll(" +", " ");
    }
}
