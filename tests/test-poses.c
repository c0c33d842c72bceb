/* test-poses.c: the pictures of the tool uses and stretches, measured
 *
 * Copyright 2026 The Sciatica Map authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every number here is computed from the figure the renderer draws (the
 * solved SmPoseFigure, and the pixels of a rendering): segment lengths,
 * contact with the floor, the wall, the tool and the target, and colour
 * distances. SM_POSE_PNG_DIR=dir writes every picture as PNG to look at.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "sm-atlas.h"
#include "sm-figure.h"
#include "sm-format.h"
#include "sm-pose.h"
#include "sm-stretch.h"
#include "sm-test-model.h"
#include "sm-tool-use.h"
#include "sm-zone.h"

#define TOUCH 0.01   /* ± 1 % of stature */

static double
bone_bottom (const SmPoseBone *bone)
{
  return MIN (bone->a.y - bone->ra, bone->b.y - bone->rb);
}

static double
bone_left (const SmPoseBone *bone)
{
  return MIN (bone->a.x - bone->ra, bone->b.x - bone->rb);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  return g_strcmp0 (sm_pose_get_id (*(SmPose * const *) a), sm_pose_get_id (*(SmPose * const *) b));
}

static GPtrArray *
sorted_poses (void)
{
  GHashTable *poses = sm_pose_get_bundled ();
  g_autoptr(GList) values = g_hash_table_get_values (poses);
  GPtrArray *array = g_ptr_array_new ();

  for (GList *l = values; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);
  g_ptr_array_sort (array, compare_ids);
  return array;
}

/* Drillis and Contini: the figure's joints are where the proportions say. */
static void
test_segment_lengths (void)
{
  static const struct { SmPoseSegment segment; double length; } expected[] = {
    { SM_POSE_THIGH_NEAR, 0.245 }, { SM_POSE_THIGH_FAR, 0.245 },
    { SM_POSE_SHANK_NEAR, 0.246 }, { SM_POSE_SHANK_FAR, 0.246 },
    { SM_POSE_TRUNK_SEGMENT, 0.288 },
    { SM_POSE_UPPER_ARM_NEAR, 0.186 }, { SM_POSE_UPPER_ARM_FAR, 0.186 },
    { SM_POSE_FOREARM_NEAR, 0.146 }, { SM_POSE_FOREARM_FAR, 0.146 },
  };
  g_autoptr(GPtrArray) poses = sorted_poses ();

  g_assert_cmpuint (poses->len, >=, 31);
  for (guint i = 0; i < poses->len; i++)
    {
      const SmPoseFigure *f = sm_pose_get_figure (g_ptr_array_index (poses, i));
      const SmPoseBone *head = &f->bones[SM_POSE_HEAD_SEGMENT];
      const SmPoseBone *hand = &f->bones[SM_POSE_HAND_NEAR];

      for (guint k = 0; k < G_N_ELEMENTS (expected); k++)
        {
          double length = sm_pose_bone_length (&f->bones[expected[k].segment]);

          g_assert_cmpfloat (fabs (length - expected[k].length) / expected[k].length, <=, 0.05);
        }
      /* Head: chin to crown; hand: wrist to fingertip. */
      g_assert_cmpfloat (fabs (sm_pose_bone_length (head) + head->rb - 0.130) / 0.130, <=, 0.05);
      g_assert_cmpfloat (fabs (sm_pose_bone_length (hand) + hand->rb - 0.108) / 0.108, <=, 0.05);
    }
}

/* Lowest point on the floor, nothing under it; a wall pose's back on the
 * wall, nothing through it. */
