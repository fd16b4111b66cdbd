/*
 * libgstrvmmatte.so - a thin, generic native loader for the rvmmatte element written in Java.
 *
 * Registry scans and gst-inspect-1.0 never start a JVM: the factory, pad templates, properties and
 * action signals come from rvmmatte-descriptor.h, generated at build time from the Java descriptor.
 * The element is a bin with a ghost pad per always template (sink, src: exactly what editors such as
 * GES and Pitivi take as an effect) and ghost pads made on request from the request templates. At its
 * first NULL->READY it starts a JVM (or reuses the one already in the process) with -Xrs, asks Java
 * to register the real element under an internal name, puts one inside and points the ghost pads at
 * its pads. gst-launch-1.0 requests pads (m.alpha) while it parses, long before that: such a ghost
 * pad waits without a target until the inner element exists, then gets its twin requested there. Anything that goes
 * wrong there (no libjvm, wrong class path, missing model) is an element error on the bus: plugin_init
 * itself cannot fail, so the plugin is never blacklisted.
 *
 * Why a JVM never starts in plugin_init: GStreamer's segtrap swaps the SIGSEGV handler around each
 * plugin_init, and a JVM loses its own handler that way (it uses SIGSEGV internally). For the same
 * reason, once a JVM runs in the process, segtrap is turned off for plugins loaded later.
 */
#include <gst/gst.h>
#include <jni.h>
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
  RVM_PROP_STRING, RVM_PROP_INT, RVM_PROP_UINT, RVM_PROP_FLOAT, RVM_PROP_DOUBLE, RVM_PROP_BOOLEAN, RVM_PROP_ENUM
} RvmPropKind;

typedef struct {
  const char *name;
  GstPadDirection direction;
  GstPadPresence presence;
  const char *caps;
} RvmPadDecl;

typedef struct {
  const char *name, *nick, *blurb;
  RvmPropKind kind;
  double min, max, def;
  const char *def_string;
  const char *enum_type;
  const char *const *enum_values;
  gboolean writable;
  gboolean mutable_playing;
} RvmPropDecl;

#include "rvmmatte-descriptor.h"

/* The factory name the Java element is registered under inside the process. */
#define INNER_FACTORY "rvmmattejava"
#define JAVA_ENTRY_CLASS "dev/rvm/gst/NativeLoaderEntry"

#ifndef RVM_CLASSPATH_FILE
#define RVM_CLASSPATH_FILE ""
#endif
#ifndef RVM_LIBJVM
#define RVM_LIBJVM "libjvm.so"
#endif

GST_DEBUG_CATEGORY_STATIC (rvm_loader_debug);
#define GST_CAT_DEFAULT rvm_loader_debug

typedef struct {
  GstBin parent;
  GstElement *inner;
  GValue *values;
} GstRvmMatteLoader;

typedef struct {
  GstBinClass parent_class;
} GstRvmMatteLoaderClass;

G_DEFINE_TYPE (GstRvmMatteLoader, gst_rvm_matte_loader, GST_TYPE_BIN);

static guint n_props;
static GParamSpec **pspecs;

/* ---- JVM ------------------------------------------------------------------------------------- */

static GMutex jvm_lock;
static JavaVM *jvm;

typedef jint (*GetCreatedVMsFn) (JavaVM **, jsize, jsize *);
typedef jint (*CreateVMFn) (JavaVM **, void **, void *);

/* RVM_CLASSPATH, else the file written by the build next to this library's sources. */
static gchar *
class_path (void)
{
  const gchar *env = g_getenv ("RVM_CLASSPATH");
  gchar *contents = NULL;
  if (env && *env)
    return g_strdup (env);
  if (*RVM_CLASSPATH_FILE && g_file_get_contents (RVM_CLASSPATH_FILE, &contents, NULL, NULL))
    return g_strstrip (contents);
  return NULL;
}

static gchar *
libjvm_path (void)
{
  const gchar *env = g_getenv ("RVM_LIBJVM");
  const gchar *home = g_getenv ("JAVA_HOME");
  if (env && *env)
    return g_strdup (env);
  if (home && *home) {
    gchar *p = g_build_filename (home, "lib", "server", "libjvm.so", NULL);
    if (g_file_test (p, G_FILE_TEST_EXISTS))
      return p;
    g_free (p);
  }
  return g_strdup (RVM_LIBJVM);
}

