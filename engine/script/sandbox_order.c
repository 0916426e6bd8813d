/*
 * sandbox_order.c -- pairs and next in a fixed order: numbers ascending,
 * then strings in byte order, then false and true. Lua's own order depends
 * on the state's hash seed and the table's history, and a replay must not.
 * A key of another type cannot be iterated (the script gets an error).
 * Sorting is work done in C on the script's behalf, so it is charged to
 * the budget.
 */
#include <limits.h>
#include <stddef.h>
#include <string.h>

#include "script_int.h"

#define NEXT_KEY_COST 4 /* next's look at a key: lua_next and a comparison, through C */

static int key_rank(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        return 0;
    case LUA_TSTRING:
        return 1;
    case LUA_TBOOLEAN:
        return 2;
    default:
        return -1;
    }
}

/* Is the key at a before the key at b? */
static int key_less(lua_State *L, int a, int b)
{
    int ra = key_rank(L, a), rb = key_rank(L, b);
    if (ra != rb) return ra < rb;
    if (ra == 2) return !lua_toboolean(L, a) && lua_toboolean(L, b);
    if (ra == 1) {
        size_t la, lb;
        const char *sa = lua_tolstring(L, a, &la), *sb = lua_tolstring(L, b, &lb);
        int c = memcmp(sa, sb, la < lb ? la : lb);
        return c < 0 || (c == 0 && la < lb);
    }
    return lua_compare(L, a, b, LUA_OPLT);
}

static void check_key(lua_State *L, int idx)
{
    if (key_rank(L, idx) < 0)
        luaL_error(L,
                   "pairs/next: a table with %s keys cannot be visited in a fixed order; "
                   "use numbers, strings or booleans as keys",
                   luaL_typename(L, idx));
}

/* next(t, k) in the fixed order: the smallest key greater than k. Linear in
   the table's size; pairs() below is the fast way through a whole table. */
int sbx_next(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    if (!lua_isnil(L, 2)) { /* a key never in the table: Lua's own error */
        lua_pushvalue(L, 2);
        if (lua_next(L, 1)) lua_pop(L, 2);
    }
    int have = 0; /* best candidate at index 3, its value at 4 */
    lua_pushnil(L);
    lua_pushnil(L);
    lua_pushnil(L);
    long n = 0;
    while (lua_next(L, 1)) { /* key at 5, value at 6 */
        n++;
        check_key(L, 5);
        int after = lua_isnil(L, 2) || key_less(L, 2, 5);
        if (after && (!have || key_less(L, 5, 3))) {
            lua_copy(L, 5, 3);
            lua_copy(L, 6, 4);
            have = 1;
        }
        lua_pop(L, 1);
    }
    sbx_charge(L, NEXT_KEY_COST * n); /* a loop of next() is quadratic: count it */
    if (!have) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushvalue(L, 3);
    lua_pushvalue(L, 4);
    return 2;
}

/* The next key of the sorted list that still has a value: like Lua's
   next, pairs never visits a key cleared during the loop. */
static int sorted_iter(lua_State *L)
{
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
    for (;;) {
        if (lua_rawgeti(L, lua_upvalueindex(1), ++i) == LUA_TNIL) break;
        lua_pushvalue(L, -1);
        if (lua_rawget(L, 1) != LUA_TNIL) break;
        lua_pop(L, 2);
    }
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(2));
    return lua_isnil(L, -1) ? 1 : 2;
}

/* Sort keys[1..n] with key_less: a bottom-up merge sort through a second
   table, so a table of a million keys costs n log n, not n squared (the
   comparisons stay in C, without lua_call). */
static void sort_keys(lua_State *L, int keys, lua_Integer n)
{
    lua_createtable(L, (int)(n < INT_MAX ? n : 0), 0);
    int from = keys, to = lua_gettop(L);
    long steps = 0;
    for (lua_Integer w = 1; w < n; w *= 2) {
        for (lua_Integer lo = 1; lo <= n; lo += 2 * w) {
            lua_Integer mid = lo + w, hi = lo + 2 * w, i = lo, j = mid, k = lo;
            if (mid > n + 1) mid = n + 1;
            if (hi > n + 1) hi = n + 1;
            while (i < mid || j < hi) {
                int take_right = 0;
                if (i < mid && j < hi) {
                    lua_rawgeti(L, from, j);
                    lua_rawgeti(L, from, i);
                    take_right = key_less(L, -2, -1);
                    lua_pop(L, 2);
                } else {
                    take_right = i >= mid;
                }
                lua_rawgeti(L, from, take_right ? j++ : i++);
                lua_rawseti(L, to, k++);
                steps++;
            }
        }
        int t = from;
        from = to;
        to = t;
    }
    if (from != keys) /* the result is in the scratch table: copy it back */
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, from, i);
            lua_rawseti(L, keys, i);
        }
    lua_pop(L, 1);
    sbx_charge(L, steps);
}

