/*
 * host.c -- core's way into the scenario's functions (game_host): each call
 * runs under the sandbox's budget with g bound to the game asking.
 */
#include <stdlib.h>
#include <string.h>

#include "script_int.h"

void host_describe(script *s, int ref, char *buf, size_t size)
{
    lua_State *L = s->L;
    lua_getfield(L, LUA_REGISTRYINDEX, REFDESC_KEY);
    if (lua_istable(L, -1))
        lua_rawgeti(L, -1, ref);
    else
        lua_pushnil(L);
    str_fmt(buf, size, "%s", lua_isstring(L, -1) ? lua_tostring(L, -1) : "a scenario function");
    lua_pop(L, 2);
}

/* Ceilings across callbacks ------------------------------------------------- */

/* A new game or a new turn starts its counts from zero. */
static void acct_start(script *s, const game *g)
{
    sbx_acct *a = &s->acct;
    if (a->serial != g->serial) {
        a->serial = g->serial;
        a->game_left = a->game_instructions, a->game_ms_left = a->game_time_ms;
        for (int r = 0; r < a->ncb; r++) a->cb[r].game = 0;
        a->turn = -1;
    }
    if (a->turn != g->turn) {
        a->turn = g->turn;
        a->stamp++; /* every callback's turn count is stale */
        a->turn_left = a->turn_instructions, a->turn_ms_left = a->turn_time_ms;
    }
}

static void acct_grow(sbx_acct *a, int ref)
{
    int n = a->ncb ? a->ncb : 64;
    while (n <= ref) n *= 2;
    a->cb = xrealloc(a->cb, sizeof *a->cb * (size_t)n);
    memset(a->cb + a->ncb, 0, sizeof *a->cb * (size_t)(n - a->ncb));
    a->ncb = n;
}

static long cb_used(const sbx_acct *a, int r, int turn)
{
    if (!turn) return a->cb[r].game;
    return a->cb[r].stamp == a->stamp ? a->cb[r].turn : 0;
}

/* "event 'a' when (scenario.lua:3) (120000000 instructions), ...": the
   three callbacks that used most in this turn (or game). */
static void heaviest(script *s, int turn, char *buf, size_t size)
{
    const sbx_acct *a = &s->acct;
    int top[3] = {-1, -1, -1};
    for (int r = 0; r < a->ncb; r++) {
        long u = cb_used(a, r, turn);
        if (u == 0) continue;
        for (int k = 0; k < 3; k++)
            if (top[k] < 0 || u > cb_used(a, top[k], turn)) {
                memmove(top + k + 1, top + k, sizeof *top * (size_t)(2 - k));
                top[k] = r;
                break;
            }
    }
    buf[0] = '\0';
    for (int k = 0; k < 3 && top[k] >= 0; k++) {
        char what[256];
        size_t n = strlen(buf);
        host_describe(s, top[k], what, sizeof what);
        str_fmt(buf + n, size - n, "%s%s (%ld instructions)", k ? ", " : "", what,
                cb_used(a, top[k], turn));
    }
}

/* Past a ceiling: fail the game naming the callbacks that used most. */
static int acct_exceeded(script *s, game *g)
{
    const sbx_acct *a = &s->acct;
    const char *unit = "instructions";
    long limit = a->game_instructions;
    int turn = a->turn_left < 0 || (a->game_left >= 0 && a->turn_ms_left < 0);
    if (a->turn_left < 0)
        limit = a->turn_instructions;
    else if (a->game_left >= 0)
        limit = turn ? a->turn_time_ms : a->game_time_ms, unit = "ms";
    char top[1024];
    heaviest(s, turn, top, sizeof top);
    if (!g->failed) /* fatal: every callback after it would fail too */
        game_fail_fatal(g,
                        "the scenario's callbacks used more than %ld %s in %s (turn %d), the "
                        "ceiling across callbacks; heaviest: %s",
                        limit, unit, turn ? "this turn" : "this game", g->turn, top);
    return -1;
}

/* Count the call just made against the ceilings. */
static int acct_add(script *s, game *g, int ref)
{
    sbx_acct *a = &s->acct;
    if (ref >= a->ncb) acct_grow(a, ref);
    struct sbx_cb *cb = &a->cb[ref];
    if (cb->stamp != a->stamp) cb->stamp = a->stamp, cb->turn = 0;
    cb->turn += s->used, cb->game += s->used;
    a->turn_left -= s->used, a->game_left -= s->used;
    a->turn_ms_left -= s->used_ms, a->game_ms_left -= s->used_ms;
    if ((a->turn_left | a->game_left | a->turn_ms_left | a->game_ms_left) >= 0) return 0;
    return acct_exceeded(s, g);
}

void host_free(script *s)
{
    free(s->acct.cb);
}