/* Returns an env for this thread, starting or reusing the process's JVM; sets *error on failure. */
static JNIEnv *
java_env (gchar **error)
{
  JNIEnv *env = NULL;
  g_mutex_lock (&jvm_lock);
  if (!jvm) {
    gchar *lib_path = libjvm_path ();
    void *lib = dlopen (lib_path, RTLD_NOW | RTLD_GLOBAL);
    if (!lib) {
      *error = g_strdup_printf ("cannot load the Java VM library %s (%s); set RVM_LIBJVM or JAVA_HOME "
          "to a Java 17+ installation", lib_path, dlerror ());
      g_free (lib_path);
      g_mutex_unlock (&jvm_lock);
      return NULL;
    }
    g_free (lib_path);
    GetCreatedVMsFn get_vms = (GetCreatedVMsFn) dlsym (lib, "JNI_GetCreatedJavaVMs");
    CreateVMFn create_vm = (CreateVMFn) dlsym (lib, "JNI_CreateJavaVM");
    JavaVM *vm = NULL;
    jsize n = 0;
    if (get_vms && get_vms (&vm, 1, &n) == JNI_OK && n > 0) {
      GST_INFO ("reusing the JVM already running in this process");
      jvm = vm;
    } else if (create_vm) {
      gchar *cp = class_path ();
      if (!cp) {
        *error = g_strdup_printf ("no class path for the Java element: set RVM_CLASSPATH, or rebuild with "
            "./rvm plugin install (expected %s)", *RVM_CLASSPATH_FILE ? RVM_CLASSPATH_FILE : "a build file");
        g_mutex_unlock (&jvm_lock);
        return NULL;
      }
      gchar *cp_option = g_strconcat ("-Djava.class.path=", cp, NULL);
      JavaVMOption options[] = {
        { cp_option, NULL },
        /* the host owns SIGINT/SIGTERM/SIGHUP (gst-launch's Ctrl-C) */
        { (char *) "-Xrs", NULL },
        /* the JNA from the class path, not a system copy of another version */
        { (char *) "-Djna.nosys=true", NULL },
      };
      JavaVMInitArgs args = { JNI_VERSION_1_8, G_N_ELEMENTS (options), options, JNI_FALSE };
      GST_INFO ("starting a JVM, class path %s", cp);
      jint rc = create_vm (&vm, (void **) &env, &args);
      g_free (cp_option);
      g_free (cp);
      if (rc != JNI_OK) {
        *error = g_strdup_printf ("JNI_CreateJavaVM failed (%d)", (int) rc);
        g_mutex_unlock (&jvm_lock);
        return NULL;
      }
      jvm = vm;
    } else {
      *error = g_strdup ("the Java VM library has no JNI_CreateJavaVM");
      g_mutex_unlock (&jvm_lock);
      return NULL;
    }
    /* plugins loaded from now on must not swap the SIGSEGV handler the JVM relies on */
    gst_segtrap_set_enabled (FALSE);
  }
  g_mutex_unlock (&jvm_lock);
  if ((*jvm)->GetEnv (jvm, (void **) &env, JNI_VERSION_1_8) == JNI_EDETACHED) {
    if ((*jvm)->AttachCurrentThreadAsDaemon (jvm, (void **) &env, NULL) != JNI_OK) {
      *error = g_strdup ("could not attach the thread to the JVM");
      return NULL;
    }
  }
  return env;
}

static gchar *
java_exception_text (JNIEnv *env)
{
  jthrowable ex = (*env)->ExceptionOccurred (env);
  gchar *text;
  (*env)->ExceptionClear (env);
  jclass object = (*env)->FindClass (env, "java/lang/Object");
  jmethodID to_string = (*env)->GetMethodID (env, object, "toString", "()Ljava/lang/String;");
  jstring s = (jstring) (*env)->CallObjectMethod (env, ex, to_string);
  if ((*env)->ExceptionCheck (env) || !s) {
    (*env)->ExceptionClear (env);
    return g_strdup ("a Java exception");
  }
  const char *chars = (*env)->GetStringUTFChars (env, s, NULL);
  text = g_strdup (chars);
  (*env)->ReleaseStringUTFChars (env, s, chars);
  return text;
}

