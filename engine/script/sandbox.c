/*
 * sandbox.c -- the Lua state a scenario runs in: a memory ceiling, an
 * instruction budget a script cannot swallow, only safe libraries, text-only
 * loading, includes confined to the scenario folder, and iteration in a
 * fixed order so that replays do not depend on Lua's per-state hash seed.
 */
#include <errno.h>
#include <limits.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "script_int.h"

static const char *const SELF_KEY = "crisisroom.script";

script *sbx_self(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, SELF_KEY);
    script *s = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return s;
}

/* Memory ------------------------------------------------------------------- */

static void *sbx_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    script *s = ud;
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        free(ptr);
        s->mem -= old;
        return NULL;
    }
    if (nsize > old && s->mem - old + nsize > s->lim.memory) {
        s->mem_hit = 1;
        return NULL; /* Lua collects and retries once, then raises */
    }
    void *p = realloc(ptr, nsize);
    if (!p) return NULL;
    s->mem = s->mem - old + nsize;
    if (s->mem > s->mem_peak) s->mem_peak = s->mem;
    return p;
}

/* Time --------------------------------------------------------------------- */

static void sbx_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    script *s = sbx_self(L);
    if (!s->metered) return;
    s->left -= SCRIPT_HOOK_STEP;
    if (s->left > 0 && !s->killed) return;
    /* Sticky: once killed, every later step raises again, so a script's
       own pcall can catch the error but never carry on. */
    s->killed = 1;
    lua_sethook(L, sbx_hook, LUA_MASKCOUNT, 1);
    luaL_error(L, "instruction budget exceeded (%ld instructions)", s->lim.instructions);
}

/* Errors ------------------------------------------------------------------- */

static int sbx_traceback(lua_State *L)
{
    const char *msg = lua_tostring(L, 1);
    if (!msg) msg = luaL_typename(L, 1);
    luaL_traceback(L, L, msg, 1);
    return 1;
}

static void describe_failure(script *s, const char *msg, const char *where, char *err,
                             size_t errlen)
{
    if (s->killed)
        str_fmt(err, errlen,
                "%s: instruction budget exceeded (%ld instructions); is there an "
                "endless loop?\n%s",
                where, s->lim.instructions, msg);
    else if (s->mem_hit)
        str_fmt(err, errlen, "%s: out of memory (limit %zu MiB)\n%s", where, s->lim.memory >> 20,
                msg);
    else
        str_fmt(err, errlen, "%s", msg);
}

int sbx_call(script *s, int nargs, int nres, const char *where, char *err, size_t errlen)
{
    lua_State *L = s->L;
    int base = lua_gettop(L) - nargs;
    lua_pushcfunction(L, sbx_traceback);
    lua_insert(L, base);
    int metered = s->metered;
    long left = s->left;
    s->metered = 1;
    s->left = s->lim.instructions;
    s->killed = s->mem_hit = 0;
    lua_sethook(L, sbx_hook, LUA_MASKCOUNT, SCRIPT_HOOK_STEP);
    int rc = lua_pcall(L, nargs, nres, base);
    int failed = rc != LUA_OK || s->killed;
    if (failed) {
        const char *msg = rc != LUA_OK ? lua_tostring(L, -1) : "stopped";
        describe_failure(s, msg ? msg : "(error object is not a string)", where, err, errlen);
        lua_settop(L, base - 1);
    } else {
        lua_remove(L, base);
    }
    s->metered = metered;
    s->left = left;
    s->killed = 0;
    return failed ? -1 : 0;
}

/* Files -------------------------------------------------------------------- */

int sbx_check_path(const char *rel, char *why, size_t whylen)
{
    if (!*rel || rel[0] == '/' || strchr(rel, '\\') || strlen(rel) > 200) {
        str_fmt(why, whylen,
                "'%s': an include path is relative to the scenario folder, uses "
                "'/', and is at most 200 characters",
                rel);
        return -1;
    }
    for (const char *p = rel; *p; p++) {
        int seg_start = p == rel || p[-1] == '/';
        if (seg_start && p[0] == '.' && p[1] == '.' && (p[2] == '/' || p[2] == '\0')) {
            str_fmt(why, whylen,
                    "'%s': '..' is not allowed; files must be inside the "
                    "scenario folder",
                    rel);
            return -1;
        }
    }
    return 0;
}

/* The real path must stay under the scenario folder: a symbolic link inside
   it could otherwise lead anywhere. */
static int inside_folder(script *s, const char *full, char *why, size_t whylen)
{
    char rdir[PATH_MAX], rfile[PATH_MAX];
    if (!realpath(s->dir, rdir) || !realpath(full, rfile)) {
        str_fmt(why, whylen, "cannot open '%s': %s", full, strerror(errno));
        return 0;
    }
    size_t n = strlen(rdir);
    if (strncmp(rfile, rdir, n) != 0 || rfile[n] != '/') {
        str_fmt(why, whylen, "'%s' leads outside the scenario folder (through a link)", full);
        return 0;
    }
    return 1;
}

