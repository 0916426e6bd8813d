/*
 * gameapi.c -- the game handle `g` that callbacks receive. Reads go straight
 * to the game; changes go through core's game_cb_ functions, which refuse
 * them inside conditions. Names resolve through lookup tables built once,
 * so a callback costs a table lookup, not a search.
 */
#include <math.h>
#include <string.h>

#include "analysis.h"
#include "script_int.h"

#define IDS_KEY "crisisroom.ids"

static game *cur(lua_State *L)
{
    script *s = sbx_self(L);
    if (!s->g) luaL_error(L, "the game handle is used while no game is running");
    return s->g;
}

/* Resolve a name of the kind the method takes (API_G_METHODS): each
   method holds that kind's table (name -> index) and the kind as its
   upvalues, so a lookup is one table access. */
static int lookup(lua_State *L, int arg)
{
    const char *name = luaL_checkstring(L, arg);
    lua_getfield(L, lua_upvalueindex(1), name);
    int isnum;
    lua_Integer i = lua_tointegerx(L, -1, &isnum);
    lua_pop(L, 1);
    if (!isnum) {
        api_kind k = (api_kind)lua_tointeger(L, lua_upvalueindex(2));
        return luaL_error(L, "unknown %s%s '%s'", api_kinds[k].name,
                          k == K_option ? " (event.option)" : "", name);
    }
    return (int)i;
}

static int check(lua_State *L, game *g, int rc)
{
    if (rc) return luaL_error(L, "%s", g->err);
    return 0;
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
    game *g = cur(L);
    push_value(L, g->meter[lookup(L, 2)]);
    return 1;
}

static int g_history(lua_State *L)
{
    game *g = cur(L);
    int m = lookup(L, 2);
    lua_Integer t = luaL_checkinteger(L, 3);
    luaL_argcheck(L, t >= 0 && t <= g->sc->nturns, 3, "turn out of range");
    push_value(L, game_history(g, m, (int)t));
    return 1;
}

static int g_chosen(lua_State *L)
{
    game *g = cur(L);
    int mv = lookup(L, 2);
    int item = g->ev_item[g->sc->moves[mv].event];
    lua_pushboolean(L, item >= 0 && g->items[item].option == mv);
    return 1;
}

static int g_choice(lua_State *L)
{
    game *g = cur(L);
    int item = g->ev_item[lookup(L, 2)];
    if (item < 0 || g->items[item].option < 0)
        lua_pushnil(L);
    else
        lua_pushstring(L, g->sc->moves[g->items[item].option].id);
    return 1;
}

static int g_delivered(lua_State *L)
{
    game *g = cur(L);
    lua_pushboolean(L, g->ev[lookup(L, 2)] == EV_DELIVERED);
    return 1;
}

static int g_revealed(lua_State *L)
{
    game *g = cur(L);
    lua_pushboolean(L, g->card_turn[lookup(L, 2)] != 0);
    return 1;
}

/* g:uses(action [, target]): with a target, the uses on it (issue 17). */
static int g_uses(lua_State *L)
{
    game *g = cur(L);
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
    game *g = cur(L);
    lua_pushstring(L, game_role_name(g, lookup(L, 2)));
    return 1;
}

static int g_budget(lua_State *L)
{
    game *g = cur(L);
    lua_pushinteger(L, g->allowance[lookup(L, 2)]);
    return 1;
}

static int g_points(lua_State *L)
{
    game *g = cur(L);
    lua_pushinteger(L, g->budget[lookup(L, 2)]);
    return 1;
}

static int g_add(lua_State *L)
{
    game *g = cur(L);
    int m = lookup(L, 2);
    double v = luaL_checknumber(L, 3);
    luaL_argcheck(L, isfinite(v), 3, "not a finite number");
    return check(L, g, game_cb_add(g, m, v));
}

static int g_set(lua_State *L)
{
    game *g = cur(L);
    int m = lookup(L, 2);
    double v = luaL_checknumber(L, 3);
    luaL_argcheck(L, isfinite(v), 3, "not a finite number");
    return check(L, g, game_cb_set(g, m, v));
}

static int g_reveal(lua_State *L)
{
    game *g = cur(L);
    return check(L, g, game_cb_reveal(g, lookup(L, 2)));
}

static int g_deliver(lua_State *L)
{
    game *g = cur(L);
    return check(L, g, game_cb_deliver(g, lookup(L, 2)));
}

static int g_after(lua_State *L)
{
    game *g = cur(L);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_argcheck(L, n >= 0 && n <= CR_MAX_TURNS, 2, "turns out of range");
    return check(L, g, game_cb_after(g, (int)n, lookup(L, 3)));
}

static int g_say(lua_State *L)
{
    game *g = cur(L);
    size_t len;
    const char *text = luaL_checklstring(L, 2, &len);
    if (len > GAPI_MAX_TEXT)
        return luaL_argerror(L, 2, lua_pushfstring(L, "text longer than %d bytes", GAPI_MAX_TEXT));
    return check(L, g, game_cb_say(g, text));
}

