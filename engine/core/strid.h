/*
 * strid.h -- every player-visible string a scenario declared, each under a
 * stable id made of its declaration's kind, id and field:
 *
 *   scenario.title  role.lead.brief  event.ransom_note.option.isolate.label
 *   event.ransom_note.option.watch.effects.1.otherwise.text  turn.3  question.2
 *
 * One walk (strid_walk) serves the three uses, so they cannot disagree:
 * `crisisroom strings` extracts the strings into a PO file, `--lang`
 * replaces them with a translation (strid_apply), and `check --lang` lists
 * what is untranslated or stale. An id depends only on declared ids and
 * field names, never on the order of declarations, except where the author
 * wrote a list (learning objectives, questions, turns, an option's effect
 * bundles), whose position is the id.
 *
 * What is not walked, on purpose: texts computed by a function (an
 * objective's or ending's text = function, g:say, g:rename, g:set_brief:
 * they exist only while a game runs), ids, the cited sources (documents keep
 * their published titles), a board's columns and rows and the card
 * attributes matched against them or read as the grade (values, not prose;
 * a card's other attributes, its provenance, are walked).
 *
 * A translation never changes the game: core hashes, logs and hands to the
 * scenario's callbacks the source text (def_source_text), so the state
 * hashes, the journal and a replay are the same in every language.
 */
#ifndef CR_STRID_H
#define CR_STRID_H

#include "def.h"

#define STRID_MAX_ID 256 /* longest id: four declared ids of 48 bytes and the fields */

/* One string: its id, the definitions' pointer to it (never NULL, *slot
   never NULL nor empty) and where it was declared. */
typedef void (*strid_fn)(void *ud, const char *id, char **slot, def_where at);

/* Call fn for every string, in declaration order (the scenario, turns,
   roles, meters, events with their options, actions, boards and their
   hypotheses, cards and their attributes, objectives, endings, variants,
   questions, sessions). */
void strid_walk(def_scenario *sc, strid_fn fn, void *ud);

/* Those strings that a function computes instead (objective or ending
   text = function): fn with slot NULL, for `strings` to say so. */
void strid_walk_computed(const def_scenario *sc, strid_fn fn, void *ud);

/* Replace every string for which tr returns a translation (tr gets the id
   and today's source text; NULL keeps the source). The sources are kept
   for def_source_text. Once per loaded scenario. Returns how many were
   replaced. */
typedef const char *(*strid_tr)(void *ud, const char *id, const char *source);
int strid_apply(def_scenario *sc, strid_tr tr, void *ud);

#endif
