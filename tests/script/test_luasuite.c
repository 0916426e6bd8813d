/*
 * test_luasuite.c -- Lua 5.4.6's own tests of the libraries the sandbox
 * replaces or wraps (pm.lua, strings.lua, sort.lua, nextvar.lua), run
 * unmodified inside a scenario's sandbox: `assert` is a recorder (a failed
 * assertion is noted with its line and the file goes on), the facilities
 * the sandbox removes on purpose are stubbed, `_port` is set. Every
 * assertion must pass except the exclusions below (also listed, with their
 * reasons, in docs/scenario-api.md); an exclusion that passes is an error
 * too, so the list stays true.
 *
 * usage: test_luasuite DIR  (DIR holds the four files; exit 77 = skipped)
 */
#include <lauxlib.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../engine/script/script_int.h"
#include "session.h"

#define SUITE_INSTRUCTIONS 4000000000L /* per file: the suites loop a lot */
#define SUITE_MEMORY       (512u << 20)
#define SUITE_TIME_MS      120000 /* sanitizers are slow */
#define MAX_FAILS          256

/* An assertion (file:line) that may fail, and why. */
static const struct {
    const char *at, *why;
} excluded[] = {
    {NULL, NULL}, /* none today: every assertion of the four files holds */
};

static char fails[MAX_FAILS][200], raw[MAX_FAILS][200];
static int nfails, nraw;

/* Places where the prelude walks a table with Lua's own next, because its
   keys are of a type the engine cannot order (the blocks these lines
   belong to are the key-type exclusions). */
static const char *const walked_raw[] = {
    "nextvar.lua:368", /* pairs over keys of every type (function, thread, userdata, table) */
    "nextvar.lua:380", /* erasing values while walking: table keys */
    "nextvar.lua:394", /* next after deleted keys are collected: table and function keys */
    "nextvar.lua:395", /* (the same block's next) */
    NULL,
};

static void note(char list[][200], int *n, const char *at)
{
    for (int i = 0; i < *n; i++)
        if (strcmp(list[i], at) == 0) return;
    if (*n < MAX_FAILS) str_fmt(list[(*n)++], sizeof list[0], "%s", at);
}

static int is_excluded(const char *at)
{
    for (int i = 0; excluded[i].at; i++)
        if (strcmp(excluded[i].at, at) == 0) return i;
    return -1;
}

/* Where the failed assertion is: "file:line", and when it sits in a helper
   (checkerror), the lines of the calls up to the main chunk ("file:12<300"). */
static void where_failed(lua_State *L, int from, char *at, size_t size)
{
    lua_Debug ar;
    at[0] = '\0';
    for (int level = from; lua_getstack(L, level, &ar) && lua_getinfo(L, "Sl", &ar); level++) {
        if (ar.currentline <= 0) break;
        size_t n = strlen(at);
        if (n == 0)
            str_fmt(at, size, "%s:%d", ar.source[0] == '@' ? ar.source + 1 : ar.short_src,
                    ar.currentline);
        else
            str_fmt(at + n, size - n, "<%d", ar.currentline);
        if (strcmp(ar.what, "main") == 0) break;
    }
}

/* assert(v, ...): when v is false, note where (once per place) and go on. */
static int rec_assert(lua_State *L)
{
    if (!lua_toboolean(L, 1)) {
        char at[200];
        where_failed(L, 1, at, sizeof at);
        note(fails, &nfails, at);
    }
    return lua_gettop(L);
}

/* The prelude walks a table with Lua's own next: note where (the caller
   of its pairs or next). */
static int rec_rawnext(lua_State *L)
{
    char at[200];
    where_failed(L, 2, at, sizeof at);
    note(raw, &nraw, at);
    return 0;
}

/* What the sandbox removes on purpose, stubbed: os.clock (sort.lua times
   itself), collectgarbage, io.stdin (any userdata does), package.loaded.
   Tables whose keys the engine cannot order (tables, functions, threads,
   userdata as keys) are walked with Lua's own next (rawnext), so the rest
   of the file still runs; those blocks are excluded below. A table a loop
   walks that way keeps Lua's next while it is not empty (nextvar.lua:395
   compares the loop's key with next(t) as the loop deletes the keys: the
   engine's order, once only strings are left, would differ from Lua's by
   the hash seed, so the test failed now and then). */
