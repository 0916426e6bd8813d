/*
 * gameapi.c -- the game handle `g` that callbacks receive: its methods and
 * its fields. Changes go through core's game_cb_ functions, which refuse
 * them inside conditions. Names resolve through lookup tables built once,
 * so a callback costs a table lookup, not a search. What callbacks read
 * without a call into C (the fields cached, the g.state mirror) is
 * gameapi_view.c.
 */
#include <math.h>
#include <string.h>

#include "analysis.h"
#include "script_int.h"

#define IDS_KEY "crisisroom.ids"
game *gapi_cur(lua_State *L)
{
    script *s = sbx_self(L);
    if (!s->g) luaL_error(L, "the game handle is used while no game is running");
    return s->g;
}

/* Resolve a name of the kind the method takes (API_G_METHODS): each
   method holds that kind's table (name -> index) and the kind as its
   upvalues. A short name is remembered by its string object (Lua interns
   short strings, and the id table holds each valid one as a key, so an
   equal name is that very object, alive as long as the script); another
   goes through the table (with the string itself as the key), or through
   luaL_checkstring when it is not a string, as before. */
static int lookup(lua_State *L, int arg)
{
    api_kind k = (api_kind)lua_tointeger(L, lua_upvalueindex(2));
    if (lua_type(L, arg) == LUA_TSTRING) {
        const void *str = lua_topointer(L, arg);
        script *s = sbx_self(L);
        gapi_name *slot = &s->names[((uintptr_t)str >> 4) % GAPI_NAME_SLOTS];
        if (slot->str == str && slot->kind == k) return slot->index;
        lua_pushvalue(L, arg);
        if (lua_rawget(L, lua_upvalueindex(1)) == LUA_TNUMBER) {
            int i = (int)lua_tointeger(L, -1);
            lua_pop(L, 1);
            if (lua_rawlen(L, arg) <= GAPI_SHORT_STRING) *slot = (gapi_name){str, k, i};
            return i;
        }
        lua_pop(L, 1);
    }
    const char *name = luaL_checkstring(L, arg);
    lua_getfield(L, lua_upvalueindex(1), name);
    int isnum;
    lua_Integer i = lua_tointegerx(L, -1, &isnum);
    lua_pop(L, 1);
    if (!isnum)
        return luaL_error(L, "unknown %s%s '%s'", api_kinds[k].name,
                          k == K_option ? " (event.option)" : "", name);
    return (int)i;
}

/* After a change: the error, or the fields and the mirror brought up to
   date (g:deliver runs effects that write the state, and callbacks of its
   own for their own targets). */
static int check(lua_State *L, game *g, int rc)
{
    if (rc) return luaL_error(L, "%s", g->err);
    script *s = sbx_self(L);
    if (!s->gv.live) gapi_sync_view(L, s, g);
    return 0;
}

/* Strings by length: lua_pushstring may find a long one in Lua's cache
   of C strings, or not, so what it allocates (and charges) would depend
   on what ran before. */
void gapi_push_str(lua_State *L, const char *str)
{
    lua_pushlstring(L, str, strlen(str));
}

/* Whole values come back as integers, so that "..' .. g:meter(x)" reads
   "60", not "60.0". */
static void push_value(lua_State *L, double v)
{
    if (v == (double)(lua_Integer)v && v > -9e15 && v < 9e15)
        lua_pushinteger(L, (lua_Integer)v);
    else
        lua_pushnumber(L, v);
}

static int g_meter(lua_State *L)
{
    game *g = gapi_cur(L);
    push_value(L, g->meter[lookup(L, 2)]);
    return 1;
}

static int g_history(lua_State *L)
{
    game *g = gapi_cur(L);
    int m = lookup(L, 2);
    lua_Integer t = luaL_checkinteger(L, 3);
    luaL_argcheck(L, t >= 0 && t <= g->sc->nturns, 3, "turn out of range");
    push_value(L, game_history(g, m, (int)t));
    return 1;
}

static int g_chosen(lua_State *L)
{
    game *g = gapi_cur(L);
    int mv = lookup(L, 2);
    int item = g->ev_item[g->sc->moves[mv].event];
    lua_pushboolean(L, item >= 0 && g->items[item].option == mv);
    return 1;
}