/* Registers the Java element (once per process); returns NULL or an error text. */
static gchar *
register_java_element (void)
{
  static gboolean registered;
  gchar *error = NULL;
  if (registered && gst_element_factory_find (INNER_FACTORY))
    return NULL;
  JNIEnv *env = java_env (&error);
  if (!env)
    return error;
  jclass entry = (*env)->FindClass (env, JAVA_ENTRY_CLASS);
  if (!entry) {
    gchar *ex = java_exception_text (env);
    gchar *cp = class_path ();
    error = g_strdup_printf ("the Java element (%s) is not on the class path %s: %s; set RVM_CLASSPATH or "
        "run ./rvm plugin install", JAVA_ENTRY_CLASS, cp ? cp : "(none)", ex);
    g_free (cp);
    g_free (ex);
    return error;
  }
  jmethodID start = (*env)->GetStaticMethodID (env, entry, "start", "(Ljava/lang/String;)Ljava/lang/String;");
  if (!start) {
    gchar *ex = java_exception_text (env);
    error = g_strdup_printf ("%s has no start(String): %s", JAVA_ENTRY_CLASS, ex);
    g_free (ex);
    return error;
  }
  jstring name = (*env)->NewStringUTF (env, INNER_FACTORY);
  jstring result = (jstring) (*env)->CallStaticObjectMethod (env, entry, start, name);
  if ((*env)->ExceptionCheck (env))
    return java_exception_text (env);
  if (result) {
    const char *chars = (*env)->GetStringUTFChars (env, result, NULL);
    error = g_strdup (chars);
    (*env)->ReleaseStringUTFChars (env, result, chars);
    return error;
  }
  registered = TRUE;
  return NULL;
}

/* ---- the bin ----------------------------------------------------------------------------------- */

/* Requests the inner element's twin of a ghost pad the bin made on request, and targets it. */
static gboolean
target_requested_pad (GstRvmMatteLoader * self, GstGhostPad * ghost)
{
  GstPad *target = gst_element_request_pad_simple (self->inner, GST_PAD_NAME (ghost));
  gboolean ok;
  if (!target) {
    GST_ELEMENT_ERROR (self, CORE, PAD, ("rvmmatte: the Java element refused its %s pad", GST_PAD_NAME (ghost)),
        (NULL));
    return FALSE;
  }
  ok = gst_ghost_pad_set_target (ghost, target);
  gst_object_unref (target);    /* the inner element keeps its pad until release */
  return ok;
}

static gboolean
ensure_inner (GstRvmMatteLoader * self)
{
  gchar *error;
  guint i;
  if (self->inner)
    return TRUE;
  error = register_java_element ();
  if (error) {
    GST_ELEMENT_ERROR (self, LIBRARY, INIT, ("rvmmatte could not start its Java element: %s", error),
        ("libjvm %s, class path file %s", RVM_LIBJVM, RVM_CLASSPATH_FILE));
    g_free (error);
    return FALSE;
  }
  self->inner = gst_element_factory_make (INNER_FACTORY, "matte");
  if (!self->inner) {
    GST_ELEMENT_ERROR (self, LIBRARY, INIT, ("rvmmatte: the Java element did not register"), (NULL));
    return FALSE;
  }
  for (i = 0; i < n_props; i++)
    if (RVM_PROPS[i].writable)
      g_object_set_property (G_OBJECT (self->inner), RVM_PROPS[i].name, &self->values[i]);
  gst_bin_add (GST_BIN (self), self->inner);
  for (i = 0; RVM_PADS[i].name; i++) {
    GstPad *ghost = gst_element_get_static_pad (GST_ELEMENT (self), RVM_PADS[i].name);
    if (!ghost)
      continue;                 /* a request pad nobody asked for */
    if (RVM_PADS[i].presence == GST_PAD_REQUEST) {
      target_requested_pad (self, GST_GHOST_PAD (ghost));
    } else {
      GstPad *target = gst_element_get_static_pad (self->inner, RVM_PADS[i].name);
      gst_ghost_pad_set_target (GST_GHOST_PAD (ghost), target);
      gst_object_unref (target);
    }
    gst_object_unref (ghost);
  }
  return TRUE;
}

static GstStateChangeReturn
gst_rvm_matte_loader_change_state (GstElement * element, GstStateChange transition)
{
  GstRvmMatteLoader *self = (GstRvmMatteLoader *) element;
  if (transition == GST_STATE_CHANGE_NULL_TO_READY && !ensure_inner (self))
    return GST_STATE_CHANGE_FAILURE;
  return GST_ELEMENT_CLASS (gst_rvm_matte_loader_parent_class)->change_state (element, transition);
}

