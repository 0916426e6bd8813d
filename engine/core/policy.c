/*
 * policy.c -- see policy.h.
 */
#include "policy.h"

#include <string.h>

#include "analysis.h"
#include "util.h"

#define POLICY_MAX_STEPS 32 /* commands in one move before the policy ends it */

static const char *const names[] = {"random", "first", "historical"};

const char *policy_name(policy_kind k)
{
    return names[k];
}

int policy_parse(const char *name, policy_kind *out)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0) {
            *out = (policy_kind)i;
            return 0;
        }
    return -1;
}

void policy_init(policy *p, policy_kind kind, uint64_t seed)
{
    memset(p, 0, sizeof *p);
    p->kind = kind;
    rng_seed(&p->r, seed, RNG_STREAM_POLICY);
}

/* Ids fit their tokens (40 characters at most, checked at load). */
static void copy_id(char *dst, const char *id)
{
    size_t n = strlen(id);
    if (n >= CMD_TOKEN_MAX) n = CMD_TOKEN_MAX - 1;
    memcpy(dst, id, n);
    dst[n] = '\0';
}

/* Only the fields a command uses are cleared: a cmd holds kilobytes of
   text buffers, and clearing them all for every move of a batch run shows. */
static void clear_cmd(cmd *out, cmd_kind kind)
{
    out->kind = kind;
    out->a[0] = out->b[0] = out->c[0] = out->title[0] = out->text[0] = out->by[0] = '\0';
    out->value = 0;
    out->resolved = 0;
    out->move = -1;
}

static void make_choose(game *g, int item, int move, cmd *out)
{
    clear_cmd(out, CMD_CHOOSE);
    copy_id(out->a, g->sc->events[g->items[item].event].id);
    copy_id(out->b, g->sc->moves[move].id);
    out->resolved = 1;
    out->move = move;
}

/* The first available of the candidates in a random order: uniform over
   the available ones, and most of the time only one or two conditions are
   checked instead of all. 0 found (in *out), -1 none, -2 error. */
static int pick_random(policy *p, game *g, int *cand, int n, int *out)
{
    for (int left = n; left > 0; left--) {
        int k = (int)rng_range(&p->r, 0, left - 1);
        int mv = cand[k];
        cand[k] = cand[left - 1]; /* draw without replacement */
        int rc = game_move_available(g, mv, g->role, NULL, 0);
        if (rc < 0) return -2;
        if (rc) {
            *out = mv;
            return 0;
        }
    }
    return -1;
}

/* The first of the candidates that is available, in order. */
static int pick_first(game *g, const int *cand, int n, int *out)
{
    for (int i = 0; i < n; i++) {
        int rc = game_move_available(g, cand[i], g->role, NULL, 0);
        if (rc < 0) return -2;
        if (rc) {
            *out = cand[i];
            return 0;
        }
    }
    return -1;
}

/* Pick an option for an open decision; -1 none available, -2 error. */
static int pick_option(policy *p, game *g, int item)
{
    const def_event *e = &g->sc->events[g->items[item].event];
    int cand[64], n = 0, hist[64], nh = 0, mv = -1, rc;
    for (int i = 0; i < e->noptions && n < 64; i++) {
        cand[n++] = e->options[i];
        if (g->sc->moves[e->options[i]].historical) hist[nh++] = e->options[i];
    }
    if (p->kind == POLICY_HISTORICAL && (rc = pick_first(g, hist, nh, &mv)) != -1)
        return rc < 0 ? rc : mv;
    rc = p->kind == POLICY_RANDOM ? pick_random(p, g, cand, n, &mv) : pick_first(g, cand, n, &mv);
    return rc < 0 ? rc : mv;
}

/* The entry of the action's history for this turn not yet taken in this
   move, or -1. */
static int hist_entry(const policy *p, const def_move *m, int move, int turn)
{
    for (int i = 0; i < m->nhist_turns; i++) {
        if (m->hist_turns[i] != turn) continue;
        int done = 0;
        for (int k = 0; k < p->ndone && !done; k++) done = p->done[k] == move * 1000 + i;
        if (!done) return i;
    }
    return -1;
}

/* The k-th target of the action that is not used up (max_uses_per_target),
   or -1. */
static int open_target(const game *g, int move, int k)
{
    const def_move *m = &g->sc->moves[move];
    for (int t = 0; t < m->ntargets; t++)
        if (game_target_available(g, move, t, NULL, 0) && k-- == 0) return t;
    return -1;
}

/* Pick an action for the role; -1 none, -2 error. */
static int pick_action(policy *p, game *g)
{
    if (p->kind == POLICY_FIRST) return -1;
    /* Random play leaves some points unspent, as real players do: decided
       first, so that no condition is checked for nothing. */
    if (p->kind == POLICY_RANDOM && rng_range(&p->r, 0, 3) == 0) return -1;
    int cand[256], n = 0, mv = -1;
    const def_scenario *sc = g->sc;
    for (int i = sc->role_first[g->role]; i < sc->role_first[g->role + 1] && n < 256; i++) {
        int a = sc->by_role[i];
        const def_move *m = &sc->moves[a];
        if (m->cost > g->budget[g->role]) continue;
        if (p->kind == POLICY_HISTORICAL && hist_entry(p, m, a, g->turn) < 0) continue;
        if (m->max_per_target && open_target(g, a, 0) < 0) continue; /* each target used up */
        cand[n++] = a;
    }
    int rc =
        p->kind == POLICY_RANDOM ? pick_random(p, g, cand, n, &mv) : pick_first(g, cand, n, &mv);
    return rc < 0 ? rc : mv;
}