static int g_choice(lua_State *L)
{
    game *g = gapi_cur(L);
    int item = g->ev_item[lookup(L, 2)];
    if (item < 0 || g->items[item].option < 0)
        lua_pushnil(L);
    else
        gapi_push_str(L, g->sc->moves[g->items[item].option].id);
    return 1;
}

static int g_delivered(lua_State *L)
{
    game *g = gapi_cur(L);
    lua_pushboolean(L, g->ev[lookup(L, 2)] == EV_DELIVERED);
    return 1;
}

static int g_revealed(lua_State *L)
{
    game *g = gapi_cur(L);
    lua_pushboolean(L, g->card_turn[lookup(L, 2)] != 0);
    return 1;
}

/* g:uses(action [, target]): with a target, the uses on it (issue 17). */
static int g_uses(lua_State *L)
{
    game *g = gapi_cur(L);
    int mv = lookup(L, 2);
    if (lua_isnoneornil(L, 3)) {
        lua_pushinteger(L, g->uses[mv]);
        return 1;
    }
    const char *t = luaL_checkstring(L, 3);
    const def_move *m = &g->sc->moves[mv];
    for (int i = 0; i < m->ntargets; i++)
        if (strcmp(m->targets[i].key, t) == 0) {
            lua_pushinteger(L, game_target_uses(g, mv, i));
            return 1;
        }
    return luaL_error(L, "action '%s' has no target '%s'", m->id, t);
}

static int g_role_name(lua_State *L)
{
    game *g = gapi_cur(L);
    /* the source name: a translation must not reach the game (strid.h) */
    lua_pushstring(L, def_source_text(g->sc, game_role_name(g, lookup(L, 2))));
    return 1;
}

static int g_budget(lua_State *L)
{
    game *g = gapi_cur(L);
    lua_pushinteger(L, g->allowance[lookup(L, 2)]);
    return 1;
}

static int g_points(lua_State *L)
{
    game *g = gapi_cur(L);
    lua_pushinteger(L, g->budget[lookup(L, 2)]);
    return 1;
}

static int g_add(lua_State *L)
{
    game *g = gapi_cur(L);
    int m = lookup(L, 2);
    double v = luaL_checknumber(L, 3);
    luaL_argcheck(L, isfinite(v), 3, "not a finite number");
    return check(L, g, game_cb_add(g, m, v));
}

static int g_set(lua_State *L)
{
    game *g = gapi_cur(L);
    int m = lookup(L, 2);
    double v = luaL_checknumber(L, 3);
    luaL_argcheck(L, isfinite(v), 3, "not a finite number");
    return check(L, g, game_cb_set(g, m, v));
}

static int g_reveal(lua_State *L)
{
    game *g = gapi_cur(L);
    return check(L, g, game_cb_reveal(g, lookup(L, 2)));
}

static int g_deliver(lua_State *L)
{
    game *g = gapi_cur(L);
    return check(L, g, game_cb_deliver(g, lookup(L, 2)));
}

static int g_after(lua_State *L)
{
    game *g = gapi_cur(L);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_argcheck(L, n >= 0 && n <= CR_MAX_TURNS, 2, "turns out of range");
    return check(L, g, game_cb_after(g, (int)n, lookup(L, 3)));
}

static int g_say(lua_State *L)
{
    game *g = gapi_cur(L);
    size_t len;
    const char *text = luaL_checklstring(L, 2, &len);
    if (len > GAPI_MAX_TEXT)
        return luaL_argerror(L, 2, lua_pushfstring(L, "text longer than %d bytes", GAPI_MAX_TEXT));
    return check(L, g, game_cb_say(g, text));
}

static int g_finish(lua_State *L)
{
    game *g = gapi_cur(L);
    return check(L, g, game_cb_finish(g, lookup(L, 2)));
}

/* Issue 17's changes: names, briefs, points, a delivery cancelled. */
static const char *opt_text(lua_State *L, int arg)
{
    size_t len;
    const char *t = luaL_optlstring(L, arg, NULL, &len);
    if (t && len > GAPI_MAX_TEXT)
        luaL_argerror(L, arg, lua_pushfstring(L, "text longer than %d bytes", GAPI_MAX_TEXT));
    return t;
}