/* Calls -------------------------------------------------------------------- */

/* A callback failed: the game's error names it, then says what Lua said
   (with its place). A refusal of core's during the call (changing the game
   in a condition) is what Lua's error carries, so it is replaced by the
   whole message; an error from before the call is kept (a later one is
   usually its consequence). */
static void host_fail(script *s, game *g, int ref, int failed_before, const char *err)
{
    char where[256];
    if (failed_before) return;
    host_describe(s, ref, where, sizeof where);
    game_fail(g, "%s: %s", where, err);
}

/* Push the function and g, run it; 0 with nres results on the stack, or -1
   after reporting the error to the game. */
static int call_ref(script *s, game *g, int ref, int nres)
{
    char err[4096];
    int failed_before = g->failed;
    game *saved = s->g;
    /* Lua outside any callback asked (a scenario's test, holding g): it
       reads the game live again once the callback is done. */
    int from_lua = s->metered && s->depth == 0;
    s->g = g;
    /* Only the game's own callbacks count against the ceilings: a front
       end's queries (is this option available? asked at every redraw)
       would make a game's fate depend on its display. */
    if (g->applying) acct_start(s, g);
    s->depth++;
    int rc = gapi_enter(s, g, err, sizeof err);
    if (rc == 0) {
        lua_rawgeti(s->L, LUA_REGISTRYINDEX, ref);
        gapi_push(s);
        rc = sbx_call(s, 1, nres, NULL, err, sizeof err);
    }
    s->depth--;
    s->g = saved;
    char back[256];
    if (s->depth && saved && gapi_enter(s, saved, back, sizeof back) && !saved->failed)
        game_fail(saved, "%s", back); /* the callback g:deliver came from goes on: up to date */
    else if (from_lua)
        gapi_live(s);
    if (rc) {
        host_fail(s, g, ref, failed_before, err); /* named only now: most calls succeed */
        return -1;
    }
    if (g->applying && acct_add(s, g, ref)) {
        lua_pop(s->L, nres);
        return -1;
    }
    return 0;
}

static int host_test(void *ud, game *g, int ref, char *why, size_t whylen)
{
    script *s = ud;
    if (call_ref(s, g, ref, 2)) return -1;
    int ok = lua_toboolean(s->L, -2);
    /* Only a string: converting a number would allocate, outside any
       protected call. */
    if (!ok && why && whylen && lua_type(s->L, -1) == LUA_TSTRING)
        str_fmt(why, whylen, "%s", lua_tostring(s->L, -1));
    lua_pop(s->L, 2);
    return ok;
}

static int host_run(void *ud, game *g, int ref)
{
    script *s = ud;
    return call_ref(s, g, ref, 0);
}

static int host_score(void *ud, game *g, int ref, char *rating)
{
    script *s = ud;
    if (call_ref(s, g, ref, 1)) return -1;
    const char *r = lua_type(s->L, -1) == LUA_TSTRING ? lua_tostring(s->L, -1) : NULL;
    int ok = r && strlen(r) == 1 && strchr("PSMU", r[0]);
    if (ok) *rating = r[0];
    lua_pop(s->L, 1);
    if (!ok) {
        char where[256];
        host_describe(s, ref, where, sizeof where);
        game_fail(g, "%s: must return \"P\", \"S\", \"M\" or \"U\" (the HSEEP ratings)", where);
        return -1;
    }
    return 0;
}

/* An ending's or an objective's text computed at the end (issue 17). */
static int host_text(void *ud, game *g, int ref, char *buf, size_t size)
{
    script *s = ud;
    if (call_ref(s, g, ref, 1)) return -1;
    size_t len = 0;
    const char *t = lua_type(s->L, -1) == LUA_TSTRING ? lua_tolstring(s->L, -1, &len) : NULL;
    int ok = t && len <= GAPI_MAX_TEXT && len < size;
    if (ok) str_fmt(buf, size, "%s", t);
    lua_pop(s->L, 1);
    if (ok) return 0;
    char where[256];
    host_describe(s, ref, where, sizeof where);
    game_fail(g, "%s: must return a string of at most %d bytes", where, GAPI_MAX_TEXT);
    return -1;
}

void host_init(script *s)
{
    s->host.ud = s;
    s->host.test = host_test;
    s->host.run = host_run;
    s->host.score = host_score;
    s->host.text = host_text;
    /* The wall-time ceilings grow with the per-call limit (slow tools). */
    double scale = (double)s->time_ms / SCRIPT_DEFAULT_TIME_MS;
    s->acct.turn_time_ms = (long)(SCRIPT_TURN_TIME_MS * (scale > 1 ? scale : 1));
    s->acct.game_time_ms = (long)(SCRIPT_GAME_TIME_MS * (scale > 1 ? scale : 1));
    gapi_index_ids(s);
}
