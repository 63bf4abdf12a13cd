/* bw-command-attack-tree.c — edits of attack trees (the outline's verbs)
 *
 * Copyright 2026 The Bulwark authors
 * SPDX-License-Identifier: Apache-2.0
 *
 * Every edit of a tree's shape is a short list of primitive steps —
 * insert a node into a list, remove it, change a gate, swap the attributes
 * record — each of which has an exact inverse.  Applying records the steps
 * it took; undoing takes them back in reverse, so the file comes back byte
 * for byte.  A leaf that gets children becomes an OR and loses its
 * attributes (FORMAT.md: inner nodes' attributes are {}); the undo brings
 * them back.  Nodes are named by ID; the project's index follows every
 * insert and removal, nested nodes included.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "bw-attack-attributes.h"
#include "bw-command-add.h"
#include "bw-command-attack-tree.h"
#include "bw-command-set-property.h"
#include "bw-project-io.h"

typedef enum
{
  OP_ADD_CHILD,
  OP_ADD_SIBLING,
  OP_ADD_COUNTERMEASURE,
  OP_INDENT,
  OP_OUTDENT,
  OP_MOVE_UP,
  OP_MOVE_DOWN,
  OP_REPARENT,
  OP_SET_GATE,
  OP_DELETE,
  OP_FROM_THREAT,
} Op;

typedef enum
{
  STEP_INSERT,
  STEP_REMOVE,
  STEP_GATE,
  STEP_ATTRIBUTES,
} StepKind;

typedef struct
{
  StepKind            kind;
  BwAttackNode       *node;       /* inserted, removed, or changed */
  char               *parent_id;  /* insert, remove */
  gboolean            countermeasure;
  guint               position;
  const char         *old_gate;   /* gate */
  const char         *new_gate;
  BwAttackAttributes *old_attributes;
  BwAttackAttributes *new_attributes;
} Step;

struct _BwCommandAttackTree
{
  BwCommand     parent_instance;

  Op            op;
  char         *node_id;     /* the node acted on (or the parent to add to) */
  char         *other_id;    /* reparent: the new parent */
  char         *gate;        /* set gate */
  int           position;
  gboolean      implemented; /* add countermeasure */
  char         *objective;
  BwAttackNode *new_node;    /* add: made with its ID when the command is made */
  char         *new_id;

  GArray       *steps;       /* of Step, as applied */
  GPtrArray    *subcommands; /* tree from threat: add + link */
};

G_DEFINE_FINAL_TYPE (BwCommandAttackTree, bw_command_attack_tree, BW_TYPE_COMMAND)

static void
clear_step (gpointer data)
{
  Step *step = data;

  g_clear_object (&step->node);
  g_clear_pointer (&step->parent_id, g_free);
  g_clear_object (&step->old_attributes);
  g_clear_object (&step->new_attributes);
}

/* ---- Finding nodes ------------------------------------------------------ */