static const char *prelude =
    "local rawnext, stdin, noteraw = ...\n"
    "_port = true\n"
    "local clock = 0\n"
    "os = { clock = function() clock = clock + 1e-6; return clock end }\n"
    "io = { stdin = stdin }\n"
    "collectgarbage = function(opt) if opt == 'count' then return 0, 0 end return 0 end\n"
    "package = { loaded = { _G = _G, string = string, table = table, math = math,\n"
    "  utf8 = utf8, coroutine = coroutine, os = os, io = io } }\n"
    "package.loaded.package = package\n"
    "local okkey = { number = true, string = true, boolean = true }\n"
    "local function ordered(t)\n"
    "  for k in rawnext, t do if not okkey[type(k)] then return false end end\n"
    "  return true\n"
    "end\n"
    "local spairs, snext = pairs, next\n"
    "local walked = setmetatable({}, { __mode = 'k' }) -- tables a loop walks with rawnext\n"
    "pairs = function(...)\n"
    "  local t = ...\n"
    "  if type(t) == 'table' and not getmetatable(t) and not ordered(t) then\n"
    "    noteraw()\n"
    "    walked[t] = true\n"
    "    return rawnext, t, nil\n"
    "  end\n"
    "  return spairs(...)\n"
    "end\n"
    "next = function(...)\n"
    "  local t = ...\n"
    "  if type(t) == 'table' and (walked[t] and rawnext(t) ~= nil or not ordered(t)) then\n"
    "    noteraw() return rawnext(...)\n"
    "  end\n"
    "  return snext(...)\n"
    "end\n";

static void quiet(void *ud, const char *msg)
{
    (void)ud, (void)msg;
}

static int run_text(script *s, const char *text, size_t len, const char *name, int nargs, char *err,
                    size_t errlen)
{
    if (luaL_loadbufferx(s->L, text, len, name, "t") != LUA_OK) {
        str_fmt(err, errlen, "%s", lua_tostring(s->L, -1));
        lua_pop(s->L, 1);
        return -1;
    }
    lua_insert(s->L, -1 - nargs);
    return sbx_call(s, nargs, 0, name + 1, err, errlen);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    strbuf b = {0};
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) sb_add(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return b.s;
}

/* The sandbox of a minimal scenario, with a game running (math.random
   draws from it). */
static script *make_sandbox(session **sess)
{
    static const char *base = "scenario { id = 't', title = 'T', summary = 'S' }\n"
                              "role { id = 'a', name = 'A', brief = 'B' }\n"
                              "meter { id = 'm', name = 'M', start = 50 }\n"
                              "clock { 'one', 'two' }\n"
                              "ending { id = 'e', title = 'E', text = 'x' }\n";
    char dir[] = "/tmp/cr_luasuite_XXXXXX";
    char path[256], err[4096];
    if (!mkdtemp(dir)) return NULL;
    str_fmt(path, sizeof path, "%s/scenario.lua", dir);
    FILE *f = fopen(path, "w");
    fputs(base, f);
    fclose(f);
    script_limits lim = {SUITE_INSTRUCTIONS, SUITE_MEMORY};
    script *s = script_load(dir, &lim, err, sizeof err);
    unlink(path);
    rmdir(dir);
    if (!s) {
        fprintf(stderr, "cannot load the scenario: %s\n", err);
        return NULL;
    }
    *sess = session_new(script_scenario(s), script_host(s), 1, -1, 0, err, sizeof err);
    if (!*sess) {
        fprintf(stderr, "cannot start a game: %s\n", err);
        script_free(s);
        return NULL;
    }
    s->g = (*sess)->g;
    s->time_ms = SUITE_TIME_MS;
    script_set_print(s, quiet, NULL);
    lua_register(s->L, "assert", rec_assert);
    return s;
}