static void
test_ground (void)
{
  g_autoptr(GPtrArray) poses = sorted_poses ();

  for (guint i = 0; i < poses->len; i++)
    {
      SmPose *pose = g_ptr_array_index (poses, i);
      const SmPoseFigure *f = sm_pose_get_figure (pose);
      double lowest = G_MAXDOUBLE, leftmost = G_MAXDOUBLE;

      for (guint k = 0; k < SM_POSE_N_SEGMENTS; k++)
        {
          lowest = MIN (lowest, bone_bottom (&f->bones[k]));
          leftmost = MIN (leftmost, bone_left (&f->bones[k]));
        }
      g_test_message ("%s: lowest %.4f", sm_pose_get_id (pose), lowest);
      g_assert_cmpfloat (fabs (lowest), <=, TOUCH);

      if (f->ground == SM_POSE_GROUND_WALL)
        {
          double back = bone_left (&f->bones[SM_POSE_TRUNK_SEGMENT]);

          g_test_message ("%s: back %.4f from the wall", sm_pose_get_id (pose), back);
          g_assert_cmpfloat (fabs (back), <=, TOUCH);
          g_assert_cmpfloat (leftmost, >=, -TOUCH);
        }
      /* Sitting on a chair: on the seat, not in it. */
      if (f->n_boxes > 0)
        {
          double seat = f->boxes[0].height;
          double sit = f->bones[SM_POSE_TRUNK_SEGMENT].a.y - f->bones[SM_POSE_TRUNK_SEGMENT].ra;

          g_assert_cmpfloat (fabs (sit - seat), <=, TOUCH);
        }
    }
}

/* The distance from a circle to the target ellipse (sampled outline). */
static double
target_distance (const SmPoseTarget *t,
                 SmPosePoint         c,
                 double              r)
{
  double best = G_MAXDOUBLE;

  for (int k = 0; k < 360; k++)
    {
      double a = k * G_PI / 180;
      double ex = t->along * cos (a), ey = t->across * sin (a);
      double x = t->centre.x + ex * cos (t->angle) - ey * sin (t->angle);
      double y = t->centre.y + ex * sin (t->angle) + ey * cos (t->angle);

      best = MIN (best, hypot (x - c.x, y - c.y) - r);
    }
  return best;
}

static void
test_tool_contact (void)
{
  g_autoptr(GPtrArray) poses = sorted_poses ();

  for (guint i = 0; i < poses->len; i++)
    {
      SmPose *pose = g_ptr_array_index (poses, i);
      const SmPoseFigure *f = sm_pose_get_figure (pose);
      const char *id = sm_pose_get_id (pose);
      SmPosePoint tip = sm_pose_fingertip (f, TRUE);
      double r = f->tool_radius;
      SmPosePoint c = f->tool_centre;

      switch (f->tool)
        {
        case SM_POSE_TOOL_BALL:
        case SM_POSE_TOOL_ROLLER:
        case SM_POSE_TOOL_PSOAS:
          {
            double support = f->ground == SM_POSE_GROUND_WALL ? c.x - r : c.y - r;

            g_test_message ("%s: tool %.4f from its support, %.4f from the target", id, support,
                            target_distance (&f->target, c, r));
            g_assert_cmpfloat (fabs (support), <=, TOUCH);
            g_assert_cmpfloat (target_distance (&f->target, c, r), <=, TOUCH);
            /* Between body and floor, not inside the body. */
            /* A ball is narrow: the far limbs are behind it. A roller
             * spans both sides. */
            for (guint k = 0; k < SM_POSE_N_SEGMENTS; k++)
              {
                if (f->tool != SM_POSE_TOOL_ROLLER && k >= SM_POSE_THIGH_FAR && k <= SM_POSE_HAND_FAR)
                  continue;
                if (sm_pose_bone_distance (&f->bones[k], c) - r < -TOUCH)
                  g_test_message ("%s: the tool is inside segment %u", id, k);
                g_assert_cmpfloat (sm_pose_bone_distance (&f->bones[k], c) - r, >=, -TOUCH);
              }
            break;
          }
        case SM_POSE_TOOL_STICK:
          /* The handle runs through the hand. */
          g_test_message ("%s: hand %.4f from the stick", id, hypot (tip.x - c.x, tip.y - c.y) - r);
          g_assert_cmpfloat (hypot (tip.x - c.x, tip.y - c.y) - r, <=, TOUCH);
          g_assert_cmpfloat (target_distance (&f->target, c, r), <=, TOUCH);
          break;
        case SM_POSE_TOOL_HANDS:
          g_test_message ("%s: fingertips %.4f from the target", id, target_distance (&f->target, tip, 0));
          g_assert_cmpfloat (target_distance (&f->target, tip, 0), <=, TOUCH);
          break;
        case SM_POSE_TOOL_NONE:
        default:
          break;
        }
    }
}

