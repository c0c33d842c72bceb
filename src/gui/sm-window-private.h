/* sm-window-private.h: what the parts of SmWindow share
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sm-body-map.h"
#include "sm-center-bin.h"
#include "sm-cue-player.h"
#include "sm-browse-page.h"
#include "sm-history.h"
#include "sm-hurt-panel.h"
#include "sm-pain-layer.h"
#include "sm-presenter-console.h"
#include "sm-presenter.h"
#include "sm-routines-page.h"
#include "sm-safety-page.h"
#include "sm-search-results.h"
#include "sm-hold-log.h"
#include "sm-journal-page.h"
#include "sm-journal-presenter.h"
#include "sm-session-panel.h"
#include "sm-session-view.h"
#include "sm-stretch-panel.h"
#include "sm-technique-panel.h"
#include "sm-timer-bar.h"
#include "sm-tool-panel.h"
#include "sm-window-geometry.h"
#include "sm-window.h"
#include "sm-zone-panel.h"

G_BEGIN_DECLS

/* SmWindow is one class in several files, one concern each (as GNOME Text
 * Editor's editor-window*.c): sm-window.c holds the object, its properties
 * and every notify; sm-window-navigation.c the side pane (panels, history,
 * search, the safety screen); sm-window-presenter.c presenter mode;
 * sm-window-session.c the hold timer and guided sessions;
 * sm-window-routines.c the routines page, the map's menu and the pain
 * drawing. Each part installs its actions in _sm_window_class_*_init ()
 * and sets itself up in _sm_window_*_init (). */
struct _SmWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkHeaderBar         *header_bar;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkWidget            *view_switch;
  GtkWidget            *side_switch;
  GtkWidget            *search_button;
  GtkWidget            *routines_button;
  GtkWidget            *mark_pain_button;
  GtkWidget            *timer_indicator;
  GtkLabel             *timer_indicator_label;
  GtkStack             *mode_stack;
  GtkPaned             *paned;
  GtkBox               *map_slot;
  SmBodyMap            *body_map;
  SmPainLayer          *pain_layer;
  GtkStack             *panel_stack;
  SmSafetyPage         *safety_page;
  SmZonePanel          *zone_panel;
  SmTechniquePanel     *technique_panel;
  SmToolPanel          *tool_panel;
  SmStretchPanel       *stretch_panel;
  SmBrowsePage         *browse_page;
  SmSearchResults      *search_results;
  SmRoutinesPage       *routines_page;
  SmSessionPanel       *session_panel;
  GtkBox               *timer_slot;
  SmTimerBar           *timer_bar;

  /* Borrowed references */
  SmPresenter          *presenter;          /* in mode_stack, created the first time */
  GdkFrameClock        *presenter_hold_clock; /* (nullable) whose layout phase ends the hold */
  gulong                presenter_hold_layout_id;
  guint                 presenter_hold_id;  /* ends the hold at the latest */
  GtkWindow            *presenter_window;   /* on another monitor; cleared on its ::destroy */
  SmPresenterConsole   *console;            /* in panel_stack, created the first time */

  /* Owned references */
  GSettings            *settings;
  char                 *view;
  char                 *side;
  SmHistory            *history;
  GtkWidget            *map_menu;           /* (nullable) the map's context menu, parented to map_slot, from the first right click */
  GtkWidget            *monitor_menu;       /* F11's "where to present", parented to map_slot */
  GdkMonitor           *presenter_monitor;  /* the presenter window's */
  GtkWindow            *closing_window;     /* a presenter window let go of, destroyed in an idle */
  SmRoutine            *numbered;           /* the routine whose steps the map numbers */
  GSignalGroup         *numbered_signals;
  SmPainDrawing        *loose_drawing;      /* drawn with no routine of one's own open */
  SmTimer              *timer;
  SmSession            *session;
  GSignalGroup         *session_signals;

  /* State */
  gboolean              map_predrawn;        /* sm-window.c: predraw_map () ran */
  gboolean              presenting;
  SmWindowGeometry      before_presenting;
  gboolean              marking_pain;
  gboolean              session_from_routines;
  gulong                presenter_monitor_id;
  guint                 closing_id;
  SmJournalPage        *journal_page;        /* a page of panel_stack */
  SmJournalPresenter   *journal_presenter;   /* in mode_stack, created the first time */
  SmHoldLog            *hold_log;            /* (nullable) above the timer bar, in timer_slot, from the first offer */
  gboolean              presenting_journal;
  SmHurtPanel          *hurt_panel;          /* "Where does it hurt?", a page of panel_stack */
  gint64                session_started;     /* Unix seconds, for the journal */
  gboolean              session_closing;     /* the window is asked to close: record it now */

  /* Hands-free sessions (sm-window-cues.c) */
  SmCuePlayer          *cue_player;
  SmSessionView        *session_view;        /* in mode_stack, created the first time */
  gboolean              session_fullscreen;
  SmWindowGeometry      before_session_view;
};