/* A key read once, for sorting small tables in C: its place on the stack,
   what it sorts by, and what tells it from another (a string's object). */
typedef struct skey {
    int rank, isint, idx;
    lua_Integer i;
    double d;
    const char *str;
    size_t len;
    const void *obj;
} skey;

static int skey_less(const skey *a, const skey *b)
{
    if (a->rank != b->rank) return a->rank < b->rank;
    if (a->rank == 2) return !a->i && b->i;
    if (a->rank == 1) {
        int c = memcmp(a->str, b->str, a->len < b->len ? a->len : b->len);
        return c < 0 || (c == 0 && a->len < b->len);
    }
    if (a->isint && b->isint) return a->i < b->i;
    return (a->isint ? (double)a->i : a->d) < (b->isint ? (double)b->i : b->d);
}

static void read_key(lua_State *L, int idx, skey *e)
{
    check_key(L, idx);
    e->idx = idx;
    e->rank = key_rank(L, idx);
    e->isint = lua_isinteger(L, idx);
    e->i = e->rank == 2 ? lua_toboolean(L, idx) : e->isint ? lua_tointeger(L, idx) : 0;
    e->d = e->rank == 0 ? lua_tonumber(L, idx) : 0;
    e->str = e->rank == 1 ? lua_tolstring(L, idx, &e->len) : NULL;
    e->obj = e->rank == 1 ? lua_topointer(L, idx) : NULL;
}

/* Most tables a scenario walks hold a handful of keys, and most are walked
   again unchanged (constant tables of weights or names). Their sorted keys
   are kept, with the iterator over them, in a weak-keyed table of the
   registry, and used again while lua_next gives the same keys in the same
   order (it changes only when keys are added or removed). A walk costs the
   same instructions whether the keys were kept or not. */
#define SMALL_SORT 32

typedef struct korder {
    int n;
    skey k[SMALL_SORT]; /* in lua_next's order */
} korder;

/* The table's keys onto the stack, in lua_next's order; -1 (stack as it
   was) when there are more than SMALL_SORT. */
static int read_keys(lua_State *L, int t, korder *o)
{
    int top = lua_gettop(L);
    luaL_checkstack(L, SMALL_SORT + 4, "pairs");
    o->n = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (o->n == SMALL_SORT) {
            lua_settop(L, top);
            return -1;
        }
        read_key(L, lua_gettop(L), &o->k[o->n++]);
        lua_pushvalue(L, -1); /* one copy stays, one goes on walking */
    }
    return 0;
}

/* pairs' iterator over kept keys: upvalue 1 the sorted keys, 2 their
   places (key -> index), 3 the korder. The key after k (the control
   variable) that still has a value: a key cleared during the loop is not
   visited, as with Lua's next. */
static int kept_iter(lua_State *L)
{
    lua_Integer i = 0;
    if (!lua_isnoneornil(L, 2)) {
        lua_pushvalue(L, 2);
        lua_rawget(L, lua_upvalueindex(2));
        i = lua_tointeger(L, -1);
        if (i == 0) return 0; /* not one of the keys: the end */
    }
    for (;;) {
        if (lua_rawgeti(L, lua_upvalueindex(1), ++i) == LUA_TNIL) return 1;
        lua_pushvalue(L, -1);
        if (lua_rawget(L, 1) != LUA_TNIL) return 2;
        lua_pop(L, 2);
    }
}

/* Sort the keys read and make the iterator over them (pushed), kept for t.
   Engine work: not charged (pairs charges the sort itself, kept or not). */