/* Knees and elbows bend the way bodies do (side views). */
static double
angle_of (const SmPoseBone *bone)
{
  return atan2 (bone->b.y - bone->a.y, bone->b.x - bone->a.x) * 180 / G_PI;
}

static double
normalise (double degrees)
{
  degrees = fmod (degrees, 360);
  return degrees > 180 ? degrees - 360 : degrees <= -180 ? degrees + 360 : degrees;
}

static void
test_joint_ranges (void)
{
  g_autoptr(GPtrArray) poses = sorted_poses ();

  for (guint i = 0; i < poses->len; i++)
    {
      const SmPoseFigure *f = sm_pose_get_figure (g_ptr_array_index (poses, i));
      const char *id = sm_pose_get_id (g_ptr_array_index (poses, i));
      double trunk = angle_of (&f->bones[SM_POSE_TRUNK_SEGMENT]);

      if (f->front_view)
        continue;
      for (guint side = 0; side < 2; side++)
        {
          guint thigh = side ? SM_POSE_THIGH_NEAR : SM_POSE_THIGH_FAR;
          guint upper = side ? SM_POSE_UPPER_ARM_NEAR : SM_POSE_UPPER_ARM_FAR;
          double hip = normalise (angle_of (&f->bones[thigh]) - trunk - 180);
          double knee = normalise (angle_of (&f->bones[thigh]) - angle_of (&f->bones[thigh + 1]));
          double ankle = normalise (angle_of (&f->bones[thigh + 2]) - angle_of (&f->bones[thigh + 1]));
          double elbow = normalise (angle_of (&f->bones[upper + 1]) - angle_of (&f->bones[upper]));

          g_test_message ("%s %s: hip %.0f knee %.0f ankle %.0f elbow %.0f", id,
                          side ? "near" : "far", hip, knee, ankle, elbow);
          g_assert_cmpfloat (hip, >=, -35);
          g_assert_cmpfloat (hip, <=, 150);
          g_assert_cmpfloat (knee, >=, -2);
          g_assert_cmpfloat (knee, <=, 160);
          g_assert_cmpfloat (ankle, >=, 30);
          g_assert_cmpfloat (ankle, <=, 150);
          if (!f->arm_turned[side])
            g_assert_cmpfloat (elbow, >=, -5);
          g_assert_cmpfloat (elbow, <=, 160);
          g_assert_cmpfloat (elbow, >=, -160);
        }
    }
}

/* --- Content ------------------------------------------------------------ */

/* The words a picture's description uses for each tool. */
static gboolean
names_tool (const char *description,
            const char *tool)
{
  static const struct { const char *tool; const char *word; } words[] = {
    { "ball", "ball" }, { "foam-roller", "foam roller" }, { "psoas-tool", "psoas tool" },
    { "massage-stick", "massage stick" }, { "hands", "hand" }, { "hands", "fingertips" },
    { "hands", "thumb" }, { NULL, "no tool" },
  };
  g_autofree char *lower = g_utf8_strdown (description, -1);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (words[i].tool, tool) == 0 && strstr (lower, words[i].word) != NULL)
      return TRUE;
  return FALSE;
}