/* --- Side pane: panels, history, search and the safety screen ------------ */

void         _sm_window_class_navigation_init     (SmWindowClass *klass);
void         _sm_window_navigation_init           (SmWindow      *self);
void         _sm_window_navigate_to               (SmWindow      *self,
                                                   const char    *page,
                                                   const char    *id,
                                                   const char    *side);
void         _sm_window_show_current_location     (SmWindow      *self);
void         _sm_window_emphasize_zone_landmarks  (SmWindow      *self,
                                                   const char    *zone_id,
                                                   const char    *side);
gboolean     _sm_window_focus_first               (GtkWidget     *widget);

/* --- Presenter mode ------------------------------------------------------ */

void         _sm_window_class_presenter_init      (SmWindowClass *klass);
void         _sm_window_presenter_init            (SmWindow      *self);
void         _sm_window_enter_presenter           (SmWindow      *self);
void         _sm_window_leave_presenter           (SmWindow      *self);
void         _sm_window_presenter_dispose         (SmWindow      *self);
void         _sm_window_update_present_elsewhere  (SmWindow      *self);
SmPresenter *_sm_window_get_far_presenter         (SmWindow      *self);

/* --- Hold timer and guided sessions -------------------------------------- */

void         _sm_window_class_session_init        (SmWindowClass *klass);
void         _sm_window_session_init              (SmWindow      *self);
void         _sm_window_end_session               (SmWindow      *self);
const char  *_sm_window_zone_title                (const char    *zone_id);
guint        _sm_window_zone_hold                 (const char    *zone_id);

/* --- Hands-free sessions: cues, full screen ------------------------------ */

void         _sm_window_class_cues_init           (SmWindowClass *klass);
void         _sm_window_cues_init                 (SmWindow      *self);
void         _sm_window_cues_dispose              (SmWindow      *self);
void         _sm_window_cues_set_session          (SmWindow      *self,
                                                   SmSession     *session);
void         _sm_window_update_cue_actions        (SmWindow      *self);
void         _sm_window_leave_session_view        (SmWindow      *self);
gboolean     _sm_window_session_view_f11          (SmWindow      *self);

/* --- Routines ------------------------------------------------------------ */

void         _sm_window_class_routines_init       (SmWindowClass *klass);
void         _sm_window_routines_init             (SmWindow      *self);
void         _sm_window_follow_routine            (SmWindow      *self);
SmRoutinesPage *_sm_window_ensure_routines_page   (SmWindow      *self);
SmRoutinesPage *_sm_window_show_routines_page     (SmWindow      *self);
void         _sm_window_update_pain_layers        (SmWindow      *self);

/* --- Journal ------------------------------------------------------------- */

/* --- Where does it hurt? (sm-window-hurt.c) ------------------------------- */

void         _sm_window_class_hurt_init           (SmWindowClass *klass);
void         _sm_window_hurt_init                 (SmWindow      *self);
void         _sm_window_hurt_location_changed     (SmWindow      *self,
                                                   const char    *page,
                                                   const char    *zone_id,
                                                   const char    *side);
void         _sm_window_hurt_drawing_changed      (SmWindow      *self);
void         _sm_window_hurt_ensure_panel         (SmWindow      *self);

void         _sm_window_class_journal_init        (SmWindowClass *klass);
void         _sm_window_journal_init              (SmWindow      *self);
guint        _sm_window_journal_plan              (SmSession     *session);

G_END_DECLS