static char *read_file(const char *path, size_t *len, char *why, size_t whylen)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        str_fmt(why, whylen, "cannot open '%s': %s", path, strerror(errno));
        return NULL;
    }
    strbuf b = {0};
    char chunk[16384];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= SCRIPT_MAX_FILE)
        sb_add(&b, chunk, n);
    fclose(f);
    if (b.len > SCRIPT_MAX_FILE) {
        str_fmt(why, whylen, "'%s' is larger than %u MiB", path, SCRIPT_MAX_FILE >> 20);
        sb_free(&b);
        return NULL;
    }
    if (!b.s) sb_add(&b, "", 0);
    *len = b.len;
    return b.s;
}

int sbx_load_file(script *s, const char *rel, char *err, size_t errlen)
{
    char full[PATH_MAX], why[512];
    if (sbx_check_path(rel, why, sizeof why)) {
        str_fmt(err, errlen, "%s", why);
        return -1;
    }
    str_fmt(full, sizeof full, "%s/%s", s->dir, rel);
    size_t len;
    char *text =
        inside_folder(s, full, why, sizeof why) ? read_file(full, &len, why, sizeof why) : NULL;
    if (!text) {
        str_fmt(err, errlen, "%s", why);
        return -1;
    }
    if (len && text[0] == LUA_SIGNATURE[0]) {
        str_fmt(err, errlen, "%s: binary chunks are not allowed; scenarios are Lua text", rel);
        free(text);
        return -1;
    }
    s->files_hash = hash_str(hash_bytes(s->files_hash, text, len), rel);
    char chunk[256];
    str_fmt(chunk, sizeof chunk, "@%s", rel);
    int rc = luaL_loadbufferx(s->L, text, len, chunk, "t");
    free(text);
    if (rc != LUA_OK) {
        str_fmt(err, errlen, "%s", lua_tostring(s->L, -1));
        lua_pop(s->L, 1);
        return -1;
    }
    return 0;
}

/* include "path": run another file of the folder, once. */
static int sbx_include(lua_State *L)
{
    script *s = sbx_self(L);
    const char *rel = luaL_checkstring(L, 1);
    char err[1024];
    lua_getfield(L, LUA_REGISTRYINDEX, "crisisroom.included");
    if (lua_getfield(L, -1, rel) != LUA_TNIL) return 0;
    lua_pop(L, 1);
    if (++s->ninclude > 1000) return luaL_error(L, "include: more than 1000 files");
    if (sbx_load_file(s, rel, err, sizeof err)) return luaL_error(L, "include: %s", err);
    lua_pushboolean(L, 1);
    lua_setfield(L, -3, rel);
    lua_call(L, 0, 0);
    return 0;
}

/* load(text [, name [, mode [, env]]]): text only, in the sandbox. */
static int sbx_loadtext(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    const char *name = luaL_optstring(L, 2, "=(load)");
    const char *mode = luaL_optstring(L, 3, "t");
    if (strcmp(mode, "t") != 0) return luaL_error(L, "load: only text chunks are allowed");
    if (luaL_loadbufferx(L, text, len, name, "t") != LUA_OK) {
        lua_pushnil(L);
        lua_insert(L, -2);
        return 2;
    }
    if (!lua_isnoneornil(L, 4)) {
        lua_pushvalue(L, 4);
        if (!lua_setupvalue(L, -2, 1)) lua_pop(L, 1);
    }
    return 1;
}

static int sbx_print(lua_State *L)
{
    script *s = sbx_self(L);
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_where(L, 1);
    luaL_addvalue(&b);
    for (int i = 1; i <= lua_gettop(L); i++) {
        if (i > 1) luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    const char *msg = lua_tostring(L, -1);
    if (s->print)
        s->print(s->print_ud, msg);
    else
        fprintf(stderr, "%s\n", msg);
    return 0;
}

/* Fixed-order iteration ------------------------------------------------------ */

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
static int sbx_next(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 2);
    int have = 0; /* best candidate at index 3, its value at 4 */
    lua_pushnil(L);
    lua_pushnil(L);
    lua_pushnil(L);
    while (lua_next(L, 1)) { /* key at 5, value at 6 */
        check_key(L, 5);
        int after = lua_isnil(L, 2) || key_less(L, 2, 5);
        if (after && (!have || key_less(L, 5, 3))) {
            lua_copy(L, 5, 3);
            lua_copy(L, 6, 4);
            have = 1;
        }
        lua_pop(L, 1);
    }
    if (!have) {
        lua_pushnil(L);
        return 1;
    }
    lua_pushvalue(L, 3);
    lua_pushvalue(L, 4);
    return 2;
}

static int sorted_iter(lua_State *L)
{
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2)) + 1;
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(2));
    if (lua_rawgeti(L, lua_upvalueindex(1), i) == LUA_TNIL) return 1;
    lua_pushvalue(L, -1);
    lua_rawget(L, 1);
    return 2;
}