/* Which part of the figure each zone is on, and which way it faces. */
static void
assert_region (const char         *zone,
               const SmPoseFigure *f)
{
  static const struct { const char *zone; SmPoseSegment segment; int face; } regions[] = {
    { "piriformis", SM_POSE_TRUNK_SEGMENT, -1 }, { "gluteus-maximus", SM_POSE_TRUNK_SEGMENT, -1 },
    { "gluteus-medius", SM_POSE_TRUNK_SEGMENT, 0 }, { "gluteus-minimus", SM_POSE_TRUNK_SEGMENT, 0 },
    { "erector-spinae", SM_POSE_TRUNK_SEGMENT, -1 }, { "quadratus-lumborum", SM_POSE_TRUNK_SEGMENT, -1 },
    { "sacral-border", SM_POSE_TRUNK_SEGMENT, -1 }, { "hamstrings", SM_POSE_THIGH_NEAR, -1 },
    { "calf", SM_POSE_SHANK_NEAR, -1 }, { "psoas", SM_POSE_TRUNK_SEGMENT, 1 },
    { "iliacus", SM_POSE_TRUNK_SEGMENT, 1 }, { "quadriceps", SM_POSE_THIGH_NEAR, 1 },
  };
  const SmPoseBone *bone = &f->bones[f->target.segment];
  double angle = atan2 (bone->b.y - bone->a.y, bone->b.x - bone->a.x);
  double turn = f->target.segment == SM_POSE_TRUNK_SEGMENT ? -G_PI_2 : G_PI_2;
  double front = f->target.normal.x * cos (angle + turn) + f->target.normal.y * sin (angle + turn);

  for (guint i = 0; i < G_N_ELEMENTS (regions); i++)
    if (g_str_equal (regions[i].zone, zone))
      {
        g_test_message ("%s: on segment %u, facing %.2f of the front", zone, f->target.segment, front);
        g_assert_cmpuint (f->target.segment, ==, regions[i].segment);
        /* The lower part of the buttock, or its side (seen from the front). */
        if (regions[i].face == 0)
          g_assert_true (f->front_view || front < -0.5);
        else if (!f->front_view)
          g_assert_cmpfloat (front * regions[i].face, >, 0.5);
        /* The buttock and the hip at the hip end of the trunk, the back muscles above them. */
        if (f->target.segment == SM_POSE_TRUNK_SEGMENT)
          g_assert_cmpfloat (f->target.from, <, g_str_equal (zone, "erector-spinae") ||
                                                g_str_equal (zone, "quadratus-lumborum") ? 0.4 : 0.1);
        return;
      }
  g_assert_not_reached ();
}

static void
assert_picture (const char *pose_id,
                const char *picture,
                const char *zone,
                const char *tool)
{
  SmPose *pose = sm_pose_lookup (pose_id);

  g_assert_nonnull (pose);
  g_assert_cmpstr (sm_pose_get_zone (pose), ==, zone);
  g_assert_cmpstr (sm_pose_get_tool_id (pose), ==, tool);
  assert_region (zone, sm_pose_get_figure (pose));
  g_assert_true (names_tool (picture, tool));
  for (guint s = 0; s < 2; s++)
    {
      g_autofree char *name = sm_format_picture (picture, s == 0 ? "left" : "right");

      g_assert_nonnull (strstr (name, s == 0 ? "left" : "right"));
      g_assert_nonnull (strstr (name, picture));
    }
}

