/*
 * loader.c -- loading a scenario folder: the constructor functions authors
 * call (scenario, role, meter, ...) only record each table and where it was
 * declared; build.c turns the records into definitions once every file has
 * run, so declarations may come in any order and every problem is listed.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "api.h"
#include "script_int.h"

/* Record {kind, table, file, line} (DECL_*) for build.c. */
static int ldr_declare(lua_State *L)
{
    api_kind k = (api_kind)lua_tointeger(L, lua_upvalueindex(1));
    const char *kind = api_kinds[k].name;
    if (!(k == K_question && lua_type(L, 1) == LUA_TSTRING) && lua_type(L, 1) != LUA_TTABLE)
        return luaL_error(L, "%s expects a table: %s { id = ..., ... } (got %s)", kind, kind,
                          luaL_typename(L, 1));
    lua_Debug ar;
    const char *file = "?";
    int line = 0;
    if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar)) {
        file = ar.source[0] == '@' ? ar.source + 1 : ar.short_src;
        line = ar.currentline;
    }
    lua_getfield(L, LUA_REGISTRYINDEX, DECLS_KEY);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    if (n >= SCRIPT_MAX_DECLS)
        return luaL_error(L, "more than %d declarations in one scenario", SCRIPT_MAX_DECLS);
    lua_createtable(L, DECL_LINE, 0);
    lua_pushinteger(L, k);
    lua_rawseti(L, -2, DECL_KIND);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, DECL_TABLE);
    lua_pushstring(L, file);
    lua_rawseti(L, -2, DECL_FILE);
    lua_pushinteger(L, line);
    lua_rawseti(L, -2, DECL_LINE);
    lua_rawseti(L, -2, n + 1);
    return 0;
}

/* The globals of the API table: a constructor for each declaration kind,
   and include. */
void ldr_open(script *s)
{
    lua_State *L = s->L;
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, DECLS_KEY);
    for (int k = 0; k < K_COUNT; k++)
        if (api_kinds[k].cls == API_DECL) {
            lua_pushinteger(L, k);
            lua_pushcclosure(L, ldr_declare, 1);
            lua_setglobal(L, api_kinds[k].name);
        }
    lua_register(L, api_kinds[K_include].name, sbx_include);
}

static void default_print(void *ud, const char *msg)
{
    (void)ud;
    fprintf(stderr, "%s\n", msg);
}

static script *script_alloc(const char *dir, const script_limits *limits)
{
    script *s = xcalloc(1, sizeof *s);
    s->dir = xstrdup(dir);
    s->lim.instructions =
        limits && limits->instructions ? limits->instructions : SCRIPT_DEFAULT_INSTRUCTIONS;
    s->lim.memory = limits && limits->memory ? limits->memory : SCRIPT_DEFAULT_MEMORY;
    s->acct.turn_instructions = SCRIPT_TURN_INSTRUCTIONS;
    s->acct.game_instructions = SCRIPT_GAME_INSTRUCTIONS;
    /* Slow tools (valgrind) need more time; the budget is the same. */
    const char *ms = getenv("CRISISROOM_SCRIPT_TIME_MS");
    s->time_ms = ms && atol(ms) > 0 ? atol(ms) : SCRIPT_DEFAULT_TIME_MS;
    s->files_hash = HASH_INIT;
    s->print = default_print;
    return s;
}

static int check_dir(const char *dir, char *err, size_t errlen)
{
    struct stat st;
    char main[PATH_MAX];
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        str_fmt(err, errlen, "%s: not a scenario folder (no such directory)\n", dir);
        return -1;
    }
    str_fmt(main, sizeof main, "%s/scenario.lua", dir);
    if (stat(main, &st) != 0) {
        str_fmt(err, errlen, "%s: no scenario.lua in this folder\n", dir);
        return -1;
    }
    return 0;
}

static int run_main(script *s, char *err, size_t errlen)
{
    char msg[4096];
    if (sbx_load_file(s, "scenario.lua", msg, sizeof msg) ||
        sbx_call(s, 0, 0, "loading the scenario", msg, sizeof msg)) {
        str_fmt(err, errlen, "%s\n", msg);
        return -1;
    }
    return 0;
}

/* Building reads the declarations and makes the lookup tables: C work on
   the Lua state, protected so that running out of memory there (a script
   that filled the state) is an error, not an abort. */
typedef struct build_job {
    script *s;
    strbuf errors;
    int n;
} build_job;

static int build_protected(lua_State *L)
{
    build_job *j = lua_touserdata(L, 1);
    j->n = bld_build(j->s, &j->errors);
    if (j->n == 0) j->n = def_validate(j->s->sc, &j->errors);
    if (j->n == 0) def_finish(j->s->sc);
    if (j->n == 0) host_init(j->s);
    return 0;
}

static int panic(lua_State *L)
{
    const char *msg = lua_tostring(L, -1);
    fprintf(stderr, "crisisroom: unprotected error in the scenario's Lua state: %s\n",
            msg ? msg : "?");
    return 0; /* Lua aborts */
}

script *script_load(const char *dir, const script_limits *limits, char *err, size_t errlen)
{
    if (check_dir(dir, err, errlen)) return NULL;
    script *s = script_alloc(dir, limits);
    s->L = sbx_new(s);
    if (!s->L) {
        str_fmt(err, errlen, "%s: cannot create a Lua state\n", dir);
        script_free(s);
        return NULL;
    }
    lua_atpanic(s->L, panic);
    sbx_open(s);
    ldr_open(s);
    gapi_open(s);
    s->sc = def_new();
    if (run_main(s, err, errlen)) {
        script_free(s);
        return NULL;
    }
    build_job job = {s, {0}, 0};
    s->sc->files_hash = s->files_hash;
    lua_gc(s->L, LUA_GCCOLLECT);
    s->lim.memory += SCRIPT_BUILD_RESERVE; /* room to build in a full state */
    lua_pushcfunction(s->L, build_protected);
    lua_pushlightuserdata(s->L, &job);
    if (lua_pcall(s->L, 1, 0, 0) != LUA_OK) {
        sb_printf(&job.errors, "%s: building the scenario: %s\n", dir,
                  s->mem_hit || !lua_isstring(s->L, -1) ? "out of memory" : lua_tostring(s->L, -1));
        lua_pop(s->L, 1);
        job.n = job.n ? job.n : 1;
    }
    s->lim.memory -= SCRIPT_BUILD_RESERVE;
    if (job.n) {
        str_fmt(err, errlen, "%s", job.errors.s);
        sb_free(&job.errors);
        script_free(s);
        return NULL;
    }
    sb_free(&job.errors);
    return s;
}

void script_free(script *s)
{
    if (!s) return;
    sbx_print_game_end(s);
    if (s->L) lua_close(s->L);
    host_free(s);
    def_free(s->sc);
    free(s->dir);
    free(s);
}

const def_scenario *script_scenario(const script *s)
{
    return s->sc;
}

const game_host *script_host(script *s)
{
    return &s->host;
}

const char *script_dir(const script *s)
{
    return s->dir;
}

void script_set_print(script *s, void (*fn)(void *ud, const char *msg), void *ud)
{
    s->print = fn ? fn : default_print;
    s->print_ud = ud;
}
