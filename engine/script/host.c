/*
 * host.c -- core's way into the scenario's functions (game_host): each call
 * runs under the sandbox's budget with g bound to the game asking.
 */
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

/* Push the function and g, run it; 0 with nres results on the stack, or -1
   after reporting the error to the game. */
static int call_ref(script *s, game *g, int ref, int nres)
{
    char where[256], err[4096];
    game *saved = s->g;
    s->g = g;
    lua_rawgeti(s->L, LUA_REGISTRYINDEX, ref);
    gapi_push(s);
    int rc = sbx_call(s, 1, nres, NULL, err, sizeof err);
    s->g = saved;
    if (rc) {
        /* Keep the first error: a later one is usually its consequence.
           Name the callback (looked up only now: most calls succeed). */
        host_describe(s, ref, where, sizeof where);
        if (!g->failed) game_fail(g, "%s: %s", where, err);
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

void host_init(script *s)
{
    s->host.ud = s;
    s->host.test = host_test;
    s->host.run = host_run;
    s->host.score = host_score;
    gapi_index_ids(s);
}