/* Insertion sort of keys[1..n] with key_less (tables here are small; it
   keeps the comparison in C without lua_call). */
static void sort_keys(lua_State *L, int keys, lua_Integer n)
{
    for (lua_Integer i = 2; i <= n; i++) {
        lua_rawgeti(L, keys, i);
        lua_Integer j = i - 1;
        for (; j >= 1; j--) {
            lua_rawgeti(L, keys, j);
            int less = key_less(L, -2, -1);
            if (!less) {
                lua_pop(L, 1);
                break;
            }
            lua_rawseti(L, keys, j + 1);
        }
        lua_rawseti(L, keys, j + 1);
    }
}

static int sbx_pairs(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_newtable(L);
    int keys = lua_gettop(L);
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        check_key(L, -1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, keys, ++n);
    }
    sort_keys(L, keys, n);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, sorted_iter, 2);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* math.random through the engine's generator ------------------------------- */

int sbx_random(lua_State *L)
{
    script *s = sbx_self(L);
    uint64_t r;
    if (!s->g) return luaL_error(L, "math.random: only available while a game runs");
    if (game_cb_random(s->g, &r)) return luaL_error(L, "%s", s->g->err);
    double unit = (double)(r >> 11) * 0x1.0p-53;
    lua_Integer lo = 1, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, unit);
        return 1;
    case 1:
        hi = luaL_checkinteger(L, 1);
        break;
    default:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    lua_Unsigned span = (lua_Unsigned)hi - (lua_Unsigned)lo;
    lua_pushinteger(L, lo + (lua_Integer)(span == (lua_Unsigned)-1 ? r : r % (span + 1)));
    return 1;
}

/* setmetatable without __gc: a finalizer runs whenever the collector
   decides, outside any budget, so an endless one would hang the engine. */
static int sbx_setmetatable(lua_State *L)
{
    if (lua_istable(L, 2) && lua_getfield(L, 2, "__gc") != LUA_TNIL)
        return luaL_error(L, "setmetatable: __gc finalizers are not allowed in scenarios");
    lua_settop(L, 2);
    lua_getfield(L, LUA_REGISTRYINDEX, "crisisroom.setmetatable");
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

/* Opening -------------------------------------------------------------------- */

lua_State *sbx_new(script *s)
{
    lua_State *L = lua_newstate(sbx_alloc, s);
    if (!L) return NULL;
    lua_pushlightuserdata(L, s);
    lua_setfield(L, LUA_REGISTRYINDEX, SELF_KEY);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "crisisroom.included");
    return L;
}

static void open_lib(lua_State *L, const char *name, lua_CFunction fn)
{
    luaL_requiref(L, name, fn, 1);
    lua_pop(L, 1);
}

static void remove_fields(lua_State *L, const char *lib, const char *const *names)
{
    lua_getglobal(L, lib);
    for (; *names; names++) {
        lua_pushnil(L);
        lua_setfield(L, -2, *names);
    }
    lua_pop(L, 1);
}

void sbx_open(script *s)
{
    static const char *const base_gone[] = {"dofile", "loadfile", "collectgarbage", "require",
                                            NULL};
    static const char *const string_gone[] = {"dump", NULL};
    static const char *const math_gone[] = {"randomseed", NULL};
    lua_State *L = s->L;
    open_lib(L, LUA_GNAME, luaopen_base);
    open_lib(L, LUA_TABLIBNAME, luaopen_table);
    open_lib(L, LUA_STRLIBNAME, luaopen_string);
    open_lib(L, LUA_MATHLIBNAME, luaopen_math);
    open_lib(L, LUA_UTF8LIBNAME, luaopen_utf8);
    open_lib(L, LUA_COLIBNAME, luaopen_coroutine);
    lua_pushglobaltable(L);
    for (const char *const *n = base_gone; *n; n++) {
        lua_pushnil(L);
        lua_setfield(L, -2, *n);
    }
    lua_pop(L, 1);
    remove_fields(L, LUA_STRLIBNAME, string_gone);
    remove_fields(L, LUA_MATHLIBNAME, math_gone);
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_pushcfunction(L, sbx_random);
    lua_setfield(L, -2, "random");
    lua_pop(L, 1);
    lua_getglobal(L, "setmetatable");
    lua_setfield(L, LUA_REGISTRYINDEX, "crisisroom.setmetatable");
    lua_register(L, "setmetatable", sbx_setmetatable);
    lua_register(L, "load", sbx_loadtext);
    lua_register(L, "include", sbx_include);
    lua_register(L, "print", sbx_print);
    lua_register(L, "pairs", sbx_pairs);
    lua_register(L, "next", sbx_next);
    /* Lua 5.4 has no global unpack; authors from 5.1 expect one. */
    lua_getglobal(L, LUA_TABLIBNAME);
    lua_getfield(L, -1, "unpack");
    lua_setglobal(L, "unpack");
    lua_pop(L, 1);
    /* The string metatable's __index is the string library: it must not
       lead to anything removed above (it does not: same table). */
}