static void
gst_rvm_matte_loader_set_property (GObject * object, guint id, const GValue * value, GParamSpec * pspec)
{
  GstRvmMatteLoader *self = (GstRvmMatteLoader *) object;
  if (id < 1 || id > n_props)
    return;
  g_value_copy (value, &self->values[id - 1]);
  if (self->inner)
    g_object_set_property (G_OBJECT (self->inner), pspec->name, value);
}

static void
gst_rvm_matte_loader_get_property (GObject * object, guint id, GValue * value, GParamSpec * pspec)
{
  GstRvmMatteLoader *self = (GstRvmMatteLoader *) object;
  if (id < 1 || id > n_props)
    return;
  if (self->inner)
    g_object_get_property (G_OBJECT (self->inner), pspec->name, value);
  else
    g_value_copy (&self->values[id - 1], value);
}

/* One pad per request template; without the JVM yet, the ghost pad waits for its target (ensure_inner). */
static GstPad *
gst_rvm_matte_loader_request_new_pad (GstElement * element, GstPadTemplate * templ, const gchar * name,
    const GstCaps * caps)
{
  GstRvmMatteLoader *self = (GstRvmMatteLoader *) element;
  const gchar *pad_name = GST_PAD_TEMPLATE_NAME_TEMPLATE (templ);
  GstPad *existing = gst_element_get_static_pad (element, pad_name);
  GstPad *ghost;
  if (existing) {
    GST_WARNING_OBJECT (self, "rvmmatte has one %s pad; it is taken (tee its output for more branches)", pad_name);
    gst_object_unref (existing);
    return NULL;
  }
  ghost = gst_ghost_pad_new_no_target_from_template (pad_name, templ);
  if (self->inner && !target_requested_pad (self, GST_GHOST_PAD (ghost))) {
    gst_object_unref (ghost);
    return NULL;
  }
  gst_element_add_pad (element, ghost);
  return ghost;
}

static void
gst_rvm_matte_loader_release_pad (GstElement * element, GstPad * pad)
{
  GstRvmMatteLoader *self = (GstRvmMatteLoader *) element;
  GstPad *target = gst_ghost_pad_get_target (GST_GHOST_PAD (pad));
  if (target) {
    gst_ghost_pad_set_target (GST_GHOST_PAD (pad), NULL);
    if (self->inner)
      gst_element_release_request_pad (self->inner, target);
    gst_object_unref (target);
  }
  gst_element_remove_pad (element, pad);
}

static void
on_action_signal (GstRvmMatteLoader * self, gpointer signal_name)
{
  if (self->inner)
    g_signal_emit_by_name (self->inner, (const gchar *) signal_name);
}

static void
gst_rvm_matte_loader_finalize (GObject * object)
{
  GstRvmMatteLoader *self = (GstRvmMatteLoader *) object;
  guint i;
  for (i = 0; i < n_props; i++)
    g_value_unset (&self->values[i]);
  g_free (self->values);
  G_OBJECT_CLASS (gst_rvm_matte_loader_parent_class)->finalize (object);
}

static GType
enum_type (const RvmPropDecl * p)
{
  GType t = g_type_from_name (p->enum_type);
  guint n = 0, i;
  GEnumValue *values;
  if (t)
    return t;
  while (p->enum_values[n])
    n++;
  values = g_new0 (GEnumValue, n + 1);
  for (i = 0; i < n; i++) {
    values[i].value = i;
    values[i].value_name = p->enum_values[i];
    values[i].value_nick = p->enum_values[i];
  }
  return g_enum_register_static (p->enum_type, values);
}

static GParamSpec *
param_spec (const RvmPropDecl * p)
{
  GParamFlags flags = p->writable
      ? G_PARAM_READWRITE | (p->mutable_playing ? GST_PARAM_MUTABLE_PLAYING : GST_PARAM_MUTABLE_READY)
      : G_PARAM_READABLE;
  flags |= G_PARAM_STATIC_STRINGS;
  switch (p->kind) {
    case RVM_PROP_STRING:
      return g_param_spec_string (p->name, p->nick, p->blurb, p->def_string, flags);
    case RVM_PROP_INT:
      return g_param_spec_int (p->name, p->nick, p->blurb, (gint) p->min, (gint) p->max, (gint) p->def, flags);
    case RVM_PROP_UINT:
      return g_param_spec_uint (p->name, p->nick, p->blurb, (guint) p->min, (guint) p->max, (guint) p->def, flags);
    case RVM_PROP_FLOAT:
      return g_param_spec_float (p->name, p->nick, p->blurb, p->min, p->max, p->def, flags);
    case RVM_PROP_DOUBLE:
      return g_param_spec_double (p->name, p->nick, p->blurb, p->min, p->max, p->def, flags);
    case RVM_PROP_BOOLEAN:
      return g_param_spec_boolean (p->name, p->nick, p->blurb, p->def != 0, flags);
    case RVM_PROP_ENUM:
      return g_param_spec_enum (p->name, p->nick, p->blurb, enum_type (p), (gint) p->def, flags);
  }
  return NULL;
}

