/* sm-search-results.c: the list of search hits shown in the side pane
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sm-search-results"

#include "config.h"

#include <glib/gi18n.h>

#include "sm-atlas.h"
#include "sm-panel-utils.h"
#include "sm-referral-rank.h"
#include "sm-search-results.h"

struct _SmSearchResults
{
  GtkWidget          parent_instance;

  char              *query;
  GListModel        *results;

  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkListBox        *list;
};

G_DEFINE_FINAL_TYPE (SmSearchResults, sm_search_results, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_QUERY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
sm_search_results_new (void)
{
  return g_object_new (SM_TYPE_SEARCH_RESULTS, NULL);
}

const char *
sm_search_results_get_query (SmSearchResults *self)
{
  g_return_val_if_fail (SM_IS_SEARCH_RESULTS (self), NULL);

  return self->query;
}

/* Returns: (transfer none) (nullable): the SmSearchResult hits, best first. */
GListModel *
sm_search_results_get_results (SmSearchResults *self)
{
  g_return_val_if_fail (SM_IS_SEARCH_RESULTS (self), NULL);

  return self->results;
}

/* Each hit opens its panel through the same window actions as every other
 * link; zones leave the side to the window. */
static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  SmSearchResult *result = item;
  const char *kind = sm_search_result_get_kind (result);
  const char *id = sm_search_result_get_id (result);
  g_autofree char *action = g_strconcat ("win.show-", kind, NULL);
  GVariant *target = g_str_equal (kind, "zone") ? g_variant_new ("(ss)", id, "")
                                                : g_variant_new_string (id);

  return sm_panel_link_row (sm_search_result_get_title (result),
                            sm_search_result_get_subtitle (result),
                            action, target);
}

static void
select_index (SmSearchResults *self,
              int              index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, index);
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;

  gtk_list_box_select_row (self->list, row);
  if (row == NULL || !gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (self->list), &bounds))
    return;

  /* GtkListBox only scrolls to rows that have the keyboard focus, and the
   * focus stays in the search entry. */
  gtk_adjustment_clamp_page (adjustment, bounds.origin.y,
                             bounds.origin.y + bounds.size.height + 18);
}

void
sm_search_results_set_query (SmSearchResults *self,
                             const char      *query)
{
  g_return_if_fail (SM_IS_SEARCH_RESULTS (self));

  if (query == NULL)
    query = "";
  if (g_strcmp0 (self->query, query) == 0)
    return;

  g_free (self->query);
  self->query = g_strdup (query);

  g_clear_object (&self->results);
  self->results = sm_referral_search (sm_anatomy_get_default (), sm_atlas_get_default (), query);
  gtk_list_box_bind_model (self->list, self->results, create_row, NULL, NULL);
  select_index (self, 0);

  gtk_stack_set_visible_child_name (self->stack,
                                    *query != '\0' && g_list_model_get_n_items (self->results) == 0
                                    ? "empty" : "results");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/* Moves the selection by @delta rows, stopping at either end. Returns
 * whether there are results to move through. */
gboolean
sm_search_results_move (SmSearchResults *self,
                        int              delta)
{
  GtkListBoxRow *selected;
  int n, index;

  g_return_val_if_fail (SM_IS_SEARCH_RESULTS (self), FALSE);

  n = self->results != NULL ? (int) g_list_model_get_n_items (self->results) : 0;
  if (n == 0)
    return FALSE;

  selected = gtk_list_box_get_selected_row (self->list);
  index = selected != NULL ? gtk_list_box_row_get_index (selected) + delta : 0;
  select_index (self, CLAMP (index, 0, n - 1));

  return TRUE;
}

/* Opens the selected hit, or the first one. Returns whether there was one. */
gboolean
sm_search_results_activate_selected (SmSearchResults *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SM_IS_SEARCH_RESULTS (self), FALSE);

  row = gtk_list_box_get_selected_row (self->list);
  if (row == NULL)
    row = gtk_list_box_get_row_at_index (self->list, 0);
  if (row == NULL)
    return FALSE;

  gtk_widget_activate (GTK_WIDGET (row));
  return TRUE;
}

static void
sm_search_results_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), SM_TYPE_SEARCH_RESULTS);

  G_OBJECT_CLASS (sm_search_results_parent_class)->dispose (object);
}

static void
sm_search_results_finalize (GObject *object)
{
  SmSearchResults *self = SM_SEARCH_RESULTS (object);

  g_clear_pointer (&self->query, g_free);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (sm_search_results_parent_class)->finalize (object);
}

static void
sm_search_results_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SmSearchResults *self = SM_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_string (value, self->query);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_search_results_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SmSearchResults *self = SM_SEARCH_RESULTS (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      sm_search_results_set_query (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sm_search_results_class_init (SmSearchResultsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sm_search_results_dispose;
  object_class->finalize = sm_search_results_finalize;
  object_class->get_property = sm_search_results_get_property;
  object_class->set_property = sm_search_results_set_property;

  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/sm-search-results.ui");
  gtk_widget_class_bind_template_child (widget_class, SmSearchResults, stack);
  gtk_widget_class_bind_template_child (widget_class, SmSearchResults, scroller);
  gtk_widget_class_bind_template_child (widget_class, SmSearchResults, list);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
sm_search_results_init (SmSearchResults *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search Results"), -1);
}
