/*
 * gameapi_view.c -- g as callbacks read it. Reads are what callbacks do
 * most, so while a callback runs they are plain Lua values, read without a
 * call into C: g's fields (turn, role, ...) are kept in its methods table
 * once read, until they change, and g.state's reads go to a mirror table,
 * brought up to date before each callback and after each change the
 * callback makes (the game's store says which entries changed). Outside
 * callbacks (a scenario's test holding g while it plays commands) both are
 * read from the game, as live values.
 */
#include <string.h>

#include "script_int.h"

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
        gapi_push_str(L, v->str);
}

/* A read from the game: outside callbacks, and in a callback a key the
   mirror does not hold (absent, or not a string: g.state[1] is "1"). */
static int state_index(lua_State *L)
{
    game *g = gapi_cur(L);
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
    game *g = gapi_cur(L);
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

void gapi_seal(lua_State *L, lua_CFunction newindex)
{
    lua_pushcfunction(L, newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
}

/* g and g.state are userdata, not tables: rawset cannot plant fields in
   them (g.turn = 99 for every later callback), nor setmetatable replace
   their metatables, nor can a script reach the tables behind them (the
   metatables say __metatable = false). g.state's reads go to its
   metatable's __index: the mirror in a callback, state_index outside; the
   mirror's own __index (state_index) answers what it does not hold. */
void gapi_push_state_proxy(lua_State *L, gapi_view *gv)
{
    lua_newuserdatauv(L, 0, 0);
    lua_createtable(L, 0, 3);
    lua_pushcfunction(L, state_index);
    lua_setfield(L, -2, "__index");
    gapi_seal(L, state_newindex);
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

/* Remember a field g_index read in a callback: later reads of it in this
   game find it in the methods table (at 1: g_index is its metatable's
   __index), until the field changes (drop_fields). */
void gapi_cache_field(lua_State *L, script *s, const game *g, gapi_field f)
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

/* g in a callback ------------------------------------------------------------ */

static void clear_fields(lua_State *L, gapi_view *gv, unsigned fields)
{
    if (!fields) return;
    lua_rawgeti(L, LUA_REGISTRYINDEX, gv->methods_ref);
    for (int f = 0; f < GF_COUNT; f++)
        if (fields & (1u << f)) {
            lua_pushnil(L);
            lua_setfield(L, -2, gapi_field_names[f]);
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
            gapi_push_str(L, k->e[i].key);
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
            gapi_push_str(L, k->e[i].key);
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
void gapi_sync_view(lua_State *L, script *s, game *g)
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
    gapi_sync_view(L, s, lua_touserdata(L, 1));
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
