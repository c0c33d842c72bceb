/* sm-speaker.c
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-speaker"

#include "config.h"

#include <glib/gi18n.h>
#include <libspeechd.h>

#include "sm-speaker.h"

/* libspeechd's calls block on a socket: connecting may wait for a daemon
 * being spawned, and a daemon that hangs would hang whoever asked. So one
 * worker thread owns the connection and takes requests from a queue; the
 * main loop only ever pushes to the queue. The connection gets a second:
 * after that the speaker says it is unavailable (and turns ready should
 * the daemon answer later). Overlap is Speech Dispatcher's to prevent, by
 * priority: an announcement is a "message" (queued, never cut short), a
 * reminder "text" (cut short by the next), a passing remark a
 * "notification" (dropped while anything else is said). */

typedef enum {
  REQUEST_SAY,
  REQUEST_CANCEL,
  REQUEST_QUIT,
} RequestKind;

typedef struct {
  RequestKind  kind;
  SPDPriority  priority;
  char        *text;
} Request;

/* Shared by the speaker and its thread; either may go first. */
typedef struct {
  gatomicrefcount  ref;
  GAsyncQueue     *queue;      /* of Request */
  GWeakRef         speaker;
  GMainContext    *context;
  char            *language;
} Worker;

struct _SmSpeaker
{
  GObject         parent_instance;

  SmSpeakerState  state;
  char           *problem;
  Worker         *worker;
  guint           timeout_id;
  gint64          asked;        /* when connecting began, for the log */
};

G_DEFINE_FINAL_TYPE (SmSpeaker, sm_speaker, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PROBLEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
request_free (Request *request)
{
  g_free (request->text);
  g_free (request);
}

static void
push (Worker      *worker,
      RequestKind  kind,
      SPDPriority  priority,
      const char  *text)
{
  Request *request = g_new0 (Request, 1);

  request->kind = kind;
  request->priority = priority;
  request->text = g_strdup (text);
  g_async_queue_push (worker->queue, request);
}

static Worker *
worker_ref (Worker *worker)
{
  g_atomic_ref_count_inc (&worker->ref);
  return worker;
}

static void
worker_unref (Worker *worker)
{
  if (!g_atomic_ref_count_dec (&worker->ref))
    return;
  g_async_queue_unref (worker->queue);
  g_weak_ref_clear (&worker->speaker);
  g_main_context_unref (worker->context);
  g_free (worker->language);
  g_free (worker);
}

/* --- On the main loop ---------------------------------------------------- */

static void
set_state (SmSpeaker      *self,
           SmSpeakerState  state,
           const char     *problem)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->state != state)
    g_debug ("Speech %s %" G_GINT64_FORMAT " ms after asking: %s",
             state == SM_SPEAKER_READY ? "ready" : "unavailable",
             (g_get_monotonic_time () - self->asked) / 1000, problem != NULL ? problem : "connected");
  g_object_freeze_notify (G_OBJECT (self));
  if (g_strcmp0 (self->problem, problem) != 0)
    {
      g_free (self->problem);
      self->problem = g_strdup (problem);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROBLEM]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

typedef struct {
  Worker   *worker;
  gboolean  connected;
  char     *problem;
} Outcome;

static gboolean
on_outcome (gpointer data)
{
  Outcome *outcome = data;
  g_autoptr(SmSpeaker) self = g_weak_ref_get (&outcome->worker->speaker);

  if (self != NULL)
    set_state (self, outcome->connected ? SM_SPEAKER_READY : SM_SPEAKER_UNAVAILABLE,
               outcome->problem);
  worker_unref (outcome->worker);
  g_free (outcome->problem);
  g_free (outcome);
  return G_SOURCE_REMOVE;
}

static gboolean
on_connect_timeout (gpointer data)
{
  SmSpeaker *self = data;

  self->timeout_id = 0;
  g_debug ("Speech Dispatcher did not answer within %d ms", SM_SPEAKER_CONNECT_TIMEOUT_MS);
  set_state (self, SM_SPEAKER_UNAVAILABLE,
             _("Speech Dispatcher does not answer, so the cues are sounds only."));
  return G_SOURCE_REMOVE;
}

