/*
 * view.c -- see view.h.
 */
#include "view.h"

#include "analysis.h"

viewer view_team(int role)
{
    viewer v = {VIEW_TEAM, role};
    return v;
}

viewer view_observer(void)
{
    viewer v = {VIEW_OBSERVER, -1};
    return v;
}

viewer view_facilitator(void)
{
    viewer v = {VIEW_FACILITATOR, -1};
    return v;
}

viewer view_debrief(void)
{
    viewer v = {VIEW_DEBRIEF, -1};
    return v;
}

viewer view_room(const game *g)
{
    return g->ended ? view_debrief() : view_team(g->role);
}

/* The kind that counts now: a team with no such role, and the debrief
   before the end, see only what is public. */
static view_kind kind(const viewer *v, const game *g)
{
    if (v->kind == VIEW_TEAM && (v->role < 0 || v->role >= g->sc->nroles)) return VIEW_OBSERVER;
    if (v->kind == VIEW_DEBRIEF && !g->ended) return VIEW_OBSERVER;
    return v->kind;
}

/* Facilitator, or debrief after the end: every team's side of play. */
static int sees_all_play(const viewer *v, const game *g)
{
    view_kind k = kind(v, g);
    return k == VIEW_FACILITATOR || k == VIEW_DEBRIEF;
}

static int own(const viewer *v, const game *g, int role)
{
    return kind(v, g) == VIEW_TEAM && role >= 0 && role == v->role;
}

static uint32_t all_roles(const game *g)
{
    return g->sc->nroles >= 32 ? 0xffffffffu : (1u << g->sc->nroles) - 1;
}

/* Items and events --------------------------------------------------------- */

/* The role decides the item's inject (an inject to several roles names its
   decider, who need not be one of them). */
static int decides(const game *g, int item, int role)
{
    const game_item *it = &g->items[item];
    if (it->event < 0) return it->nopts && it->decider == role; /* an ad-hoc decision */
    return g->sc->events[it->event].noptions && g->sc->events[it->event].decider == role;
}

int view_sees_item(const viewer *v, const game *g, int item)
{
    if (item < 0 || item >= g->nitems) return 0;
    if (sees_all_play(v, g)) return 1;
    uint32_t to = g->items[item].to;
    if (kind(v, g) == VIEW_TEAM) return ((to >> v->role) & 1u) || decides(g, item, v->role);
    return (to & all_roles(g)) == all_roles(g);
}

int view_sees_event(const viewer *v, const game *g, int event)
{
    if (event < 0 || event >= g->sc->nevents) return 0;
    if (kind(v, g) == VIEW_FACILITATOR) return 1;
    return view_sees_item(v, g, g->ev_item[event]);
}

int view_sees_move(const viewer *v, const game *g, int move)
{
    if (move < 0 || move >= g->sc->nmoves) return 0;
    int ev = g->sc->moves[move].event;
    return ev < 0 || view_sees_event(v, g, ev);
}

int view_sees_note(const viewer *v, const game *g, int event)
{
    return event >= 0 && event < g->sc->nevents && sees_all_play(v, g);
}

int view_sees_rationale(const viewer *v, const game *g, int item)
{
    if (!view_sees_item(v, g, item)) return 0;
    return sees_all_play(v, g) || own(v, g, g->items[item].by);
}

/* The log ------------------------------------------------------------------- */

/* The item a decision was made on: an event is delivered at most once. */
static int choice_item(const game *g, const game_log *l)
{
    return g->ev_item[g->sc->moves[l->ref].event];
}

/* The entry an outcome came of (view.h), or -1 when it has none. */
static int outcome_cause(const game *g, int entry)
{
    for (int i = entry - 1; i >= 0; i--) {
        const game_log *l = &g->log[i];
        if (l->kind == LOG_OUTCOME || l->kind == LOG_CARD) continue;
        if (l->kind == LOG_CHOOSE || l->kind == LOG_ACT || l->kind == LOG_EXPIRE ||
            l->kind == LOG_DELIVER || l->kind == LOG_INJECT)
            return i;
        return -1;
    }
    return -1;
}

static int sees_entry(const viewer *v, const game *g, int entry, const game_log *l)
{
    switch (l->kind) {
    case LOG_TURN:
    case LOG_PAUSE:
    case LOG_RESUME:
    case LOG_FINISH:
    case LOG_ACT:
        return 1;
    case LOG_CARD:
    case LOG_GRADE:
    case LOG_MARK:
        return view_sees_card(v, g, l->ref);
    case LOG_DELIVER:
    case LOG_INJECT:
    case LOG_EXPIRE:
        return view_sees_item(v, g, l->ref);
    case LOG_CHOOSE:
        return view_sees_item(v, g, choice_item(g, l));
    case LOG_ANSWER:
        return view_sees_item(v, g, l->ref);
    case LOG_PROPOSE:
    case LOG_VOTE: /* a team's deliberation, like its rationales */
        return own(v, g, l->role);
    case LOG_OUTCOME: {
        int cause = outcome_cause(g, entry);
        return cause < 0 || sees_entry(v, g, cause, &g->log[cause]);
    }
    default: /* the facilitator's own: notes, overrides, fire, suppress */
        return 0;
    }
}