static void
test_every_use_has_a_picture (void)
{
  SmAtlas *atlas = sm_atlas_get_default ();
  GListModel *zones = sm_atlas_get_zones (atlas);
  GListModel *stretches = sm_atlas_get_stretches (atlas);
  guint uses = 0;

  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr(SmZone) zone = g_list_model_get_item (zones, i);
      GListModel *tools = sm_zone_get_tool_uses (zone);

      for (guint k = 0; k < g_list_model_get_n_items (tools); k++, uses++)
        {
          g_autoptr(SmToolUse) use = g_list_model_get_item (tools, k);

          g_test_message ("%s × %s: %s", sm_zone_get_id (zone), sm_tool_use_get_tool_id (use),
                          sm_tool_use_get_pose (use));
          assert_picture (sm_tool_use_get_pose (use), sm_tool_use_get_picture (use),
                          sm_zone_get_id (zone), sm_tool_use_get_tool_id (use));
        }
    }
  g_assert_cmpuint (uses, ==, 28);

  g_assert_cmpuint (g_list_model_get_n_items (stretches), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (stretches); i++)
    {
      g_autoptr(SmStretch) stretch = g_list_model_get_item (stretches, i);

      g_assert_true (g_strv_contains (sm_stretch_get_zones (stretch),
                                      sm_pose_get_zone (sm_pose_lookup (sm_stretch_get_pose (stretch)))));
      assert_picture (sm_stretch_get_pose (stretch), sm_stretch_get_picture (stretch),
                      sm_pose_get_zone (sm_pose_lookup (sm_stretch_get_pose (stretch))), NULL);
    }
}

/* A content file naming no pose, an unknown one or one of another tool:
 * an error naming the file and the JSON path. */
static void
test_content_pose_errors (void)
{
  static const struct { const char *from; const char *to; const char *message; } cases[] = {
    { "\"pose\": \"piriformis-ball\",", "",
      "valid.json: zones[0].tools[0].pose: the required field “pose” is missing" },
    { "\"pose\": \"piriformis-ball\"", "\"pose\": \"no-such-pose\"",
      "valid.json: zones[0].tools[0].pose: there is no pose with the id “no-such-pose” (data/poses/no-such-pose.json)" },
    { "\"pose\": \"piriformis-ball\"", "\"pose\": \"calf-hands\"",
      "valid.json: zones[0].tools[0].pose: the pose “calf-hands” shows the tool “hands”, not “ball”" },
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "content", "valid.json", NULL);
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) parts = g_strsplit (text, cases[i].from, 2);
      g_autofree char *changed = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SmAtlas) atlas = NULL;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      changed = g_strjoinv (cases[i].to, parts);
      bytes = g_bytes_new_take (g_steal_pointer (&changed), strlen (text) - strlen (cases[i].from) + strlen (cases[i].to));
      atlas = sm_atlas_new_from_bytes ((GBytes *[]) { bytes, NULL }, (const char *[]) { "valid.json", NULL },
                                       NULL, NULL, &error);
      g_assert_null (atlas);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A pose file's own mistakes, by file and JSON path. */