/* --- In the worker thread ------------------------------------------------ */

static void
report (Worker     *worker,
        gboolean    connected,
        const char *problem)
{
  Outcome *outcome = g_new0 (Outcome, 1);

  outcome->worker = worker_ref (worker);
  outcome->connected = connected;
  outcome->problem = g_strdup (problem);
  g_main_context_invoke (worker->context, on_outcome, outcome);
}

/**
 * sm_speaker_check_installed:
 *
 * Without the daemon there is nothing to spawn or talk to, unless an
 * address names one somewhere else. Asks nothing of any daemon, so it can
 * be said before spoken cues are turned on.
 *
 * Returns: (nullable): why cues cannot be spoken, or %NULL if they may be
 */
const char *
sm_speaker_check_installed (void)
{
  g_autofree char *daemon = g_find_program_in_path ("speech-dispatcher");

  if (daemon == NULL && g_getenv ("SPEECHD_ADDRESS") == NULL)
    return _("Speech Dispatcher is not installed, so the cues are sounds only.");

  return NULL;
}

static SPDConnection *
connect_daemon (Worker *worker)
{
  const char *missing = sm_speaker_check_installed ();
  SPDConnection *connection;
  char *error = NULL;

  if (missing != NULL)
    {
      report (worker, FALSE, missing);
      return NULL;
    }

  connection = spd_open2 (PACKAGE_NAME, "cues", NULL, SPD_MODE_SINGLE, NULL, TRUE, &error);
  if (connection == NULL)
    {
      g_debug ("Cannot connect to Speech Dispatcher: %s", error != NULL ? error : "no reason given");
      free (error);
      report (worker, FALSE, _("Speech Dispatcher is not running, so the cues are sounds only."));
      return NULL;
    }

  if (spd_set_language (connection, worker->language) != 0)
    g_debug ("Speech Dispatcher has no voice for “%s”", worker->language);
  report (worker, TRUE, NULL);
  return connection;
}

static gpointer
worker_main (gpointer data)
{
  Worker *worker = data;
  SPDConnection *connection = connect_daemon (worker);

  for (gboolean quit = FALSE; !quit;)
    {
      Request *request = g_async_queue_pop (worker->queue);

      quit = request->kind == REQUEST_QUIT;
      if (connection != NULL && request->kind == REQUEST_SAY)
        {
          if (spd_say (connection, request->priority, request->text) < 0)
            g_debug ("Speech Dispatcher refused “%s”", request->text);
        }
      else if (connection != NULL && request->kind == REQUEST_CANCEL)
        spd_cancel (connection);
      request_free (request);
    }

  if (connection != NULL)
    spd_close (connection);
  worker_unref (worker);
  return NULL;
}

/* --- The object ---------------------------------------------------------- */

/* The language of the translation in use, for the voice. */
static const char *
translation_language (void)
{
  /* Translators: the language code of this translation, e.g. "de": the
   * spoken cues use a voice for it */
  return C_("speech language", "en");
}

/**
 * sm_speaker_get_default:
 *
 * Returns: (transfer none): the app's speaker, speaking the translation's
 *   language; it starts connecting the first time it is asked for
 */
SmSpeaker *
sm_speaker_get_default (void)
{
  static SmSpeaker *speaker;

  if (speaker == NULL)
    speaker = sm_speaker_new (translation_language ());

  return speaker;
}

