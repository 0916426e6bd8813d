/*
 * gameapi.c -- the game handle `g` that callbacks receive. Changes go
 * through core's game_cb_ functions, which refuse them inside conditions.
 * Names resolve through lookup tables built once, so a callback costs a
 * table lookup, not a search.
 *
 * Reads are what callbacks do most, so while a callback runs they are plain
 * Lua values, read without a call into C: g's fields (turn, role, ...) are
 * kept in its methods table once read, until they change, and g.state's
 * reads go to a mirror table, brought up to date before each callback and
 * after each change the callback makes (the game's store says which
 * entries changed). Outside callbacks (a scenario's test holding g while
 * it plays commands) both are read from the game, as live values.
 */
#include <math.h>
#include <string.h>

#include "analysis.h"
#include "script_int.h"

#define IDS_KEY "crisisroom.ids"
/* Lua's LUAI_MAXSHORTLEN: a string no longer is interned, so pushing one
   that a table holds as a key finds it again and allocates nothing. */
#define GAPI_SHORT_STRING 40

static game *cur(lua_State *L)
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

static void sync_view(lua_State *L, script *s, game *g);

/* After a change: the error, or the fields and the mirror brought up to
   date (g:deliver runs effects that write the state, and callbacks of its
   own for their own targets). */
static int check(lua_State *L, game *g, int rc)
{
    if (rc) return luaL_error(L, "%s", g->err);
    script *s = sbx_self(L);
    if (!s->gv.live) sync_view(L, s, g);
    return 0;
}

/* Strings by length: lua_pushstring may find a long one in Lua's cache
   of C strings, or not, so what it allocates (and charges) would depend
   on what ran before. */
static void push_str(lua_State *L, const char *str)
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
        push_str(L, g->sc->moves[g->items[item].option].id);
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
    /* the source name: a translation must not reach the game (strid.h) */
    lua_pushstring(L, def_source_text(g->sc, game_role_name(g, lookup(L, 2))));
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

/* A value of the state as g.state gives it: numbers as floats (the store
   keeps doubles), booleans, strings. */
static void push_val(lua_State *L, const val *v)
{
    if (!v || v->type == VAL_NIL)
        lua_pushnil(L);
    else if (v->type == VAL_NUM)
        lua_pushnumber(L, v->num);
    else if (v->type == VAL_BOOL)
        lua_pushboolean(L, v->num != 0);
    else
        push_str(L, v->str);
}

/* A read from the game: outside callbacks, and in a callback a key the
   mirror does not hold (absent, or not a string: g.state[1] is "1"). */
static int state_index(lua_State *L)
{
    game *g = cur(L);
    push_val(L, kv_get(&g->state, luaL_checkstring(L, 2)));
    return 1;
}

/* A write the callback made: into the mirror too, unless the mirror is
   behind (the next sync copies it then). Key and value at 2 and 3. */
static void mirror_put(lua_State *L, script *s, const game *g, uint64_t version, uint64_t epoch,
                       const val *v)
{
    gapi_view *gv = &s->gv;
    if (gv->live || gv->serial != g->serial || gv->version != version || gv->epoch != epoch) return;
    lua_rawgeti(L, LUA_REGISTRYINDEX, gv->mirror_ref);
    lua_pushvalue(L, 2); /* a string now (luaL_checkstring) */
    if (v->type == VAL_STR)
        lua_pushvalue(L, 3); /* the very string: no copy */
    else
        push_val(L, v);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    gv->version = g->state.version, gv->epoch = g->state.epoch, gv->n = g->state.n;
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
    uint64_t version = g->state.version, epoch = g->state.epoch;
    if (game_cb_state(g, key, &v)) return luaL_error(L, "%s", g->err);
    mirror_put(L, sbx_self(L), g, version, epoch, &v);
    return 0;
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

/* Remember a field g_index read in a callback: later reads of it in this
   game find it in the methods table (at 1: g_index is its metatable's
   __index), until the field changes (drop_fields). */
static void cache_field(lua_State *L, script *s, const game *g, g_field f)
{
    gapi_view *gv = &s->gv;
    if (gv->live || gv->g != g || gv->fserial != g->serial || lua_isnil(L, -1)) return;
    int metered = s->metered;
    s->metered = 0; /* engine work: the same in a batch and a replay */
    lua_pushvalue(L, 2);
    lua_pushvalue(L, -2);
    lua_rawset(L, 1);
    s->metered = metered;
    gv->cached |= 1u << f;
}

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
        push_str(L, g->sc->roles[g->role].id);
        break;
    case GF_variant:
        g->variant >= 0 ? push_str(L, g->sc->variants[g->variant].id) : lua_pushnil(L);
        break;
    case GF_target:
        g->target ? push_str(L, g->target) : lua_pushnil(L);
        break;
    case GF_ended:
        lua_pushboolean(L, g->ended);
        break;
    default: /* GF_state is found before; the rest is no field */
        return luaL_error(L, "g has no field '%s'", k);
    }
    cache_field(L, sbx_self(L), g, (g_field)f);
    return 1;
}