/* Lua's own next, from a plain state: C functions do not belong to one. */
static lua_CFunction lua_next_fn(void)
{
    lua_State *P = luaL_newstate();
    luaL_openlibs(P);
    lua_getglobal(P, "next");
    lua_CFunction fn = lua_tocfunction(P, -1);
    lua_close(P);
    return fn;
}

/* The walks with Lua's own next are those listed, no more, no fewer. */
static int check_raw(const char *file)
{
    int bad = 0;
    size_t flen = strlen(file);
    for (int i = 0; i < nraw; i++) {
        int listed = 0;
        for (int j = 0; walked_raw[j]; j++) listed |= strcmp(walked_raw[j], raw[i]) == 0;
        if (!listed) {
            fprintf(stderr, "FAIL %s: walks a table with Lua's own next (not listed)\n", raw[i]);
            bad = 1;
        }
    }
    for (int j = 0; walked_raw[j]; j++) {
        if (strncmp(walked_raw[j], file, flen) != 0 || walked_raw[j][flen] != ':') continue;
        int seen = 0;
        for (int i = 0; i < nraw; i++) seen |= strcmp(walked_raw[j], raw[i]) == 0;
        if (!seen) {
            fprintf(stderr, "FAIL %s: listed as walked with Lua's own next, but is not\n",
                    walked_raw[j]);
            bad = 1;
        }
    }
    return bad;
}

static int run_file(const char *dir, const char *file)
{
    session *sess;
    script *s = make_sandbox(&sess);
    if (!s) return 1;
    char path[1024], err[8192], name[64];
    size_t len;
    int bad = 0;
    str_fmt(path, sizeof path, "%s/%s", dir, file);
    char *text = slurp(path, &len);
    if (!text) {
        fprintf(stderr, "FAIL %s: cannot read it\n", path);
        bad = 1;
        goto done;
    }
    lua_pushcfunction(s->L, lua_next_fn());
    lua_newuserdatauv(s->L, 1, 0);
    lua_pushcfunction(s->L, rec_rawnext);
    if (run_text(s, prelude, strlen(prelude), "@prelude", 3, err, sizeof err)) {
        fprintf(stderr, "FAIL %s: the prelude failed: %s\n", file, err);
        bad = 1;
        goto done;
    }
    nfails = nraw = 0;
    str_fmt(name, sizeof name, "@%s", file);
    if (run_text(s, text, len, name, 0, err, sizeof err)) {
        fprintf(stderr, "FAIL %s: aborted: %s\n", file, err);
        bad = 1;
    }
    for (int i = 0; i < nfails; i++)
        if (is_excluded(fails[i]) < 0) {
            fprintf(stderr, "FAIL %s: assertion failed\n", fails[i]);
            bad = 1;
        }
    size_t flen = strlen(file);
    for (int i = 0; excluded[i].at; i++) {
        if (strncmp(excluded[i].at, file, flen) != 0 || excluded[i].at[flen] != ':') continue;
        int failed = 0;
        for (int j = 0; j < nfails; j++) failed |= strcmp(fails[j], excluded[i].at) == 0;
        if (!failed && !bad) {
            fprintf(stderr, "FAIL %s: excluded (%s) but it passes: drop the exclusion\n",
                    excluded[i].at, excluded[i].why);
            bad = 1;
        }
    }
    bad |= check_raw(file);
    printf("%s %s: %d assertion(s) failed, all excluded\n", bad ? "FAIL" : "ok  ", file, nfails);
done:
    free(text);
    session_free(sess);
    s->g = NULL;
    script_free(s);
    return bad;
}

int main(int argc, char **argv)
{
    static const char *const files[] = {"pm.lua", "strings.lua", "sort.lua", "nextvar.lua"};
    struct stat st;
    if (argc < 2 || stat(argv[1], &st) != 0) {
        printf("SKIP: Lua 5.4.6's test files are not here (%s): shared/ is not beside the "
               "repository\n",
               argc < 2 ? "no folder given" : argv[1]);
        return 77;
    }
    int bad = 0;
    for (int i = 0; i < 4; i++)
        if (argc < 3 || strcmp(argv[2], files[i]) == 0) bad |= run_file(argv[1], files[i]);
    return bad;
}
