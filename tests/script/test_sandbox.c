/*
 * test_sandbox.c -- the sandbox holds, and authors' mistakes are reported
 * with the file and line. Each case writes a small scenario to a temporary
 * folder and loads it.
 */
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../check.h"
#include "policy.h"
#include "script.h"
#include "session.h"
#include "util.h"

static char root[256];
static int ncase;
static char err[16384];

/* A minimal valid scenario; `extra` is appended to scenario.lua. */
static const char *base = "scenario { id = 't', title = 'T', summary = 'S' }\n"
                          "role { id = 'a', name = 'A', brief = 'B' }\n"
                          "meter { id = 'm', name = 'M', start = 50 }\n"
                          "clock { 'one', 'two' }\n"
                          "ending { id = 'e', title = 'E', text = 'x' }\n";

static void write_file(const char *dir, const char *name, const char *text)
{
    char p[512];
    str_fmt(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "w");
    fputs(text, f);
    fclose(f);
}

/* A new folder holding scenario.lua = base (if with_base) + extra. */
static const char *folder(const char *extra, int with_base)
{
    static char dir[512];
    str_fmt(dir, sizeof dir, "%s/case%d", root, ++ncase);
    mkdir(dir, 0755);
    strbuf b = {0};
    if (with_base) sb_puts(&b, base);
    sb_puts(&b, extra);
    write_file(dir, "scenario.lua", b.s);
    sb_free(&b);
    return dir;
}