static int g_newindex(lua_State *L)
{
    return luaL_error(L, "g.%s cannot be assigned; use g.state.%s for scenario state",
                      luaL_checkstring(L, 2), luaL_checkstring(L, 2));
}

/* g and g.state are userdata, not tables: rawset cannot plant fields in
   them (g.turn = 99 for every later callback), nor setmetatable replace
   their metatables, nor can a script reach the tables behind them (the
   metatables say __metatable = false). g.state's reads go to its
   metatable's __index: the mirror in a callback, state_index outside; the
   mirror's own __index (state_index) answers what it does not hold. */
static void push_state_proxy(lua_State *L, gapi_view *gv)
{
    lua_newuserdatauv(L, 0, 0);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, state_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, state_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pushvalue(L, -1);
    gv->proxy_mt_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_setmetatable(L, -2);
    lua_newtable(L); /* the mirror */
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, state_index);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    gv->mirror_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    gv->live = 1;
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
    push_state_proxy(L, gv);
    lua_setfield(L, -2, g_field_names[GF_state]);
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

/* g in a callback ------------------------------------------------------------ */

static void clear_fields(lua_State *L, gapi_view *gv, unsigned fields)
{
    if (!fields) return;
    lua_rawgeti(L, LUA_REGISTRYINDEX, gv->methods_ref);
    for (int f = 0; f < GF_COUNT; f++)
        if (fields & (1u << f)) {
            lua_pushnil(L);
            lua_setfield(L, -2, g_field_names[f]);
        }
    lua_pop(L, 1);
    gv->cached &= ~fields;
}

/* Drop the fields cached for another game, or whose value changed, and
   note the values they have now. Setting a field that holds a value to
   nil allocates nothing. */
static void drop_fields(lua_State *L, gapi_view *gv, const game *g)
{
    unsigned stale = gv->cached;
    if (gv->g == g && gv->fserial == g->serial) {
        stale = 0;
        if (gv->turn != g->turn) stale |= 1u << GF_turn;
        if (gv->role != g->role) stale |= 1u << GF_role;
        if (gv->target != g->target) stale |= 1u << GF_target;
        if (gv->ended != g->ended) stale |= 1u << GF_ended;
        stale &= gv->cached;
    }
    clear_fields(L, gv, stale);
    gv->g = g, gv->fserial = g->serial;
    gv->turn = g->turn, gv->role = g->role, gv->target = g->target, gv->ended = g->ended;
}

static int fields_current(const gapi_view *gv, const game *g)
{
    return gv->g == g && gv->fserial == g->serial && gv->turn == g->turn && gv->role == g->role &&
           gv->target == g->target && gv->ended == g->ended;
}

static int mirror_current(const gapi_view *gv, const game *g)
{
    return gv->serial == g->serial && gv->version == g->state.version;
}

/* The mirror holds the game's state: the entries changed since it was last
   brought up to date, or, for another game or after a key was removed,
   all of them into the emptied mirror (emptied, not made again: the next
   game mostly has the same keys, which then find their places). */
