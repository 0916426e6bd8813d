/*
 * game_hash.c -- one number for everything that makes up a game's state
 * (game.h): the journal stores it after each command, and replay, undo and
 * the determinism tests compare it.
 *
 * The journal asks after every command, so the cost must not grow with the
 * game's history (hashing the whole log each time made resuming a long save
 * quadratic). What is only ever appended and never changed afterwards, the
 * log and the inbox items that carry no decision (ad-hoc injects, events
 * without options), is folded into running digests once, in order; the
 * rest, whose size the scenario bounds (meters and their history, budgets,
 * events, state, decisions, pending effects), is hashed whole each time.
 * game_reset empties the digests with the log. The value is the same as if
 * everything were hashed at once (tests/core compares a game hashed after
 * every command with its replay hashed once); it is version 2 of the
 * definition (JOURNAL_HASH_VERSION).
 */
#include "game.h"
#include "util.h"

static uint64_t hash_item(uint64_t h, int index, const game_item *it)
{
    h = hash_i64(h, index);
    h = hash_i64(h, it->event);
    h = hash_i64(h, it->to);
    h = hash_i64(h, it->turn);
    h = hash_i64(h, it->option);
    h = hash_i64(h, it->by);
    h = hash_i64(h, it->expired);
    h = hash_str(h, it->title);
    h = hash_str(h, it->text);
    h = hash_str(h, it->rationale);
    if (it->channel < 0 && !it->nopts) return h; /* what every item had before: the same hash */
    h = hash_i64(hash_i64(hash_str(h, it->id), it->channel), it->decider);
    for (int k = 0; k < it->nopts; k++) h = hash_str(h, it->opts[k]);
    return h;
}

/* An item that carries a decision changes when it is decided or expires;
   any other never changes once delivered. */
static int item_settled(const game *g, const game_item *it)
{
    return it->event < 0 ? it->nopts == 0 : g->sc->events[it->event].noptions == 0;
}

/* Decision items, hashed whole: at most one per event (an event is
   delivered once), so the scenario bounds them. */
static uint64_t hash_decisions(const game *g, uint64_t h)
{
    for (int e = 0; e < g->sc->nevents; e++) {
        int i = g->ev_item[e];
        if (i >= 0 && !item_settled(g, &g->items[i])) h = hash_item(h, i, &g->items[i]);
    }
    for (int k = 0; k < g->nadhoc_dec; k++) /* the facilitator's decisions, as few as typed */
        h = hash_item(h, g->adhoc_dec[k], &g->items[g->adhoc_dec[k]]);
    return h;
}

/* What the facilitator set that play does not show: the timer, the
   injects held for the resume. Absent, they leave the hash as it was. */
static uint64_t hash_facilitator(const game *g, uint64_t h)
{
    if (g->timer_ms || g->timer_closes)
        h = hash_i64(hash_i64(hash_i64(h, 'T'), g->timer_ms), g->timer_closes);
    for (int i = 0; i < g->nheld; i++) {
        strbuf b = {0};
        cmd_format(&g->held[i], &b);
        h = hash_str(hash_i64(h, 'H'), b.s);
        sb_free(&b);
    }
    return h;
}

static uint64_t hash_log_entry(const game *g, uint64_t h, const game_log *l)
{
    h = hash_i64(h, l->kind);
    h = hash_i64(h, l->turn);
    h = hash_i64(h, l->role);
    h = hash_i64(h, l->ref);
    h = hash_f64(h, l->value);
    /* a definition's text by its source: the language never changes a game (strid.h) */
    h = hash_str(h, l->text_owned ? l->text : def_source_text(g->sc, l->text));
    h = hash_str(h, l->aux);
    return l->who ? hash_str(h, l->who) : h; /* only votes have one: other hashes stay */
}

/* Fold in what was appended since the last call. The digests are a cache
   of the game's own content, kept in the game (hence the cast). */
static void fold_appended(const game *g)
{
    game *gm = (game *)g;
    if (!g->hashed.nlog && !g->hashed.nitems) gm->hashed.log = gm->hashed.items = HASH_INIT;
    for (; gm->hashed.nlog < g->nlog; gm->hashed.nlog++)
        gm->hashed.log = hash_log_entry(g, gm->hashed.log, &g->log[g->hashed.nlog]);
    for (; gm->hashed.nitems < g->nitems; gm->hashed.nitems++) {
        const game_item *it = &g->items[g->hashed.nitems];
        if (item_settled(g, it))
            gm->hashed.items = hash_item(gm->hashed.items, g->hashed.nitems, it);
    }
}

static uint64_t hash_pending(const game *g, uint64_t h)
{
    for (int i = 0; i < g->npend; i++) {
        h = hash_i64(h, g->pend[i].kind);
        h = hash_i64(h, g->pend[i].due);
        h = hash_i64(h, g->pend[i].index);
        h = hash_str(h, g->pend[i].target);
    }
    return h;
}

static uint64_t hash_ints(uint64_t h, const int *v, int n)
{
    for (int i = 0; i < n; i++) h = hash_i64(h, v[i]);
    return h;
}

/* What callbacks changed of the definitions (issue 17: names, briefs,
   points per turn, computed texts), folded in only once something was, so
   that a game without such a change hashes as it always did. The uses per
   target are counted from the log, which is hashed. */
static int any_changed(const game *g)
{
    const def_scenario *sc = g->sc;
    if (g->ending_text) return 1;
    for (int i = 0; i < sc->nroles; i++)
        if (g->role_name[i] || g->role_short[i] || g->role_brief[i] ||
            g->allowance[i] != sc->roles[i].budget)
            return 1;
    for (int i = 0; i < sc->nobjectives; i++)
        if (g->objective_text[i]) return 1;
    return 0;
}

static uint64_t hash_changed(const game *g, uint64_t h)
{
    if (!any_changed(g)) return h;
    for (int i = 0; i < g->sc->nroles; i++) {
        h = hash_str(hash_str(hash_str(h, g->role_name[i]), g->role_short[i]), g->role_brief[i]);
        h = hash_i64(h, g->allowance[i]);
    }
    for (int i = 0; i < g->sc->nobjectives; i++) h = hash_str(h, g->objective_text[i]);
    return hash_str(h, g->ending_text);
}

uint64_t game_hash(const game *g)
{
    const def_scenario *sc = g->sc;
    fold_appended(g);
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
    h = hash_changed(g, h);
    h = hash_decisions(g, h);
    h = hash_pending(g, h);
    h = hash_facilitator(g, h);
    int counts[] = {g->nitems, g->nlog};
    h = hash_ints(h, counts, 2);
    h = hash_i64(h, (int64_t)g->hashed.items);
    return hash_i64(h, (int64_t)g->hashed.log);
}
