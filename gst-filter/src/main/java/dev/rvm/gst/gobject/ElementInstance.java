package dev.rvm.gst.gobject;

/** The Java side of one element instance: what {@link JavaElementType} dispatches to. */
public interface ElementInstance {

    void setProperty(String name, Object value);

    Object getProperty(String name);

    /** Before the parent class runs the transition; false fails it (an error has been posted). */
    boolean beforeTransition(int transition);

    /** After the parent class ran the transition successfully. */
    void afterTransition(int transition);

    void actionSignal(String name);

    /** The GObject is being finalized: release native resources. */
    void dispose();
}