static void set_mirror(lua_State *L, gapi_view *gv, const game *g)
{
    const kv *k = &g->state;
    if (mirror_current(gv, g)) return;
    int all = gv->serial != g->serial || gv->epoch != k->epoch;
    lua_rawgeti(L, LUA_REGISTRYINDEX, gv->mirror_ref);
    if (all) {
        lua_pushnil(L);
        while (lua_next(L, -2)) { /* clearing fields during the walk is allowed */
            lua_pop(L, 1);
            lua_pushvalue(L, -1);
            lua_pushnil(L);
            lua_rawset(L, -4);
        }
    }
    for (int i = 0; i < k->n; i++)
        if (all || k->e[i].stamp > gv->version) {
            push_str(L, k->e[i].key);
            push_val(L, &k->e[i].v);
            lua_rawset(L, -3);
        }
    lua_pop(L, 1);
    gv->serial = g->serial, gv->version = k->version, gv->epoch = k->epoch, gv->n = k->n;
}

/* The same, in place and allocating nothing, when it can be: no key added
   or removed since (every changed key is in the mirror, a short string
   Lua finds again rather than makes), no string value to make. Returns 0
   when it cannot. */
static int mirror_in_place(lua_State *L, gapi_view *gv, const game *g)
{
    const kv *k = &g->state;
    if (gv->serial != g->serial || gv->epoch != k->epoch || gv->n != k->n) return 0;
    for (int i = 0; i < k->n; i++)
        if (k->e[i].stamp > gv->version &&
            (k->e[i].v.type == VAL_STR || strlen(k->e[i].key) > GAPI_SHORT_STRING))
            return 0;
    lua_rawgeti(L, LUA_REGISTRYINDEX, gv->mirror_ref);
    for (int i = 0; i < k->n; i++)
        if (k->e[i].stamp > gv->version) {
            push_str(L, k->e[i].key);
            push_val(L, &k->e[i].v);
            lua_rawset(L, -3);
        }
    lua_pop(L, 1);
    gv->version = k->version;
    return 1;
}

/* g.state's reads: the mirror, or the game (live). */
static void set_state_reads(lua_State *L, gapi_view *gv, int live)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, gv->proxy_mt_ref);
    if (live)
        lua_pushcfunction(L, state_index);
    else
        lua_rawgeti(L, LUA_REGISTRYINDEX, gv->mirror_ref);
    lua_setfield(L, -2, "__index");
    lua_pop(L, 1);
    gv->live = live;
}

/* Bring the view up to date, as engine work (nothing charged). It may
   allocate: the caller protects it (the callback's own call, or
   sync_protected). */
static void sync_view(lua_State *L, script *s, game *g)
{
    gapi_view *gv = &s->gv;
    if (!fields_current(gv, g)) drop_fields(L, gv, g);
    if (mirror_current(gv, g)) return;
    int metered = s->metered;
    s->metered = 0;
    set_mirror(L, gv, g);
    s->metered = metered;
}

static int sync_protected(lua_State *L)
{
    script *s = sbx_self(L);
    if (s->gv.live) set_state_reads(L, &s->gv, 0);
    sync_view(L, s, lua_touserdata(L, 1));
    return 0;
}

int gapi_enter(script *s, game *g, char *err, size_t errlen)
{
    gapi_view *gv = &s->gv;
    lua_State *L = s->L;
    if (!gv->live) {
        if (!fields_current(gv, g)) drop_fields(L, gv, g); /* allocates nothing */
        if (mirror_current(gv, g) || mirror_in_place(L, gv, g)) return 0;
    }
    lua_pushcfunction(L, sync_protected);
    lua_pushlightuserdata(L, g);
    if (lua_pcall(L, 1, 0, 0) == LUA_OK) return 0;
    gv->serial = 0; /* half done: all again next time */
    str_fmt(err, errlen, "out of memory (limit %zu MiB) bringing g up to date for a callback",
            s->lim.memory >> 20);
    lua_pop(L, 1);
    return -1;
}

/* Live again: the fields left out (g_index reads them from the game) and
   g.state read from the game. Only clears or replaces fields: no memory. */
void gapi_live(script *s)
{
    gapi_view *gv = &s->gv;
    if (gv->live) return;
    clear_fields(s->L, gv, gv->cached);
    gv->g = NULL;
    set_state_reads(s->L, gv, 1);
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
    lua_setfield(L, -2, g_field_names[GF_turns]);
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