static void
test_pose_file_errors (void)
{
  static const struct { const char *json; const char *message; } cases[] = {
    { "[]", "p.json: top level: must be an object" },
    { "{\"id\": \"p\"}", "p.json: top level: the required field “zone” is missing" },
    { "{\"id\": \"p\", \"zone\": \"calf\", \"tool\": \"ball\", \"motion\": \"spin\"}",
      "p.json: top level: the required field “hip” is missing" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (cases[i].json, strlen (cases[i].json));
      g_autoptr(GError) error = NULL;
      g_autoptr(SmPose) pose = sm_pose_new_from_bytes (bytes, "p.json", &error);

      g_assert_null (pose);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* Deeper paths: a limb, a target, a reach too far. */
static void
test_pose_paths (void)
{
  GBytes *bundled = g_resources_lookup_data (RESOURCE_BASE "/poses/piriformis-ball.json", 0, NULL);
  static const struct { const char *from; const char *to; const char *message; } cases[] = {
    { "\"near\": { \"reach\": [0.98, 0.039]", "\"near\": { \"reach\": [0.98, 0.039], \"x\": 1",
      "piriformis-ball.json: legs.near: unknown key “x”" },
    { "\"near\": { \"reach\": [0.98, 0.039]", "\"near\": { \"reach\": [2.5, 0.039]",
      "piriformis-ball.json: legs.near: the hand or foot cannot reach its point" },
    { "\"far\": { \"angles\": [18, 36, 26]", "\"far\": { \"angles\": [18, \"36\", 26]",
      "piriformis-ball.json: arms.far.angles[1]: must be a number" },
    { "\"motion\": \"hold\"", "\"motion\": \"spin\"",
      "piriformis-ball.json: motion: must be one of hold, roll, circles" },
    { "\"tool-at\": 0.07", "\"tool-at\": 7",
      "piriformis-ball.json: target.tool-at: 7 is out of range (0 to 1)" },
    { "\"id\": \"piriformis-ball\"", "\"id\": \"other\"",
      "piriformis-ball.json: id: “other” must be the file's name without .json" },
  };
  g_autofree char *text = g_strndup (g_bytes_get_data (bundled, NULL), g_bytes_get_size (bundled));

  g_bytes_unref (bundled);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) parts = g_strsplit (text, cases[i].from, 2);
      g_autofree char *changed = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(SmPose) pose = NULL;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      changed = g_strjoinv (cases[i].to, parts);
      bytes = g_bytes_new_take (changed, strlen (changed));
      changed = NULL;
      pose = sm_pose_new_from_bytes (bytes, "piriformis-ball.json", &error);
      g_assert_null (pose);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* --- Pixels ------------------------------------------------------------- */

static const SmFigureColor backgrounds[SM_FIGURE_N_STYLES] = {
  { 1, 1, 1 }, { 0.141, 0.141, 0.141 }, { 1, 1, 1 }, { 0, 0, 0 },
};

static double
color_distance (const SmFigureColor *a,
                const SmFigureColor *b)
{
  return sqrt ((a->red - b->red) * (a->red - b->red) + (a->green - b->green) * (a->green - b->green) +
               (a->blue - b->blue) * (a->blue - b->blue));
}

static cairo_surface_t *
render (SmPose        *pose,
        const char    *side,
        SmFigureStyle  style,
        int            height)
{
  const SmPoseFigure *f = sm_pose_get_figure (pose);
  int width = (int) ceil (height * sm_figure_get_aspect (f));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  const SmFigureColor *bg = &backgrounds[style];

  cairo_set_source_rgb (cr, bg->red, bg->green, bg->blue);
  cairo_paint (cr);
  g_assert_true (sm_figure_draw_pose (cr, sm_pose_get_id (pose), side, style,
                                      &(cairo_rectangle_t) { 0, 0, width, height }));
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

typedef struct
{
  guint  count;
  double sum_x;
} Pixels;

static Pixels
count_color (cairo_surface_t     *surface,
             const SmFigureColor *color)
{
  int w = cairo_image_surface_get_width (surface), h = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);
  Pixels pixels = { 0 };

  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 p = *(const guint32 *) (data + y * stride + x * 4);
        SmFigureColor c = { (p >> 16 & 0xff) / 255.0, (p >> 8 & 0xff) / 255.0, (p & 0xff) / 255.0 };

        if (color_distance (&c, color) < 0.03)
          {
            pixels.count++;
            pixels.sum_x += x;
          }
      }
  return pixels;
}

/* Figure, tool and target apart in every style, by colour and on the
 * rendered pixels. */
static void
test_styles_distinct (void)
{
  g_autoptr(GPtrArray) poses = sorted_poses ();

  for (guint s = 0; s < SM_FIGURE_N_STYLES; s++)
    {
      const SmFigurePalette *p = sm_figure_get_palette (s);
      const SmFigureColor *three[] = { &p->skin, &p->tool, &p->target };

      for (guint a = 0; a < 3; a++)
        {
          /* The figure stands out by its outline (white on white in high
           * contrast), the tool and the target by their colours. */
          g_assert_cmpfloat (MAX (color_distance (three[a], &backgrounds[s]),
                                  a == 0 ? color_distance (&p->outline, &backgrounds[s]) : 0), >=, 0.25);
          for (guint b = a + 1; b < 3; b++)
            {
              g_test_message ("style %u: colours %u and %u %.2f apart", s, a, b,
                              color_distance (three[a], three[b]));
              g_assert_cmpfloat (color_distance (three[a], three[b]), >=, 0.35);
            }
        }
      g_assert_cmpfloat (color_distance (&p->outline, &p->skin), >=, 0.35);

      for (guint i = 0; i < poses->len; i++)
        {
          SmPose *pose = g_ptr_array_index (poses, i);
          cairo_surface_t *surface = render (pose, "right", s, 240);

          g_test_message ("%s in style %u: %u skin, %u target, %u tool pixels", sm_pose_get_id (pose), s,
                          count_color (surface, &p->skin).count, count_color (surface, &p->target).count,
                          count_color (surface, &p->tool).count);
          g_assert_cmpuint (count_color (surface, &p->skin).count, >, 800);
          g_assert_cmpuint (count_color (surface, &p->target).count, >, 25);
          if (sm_pose_get_figure (pose)->tool_radius > 0)
            g_assert_cmpuint (count_color (surface, &p->tool).count, >, 25);
          cairo_surface_destroy (surface);
        }
    }
}

/* Left is the mirror of right: the target moves to the other half. */
static void
test_mirrored (void)
{
  g_autoptr(GPtrArray) poses = sorted_poses ();
  const SmFigurePalette *p = sm_figure_get_palette (SM_FIGURE_STYLE_LIGHT);

  for (guint i = 0; i < poses->len; i++)
    {
      SmPose *pose = g_ptr_array_index (poses, i);
      cairo_surface_t *left = render (pose, "left", SM_FIGURE_STYLE_LIGHT, 200);
      cairo_surface_t *right = render (pose, "right", SM_FIGURE_STYLE_LIGHT, 200);
      int w = cairo_image_surface_get_width (left);
      Pixels l = count_color (left, &p->target), r = count_color (right, &p->target);

      g_assert_cmpuint (l.count, >, 0);
      g_assert_cmpfloat (fabs (l.sum_x / l.count - (w - 1 - r.sum_x / r.count)), <=, 2.0);
      cairo_surface_destroy (left);
      cairo_surface_destroy (right);
    }
}

/* SM_POSE_PNG_DIR: every picture at sheet, panel and session size. */
static void
write_pngs (const char *dir)
{
  g_autoptr(GPtrArray) poses = sorted_poses ();
  static const int sizes[] = { 96, 200, 600 };

  for (guint i = 0; i < poses->len; i++)
    for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
      for (guint s = 0; s < SM_FIGURE_N_STYLES; s += (k == 1 ? 1 : SM_FIGURE_N_STYLES))
        {
          SmPose *pose = g_ptr_array_index (poses, i);
          cairo_surface_t *surface = render (pose, k == 2 ? "left" : "right", s, sizes[k]);
          g_autofree char *name = g_strdup_printf ("%s/%s-%d-%u.png", dir, sm_pose_get_id (pose), sizes[k], s);

          cairo_surface_write_to_png (surface, name);
          cairo_surface_destroy (surface);
        }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (g_getenv ("SM_POSE_PNG_DIR") != NULL)
    write_pngs (g_getenv ("SM_POSE_PNG_DIR"));

  g_test_add_func ("/poses/segment-lengths", test_segment_lengths);
  g_test_add_func ("/poses/ground", test_ground);
  g_test_add_func ("/poses/tool-contact", test_tool_contact);
  g_test_add_func ("/poses/joint-ranges", test_joint_ranges);
  g_test_add_func ("/poses/styles-distinct", test_styles_distinct);
  g_test_add_func ("/poses/mirrored", test_mirrored);
  g_test_add_func ("/poses/every-use-has-a-picture", test_every_use_has_a_picture);
  g_test_add_func ("/poses/content-pose-errors", test_content_pose_errors);
  g_test_add_func ("/poses/pose-file-errors", test_pose_file_errors);
  g_test_add_func ("/poses/pose-paths", test_pose_paths);

  return g_test_run ();
}