static void make_act(policy *p, game *g, int move, cmd *out)
{
    const def_move *m = &g->sc->moves[move];
    int h = p->kind == POLICY_HISTORICAL ? hist_entry(p, m, move, g->turn) : -1;
    if (h >= 0 && p->ndone < 32) p->done[p->ndone++] = move * 1000 + h;
    clear_cmd(out, CMD_ACT);
    copy_id(out->a, g->sc->roles[g->role].id);
    copy_id(out->b, m->id);
    out->resolved = 1;
    out->move = move;
    if (h >= 0 && m->hist_targets && m->hist_targets[h]) {
        copy_id(out->c, m->hist_targets[h]);
    } else if (m->ntargets && m->max_per_target) { /* among the targets not used up */
        int n = 0;
        for (int t = 0; t < m->ntargets; t++) n += game_target_available(g, move, t, NULL, 0);
        int k = p->kind == POLICY_RANDOM && n > 1 ? (int)rng_range(&p->r, 0, n - 1) : 0;
        copy_id(out->c, m->targets[open_target(g, move, k)].key);
    } else if (m->ntargets) {
        int t = p->kind == POLICY_RANDOM ? (int)rng_range(&p->r, 0, m->ntargets - 1) : 0;
        copy_id(out->c, m->targets[t].key);
    }
}

static int try_decisions(policy *p, game *g, cmd *out)
{
    int items[64], n = game_open_decisions(g, g->role, items, 64);
    for (int i = 0; i < n; i++) {
        int mv = pick_option(p, g, items[i]);
        if (mv == -2) return -2;
        if (mv >= 0) {
            make_choose(g, items[i], mv, out);
            return 0;
        }
    }
    return -1;
}

/* The analysis (analysis.h): the historical policy grades each revealed
   card as its source deserves and marks it by the key, as a careful analyst
   would; the random one at random. One command a call; -1 when none. */
static int grade_or_mark(policy *p, game *g, int c, cmd *out)
{
    const def_card *d = &g->sc->cards[c];
    const def_board *b = &g->sc->boards[d->board];
    int hist = p->kind == POLICY_HISTORICAL;
    if (!g->grade_rel[c] && (!hist || (d->reliability && d->credibility))) {
        clear_cmd(out, CMD_GRADE);
        copy_id(out->a, d->id);
        out->b[0] = hist ? d->reliability : (char)('A' + rng_range(&p->r, 0, 5));
        out->b[1] = (char)('0' + (hist ? d->credibility : (int)rng_range(&p->r, 1, 6)));
        out->b[2] = '\0';
        return 0;
    }
    for (int h = 0; h < b->nhyps; h++) {
        if (analysis_mark_of(g, c, h) != FIT_NONE) continue;
        int fit = hist ? analysis_key_of(g->sc, c, h)
                       : (int)rng_range(&p->r, FIT_CONSISTENT, FIT_NEUTRAL);
        clear_cmd(out, CMD_MARK);
        copy_id(out->a, d->id);
        copy_id(out->b, b->hyps[h].key);
        copy_id(out->c, def_fit_names[fit]);
        return 0;
    }
    return -1;
}

static int try_analysis(policy *p, game *g, cmd *out)
{
    if (p->kind == POLICY_FIRST || !analysis_has_work(g, g->role)) return -1;
    if (p->kind == POLICY_RANDOM && rng_range(&p->r, 0, 3) == 0) return -1;
    for (int c = 0; c < g->sc->ncards; c++) {
        int b = analysis_board_of(g->sc, c);
        if (b < 0 || !g->card_turn[c] || g->sc->boards[b].graded_by != g->role) continue;
        if (grade_or_mark(p, g, c, out) == 0) return 0;
    }
    return -1;
}

int policy_next(policy *p, game *g, cmd *out)
{
    if (g->ended || g->failed) return -1;
    if (p->turn != g->turn || p->role != g->role) {
        p->turn = g->turn;
        p->role = g->role;
        p->steps = p->ndone = 0;
    }
    clear_cmd(out, CMD_END);
    if (g->paused) {
        out->kind = CMD_RESUME;
        return 0;
    }
    if (p->steps++ >= POLICY_MAX_STEPS) return 0;
    int rc = try_decisions(p, g, out);
    if (rc != -1) return rc == -2 ? -1 : 0;
    if (try_analysis(p, g, out) == 0) {
        p->steps--; /* each card is graded and marked once: it cannot loop */
        return 0;
    }
    int mv = pick_action(p, g);
    if (mv == -2) return -1;
    if (mv >= 0)
        make_act(p, g, mv, out);
    else if (g->simultaneous)
        copy_id(out->a, g->sc->roles[g->role].id); /* end ROLE: teams move at once */
    return 0;
}