static int g_rename(lua_State *L)
{
    game *g = gapi_cur(L);
    int r = lookup(L, 2);
    luaL_checkstring(L, 3);
    return check(L, g, game_cb_rename(g, r, opt_text(L, 3), opt_text(L, 4)));
}

static int g_set_brief(lua_State *L)
{
    game *g = gapi_cur(L);
    int r = lookup(L, 2);
    luaL_checkstring(L, 3);
    return check(L, g, game_cb_brief(g, r, opt_text(L, 3)));
}

static int add_points(lua_State *L, int every_turn)
{
    game *g = gapi_cur(L);
    int r = lookup(L, 2);
    lua_Integer n = luaL_checkinteger(L, 3);
    luaL_argcheck(L, n >= -100000 && n <= 100000, 3, "out of range");
    return check(L, g, game_cb_budget(g, r, (int)n, every_turn));
}

static int g_add_budget(lua_State *L)
{
    return add_points(L, 1);
}

static int g_add_points(lua_State *L)
{
    return add_points(L, 0);
}

static int g_cancel(lua_State *L)
{
    game *g = gapi_cur(L);
    int rc = game_cb_cancel(g, lookup(L, 2));
    check(L, g, rc < 0);
    lua_pushboolean(L, rc > 0);
    return 1;
}

/* g:random(...) is math.random(...) without g. */
static int g_random(lua_State *L)
{
    lua_remove(L, 1);
    return sbx_random(L);
}

/* The analysis of an analysis board (analysis.h), issue 14 ------------------ */

/* g:assessment(board [, "truth"]): the lead's id or nil, the likelihood
   (0..3) and the confidence word. */
static int g_assessment(lua_State *L)
{
    game *g = gapi_cur(L);
    int board = lookup(L, 2);
    const char *how = luaL_optstring(L, 3, NULL);
    luaL_argcheck(L, !how || !strcmp(how, "truth"), 3, "the only option is \"truth\"");
    analysis a;
    analysis_assess(g, board, how != NULL, &a);
    if (a.lead >= 0)
        lua_pushstring(L, g->sc->boards[board].hyps[a.lead].key);
    else
        lua_pushnil(L);
    lua_pushinteger(L, a.lead >= 0 ? (lua_Integer)a.likely : 0);
    lua_pushstring(L, analysis_conf_word(a.conf));
    return 3;
}

/* g:grade(card): the team's reliability and credibility, or nil. */
static int g_grade(lua_State *L)
{
    game *g = gapi_cur(L);
    char r;
    int c;
    if (!analysis_grade_of(g, lookup(L, 2), &r, &c)) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushlstring(L, &r, 1);
    lua_pushinteger(L, c);
    return 2;
}

/* g:session(): the session's id, nil for the full game. */
static int g_session(lua_State *L)
{
    game *g = gapi_cur(L);
    if (g->session < 0 || g->session >= g->sc->nsessions)
        lua_pushnil(L);
    else
        lua_pushstring(L, g->sc->sessions[g->session].id);
    return 1;
}

/* g itself ------------------------------------------------------------------ */

const char *const gapi_field_names[GF_COUNT] = {
#define X(name, doc) #name,
    API_G_FIELDS(X)
#undef X
};

static int g_index(lua_State *L)
{
    game *g = gapi_cur(L);
    const char *k = luaL_checkstring(L, 2);
    int f = 0;
    while (f < GF_COUNT && strcmp(gapi_field_names[f], k) != 0) f++;
    switch ((gapi_field)f) {
    case GF_turn:
        lua_pushinteger(L, g->turn);
        break;
    case GF_turns:
        lua_pushinteger(L, g->sc->nturns);
        break;
    case GF_role:
        gapi_push_str(L, g->sc->roles[g->role].id);
        break;
    case GF_variant:
        g->variant >= 0 ? gapi_push_str(L, g->sc->variants[g->variant].id) : lua_pushnil(L);
        break;
    case GF_target:
        g->target ? gapi_push_str(L, g->target) : lua_pushnil(L);
        break;
    case GF_ended:
        lua_pushboolean(L, g->ended);
        break;
    default: /* GF_state is found before; the rest is no field */
        return luaL_error(L, "g has no field '%s'", k);
    }
    gapi_cache_field(L, sbx_self(L), g, (gapi_field)f);
    return 1;
}