static script *load(const char *extra)
{
    err[0] = '\0';
    return script_load(folder(extra, 1), NULL, err, sizeof err);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void expect_error(const char *extra, const char *needle)
{
    script *s = load(extra);
    CHECK(s == NULL);
    if (s)
        script_free(s);
    else
        CHECK_STR_HAS(err, needle);
}

/* Start a game on the scenario; returns the start error (or "" when it ran). */
static const char *start_game(script *s)
{
    static char gerr[8192];
    gerr[0] = '\0';
    session *ss = session_new(script_scenario(s), script_host(s), 1, -1, 0, gerr, sizeof gerr);
    if (ss) session_free(ss);
    return gerr;
}

static void test_forbidden(void)
{
    script *s =
        load("local gone = { 'io', 'os', 'debug', 'package', 'require', 'dofile', 'loadfile',\n"
             "  'collectgarbage' }\n"
             "for _, name in ipairs(gone) do\n"
             "  if _G[name] ~= nil then error('escaped through ' .. name) end\n"
             "end\n"
             "assert(string.dump == nil and ('').dump == nil, 'string.dump')\n"
             "assert(math.randomseed == nil, 'randomseed')\n"
             "assert(not pcall(load, '\\27Lua', 'x', 'b'), 'binary load')\n");
    CHECK(s != NULL);
    if (!s) fprintf(stderr, "%s\n", err);
    script_free(s);
    expect_error("load('return 1', 'x', 'b')\n", "only text chunks");
    expect_error("local f = load('\\27LuaT\\0\\25\\147') assert(f, 'refused')\n", "refused");
    expect_error("setmetatable({}, { __gc = function() end })\n", "__gc");
}

static void test_runaway(void)
{
    double t0 = now();
    expect_error("while true do end\n", "scenario.lua:6:");
    CHECK(strstr(err, "instruction budget exceeded") != NULL);
    CHECK(now() - t0 < 2.0);

    /* In a callback: the message names the callback. */
    script *s = load("event { id = 'x', to = 'a', channel = 'phone', title = 'X', text = 'x',\n"
                     "  when = function(g) while true do end end }\n");
    CHECK(s != NULL);
    if (s) {
        t0 = now();
        const char *e = start_game(s);
        CHECK_STR_HAS(e, "event 'x' when");
        CHECK_STR_HAS(e, "instruction budget exceeded");
        CHECK(now() - t0 < 2.0);
        script_free(s);
    }

    /* The script's own pcall cannot swallow the budget error. */
    s = load("event { id = 'x', to = 'a', channel = 'phone', title = 'X', text = 'x',\n"
             "  when = function(g)\n"
             "    for i = 1, 100 do pcall(function() while true do end end) end\n"
             "    return false end }\n");
    CHECK(s != NULL);
    if (s) {
        CHECK_STR_HAS(start_game(s), "instruction budget exceeded");
        script_free(s);
    }
    /* Nor can a coroutine or a metamethod hide the loop. */
    expect_error("coroutine.wrap(function() while true do end end)()\n", "instruction budget");
    expect_error("local t = setmetatable({}, { __index = function() while true do end end })\n"
                 "local _ = t.x\n",
                 "instruction budget");
}

static void test_memory(void)
{
    double t0 = now();
    expect_error("local t = {}\nfor i = 1, 1e9 do t[i] = string.rep('x', 4096) .. i end\n",
                 "out of memory");
    expect_error("local s = string.rep('x', 1 << 30)\n", "memory");
    CHECK(now() - t0 < 5.0);
}

static void test_paths(void)
{
    expect_error("include '../x.lua'\n", "'..' is not allowed");
    expect_error("include '/etc/passwd'\n", "relative to the scenario folder");
    expect_error("include 'missing.lua'\n", "missing.lua");
    const char *dir = folder("include 'link.lua'\n", 1);
    char target[512], link[512];
    str_fmt(target, sizeof target, "%s/outside.lua", root);
    write_file(root, "outside.lua", "x = 1\n");
    str_fmt(link, sizeof link, "%s/link.lua", dir);
    CHECK(symlink(target, link) == 0);
    script *s = script_load(dir, NULL, err, sizeof err);
    CHECK(s == NULL);
    CHECK_STR_HAS(err, "outside the scenario folder");
    script_free(s);
    /* A binary file included is refused before Lua sees it. */
    dir = folder("include 'bin.lua'\n", 1);
    write_file(dir, "bin.lua", "\x1bLua binary");
    s = script_load(dir, NULL, err, sizeof err);
    CHECK(s == NULL);
    CHECK_STR_HAS(err, "binary chunks are not allowed");
    script_free(s);
}

/* pairs() visits keys in a fixed order whatever the hash seed. */
static void test_order(void)
{
    script *s =
        load("local t, keys = {}, {}\n"
             "for i = 1, 200 do t['k' .. (i * 7919 % 1000)] = i end\n"
             "t[3] = 0; t[1] = 0; t[true] = 0\n"
             "for k in pairs(t) do keys[#keys + 1] = tostring(k) end\n"
             "for i = 4, #keys - 1 do assert(keys[i - 1] < keys[i] or i == 4, 'order') end\n"
             "assert(keys[1] == '1' and keys[2] == '3' and keys[#keys] == 'true', 'ranks')\n"
             "local n, k = 0, nil\n"
             "repeat k = next(t, k); n = n + 1 until k == nil\n"
             "assert(n == #keys + 1, 'next visits every key once')\n");
    CHECK(s != NULL);
    if (!s) fprintf(stderr, "%s\n", err);
    script_free(s);
    expect_error("for k in pairs({ [{}] = 1 }) do end\n", "fixed order");
}

/* The mistakes authors make most, each with its file:line and a sentence. */
static void test_author_errors(void)
{
    expect_error(
        "event { id = 'x', to = 'a', channel = 'phone', title = 'X', text = 'x',\n"
        "  options = { { id = 'o', label = 'O', effects = { meters = { servics = 5 } } } } }\n",
        "scenario.lua:6: event 'x' option 'o': unknown meter 'servics' (meters are m)");
    expect_error("role { id = 'b', name = 'B' }\n",
                 "scenario.lua:6: role 'b': field 'brief' is required");
    expect_error("role { id = 'b', name = 'B', brief = 'x', tittle = 'y' }\n",
                 "scenario.lua:6: role 'b': unknown field 'tittle'");
    expect_error("role { id = 'b', name = 'B', brief = 'x', budget = 'two' }\n",
                 "field 'budget' must be a number (got string)");
    expect_error("role { id = 'a', name = 'A', brief = 'B' }\n", "role 'a' is declared twice");
    expect_error("local x = = 1\n", "scenario.lua:6:");
    expect_error("meter { id = 'q', name = 'Q', start = 500 }\n",
                 "scenario.lua:6: meter 'q': start 500 lies outside the bounds [0, 100]");
    expect_error("event { id = 'x', to = 'zz', channel = 'phone', title = 'X', text = 'x' }\n",
                 "unknown role 'zz' (roles are a)");
    expect_error("event { id = 'x', to = 'a', channel = 'pigeon', title = 'X', text = 'x' }\n",
                 "unknown channel 'pigeon'");
    expect_error("action { id = 'x', role = 'a', label = 'X', requires = { chosen = 'nope.o' } }\n",
                 "unknown event 'nope'");
    expect_error("role 'a'\n", "role expects a table");
    expect_error("event { id = 'Bad Id', to = 'a', channel = 'phone', title = 'X', text = 'x' }\n",
                 "must be lower-case letters");
    err[0] = '\0';
    script *s = script_load(folder("role { id = 'b', name = 'B', brief = 'x' }\n", 0), NULL, err,
                            sizeof err);
    CHECK(s == NULL);
    CHECK_STR_HAS(err, "no scenario { id = ... } declared");
    CHECK_STR_HAS(err, "no clock declared");
}

/* math.random in an effect draws from the game's seeded generator. */
static void test_random(void)
{
    script *s =
        load("action { id = 'r', role = 'a', label = 'R', cost = 0, once_per_turn = false,\n"
             "  effects = { run = function(g) g.state.r = math.random(1, 1000000) end } }\n"
             "event { id = 'x', to = 'a', channel = 'phone', title = 'X', text = 'x',\n"
             "  when = function(g) return math.random() < 2 end }\n");
    CHECK(s != NULL);
    if (!s) return;
    /* A condition may not draw: it would make the game depend on the display. */
    CHECK_STR_HAS(start_game(s), "random numbers cannot be drawn while checking a condition");
    script_free(s);
    s = load("action { id = 'r', role = 'a', label = 'R', cost = 0, once_per_turn = false,\n"
             "  effects = { run = function(g) g.state.r = math.random(1, 1000000) end } }\n");
    double v[2];
    for (int i = 0; i < 2; i++) {
        session *ss = session_new(script_scenario(s), script_host(s), 77, -1, 0, err, sizeof err);
        CHECK(session_apply(ss, "act a r") == 0);
        v[i] = kv_get(&ss->g->state, "r")->num;
        session_free(ss);
    }
    CHECK(v[0] == v[1]);
    script_free(s);
}

int main(void)
{
    str_fmt(root, sizeof root, "%s", "/tmp/crisisroom-sandbox-XXXXXX");
    if (!mkdtemp(root)) return 2;
    test_forbidden();
    test_runaway();
    test_memory();
    test_paths();
    test_order();
    test_author_errors();
    test_random();
    char rm_cmd[600];
    str_fmt(rm_cmd, sizeof rm_cmd, "rm -rf '%s'", root);
    if (system(rm_cmd) != 0) fprintf(stderr, "could not remove %s\n", root);
    return check_report("sandbox");
}
