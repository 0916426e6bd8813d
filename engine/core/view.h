/*
 * view.h -- who sees what: the one place that decides what a viewer of a
 * game may see. Every screen, page and printout is drawn for a viewer and
 * asks here; no front end filters on its own, so a leak is a bug in this
 * file and its test suite (tests/core/test_view.c).
 *
 * Viewers:
 *   team         one role (its index): what reached it, and what is public;
 *   observer     the public part only: what reached every role;
 *   facilitator  everything, the schedule, the free state and the notes;
 *   debrief      the room after the game: the hidden truth, hidden meters,
 *                the ratings and every team's items, decisions and
 *                rationales become visible; the facilitator's own
 *                interventions (notes, overrides and their reasons, fire,
 *                suppress) still do not (they go into the facilitator's
 *                report). Before the game has ended the debrief sees what
 *                an observer sees, so that no front end can open it early.
 *
 * What each viewer sees (T team, O observer, F facilitator, D debrief):
 *
 *   thing (game.h, def.h)               T                 O           F    D
 *   inbox item (delivered)              to it or to all,  to all      yes  yes
 *                                       or it decides
 *                                       (an ad-hoc one too)
 *   event not delivered, or scheduled   no                no          yes  no
 *   an event's title, text, options     with its item     with item   yes  with item
 *   an event's `note` (for the MSEL)    no                no          yes  yes
 *   log: turn, pause, resume, end       yes               yes         yes  yes
 *   log: delivery, ad-hoc inject,       with the item     with item   yes  yes
 *        a decision's expiry
 *   log: decision (an ad-hoc one too)   with its item     with item   yes  yes
 *   log: standing action (what was      yes               yes         yes  yes
 *        done, in the world)
 *   log: outcome                        with its cause    with cause  yes  yes
 *   log: revealed card                  yes               yes         yes  yes
 *   log: note, override, fire, suppress no                no          yes  no
 *   log: proposal, vote (host)          its own           no          yes  yes
 *   rationale of a decision or action   its own           no          yes  yes
 *   rationale of a grade or a mark      its grader's      no          yes  yes
 *   reason of an override               no                no          yes  no
 *   meter, public                       yes               yes         yes  yes
 *   meter, hidden                       no (even after    no          yes  yes
 *                                       the end)
 *   a role's brief                      every role's      every       yes  yes
 *   a role's private information        its own           no          yes  yes
 *   standing actions (the rules)        every role's      every       yes  yes
 *   card                                revealed          revealed    all  revealed
 *   board (no board has an owner)       yes               yes         yes  yes
 *   the team's grades and marks of a    with the card     with card   yes  with card
 *        card (analysis.h), log: grade,
 *        mark
 *   a card's true grades and the key,   with the card     with card   yes  with card
 *        on an ordinary board
 *   the same on an analysis board       no                no          yes  yes
 *   variant and hidden truth            no                no          yes  yes
 *   objective ratings                   no                no          yes  yes
 *   upcoming events, triggers, queue,   no                no          yes  no
 *   injects held for the resume
 *   free scenario state (kv)            no                no          yes  no
 *   evaluation (hseep.h): observations, no                no          yes  yes
 *        root causes, the improvement
 *        plan, the exercise's particulars
 *   clock, turn, timer, whose move,     yes               yes         yes  yes
 *   budgets, the ending
 *
 * A role's `brief` is its public description (docs/scenario-api.md: "what
 * the role knows and must do"): the briefing presents every role to the
 * room. What only the role may read is its `private` text.
 *
 * An outcome (an effect's text, g:say) is seen by those who see its cause:
 * the nearest entry before it in the same turn that is a decision, an
 * action, an expiry or a delivery (a private inject's on_deliver text stays
 * with that inject). An outcome with no such cause (an effect delayed to
 * the start of a turn) is public: write such texts for the whole room.
 *
 * An override's new value shows through its meter when that meter is
 * public; the override itself is the facilitator's.
 *
 * Why a move is not available (game_move_available, and the refusal of a
 * command) is read by a team, so core words it for the observer: it names
 * a meter only when public, an option only when its inject reached every
 * role, and never an inject still to come, a card not revealed or the free
 * state (effect.c). An author's own `why` is shown as written.
 */
#ifndef CR_VIEW_H
#define CR_VIEW_H

#include "game.h"

typedef enum { VIEW_TEAM, VIEW_OBSERVER, VIEW_FACILITATOR, VIEW_DEBRIEF } view_kind;

typedef struct viewer {
    view_kind kind;
    int role; /* VIEW_TEAM: the role's index; -1 otherwise */
} viewer;

viewer view_team(int role); /* a role out of range sees as an observer */
viewer view_observer(void);
viewer view_facilitator(void);
viewer view_debrief(void);
/* The viewer of one shared screen in hot-seat play: the moving team, and
   once the game has ended, the debrief. */
viewer view_room(const game *g);

/* Predicates: 1 when the viewer may see the thing, else 0. Indexes are
   those of game.h and def.h; one out of range is never seen. */
int view_sees_item(const viewer *v, const game *g, int item);
int view_sees_event(const viewer *v, const game *g, int event); /* title, text, options */
int view_sees_move(const viewer *v, const game *g, int move);   /* an option, or an action */
int view_sees_note(const viewer *v, const game *g, int event);  /* def_event.note */
int view_sees_log(const viewer *v, const game *g, int entry);   /* g->log[entry] */
/* The rationale, reason or text that goes with a log entry it sees
   (logtext's `why`). */
int view_sees_why(const viewer *v, const game *g, int entry);
/* The rationale given with the decision on an item. */
int view_sees_rationale(const viewer *v, const game *g, int item);
int view_sees_meter(const viewer *v, const game *g, int meter);
int view_sees_brief(const viewer *v, const game *g, int role);
int view_sees_private(const viewer *v, const game *g, int role);
int view_sees_card(const viewer *v, const game *g, int card);
int view_sees_board(const viewer *v, const game *g, int board);
/* A card's true grades and the author's key against the hypotheses: on an
   analysis board (analysis.h) the answer, hidden until the debrief. */
int view_sees_key(const viewer *v, const game *g, int card);
int view_sees_truth(const viewer *v, const game *g); /* the variant played and its truth */
int view_sees_ratings(const viewer *v, const game *g);
/* The scenario's discussion questions, all of them: they speak of the whole
   story (later events, what happened in the end), so players have them at
   the debrief; a pause point's own question comes at its turn. */
int view_sees_questions(const viewer *v, const game *g);
int view_sees_schedule(const viewer *v, const game *g); /* upcoming events, triggers, queue */
int view_sees_state(const viewer *v, const game *g);    /* the free scenario state */
/* Observations, their root causes, the improvement plan and the exercise's
   particulars (g->eval): the evaluators' record, for the facilitator and
   the debrief's hotwash, never for a team or an observer. */
int view_sees_evaluation(const viewer *v, const game *g);

/* Iterators over what the viewer sees, for front ends that list:
     for (int i = view_next_item(&v, g, -1); i >= 0; i = view_next_item(&v, g, i))
   next: the first index after `after` (-1 to start); prev: the last one
   before `before` (the count to start, e.g. g->nitems); -1 when none. */
int view_next_item(const viewer *v, const game *g, int after);
int view_prev_item(const viewer *v, const game *g, int before);
int view_next_log(const viewer *v, const game *g, int after);
int view_next_meter(const viewer *v, const game *g, int after);
int view_next_card(const viewer *v, const game *g, int after);

#endif