static int g_newindex(lua_State *L)
{
    return luaL_error(L, "g.%s cannot be assigned; use g.state.%s for scenario state",
                      luaL_checkstring(L, 2), luaL_checkstring(L, 2));
}

static const struct {
    const char *name;
    lua_CFunction fn;
    api_kind kind; /* of the names it takes */
} methods[] = {
#define X(name, kind, use, args, doc) {#name, g_##name, K_##kind},
    API_G_METHODS(X)
#undef X
};

/* The id table of a kind, in the table at ids (made empty here, filled by
   gapi_index_ids once the scenario is built). */
static void push_ids(lua_State *L, int ids, api_kind k)
{
    if (lua_rawgeti(L, ids, k) == LUA_TNIL) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_rawseti(L, ids, k);
    }
}

static void push_methods(lua_State *L, int ids, gapi_view *gv)
{
    lua_createtable(L, 0, (int)(sizeof methods / sizeof methods[0]) + 1);
    for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
        if (methods[i].kind != K_none)
            push_ids(L, ids, methods[i].kind);
        else
            lua_pushnil(L);
        lua_pushinteger(L, methods[i].kind);
        lua_pushcclosure(L, methods[i].fn, 2);
        lua_setfield(L, -2, methods[i].name);
    }
    /* g.state is one proxy for the life of the script: a plain field, read
       without a call into C (callbacks read it more than anything else). */
    gapi_push_state_proxy(L, gv);
    lua_setfield(L, -2, gapi_field_names[GF_state]);
    lua_pushvalue(L, -1);
    gv->methods_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_createtable(L, 0, 1); /* the methods' own metatable: the other fields */
    lua_pushcfunction(L, g_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
}

void gapi_open(script *s)
{
    lua_State *L = s->L;
    lua_createtable(L, K_COUNT, 0); /* the id tables, by kind */
    int ids = lua_gettop(L);
    lua_newuserdatauv(L, 0, 0); /* g */
    lua_createtable(L, 0, 4);   /* its metatable */
    push_methods(L, ids, &s->gv);
    lua_setfield(L, -2, "__index");
    gapi_seal(L, g_newindex);
    lua_setmetatable(L, -2);
    s->g_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_setfield(L, LUA_REGISTRYINDEX, IDS_KEY);
}

void gapi_push(script *s)
{
    lua_rawgeti(s->L, LUA_REGISTRYINDEX, s->g_ref); /* every callback: no string lookup */
}

/* Fill the id table of a kind that methods take (made by gapi_open). */
static void fill_ids(lua_State *L, int ids, const def_scenario *sc, api_kind k)
{
    if (lua_rawgeti(L, ids, k) != LUA_TTABLE) {
        lua_pop(L, 1);
        return;
    }
    for (int i = 0; i < api_count(sc, k); i++) {
        lua_pushinteger(L, i);
        lua_setfield(L, -2, api_id(sc, k, i));
    }
    lua_pop(L, 1);
}

void gapi_index_ids(script *s)
{
    lua_State *L = s->L;
    const def_scenario *sc = s->sc;
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->gv.methods_ref); /* g.turns: the same in every game */
    lua_pushinteger(L, sc->nturns);
    lua_setfield(L, -2, gapi_field_names[GF_turns]);
    lua_pop(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, IDS_KEY);
    int ids = lua_gettop(L);
    static const api_kind plain[] = {K_meter, K_event, K_card, K_ending, K_role, K_board};
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) fill_ids(L, ids, sc, plain[i]);
    /* Options by "event.option" and actions by id map to move indexes. */
    lua_rawgeti(L, ids, K_option);
    lua_rawgeti(L, ids, K_action);
    char path[160];
    for (int i = 0; i < sc->nmoves; i++) {
        lua_pushinteger(L, i);
        if (sc->moves[i].event < 0) {
            lua_setfield(L, -2, sc->moves[i].id);
        } else {
            def_move_path(sc, i, path, sizeof path);
            lua_setfield(L, -3, path);
        }
    }
    lua_settop(L, ids - 1);
}