/* Starts connecting at once, in a thread of its own. */
SmSpeaker *
sm_speaker_new (const char *language)
{
  SmSpeaker *self = g_object_new (SM_TYPE_SPEAKER, NULL);
  Worker *worker = g_new0 (Worker, 1);
  g_autoptr(GError) error = NULL;
  GThread *thread;

  g_atomic_ref_count_init (&worker->ref);
  worker->queue = g_async_queue_new_full ((GDestroyNotify) request_free);
  g_weak_ref_init (&worker->speaker, self);
  worker->context = g_main_context_ref_thread_default ();
  worker->language = g_strdup (language != NULL ? language : "en");
  self->worker = worker;

  self->asked = g_get_monotonic_time ();
  self->timeout_id = g_timeout_add (SM_SPEAKER_CONNECT_TIMEOUT_MS, on_connect_timeout, self);
  thread = g_thread_try_new ("sm-speaker", worker_main, worker_ref (worker), &error);
  if (thread == NULL)
    {
      worker_unref (worker);
      g_warning ("No thread for spoken cues: %s", error->message);
      set_state (self, SM_SPEAKER_UNAVAILABLE,
                 _("Speech Dispatcher is not running, so the cues are sounds only."));
    }
  else
    g_thread_unref (thread);

  return self;
}

SmSpeakerState
sm_speaker_get_state (SmSpeaker *self)
{
  g_return_val_if_fail (SM_IS_SPEAKER (self), SM_SPEAKER_UNAVAILABLE);

  return self->state;
}

/* (nullable): why the cues cannot be spoken, in one line. */
const char *
sm_speaker_get_problem (SmSpeaker *self)
{
  g_return_val_if_fail (SM_IS_SPEAKER (self), NULL);

  return self->problem;
}

static SPDPriority
spd_priority (SmCuePriority priority)
{
  switch (priority)
    {
    case SM_CUE_PRIORITY_REMARK:
      return SPD_NOTIFICATION;
    case SM_CUE_PRIORITY_REMINDER:
      return SPD_TEXT;
    case SM_CUE_PRIORITY_ANNOUNCEMENT:
    default:
      return SPD_MESSAGE;
    }
}

/* Queues @text to be said; %FALSE (and nothing said) unless the speaker
 * is ready. Returns at once. */
gboolean
sm_speaker_say (SmSpeaker     *self,
                const char    *text,
                SmCuePriority  priority)
{
  g_return_val_if_fail (SM_IS_SPEAKER (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->state != SM_SPEAKER_READY)
    return FALSE;

  push (self->worker, REQUEST_SAY, spd_priority (priority), text);
  return TRUE;
}

/* Stops what is being said and everything queued. */
void
sm_speaker_cancel (SmSpeaker *self)
{
  g_return_if_fail (SM_IS_SPEAKER (self));

  if (self->state == SM_SPEAKER_READY)
    push (self->worker, REQUEST_CANCEL, SPD_MESSAGE, NULL);
}

static void
sm_speaker_dispose (GObject *object)
{
  SmSpeaker *self = SM_SPEAKER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->worker != NULL)
    {
      /* The thread closes the connection and lets go of its share. */
      push (self->worker, REQUEST_QUIT, SPD_MESSAGE, NULL);
      g_clear_pointer (&self->worker, worker_unref);
    }

  G_OBJECT_CLASS (sm_speaker_parent_class)->dispose (object);
}

static void
sm_speaker_finalize (GObject *object)
{
  g_free (SM_SPEAKER (object)->problem);

  G_OBJECT_CLASS (sm_speaker_parent_class)->finalize (object);
}

static void
sm_speaker_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SmSpeaker *self = SM_SPEAKER (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_int (value, self->state);
      break;

    case PROP_PROBLEM:
      g_value_set_string (value, self->problem);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_speaker_class_init (SmSpeakerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sm_speaker_dispose;
  object_class->finalize = sm_speaker_finalize;
  object_class->get_property = sm_speaker_get_property;

  properties[PROP_STATE] =
    g_param_spec_int ("state", NULL, NULL, SM_SPEAKER_CONNECTING, SM_SPEAKER_UNAVAILABLE,
                      SM_SPEAKER_CONNECTING,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PROBLEM] =
    g_param_spec_string ("problem", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sm_speaker_init (SmSpeaker *self)
{
  self->state = SM_SPEAKER_CONNECTING;
}
