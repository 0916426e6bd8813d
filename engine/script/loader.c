/*
 * loader.c -- loading a scenario folder: the constructor functions authors
 * call (scenario, role, meter, ...) only record each table and where it was
 * declared; build.c turns the records into definitions once every file has
 * run, so declarations may come in any order and every problem is listed.
 */
#include <dirent.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "termsafe.h"
#include "api.h"
#include "build.h"
#include "lint.h"
#include "script_int.h"

#define LDR_MAX_LISTED 500 /* Lua files of the folder a missing include is compared with */
#define LDR_MAX_DEPTH  4   /* folders deep they are looked for */

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

/* include: a missing file ------------------------------------------------- */

typedef struct names {
    char **v;
    int n, cap;
} names;

/* The .lua files under dir/rel, as paths relative to the scenario folder. */
static void lua_files(const char *dir, const char *rel, int depth, names *out)
{
    char path[PATH_MAX];
    str_fmt(path, sizeof path, "%s%s%s", dir, *rel ? "/" : "", rel);
    DIR *d = opendir(path);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) && out->n < LDR_MAX_LISTED) {
        if (e->d_name[0] == '.') continue;
        char sub[PATH_MAX], full[PATH_MAX];
        str_fmt(sub, sizeof sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
        str_fmt(full, sizeof full, "%s/%s", dir, sub);
        struct stat st;
        if (stat(full, &st) != 0) continue;
        size_t n = strlen(sub);
        if (S_ISDIR(st.st_mode) && depth < LDR_MAX_DEPTH)
            lua_files(dir, sub, depth + 1, out);
        else if (S_ISREG(st.st_mode) && n > 4 && strcmp(sub + n - 4, ".lua") == 0)
            *VEC_PUSH(out->v, out->n, out->cap) = xstrdup(sub);
    }
    closedir(d);
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* include "x.lua" of a file that is not there: say where, and which are. */
static int missing_include(lua_State *L, const script *s, const char *rel)
{
    names files = {0};
    lua_files(s->dir, "", 0, &files);
    qsort(files.v, (size_t)files.n, sizeof *files.v, cmp_name);
    strbuf list = {0};
    bld_suggest(rel, (const char *const *)files.v, files.n, "the folder's Lua files", &list);
    for (int i = 0; i < files.n; i++) free(files.v[i]);
    free(files.v);
    luaL_where(L, 1);
    lua_pushfstring(L, "%s \"%s\": no such file in the scenario folder (%s)",
                    api_kinds[K_include].name, rel, list.s);
    sb_free(&list);
    lua_concat(L, 2);
    return lua_error(L);
}

/* include "path", with the mistakes an author makes reported at the
   include's own line; the rest is the sandbox's (sbx_include). */
static int ldr_include(lua_State *L)
{
    script *s = sbx_self(L);
    const char *rel = luaL_checkstring(L, 1);
    char why[512], full[PATH_MAX];
    if (sbx_check_path(rel, why, sizeof why)) return luaL_error(L, "%s", why);
    str_fmt(full, sizeof full, "%s/%s", s->dir, rel);
    struct stat st;
    if (stat(full, &st) != 0) return missing_include(L, s, rel);
    if (S_ISDIR(st.st_mode))
        return luaL_error(L, "%s \"%s\": a folder, not a file (include each of its files)",
                          api_kinds[K_include].name, rel);
    return sbx_include(L);
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
    lua_register(L, api_kinds[K_include].name, ldr_include);
}

/* A scenario's print, to standard error with its control characters
   escaped (termsafe.h): whatever program holds the script, the author
   cannot drive the terminal. */
static void default_print(void *ud, const char *msg)
{
    (void)ud;
    strbuf b = {0};
    termsafe_add(&b, msg, strlen(msg), 0);
    fprintf(stderr, "%s\n", b.s ? b.s : "");
    sb_free(&b);
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

/* "file.lua:12" at p: its length, with the file and line; 0 when p holds
   no such place. */
static int place_at(const char *p, char *file, size_t fsize, int *line)
{
    size_t n = strcspn(p, ": \t\n()");
    if (n < 5 || strncmp(p + n - 4, ".lua", 4) != 0 || p[n] != ':') return 0;
    const char *d = p + n + 1;
    char *end;
    long l = strtol(d, &end, 10);
    if (end == d || l <= 0 || l > INT_MAX) return 0;
    str_fmt(file, fsize, "%.*s", (int)n, p);
    *line = (int)l;
    return (int)(end - p);
}

/* A syntax error in a table, "'}' expected (to close '{' at line 1) near
   'title'", is a missing comma after the field before `title = ` and a
   missing '}' before `ending {`: said at the line where it belongs (the
   line of the token before, often the line before Lua's). */
static void syntax_hint(script *s, const char *file, int line, const char *text, strbuf *out)
{
    const char *near = strstr(text, "near '");
    const char *q = near ? strrchr(near + 6, '\'') : NULL;
    char tok[256], next[64];
    int prev = 0;
    if (strncmp(text, "'}' expected", 12) == 0 && q) {
        str_fmt(tok, sizeof tok, "%.*s", (int)(q - near - 6), near + 6);
        bld_src *src = bld_src_new(s->dir);
        if (bld_src_near(src, file, line, tok, &prev, next, sizeof next)) prev = 0;
        bld_src_free(src);
    }
    if (prev <= 0) {
        sb_printf(out, "%s:%d: %s", file, line, text);
        return;
    }
    const char *missing = strcmp(next, "=") == 0 ? "a comma" : "a '}'";
    if (prev != line)
        sb_printf(out, "%s:%d: %s on line %d: is %s missing at the end of line %d?", file, prev,
                  text, line, missing, prev);
    else
        sb_printf(out, "%s:%d: %s: is %s missing before '%s'?", file, line, text, missing, tok);
}

/* A load error as "file:line: message", its real place first: a message
   the sandbox wrote with the place inside ("instruction budget exceeded
   ... at events.lua:3") has it moved to the front (and Lua's own line
   saying the same dropped), one without a place gets that of the first
   frame of the traceback in a scenario file. */
static void reshape(script *s, const char *msg, char *err, size_t errlen)
{
    char file[256];
    int line, n;
    const char *nl = strchr(msg, '\n');
    size_t first = nl ? (size_t)(nl - msg) : strlen(msg);
    const char *rest = nl ? nl : "";
    strbuf b = {0};
    size_t fl = strcspn(msg, ": \t\n");
    if (fl > 4 && !strncmp(msg + fl - 4, ".lua", 4) && !strncmp(msg + fl, ": ", 2)) {
        /* "x.lua: binary chunks are not allowed": about the whole file, its first line */
        sb_printf(&b, "%.*s:1%.*s", (int)fl, msg, (int)(first - fl), msg + fl);
    } else if ((n = place_at(msg, file, sizeof file, &line)) > 0 && msg[n] == ':' &&
               msg[n + 1] == ' ') {
        char text[1024];
        str_fmt(text, sizeof text, "%.*s", (int)(first - (size_t)n - 2), msg + n + 2);
        syntax_hint(s, file, line, text, &b);
    } else {
        const char *at = NULL;
        for (const char *p = msg; p < msg + first && !at; p++)
            if ((!strncmp(p, " at ", 4) || !strncmp(p, " near ", 6)) &&
                place_at(p + (p[1] == 'a' ? 4 : 6), file, sizeof file, &line))
                at = p;
        const char *tb = at ? NULL : strstr(rest, "\n\t");
        while (tb && !place_at(tb + 2, file, sizeof file, &line)) tb = strstr(tb + 2, "\n\t");
        if (at || tb) sb_printf(&b, "%s:%d: ", file, line);
        if (at) {
            size_t skip = (size_t)(at - msg) + (at[1] == 'a' ? 4 : 6);
            skip += (size_t)place_at(msg + skip, file, sizeof file, &line);
            sb_printf(&b, "%.*s%.*s", (int)(at - msg), msg, (int)(first - skip), msg + skip);
            /* Lua's own line for it, "events.lua:3: instruction budget exceeded": said now */
            char same[300];
            str_fmt(same, sizeof same, "\n%s:%d: ", file, line);
            if (!strncmp(rest, same, strlen(same)))
                rest = strchr(rest + 1, '\n') ? strchr(rest + 1, '\n') : "";
        } else {
            sb_printf(&b, "%.*s", (int)first, msg);
        }
    }
    str_fmt(err, errlen, "%s%s\n", b.s ? b.s : "", rest);
    sb_free(&b);
}

static int run_main(script *s, char *err, size_t errlen)
{
    char msg[4096];
    if (sbx_load_file(s, "scenario.lua", msg, sizeof msg) ||
        sbx_call(s, 0, 0, NULL, msg, sizeof msg)) {
        reshape(s, msg, err, errlen);
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
        sb_printf(&job.errors, "%s:%d: building the scenario: %s\n",
                  s->sc->at.file ? s->sc->at.file : "scenario.lua",
                  s->sc->at.line ? s->sc->at.line : 1,
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

def_scenario *script_scenario_mut(script *s)
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

/* Duplicate keys ----------------------------------------------------------- */

typedef struct dup_ud {
    script *s;
    lint_list *out;
    int n;
} dup_ud;

static void dup_found(void *ud, const char *file, int line, int first_line, const char *key)
{
    dup_ud *d = ud;
    def_where at = {def_intern_file(d->s->sc, file), line};
    lint_add(d->out, LINT_WARNING, at,
             "'%s' is written twice in one table (also on line %d): Lua keeps only this one, "
             "silently; merge them, or for two effect bundles write a list, "
             "effects = { { ... }, { ... } }",
             key, first_line);
    d->n++;
}

int script_source_warnings(script *s, lint_list *out)
{
    dup_ud d = {s, out, 0};
    bld_src *src = bld_src_new(s->dir);
    bld_src_dups(src, "scenario.lua", dup_found, &d);
    lua_getfield(s->L, LUA_REGISTRYINDEX, "crisisroom.included");
    int t = lua_gettop(s->L);
    lua_pushnil(s->L);
    while (lua_istable(s->L, t) && lua_next(s->L, t)) { /* any order: findings are sorted */
        lua_pop(s->L, 1);
        if (lua_type(s->L, -1) == LUA_TSTRING)
            bld_src_dups(src, lua_tostring(s->L, -1), dup_found, &d);
    }
    lua_settop(s->L, t - 1);
    bld_src_free(src);
    return d.n;
}