static int g_finish(lua_State *L)
{
    game *g = cur(L);
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
    game *g = cur(L);
    int r = lookup(L, 2);
    luaL_checkstring(L, 3);
    return check(L, g, game_cb_rename(g, r, opt_text(L, 3), opt_text(L, 4)));
}

static int g_set_brief(lua_State *L)
{
    game *g = cur(L);
    int r = lookup(L, 2);
    luaL_checkstring(L, 3);
    return check(L, g, game_cb_brief(g, r, opt_text(L, 3)));
}

static int add_points(lua_State *L, int every_turn)
{
    game *g = cur(L);
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
    game *g = cur(L);
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
    game *g = cur(L);
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
    game *g = cur(L);
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
    game *g = cur(L);
    if (g->session < 0 || g->session >= g->sc->nsessions)
        lua_pushnil(L);
    else
        lua_pushstring(L, g->sc->sessions[g->session].id);
    return 1;
}

/* g.state ------------------------------------------------------------------- */

static int state_index(lua_State *L)
{
    game *g = cur(L);
    const val *v = kv_get(&g->state, luaL_checkstring(L, 2));
    if (!v)
        lua_pushnil(L);
    else if (v->type == VAL_NUM)
        lua_pushnumber(L, v->num);
    else if (v->type == VAL_BOOL)
        lua_pushboolean(L, v->num != 0);
    else
        lua_pushstring(L, v->str);
    return 1;
}

static int state_newindex(lua_State *L)
{
    game *g = cur(L);
    const char *key = luaL_checkstring(L, 2);
    if (strlen(key) > GAPI_MAX_KEY)
        return luaL_argerror(L, 2,
                             lua_pushfstring(L, "state keys are at most %d bytes", GAPI_MAX_KEY));
    val v = {VAL_NIL, 0, NULL};
    switch (lua_type(L, 3)) {
    case LUA_TNIL:
        break;
    case LUA_TNUMBER:
        v.type = VAL_NUM;
        v.num = lua_tonumber(L, 3);
        if (v.num != v.num) return luaL_error(L, "g.state.%s: NaN cannot be stored", key);
        break;
    case LUA_TBOOLEAN:
        v.type = VAL_BOOL, v.num = lua_toboolean(L, 3);
        break;
    case LUA_TSTRING:
        v.type = VAL_STR;
        v.str = (char *)lua_tostring(L, 3);
        if (lua_rawlen(L, 3) > GAPI_MAX_TEXT)
            return luaL_error(L, "g.state.%s: string too long", key);
        break;
    default:
        return luaL_error(L,
                          "g.state.%s: only numbers, strings and booleans can be stored "
                          "(got %s)",
                          key, luaL_typename(L, 3));
    }
    return check(L, g, game_cb_state(g, key, &v));
}

/* g itself ------------------------------------------------------------------ */

/* Fields that are not methods (methods are found in a plain table first,
   without a call into C); g.state is a plain field too. */
typedef enum {
#define X(name, doc) GF_##name,
    API_G_FIELDS(X)
#undef X
        GF_COUNT
} g_field;

static const char *const g_field_names[GF_COUNT] = {
#define X(name, doc) #name,
    API_G_FIELDS(X)
#undef X
};

static int g_index(lua_State *L)
{
    game *g = cur(L);
    const char *k = luaL_checkstring(L, 2);
    int f = 0;
    while (f < GF_COUNT && strcmp(g_field_names[f], k) != 0) f++;
    switch ((g_field)f) {
    case GF_turn:
        lua_pushinteger(L, g->turn);
        break;
    case GF_turns:
        lua_pushinteger(L, g->sc->nturns);
        break;
    case GF_role:
        lua_pushstring(L, g->sc->roles[g->role].id);
        break;
    case GF_variant:
        g->variant >= 0 ? lua_pushstring(L, g->sc->variants[g->variant].id) : lua_pushnil(L);
        break;
    case GF_target:
        g->target ? lua_pushstring(L, g->target) : lua_pushnil(L);
        break;
    case GF_ended:
        lua_pushboolean(L, g->ended);
        break;
    default: /* GF_state is found before; the rest is no field */
        return luaL_error(L, "g has no field '%s'", k);
    }
    return 1;
}

static int g_newindex(lua_State *L)
{
    return luaL_error(L, "g.%s cannot be assigned; use g.state.%s for scenario state",
                      luaL_checkstring(L, 2), luaL_checkstring(L, 2));
}

/* g and g.state are userdata, not tables: rawset cannot plant fields in
   them (g.turn = 99 for every later callback), nor setmetatable replace
   their metatables. */
static void push_state_proxy(lua_State *L)
{
    lua_newuserdatauv(L, 0, 0);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, state_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, state_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
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

static void push_methods(lua_State *L, int ids)
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
    push_state_proxy(L);
    lua_setfield(L, -2, g_field_names[GF_state]);
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
    push_methods(L, ids);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, g_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
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