static void
gst_rvm_matte_loader_class_init (GstRvmMatteLoaderClass * klass)
{
  GObjectClass *gobject_class = G_OBJECT_CLASS (klass);
  GstElementClass *element_class = GST_ELEMENT_CLASS (klass);
  guint i;

  gobject_class->set_property = gst_rvm_matte_loader_set_property;
  gobject_class->get_property = gst_rvm_matte_loader_get_property;
  gobject_class->finalize = gst_rvm_matte_loader_finalize;
  element_class->change_state = gst_rvm_matte_loader_change_state;
  element_class->request_new_pad = gst_rvm_matte_loader_request_new_pad;
  element_class->release_pad = gst_rvm_matte_loader_release_pad;
  gst_element_class_set_static_metadata (element_class, RVM_LONG_NAME, RVM_CLASSIFICATION, RVM_DESCRIPTION,
      RVM_AUTHOR);
  for (i = 0; RVM_PADS[i].name; i++) {
    GstCaps *caps = gst_caps_from_string (RVM_PADS[i].caps);
    gst_element_class_add_pad_template (element_class,
        gst_pad_template_new (RVM_PADS[i].name, RVM_PADS[i].direction, RVM_PADS[i].presence, caps));
    gst_caps_unref (caps);
  }
  for (n_props = 0; RVM_PROPS[n_props].name; n_props++);
  pspecs = g_new0 (GParamSpec *, n_props);
  for (i = 0; i < n_props; i++) {
    pspecs[i] = param_spec (&RVM_PROPS[i]);
    g_object_class_install_property (gobject_class, i + 1, pspecs[i]);
  }
  for (i = 0; RVM_ACTION_SIGNALS[i]; i++) {
    GClosure *closure = g_cclosure_new (G_CALLBACK (on_action_signal), (gpointer) RVM_ACTION_SIGNALS[i], NULL);
    g_signal_newv (RVM_ACTION_SIGNALS[i], G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_ACTION,
        closure, NULL, NULL, NULL, G_TYPE_NONE, 0, NULL);
  }
}

static void
gst_rvm_matte_loader_init (GstRvmMatteLoader * self)
{
  GstElementClass *klass = GST_ELEMENT_GET_CLASS (self);
  guint i;
  self->values = g_new0 (GValue, n_props);
  for (i = 0; i < n_props; i++) {
    g_value_init (&self->values[i], G_PARAM_SPEC_VALUE_TYPE (pspecs[i]));
    g_param_value_set_default (pspecs[i], &self->values[i]);
  }
  for (i = 0; RVM_PADS[i].name; i++) {
    GstPadTemplate *templ = gst_element_class_get_pad_template (klass, RVM_PADS[i].name);
    if (RVM_PADS[i].presence != GST_PAD_ALWAYS)
      continue;
    gst_element_add_pad (GST_ELEMENT (self), gst_ghost_pad_new_no_target_from_template (RVM_PADS[i].name, templ));
  }
}

static gboolean
plugin_init (GstPlugin * plugin)
{
  GST_DEBUG_CATEGORY_INIT (rvm_loader_debug, "rvmmatte-loader", 0, "native loader of the Java rvmmatte element");
  return gst_element_register (plugin, RVM_FACTORY_NAME, GST_RANK_NONE, gst_rvm_matte_loader_get_type ());
}

#define PACKAGE "rvm-matting"
GST_PLUGIN_DEFINE (GST_VERSION_MAJOR, GST_VERSION_MINOR, rvmmatte,
    "Robust Video Matting element written in Java (native loader)", plugin_init, "0.1.0", "GPL",
    "rvm-matting", "rvm-matting project")