int view_sees_log(const viewer *v, const game *g, int entry)
{
    if (entry < 0 || entry >= g->nlog) return 0;
    view_kind k = kind(v, g);
    if (k == VIEW_FACILITATOR) return 1;
    if (k == VIEW_DEBRIEF) {
        game_log_kind lk = g->log[entry].kind;
        return lk != LOG_NOTE && lk != LOG_SET && lk != LOG_FIRE && lk != LOG_SUPPRESS;
    }
    return sees_entry(v, g, entry, &g->log[entry]);
}

int view_sees_why(const viewer *v, const game *g, int entry)
{
    if (!view_sees_log(v, g, entry)) return 0;
    const game_log *l = &g->log[entry];
    /* Others' text goes with its entry: an ad-hoc inject's with the inject,
       an override's reason with the override (the facilitator's alone). */
    if (l->kind != LOG_CHOOSE && l->kind != LOG_ACT && l->kind != LOG_ANSWER &&
        l->kind != LOG_GRADE && l->kind != LOG_MARK)
        return 1;
    return sees_all_play(v, g) || own(v, g, l->role);
}

/* State of play ------------------------------------------------------------- */

int view_sees_meter(const viewer *v, const game *g, int meter)
{
    if (meter < 0 || meter >= g->sc->nmeters) return 0;
    return !g->sc->meters[meter].hidden || sees_all_play(v, g);
}

int view_sees_brief(const viewer *v, const game *g, int role)
{
    (void)v;
    return role >= 0 && role < g->sc->nroles;
}

int view_sees_private(const viewer *v, const game *g, int role)
{
    if (role < 0 || role >= g->sc->nroles) return 0;
    return sees_all_play(v, g) || own(v, g, role);
}

int view_sees_card(const viewer *v, const game *g, int card)
{
    if (card < 0 || card >= g->sc->ncards) return 0;
    return g->card_turn[card] > 0 || kind(v, g) == VIEW_FACILITATOR;
}

int view_sees_board(const viewer *v, const game *g, int board)
{
    (void)v;
    return board >= 0 && board < g->sc->nboards;
}

int view_sees_key(const viewer *v, const game *g, int card)
{
    if (!view_sees_card(v, g, card)) return 0;
    return analysis_board_of(g->sc, card) < 0 || sees_all_play(v, g);
}

int view_sees_truth(const viewer *v, const game *g)
{
    return sees_all_play(v, g);
}

int view_sees_ratings(const viewer *v, const game *g)
{
    return sees_all_play(v, g);
}

int view_sees_questions(const viewer *v, const game *g)
{
    return g->ended || kind(v, g) == VIEW_FACILITATOR;
}

int view_sees_schedule(const viewer *v, const game *g)
{
    return kind(v, g) == VIEW_FACILITATOR;
}

int view_sees_state(const viewer *v, const game *g)
{
    return kind(v, g) == VIEW_FACILITATOR;
}

int view_sees_evaluation(const viewer *v, const game *g)
{
    return sees_all_play(v, g);
}

/* Iterators ------------------------------------------------------------------ */

int view_next_item(const viewer *v, const game *g, int after)
{
    for (int i = after < 0 ? 0 : after + 1; i < g->nitems; i++)
        if (view_sees_item(v, g, i)) return i;
    return -1;
}

int view_prev_item(const viewer *v, const game *g, int before)
{
    for (int i = (before > g->nitems ? g->nitems : before) - 1; i >= 0; i--)
        if (view_sees_item(v, g, i)) return i;
    return -1;
}

int view_next_log(const viewer *v, const game *g, int after)
{
    for (int i = after < 0 ? 0 : after + 1; i < g->nlog; i++)
        if (view_sees_log(v, g, i)) return i;
    return -1;
}

int view_next_meter(const viewer *v, const game *g, int after)
{
    for (int i = after < 0 ? 0 : after + 1; i < g->sc->nmeters; i++)
        if (view_sees_meter(v, g, i)) return i;
    return -1;
}

int view_next_card(const viewer *v, const game *g, int after)
{
    for (int i = after < 0 ? 0 : after + 1; i < g->sc->ncards; i++)
        if (view_sees_card(v, g, i)) return i;
    return -1;
}