static gboolean
find_in (BwAttackNode  *node,
         const char    *id,
         BwAttackNode **parent,
         gboolean      *is_countermeasure,
         guint         *position,
         guint          depth)
{
  GListModel *lists[2] = { bw_attack_node_get_children (node), bw_attack_node_get_countermeasures (node) };

  if (depth > 10000)
    return FALSE;
  for (guint l = 0; l < 2; l++)
    {
      guint n = g_list_model_get_n_items (lists[l]);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BwAttackNode) child = g_list_model_get_item (lists[l], i);

          if (g_strcmp0 (bw_record_get_id (BW_RECORD (child)), id) == 0)
            {
              *parent = node;
              *is_countermeasure = l == 1;
              *position = i;
              return TRUE;
            }
          if (find_in (child, id, parent, is_countermeasure, position, depth + 1))
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * bw_attack_tree_find_node:
 * @project: the project
 * @node_id: an attack-tree node's ID
 * @parent: (out) (optional) (transfer none): its parent, NULL for a root
 * @is_countermeasure: (out) (optional): whether it is in the parent's
 *   countermeasures rather than its children
 * @position: (out) (optional): its position in that list
 *
 * Returns: (transfer none) (nullable): the tree the node belongs to
 */
BwAttackTree *
bw_attack_tree_find_node (BwProject     *project,
                          const char    *node_id,
                          BwAttackNode **parent,
                          gboolean      *is_countermeasure,
                          guint         *position)
{
  GListModel *trees;
  BwAttackNode *p = NULL;
  gboolean cm = FALSE;
  guint pos = 0;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  if (node_id == NULL)
    return NULL;
  trees = bw_project_get_attack_trees (project);
  for (guint i = 0; i < g_list_model_get_n_items (trees); i++)
    {
      g_autoptr(BwAttackTree) tree = g_list_model_get_item (trees, i);
      BwAttackNode *root = bw_attack_tree_get_root (tree);
      gboolean found = FALSE;

      if (g_strcmp0 (bw_record_get_id (BW_RECORD (root)), node_id) == 0)
        {
          p = NULL;
          found = TRUE;
        }
      else
        found = find_in (root, node_id, &p, &cm, &pos, 0);

      if (found)
        {
          if (parent != NULL)
            *parent = p;
          if (is_countermeasure != NULL)
            *is_countermeasure = cm;
          if (position != NULL)
            *position = pos;
          return tree;
        }
    }
  return NULL;
}

/* ---- Primitive steps ---------------------------------------------------- */

static GListStore *
list_of (BwAttackNode *parent,
         gboolean      countermeasure)
{
  return G_LIST_STORE (countermeasure ? bw_attack_node_get_countermeasures (parent)
                                      : bw_attack_node_get_children (parent));
}

static void
do_insert (BwProject    *project,
           const Step   *step)
{
  BwAttackNode *parent = BW_ATTACK_NODE (bw_project_lookup (project, step->parent_id));

  g_list_store_insert (list_of (parent, step->countermeasure), step->position, step->node);
  bw_project_index_record (project, BW_RECORD (step->node));
}

static void
do_remove (BwProject  *project,
           const Step *step)
{
  BwAttackNode *parent = BW_ATTACK_NODE (bw_project_lookup (project, step->parent_id));

  bw_project_unindex_record (project, BW_RECORD (step->node));
  g_list_store_remove (list_of (parent, step->countermeasure), step->position);
}

static void
swap_attributes (BwAttackNode       *node,
                 BwAttackAttributes *attributes)
{
  const BwField *field = bw_record_class_find_field (BW_RECORD_GET_CLASS (node), "attributes");
  BwAttackAttributes **ptr = bw_record_field_ptr (BW_RECORD (node), field);

  g_set_object (ptr, attributes);
  bw_record_notify_field (BW_RECORD (node), field);
}

static void
run_step (BwProject  *project,
          const Step *step,
          gboolean    forward)
{
  switch (step->kind)
    {
    case STEP_INSERT:
      forward ? do_insert (project, step) : do_remove (project, step);
      break;
    case STEP_REMOVE:
      forward ? do_remove (project, step) : do_insert (project, step);
      break;
    case STEP_GATE:
      g_object_set (step->node, "gate", forward ? step->new_gate : step->old_gate, NULL);
      break;
    case STEP_ATTRIBUTES:
      swap_attributes (step->node, forward ? step->new_attributes : step->old_attributes);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
push (BwCommandAttackTree *self,
      BwProject           *project,
      Step                 step)
{
  g_array_append_val (self->steps, step);
  run_step (project, &g_array_index (self->steps, Step, self->steps->len - 1), TRUE);
}

static void
push_move (BwCommandAttackTree *self,
           BwProject           *project,
           StepKind             kind,
           BwAttackNode        *node,
           BwAttackNode        *parent,
           gboolean             countermeasure,
           guint                position)
{
  Step step = { kind };

  step.node = g_object_ref (node);
  step.parent_id = g_strdup (bw_record_get_id (BW_RECORD (parent)));
  step.countermeasure = countermeasure;
  step.position = position;
  push (self, project, step);
}

/* A node about to get children stops being a leaf. */
static void
push_make_inner (BwCommandAttackTree *self,
                 BwProject           *project,
                 BwAttackNode        *node,
                 const char          *gate)
{
  Step step = { STEP_GATE };
  Step attrs = { STEP_ATTRIBUTES };

  if (g_strcmp0 (bw_attack_node_get_gate (node), "leaf") != 0)
    return;
  step.node = g_object_ref (node);
  step.old_gate = bw_attack_node_get_gate (node);
  step.new_gate = gate;
  push (self, project, step);

  attrs.node = g_object_ref (node);
  attrs.old_attributes = g_object_ref (bw_attack_node_get_attributes (node));
  attrs.new_attributes = g_object_new (BW_TYPE_ATTACK_ATTRIBUTES, NULL);
  push (self, project, attrs);
}

static void
undo_steps (BwCommandAttackTree *self,
            BwProject           *project)
{
  for (guint i = self->steps->len; i > 0; i--)
    run_step (project, &g_array_index (self->steps, Step, i - 1), FALSE);
  g_array_set_size (self->steps, 0);
}

/* ---- The edits ------------------------------------------------------------ */

static gboolean
not_found (GError     **error,
           const char  *id)
{
  g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
               _("“%s” is not an attack-tree node of this project."), id ? id : "");
  return FALSE;
}

static gboolean
invalid (GError     **error,
         const char  *message,
         const char  *id)
{
  g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID, message, id);
  return FALSE;
}

static gboolean
is_in_subtree (BwAttackNode *node,
               BwAttackNode *candidate,
               guint         depth)
{
  GListModel *lists[2] = { bw_attack_node_get_children (node), bw_attack_node_get_countermeasures (node) };

  if (node == candidate)
    return TRUE;
  if (depth > 10000)
    return FALSE;
  for (guint l = 0; l < 2; l++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
      {
        g_autoptr(BwAttackNode) child = g_list_model_get_item (lists[l], i);

        if (is_in_subtree (child, candidate, depth + 1))
          return TRUE;
      }
  return FALSE;
}

static gboolean
apply_steps (BwCommandAttackTree  *self,
             BwProject            *project,
             GError              **error)
{
  BwAttackNode *node = NULL;
  BwAttackNode *parent = NULL;
  BwAttackTree *tree;
  gboolean cm = FALSE;
  guint pos = 0;

  tree = bw_attack_tree_find_node (project, self->node_id, &parent, &cm, &pos);
  if (tree == NULL)
    return not_found (error, self->node_id);
  node = BW_ATTACK_NODE (bw_project_lookup (project, self->node_id));
  if (node == NULL)
    return not_found (error, self->node_id);

  switch (self->op)
    {
    case OP_ADD_CHILD:
      {
        guint n = g_list_model_get_n_items (bw_attack_node_get_children (node));

        g_object_set (self->new_node, "implemented", -1, NULL);
        push_make_inner (self, project, node, "or");
        push_move (self, project, STEP_INSERT, self->new_node, node, FALSE,
                   self->position < 0 ? n : MIN ((guint) self->position, n));
        return TRUE;
      }

    case OP_ADD_SIBLING:
      if (parent == NULL)
        return invalid (error, _("%s is the root of its tree and can have no siblings."), self->node_id);
      /* A sibling of a countermeasure is another, not yet in place. */
      g_object_set (self->new_node, "implemented", cm ? 0 : -1, NULL);
      push_move (self, project, STEP_INSERT, self->new_node, parent, cm, pos + 1);
      return TRUE;

    case OP_ADD_COUNTERMEASURE:
      g_object_set (self->new_node, "implemented", self->implemented ? 1 : 0,
                    "objective", self->objective, NULL);
      push_move (self, project, STEP_INSERT, self->new_node, node, TRUE,
                 g_list_model_get_n_items (bw_attack_node_get_countermeasures (node)));
      return TRUE;

    case OP_INDENT:
      {
        g_autoptr(BwAttackNode) previous = NULL;

        if (parent == NULL || cm)
          return invalid (error, _("%s cannot be indented: only attack steps below the root can, not the root or a countermeasure."), self->node_id);
        if (pos == 0)
          return invalid (error, _("%s cannot be indented: it has no step before it to go under."), self->node_id);
        previous = g_list_model_get_item (bw_attack_node_get_children (parent), pos - 1);
        push_move (self, project, STEP_REMOVE, node, parent, FALSE, pos);
        push_make_inner (self, project, previous, "or");
        push_move (self, project, STEP_INSERT, node, previous, FALSE,
                   g_list_model_get_n_items (bw_attack_node_get_children (previous)));
        return TRUE;
      }

    case OP_OUTDENT:
      {
        BwAttackNode *grandparent = NULL;
        gboolean parent_cm = FALSE;
        guint parent_pos = 0;

        if (parent == NULL || cm)
          return invalid (error, _("%s cannot be outdented: only attack steps below the root can, not the root or a countermeasure."), self->node_id);
        bw_attack_tree_find_node (project, bw_record_get_id (BW_RECORD (parent)), &grandparent, &parent_cm, &parent_pos);
        if (grandparent == NULL)
          return invalid (error, _("%s cannot be outdented: it is already just below the root."), self->node_id);
        if (parent_cm)
          return invalid (error, _("%s cannot be outdented: a way to defeat a countermeasure cannot become a countermeasure."), self->node_id);
        push_move (self, project, STEP_REMOVE, node, parent, FALSE, pos);
        push_move (self, project, STEP_INSERT, node, grandparent, FALSE, parent_pos + 1);
        return TRUE;
      }

    case OP_MOVE_UP:
    case OP_MOVE_DOWN:
      {
        guint n;

        if (parent == NULL)
          return invalid (error, _("%s is the root of its tree and cannot move."), self->node_id);
        n = g_list_model_get_n_items (G_LIST_MODEL (list_of (parent, cm)));
        if (self->op == OP_MOVE_UP && pos == 0)
          return invalid (error, _("%s is already the first of its list."), self->node_id);
        if (self->op == OP_MOVE_DOWN && pos + 1 >= n)
          return invalid (error, _("%s is already the last of its list."), self->node_id);
        push_move (self, project, STEP_REMOVE, node, parent, cm, pos);
        push_move (self, project, STEP_INSERT, node, parent, cm, self->op == OP_MOVE_UP ? pos - 1 : pos + 1);
        return TRUE;
      }

    case OP_REPARENT:
      {
        BwRecord *target = bw_project_lookup (project, self->other_id);
        BwAttackNode *new_parent;
        guint n;

        if (!BW_IS_ATTACK_NODE (target))
          return not_found (error, self->other_id);
        new_parent = BW_ATTACK_NODE (target);
        if (parent == NULL)
          return invalid (error, _("%s is the root of its tree and cannot move."), self->node_id);
        if (is_in_subtree (node, new_parent, 0))
          return invalid (error, _("%s cannot move below itself."), self->node_id);
        push_move (self, project, STEP_REMOVE, node, parent, cm, pos);
        if (!cm)
          push_make_inner (self, project, new_parent, "or");
        n = g_list_model_get_n_items (G_LIST_MODEL (list_of (new_parent, cm)));
        push_move (self, project, STEP_INSERT, node, new_parent, cm,
                   self->position < 0 ? n : MIN ((guint) self->position, n));
        return TRUE;
      }

    case OP_SET_GATE:
      {
        const char *gate = NULL;

        for (guint i = 0; bw_attack_gates[i] != NULL; i++)
          if (g_strcmp0 (self->gate, bw_attack_gates[i]) == 0)
            gate = bw_attack_gates[i];
        if (gate == NULL)
          return invalid (error, _("“%s” is not a gate (or, and, sand, leaf)."), self->gate ? self->gate : "");
        if (g_str_equal (gate, "leaf") && g_list_model_get_n_items (bw_attack_node_get_children (node)) > 0)
          return invalid (error, _("%s has children and cannot be a leaf; move or delete them first."), self->node_id);
        if (g_strcmp0 (bw_attack_node_get_gate (node), gate) == 0)
          return TRUE;
        if (g_str_equal (bw_attack_node_get_gate (node), "leaf"))
          push_make_inner (self, project, node, gate);
        else
          {
            Step step = { STEP_GATE };

            step.node = g_object_ref (node);
            step.old_gate = bw_attack_node_get_gate (node);
            step.new_gate = gate;
            push (self, project, step);
          }
        return TRUE;
      }

    case OP_DELETE:
      if (parent == NULL)
        return invalid (error, _("%s is the root of its tree; delete the tree instead."), self->node_id);
      push_move (self, project, STEP_REMOVE, node, parent, cm, pos);
      return TRUE;

    case OP_FROM_THREAT:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
apply_from_threat (BwCommandAttackTree  *self,
                   BwProject            *project,
                   GError              **error)
{
  for (guint i = 0; i < self->subcommands->len; i++)
    if (!bw_command_apply (self->subcommands->pdata[i], project, error))
      {
        while (i-- > 0)
          bw_command_revert (self->subcommands->pdata[i], project);
        return FALSE;
      }
  return TRUE;
}

static gboolean
bw_command_attack_tree_apply (BwCommand  *command,
                              BwProject  *project,
                              GError    **error)
{
  BwCommandAttackTree *self = BW_COMMAND_ATTACK_TREE (command);
  g_autoptr(GError) local_error = NULL;
  BwAttackTree *tree;

  if (self->op == OP_FROM_THREAT)
    {
      if (self->subcommands->len == 0)
        {
          g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_NOT_FOUND,
                       _("“%s” is not a threat of this project."), self->node_id);
          return FALSE;
        }
      return apply_from_threat (self, project, error);
    }

  g_array_set_size (self->steps, 0);
  if (self->new_node != NULL && bw_project_lookup (project, self->new_id) != NULL)
    return invalid (error, _("The project already has an object with the ID “%s”."), self->new_id);

  if (!apply_steps (self, project, error))
    {
      undo_steps (self, project);
      return FALSE;
    }

  /* The loader's checks decide, as for every edit (a countermeasure's
   * objective must exist). */
  tree = bw_attack_tree_find_node (project, self->new_node ? self->new_id : self->node_id, NULL, NULL, NULL);
  if (tree != NULL && !bw_project_check_record (project, BW_RECORD (tree), &local_error))
    {
      undo_steps (self, project);
      g_set_error (error, BW_COMMAND_ERROR, BW_COMMAND_ERROR_INVALID, "%s: %s",
                   bw_record_get_id (BW_RECORD (tree)), local_error->message);
      return FALSE;
    }
  return TRUE;
}

static void
bw_command_attack_tree_revert (BwCommand *command,
                               BwProject *project)
{
  BwCommandAttackTree *self = BW_COMMAND_ATTACK_TREE (command);

  if (self->op == OP_FROM_THREAT)
    {
      for (guint i = self->subcommands->len; i > 0; i--)
        bw_command_revert (self->subcommands->pdata[i - 1], project);
      return;
    }
  undo_steps (self, project);
}

static void
bw_command_attack_tree_finalize (GObject *object)
{
  BwCommandAttackTree *self = BW_COMMAND_ATTACK_TREE (object);

  g_clear_pointer (&self->node_id, g_free);
  g_clear_pointer (&self->other_id, g_free);
  g_clear_pointer (&self->gate, g_free);
  g_clear_pointer (&self->objective, g_free);
  g_clear_pointer (&self->new_id, g_free);
  g_clear_object (&self->new_node);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->subcommands, g_ptr_array_unref);

  G_OBJECT_CLASS (bw_command_attack_tree_parent_class)->finalize (object);
}

static void
bw_command_attack_tree_class_init (BwCommandAttackTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  BwCommandClass *command_class = BW_COMMAND_CLASS (klass);

  object_class->finalize = bw_command_attack_tree_finalize;
  command_class->apply = bw_command_attack_tree_apply;
  command_class->revert = bw_command_attack_tree_revert;
}

static void
bw_command_attack_tree_init (BwCommandAttackTree *self)
{
  self->steps = g_array_new (FALSE, TRUE, sizeof (Step));
  g_array_set_clear_func (self->steps, clear_step);
  self->subcommands = g_ptr_array_new_with_free_func (g_object_unref);
  self->position = -1;
}

static BwCommandAttackTree *
command_new (Op          op,
             const char *node_id,
             const char *label)
{
  BwCommandAttackTree *self = g_object_new (BW_TYPE_COMMAND_ATTACK_TREE, NULL);

  self->op = op;
  self->node_id = g_strdup (node_id);
  bw_command_set_label (BW_COMMAND (self), label);
  return self;
}

/* The new node gets its ID now: FORMAT.md wants the redo of an undone add
 * to bring back the same ID. */
static void
make_node (BwCommandAttackTree *self,
           BwProject           *project,
           const char          *label)
{
  self->new_id = bw_project_allocate_id (project, "N");
  self->new_node = g_object_new (BW_TYPE_ATTACK_NODE, "label", label ? label : "", NULL);
  bw_record_set_id (BW_RECORD (self->new_node), self->new_id);
}

/**
 * bw_command_attack_tree_add_child:
 * @project: the project
 * @parent_id: the node to add to; a leaf becomes an OR
 * @label: the new step's label
 * @position: where among the children, -1 for the end
 *
 * Returns: (transfer full): a command that adds a leaf below @parent_id
 */
BwCommand *
bw_command_attack_tree_add_child (BwProject  *project,
                                  const char *parent_id,
                                  const char *label,
                                  int         position)
{
  BwCommandAttackTree *self;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  self = command_new (OP_ADD_CHILD, parent_id, _("Add Attack Step"));
  self->position = position;
  make_node (self, project, label);
  return BW_COMMAND (self);
}

/* Adds a node right after @node_id in the same list (a countermeasure's
 * sibling is a planned countermeasure). */
BwCommand *
bw_command_attack_tree_add_sibling (BwProject  *project,
                                    const char *node_id,
                                    const char *label)
{
  BwCommandAttackTree *self;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  self = command_new (OP_ADD_SIBLING, node_id, _("Add Attack Step"));
  make_node (self, project, label);
  return BW_COMMAND (self);
}

/**
 * bw_command_attack_tree_add_countermeasure:
 * @project: the project
 * @node_id: the node it defends
 * @label: its label
 * @implemented: in place (counts in the residual view) or planned
 * @objective_id: (nullable): the security objective it realises
 *
 * Returns: (transfer full): a command that adds a countermeasure
 */
BwCommand *
bw_command_attack_tree_add_countermeasure (BwProject  *project,
                                           const char *node_id,
                                           const char *label,
                                           gboolean    implemented,
                                           const char *objective_id)
{
  BwCommandAttackTree *self;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  self = command_new (OP_ADD_COUNTERMEASURE, node_id, _("Add Countermeasure"));
  self->implemented = implemented;
  self->objective = g_strdup (objective_id);
  make_node (self, project, label);
  return BW_COMMAND (self);
}

/* Makes the node the last child of the step before it. */
BwCommand *
bw_command_attack_tree_indent (BwProject  *project,
                               const char *node_id)
{
  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  return BW_COMMAND (command_new (OP_INDENT, node_id, _("Indent Attack Step")));
}

/* Makes the node the next sibling of its parent. */
BwCommand *
bw_command_attack_tree_outdent (BwProject  *project,
                                const char *node_id)
{
  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  return BW_COMMAND (command_new (OP_OUTDENT, node_id, _("Outdent Attack Step")));
}

BwCommand *
bw_command_attack_tree_move_up (BwProject  *project,
                                const char *node_id)
{
  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  return BW_COMMAND (command_new (OP_MOVE_UP, node_id, _("Move Attack Step Up")));
}

BwCommand *
bw_command_attack_tree_move_down (BwProject  *project,
                                  const char *node_id)
{
  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  return BW_COMMAND (command_new (OP_MOVE_DOWN, node_id, _("Move Attack Step Down")));
}

/**
 * bw_command_attack_tree_reparent:
 * @project: the project
 * @node_id: the node to move (with its subtree)
 * @new_parent_id: where to (a leaf becomes an OR); a countermeasure stays
 *   a countermeasure of its new parent
 * @position: where in the new list, -1 for the end
 *
 * Returns: (transfer full): the command of a drag in the graphical tree
 */
BwCommand *
bw_command_attack_tree_reparent (BwProject  *project,
                                 const char *node_id,
                                 const char *new_parent_id,
                                 int         position)
{
  BwCommandAttackTree *self;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  self = command_new (OP_REPARENT, node_id, _("Move Attack Step"));
  self->other_id = g_strdup (new_parent_id);
  self->position = position;
  return BW_COMMAND (self);
}

/* "or", "and", "sand" or "leaf"; a leaf that gets a gate loses its
 * attributes, which inner nodes compute. */
BwCommand *
bw_command_attack_tree_set_gate (BwProject  *project,
                                 const char *node_id,
                                 const char *gate)
{
  BwCommandAttackTree *self;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  self = command_new (OP_SET_GATE, node_id, _("Change Gate"));
  self->gate = g_strdup (gate);
  return BW_COMMAND (self);
}

/* Deletes the node with everything below it. */
BwCommand *
bw_command_attack_tree_delete_node (BwProject  *project,
                                    const char *node_id)
{
  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);
  return BW_COMMAND (command_new (OP_DELETE, node_id, _("Delete Attack Step")));
}

/**
 * bw_command_attack_tree_new_from_threat:
 * @project: the project
 * @threat_id: the threat to analyse
 *
 * Returns: (transfer full): a command that adds a tree whose title and
 *   root (an OR) are the threat's title, linked to the threat both ways
 */
BwCommand *
bw_command_attack_tree_new_from_threat (BwProject  *project,
                                        const char *threat_id)
{
  BwCommandAttackTree *self;
  BwRecord *threat;

  g_return_val_if_fail (BW_IS_PROJECT (project), NULL);

  self = command_new (OP_FROM_THREAT, threat_id, _("Analyse with Attack Tree"));
  threat = threat_id ? bw_project_lookup (project, threat_id) : NULL;
  if (BW_IS_THREAT (threat))
    {
      const char *title = bw_threat_get_title (BW_THREAT (threat));
      g_autoptr(BwAttackNode) root = g_object_new (BW_TYPE_ATTACK_NODE, "label", title, "gate", "or", NULL);
      g_autoptr(BwAttackTree) tree = g_object_new (BW_TYPE_ATTACK_TREE, "title", title, "root", root, NULL);
      g_auto(GValue) value = G_VALUE_INIT;
      const char *ids[] = { threat_id, NULL };
      BwCommand *add = bw_command_add_new (project, BW_RECORD (tree), -1);

      self->new_id = g_strdup (bw_record_get_id (BW_RECORD (tree)));
      g_ptr_array_add (self->subcommands, add);
      /* Setting the tree's side makes the threat's side follow. */
      g_value_init (&value, G_TYPE_STRV);
      g_value_set_boxed (&value, ids);
      g_ptr_array_add (self->subcommands, bw_command_set_property_new (project, self->new_id, "threats", &value));
    }
  return BW_COMMAND (self);
}

const char *
bw_command_attack_tree_get_new_id (BwCommandAttackTree *self)
{
  g_return_val_if_fail (BW_IS_COMMAND_ATTACK_TREE (self), NULL);
  return self->new_id;
}