static void keep_keys(lua_State *L, int t, const korder *o)
{
    script *s = sbx_self(L);
    int metered = s->metered;
    s->metered = 0;
    skey k[SMALL_SORT];
    int n = o->n;
    memcpy(k, o->k, sizeof k[0] * (size_t)n);
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && skey_less(&k[j], &k[j - 1]); j--) {
            skey tmp = k[j];
            k[j] = k[j - 1];
            k[j - 1] = tmp;
        }
    lua_createtable(L, n, 0);
    lua_createtable(L, 0, n);
    for (int i = 0; i < n; i++) {
        lua_pushvalue(L, k[i].idx);
        lua_rawseti(L, -3, i + 1);
        lua_pushvalue(L, k[i].idx);
        lua_pushinteger(L, i + 1);
        lua_rawset(L, -3);
    }
    size_t size = offsetof(korder, k) + sizeof o->k[0] * (size_t)n;
    memcpy(lua_newuserdatauv(L, size, 0), o,
           size); /* its strings stay alive: the list holds them */
    lua_pushcclosure(L, kept_iter, 3);
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->pairs_ref);
    lua_pushvalue(L, t);
    lua_pushvalue(L, -3);
    lua_rawset(L, -3);
    lua_pop(L, 1);
    s->metered = metered;
}

/* Is the key at idx the kept one (by identity: the same string object,
   number or boolean)? */
static int key_is(lua_State *L, int idx, const skey *k)
{
    switch (lua_type(L, idx)) {
    case LUA_TSTRING:
        return k->rank == 1 && lua_topointer(L, idx) == k->obj;
    case LUA_TBOOLEAN:
        return k->rank == 2 && lua_toboolean(L, idx) == k->i;
    case LUA_TNUMBER:
        if (k->rank != 0 || lua_isinteger(L, idx) != k->isint) return 0;
        return k->isint ? lua_tointeger(L, idx) == k->i : lua_tonumber(L, idx) == k->d;
    default:
        return 0;
    }
}

/* Does lua_next give the kept keys, in the same order? */
static int same_keys(lua_State *L, int t, const korder *kept)
{
    int i = 0;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (i == kept->n || !key_is(L, -1, &kept->k[i])) {
            lua_pop(L, 1);
            return 0;
        }
        i++;
    }
    return i == kept->n;
}

/* The kept iterator of t, pushed, when its keys are still those it was
   made for (their number in *n); else 0 and nothing pushed. */
static int kept_keys(lua_State *L, int t, int *n)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, sbx_self(L)->pairs_ref);
    lua_pushvalue(L, t);
    if (lua_rawget(L, -2) != LUA_TFUNCTION) {
        lua_pop(L, 2);
        return 0;
    }
    lua_remove(L, -2);
    lua_getupvalue(L, -1, 3);
    const korder *kept = lua_touserdata(L, -1);
    lua_pop(L, 1);
    if (!same_keys(L, t, kept)) {
        lua_pop(L, 1);
        return 0;
    }
    *n = kept->n;
    return 1;
}

/* pairs over a small table: the kept iterator, or a new one kept; -1 when
   the table has too many keys. */
static int pairs_small(lua_State *L, int t)
{
    int n;
    if (!kept_keys(L, t, &n)) {
        korder o;
        int top = lua_gettop(L);
        if (read_keys(L, t, &o) != 0) return -1;
        keep_keys(L, t, &o);
        if (o.n) lua_replace(L, top + 1); /* over the keys read */
        lua_settop(L, top + 1);
        n = o.n;
    }
    sbx_charge(L, (long)n * n);
    return 0;
}

static int pairs_done(lua_State *L, int status, lua_KContext k)
{
    (void)L, (void)status, (void)k;
    return 3;
}

/* pairs(t): __pairs when t has one (as in Lua, it may yield); else the
   sorted keys. A value that is not a table gets next, which refuses it
   when the loop starts, as Lua's pairs does. */
int sbx_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_callk(L, 1, 3, 0, pairs_done);
        return 3;
    }
    if (!lua_istable(L, 1)) {
        lua_pushcfunction(L, sbx_next);
        lua_pushvalue(L, 1);
        lua_pushnil(L);
        return 3;
    }
    if (pairs_small(L, 1) != 0) { /* a big table: its keys sorted now */
        lua_newtable(L);
        int keys = lua_gettop(L);
        lua_Integer n = 0;
        lua_pushnil(L);
        while (lua_next(L, 1)) {
            lua_pop(L, 1);
            check_key(L, -1);
            luaL_checkstack(L, 4, "pairs");
            lua_pushvalue(L, -1);
            lua_rawseti(L, keys, ++n);
        }
        sort_keys(L, keys, n);
        lua_pushinteger(L, 0);
        lua_pushcclosure(L, sorted_iter, 2);
    }
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

void sbx_open_order(lua_State *L)
{
    lua_newtable(L);
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
    sbx_self(L)->pairs_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}
