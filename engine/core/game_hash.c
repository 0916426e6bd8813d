/*
 * game_hash.c -- one number for everything that makes up a game's state
 * (game.h): the journal stores it after each command, and replay, undo and
 * the determinism tests compare it.
 */
#include "game.h"
#include "util.h"

static uint64_t hash_items(const game *g, uint64_t h)
{
    for (int i = 0; i < g->nitems; i++) {
        const game_item *it = &g->items[i];
        h = hash_i64(h, it->event);
        h = hash_i64(h, it->to);
        h = hash_i64(h, it->turn);
        h = hash_i64(h, it->option);
        h = hash_i64(h, it->by);
        h = hash_i64(h, it->expired);
        h = hash_str(h, it->title);
        h = hash_str(h, it->text);
        h = hash_str(h, it->rationale);
    }
    return h;
}

static uint64_t hash_pending_and_log(const game *g, uint64_t h)
{
    for (int i = 0; i < g->npend; i++) {
        h = hash_i64(h, g->pend[i].kind);
        h = hash_i64(h, g->pend[i].due);
        h = hash_i64(h, g->pend[i].index);
        h = hash_str(h, g->pend[i].target);
    }
    for (int i = 0; i < g->nlog; i++) {
        const game_log *l = &g->log[i];
        h = hash_i64(h, l->kind);
        h = hash_i64(h, l->turn);
        h = hash_i64(h, l->role);
        h = hash_i64(h, l->ref);
        h = hash_f64(h, l->value);
        h = hash_str(h, l->text);
        h = hash_str(h, l->aux);
        if (l->who) h = hash_str(h, l->who); /* only votes have one: other hashes stay */
    }
    return h;
}

static uint64_t hash_ints(uint64_t h, const int *v, int n)
{
    for (int i = 0; i < n; i++) h = hash_i64(h, v[i]);
    return h;
}

uint64_t game_hash(const game *g)
{
    const def_scenario *sc = g->sc;
    uint64_t h = HASH_INIT;
    int head[] = {g->turn, g->role, g->ended, g->ending, g->finish_at, g->paused, g->variant};
    h = hash_ints(h, head, 7);
    /* Hot-seat games (every save before simultaneous play) hash as before. */
    if (g->simultaneous) h = hash_i64(hash_i64(h, 'S'), (int64_t)g->done);
    h = hash_i64(h, (int64_t)g->seed);
    for (int i = 0; i < 4; i++) h = hash_i64(h, (int64_t)g->rng.s[i]);
    for (int i = 0; i < sc->nmeters; i++) h = hash_f64(h, g->meter[i]);
    for (int t = 0; t < g->turn && t <= sc->nturns; t++)
        for (int i = 0; i < sc->nmeters; i++)
            h = hash_f64(h, g->history[(size_t)t * (size_t)sc->nmeters + (size_t)i]);
    h = hash_ints(h, g->budget, sc->nroles);
    h = hash_bytes(h, g->ev, (size_t)sc->nevents);
    h = hash_ints(h, g->uses, sc->nmoves);
    h = hash_ints(h, g->card_turn, sc->ncards);
    h = hash_bytes(h, g->ratings, (size_t)sc->nobjectives);
    h = kv_hash(&g->state, h);
    h = hash_items(g, h);
    return hash_pending_and_log(g, h);
}
