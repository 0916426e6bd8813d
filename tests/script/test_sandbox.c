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
#include "api.h"
#include "policy.h"
#include "script.h"
#include "session.h"
#include "util.h"
#include "../../engine/script/script_int.h" /* the ceilings across callbacks, lowered */

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

/* Start a game on the scenario; returns the start error, or what it has to
   tell (an event suspended by a script error), or "" when it ran. */
static const char *start_game(script *s)
{
    static char gerr[8192];
    gerr[0] = '\0';
    session *ss = session_new(script_scenario(s), script_host(s), 1, -1, 0, gerr, sizeof gerr);
    if (ss) str_fmt(gerr, sizeof gerr, "%s", ss->g->notice);
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
    expect_error("local t = {}\nfor i = 1, 1e9 do t[i] = ('x'):rep(64):rep(64) .. i end\n",
                 "out of memory");
    expect_error("local s = string.rep('x', 1 << 30)\n", "memory");
    CHECK(now() - t0 < 5.0);
    /* After a big block the hook notes the place once, then counts in
       steps again: a million instructions later the budget still holds. */
    script *s = load("local s = ('x'):rep(1 << 21)\n"
                     "local x = 0 for i = 1, 1000000 do x = x + i end\n");
    CHECK_MSG(s != NULL, "%s", err);
    script_free(s);
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
    /* pairs keeps a small table's sorted keys while its keys stay the same. */
    s = load("local function keys(t)\n"
             "  local r = {} for k in pairs(t) do r[#r + 1] = tostring(k) end\n"
             "  return table.concat(r, ',')\n"
             "end\n"
             "local t = { b = 1, a = 2 }\n"
             "assert(keys(t) == 'a,b' and keys(t) == 'a,b', 'twice')\n"
             "t.c = 3 assert(keys(t) == 'a,b,c', 'a key added')\n"
             "t.a = nil t.d = 4 assert(keys(t) == 'b,c,d', 'one removed, one added')\n"
             "t.a = 5 t.a = nil assert(keys(t) == 'b,c,d', 'added and removed again')\n"
             "assert(keys({ d = 1, c = 1, b = 1, [2] = 0, [true] = 0 }) == '2,b,c,d,true')\n"
             "t.b = 10\n"
             "local sum = 0 for _, v in pairs(t) do sum = sum + v end\n"
             "assert(sum == 17, 'values as they are now')\n"
             "local w = { a = 1, b = 2, c = 3 }\n"
             "keys(w)\n"
             "for k in pairs(w) do if k == 'a' then w.b = nil end assert(k ~= 'b', 'cleared') end\n"
             "assert(keys(w) == 'a,c' and keys({}) == '', 'after the loop')\n");
    CHECK_MSG(s != NULL, "%s", err);
    script_free(s);
}

/* The mistakes authors make most, each with its file:line and a sentence. */
static void test_author_errors(void)
{
    expect_error(
        "event { id = 'x', to = 'a', channel = 'phone', title = 'X', text = 'x',\n"
        "  options = { { id = 'o', label = 'O', effects = { meters = { servics = 5 } } } } }\n",
        "scenario.lua:7: event 'x' option 'o': unknown meter 'servics' in 'meters' (meters are m)");
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
                 "unknown role 'zz' in 'to' (roles are a)");
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

/* Messages point at the field, found by scanning the source: across nested
   tables, strings and comments holding braces and commas, functions with
   commas of their own, escaped newlines, an alias of a constructor, two
   declarations on a line, and tables built by code (the constructor's
   line, then). The base scenario takes lines 1-5. */
static void test_field_lines(void)
{
    expect_error("event { id = 'x', to = 'a', channel = 'phone', title = \"a { b\", -- } ,\n"
                 "  text = [[long { string\n"
                 "with , and } ]],\n"
                 "  --[==[ a long\n"
                 "  comment { ]==]\n"
                 "  options = { { id = 'o', label = 'O' }, { id = 'p', label = 'P',\n"
                 "     effects = { meters = { m = 1 }, run = function(g) local a, b = 1, 2\n"
                 "       if a then return { b = 1 } end end, text = 'x',\n"
                 "       bad = 3 } } } }\n",
                 "scenario.lua:14: event 'x' option 'p': unknown field 'bad'");
    expect_error("event { id = 'w', to = 'a', channel = 'phone', title = 'a\\z\n"
                 "      b', text = \"line\\\n"
                 "two\",\n"
                 "  titel = 1 }\n",
                 "scenario.lua:9: event 'w': unknown field 'titel'");
    expect_error("local E = event\n"
                 "E { id = 'z', to = 'a', channel = 'phone', title = 'T', text = 'x',\n"
                 "  titel = 1 }\n",
                 "scenario.lua:8: event 'z': unknown field 'titel'");
    expect_error("role { id = 'b', name = 'B', brief = 'x' } role { id = 'c',\n"
                 "  name = 'C', brief = 'y',\n"
                 "  tittle = 1 }\n",
                 "scenario.lua:8: role 'c': unknown field 'tittle'");
    expect_error("local t = { id = 'y', to = 'a', channel = 'phone', title = 'T', text = 'x' }\n"
                 "t.titel = 1\n"
                 "event(t)\n",
                 "scenario.lua:8: event 'y': unknown field 'titel'");
    expect_error("event { id = 'v', to = 'a', channel = 'phone', title = 'T', text = 'x',\n"
                 "  options = 1 > 0 and {\n"
                 "    { id = 'o', label = 'O',\n"
                 "      cost = 'x' } } or {} }\n",
                 "scenario.lua:7: event 'v' option 'o': field 'cost' must be a number");
    expect_error("event { id = 'u', to = 'a', channel = 'phone', title = 'T', text = 'x',\n"
                 "  on_deliver = { state = { [\"a}\"] = 1 }, run = function(g) g:say\"}\" end,\n"
                 "    deliver = { 'nope' } } }\n",
                 "scenario.lua:8: event 'u': unknown event 'nope' in 'deliver'");
    expect_error("for i = 1, 2 do\n"
                 "  event { id = 'l' .. i, to = 'a', channel = 'phone', title = 'T', text = 'x',\n"
                 "    turn = i * 1000 }\n"
                 "end\n",
                 "scenario.lua:8: event 'l1': field 'turn' must be a whole number");
    /* A function's own `, text =` is no field of the table around it. */
    expect_error("event { id = 'f', to = 'a', channel = 'phone', title = 'T', text = 'x',\n"
                 "  on_deliver = { text = 5,\n"
                 "    run = function(g) local a, text = 1, 2 end } }\n",
                 "scenario.lua:7: event 'f': field 'text' must be a string");
}

/* One scenario with a mistake of (nearly) every kind the builder reports:
   the whole report, line by line, is what authors read, so a change to any
   message shows here. Building goes on after each mistake, in declaration
   order (pass 1: ids; pass 2: fields). */
static const char *const mistakes =
    "scenario { id = \"t\", title = \"T\", summary = \"S\", version = 3, learning_objectives = { "
    "\"a\", 5 },\n"
    "  accept = { \"x\", 7 }, tittle = 1,\n"
    "  sources = { s1 = { title = \"S1\", pub = \"x\" }, s2 = \"Plain\", s3 = 5, s4 = { publisher "
    "= \"p\" } } }\n"
    "role { id = \"a\", name = \"A\", brief = \"B\", budget = 200, tittle = \"x\" }\n"
    "role { id = \"b\", name = \"B\", brief = \"B\", budget = 1.5 }\n"
    "role { id = \"a\", name = \"A2\", brief = \"B\" }\n"
    "role { id = \"Bad Id\", name = \"x\", brief = \"y\" }\n"
    "role { name = \"noid\", brief = \"y\" }\n"
    "meter { id = \"m\", name = \"M\", start = 500 }\n"
    "meter { id = \"n\", name = \"N\", start = 5, min = 10, max = 0 }\n"
    "meter { id = \"o\", name = \"O\", start = 0/0, good = \"up\", hidden = \"yes\" }\n"
    "meter { id = \"p\", name = \"P\" }\n"
    "clock { start = \"2022-07-15 08:00\", steps = { \"6h\", \"2x\", 5, \"1w\", \"30m\", \"1d\" } "
    "}\n"
    "clock { \"again\" }\n"
    "event { id = \"e1\", title = \"E1\", text = \"x\", to = \"a\", channel = \"fax\", source = { "
    "\"s1\", \"nope\", 4 },\n"
    "  turn = 300, after = \"e1\", delay = -1, expires = \"x\", default = \"zz\", note = 5,\n"
    "  on_deliver = { meters = { m = \"x\", q = 1 }, set = { m = 1 }, cards = { \"c1\", \"cz\" },\n"
    "    deliver = { \"e2\", \"ez\" }, state = { k = {}, [1] = 2 }, text = \"t\", finish = "
    "\"nope\",\n"
    "    run = 5, after = 999, chance = 2, otherwise = { text = \"o\" }, bogus = 1 },\n"
    "  options = {\n"
    "    { id = \"o1\", label = \"L\", cost = -1, requires = { chosen = \"e2.x\", not_chosen = "
    "\"nodot\",\n"
    "        delivered = { \"e2\", 3 }, cards = \"cz\", min = { m = 1, zz = 2 }, max = { [3] = 1 "
    "},\n"
    "        state = { k = true }, turn = 0.5, why = 7, check = 3, extra = 1 },\n"
    "      effects = { { text = \"a\" }, 5, { chance = -0.5, otherwise = { text = \"b\" } } } },\n"
    "    { id = \"o1\", label = \"dup\" },\n"
    "    \"notatable\",\n"
    "    { id = \"o3\", label = \"L3\", requires = 5, historical = 2 },\n"
    "  } }\n"
    "event { id = \"e2\", title = \"E2\", text = \"x\", to = { \"a\", \"zz\", 3 }, decider = "
    "\"q\", channel = \"news\",\n"
    "  source = 5, after = \"e1.o9\", when = 5, from_turn = 1 }\n"
    "event { id = \"e3\", text = \"x\", to = {}, channel = \"email\", after = \"nodot.x\" }\n"
    "event { id = \"e4\", title = \"E4\", text = \"x\", to = 5, channel = \"intel\", options = 5 "
    "}\n"
    "action { id = \"act\", label = \"Act\", cost = 101, max_uses = -3, once_per_turn = 1, role = "
    "\"zz\",\n"
    "  targets = { \"t1\", { id = \"t2\", label = \"T2\" }, { label = \"nolabel\" }, 5, \"Bad Id\" "
    "},\n"
    "  historical = { 1, { turn = 0, target = \"t9\" }, { turn = 3, target = \"t1\" }, \"x\" }, "
    "effects = 3 }\n"
    "action { id = \"act2\", label = \"Act2\", historical = \"x\" }\n"
    "action { id = \"act3\", label = \"Act3\", role = \"a\", historical = 2.5 }\n"
    "board { id = \"bd\", title = \"B\", columns = { \"x\", 3 }, rows = \"r\", column_attr = 5, zz "
    "= 1 }\n"
    "card { id = \"c1\", board = \"bd\", title = \"C\", text = \"t\", source = \"s1\", attrs = { a "
    "= 1, b = \"x\", c = true } }\n"
    "card { id = \"c2\", board = \"nob\", title = \"C\", text = \"t\", attrs = 5 }\n"
    "card { id = \"c3\", title = \"C\", text = \"t\" }\n"
    "objective { id = \"ob\", title = \"O\" }\n"
    "objective { id = \"ob\", title = \"O\", score = \"P\" }\n"
    "ending { id = \"en\", title = \"E\", text = \"x\", early = true }\n"
    "ending { id = \"en2\", title = \"E\", text = \"x\", when = 5, early = \"y\" }\n"
    "variant { id = \"v\", title = \"V\", truth = \"T\", weight = -1 }\n"
    "variant { id = \"v2\", title = \"V\", weight = \"heavy\" }\n"
    "question \"Q1\"\n"
    "question { text = \"Q2\" }\n"
    "question { txt = \"Q3\" }\n"
    "question { }\n";

static const char *const mistakes_said =
    "scenario.lua:6: role 'a': role 'a' is declared twice\n"
    "scenario.lua:7: role: id 'Bad Id' must be lower-case letters, digits and '_', starting with a "
    "letter (at most 40 characters)\n"
    "scenario.lua:8: role: field 'id' is required\n"
    "scenario.lua:25: event 'e1': option 'o1' declared twice\n"
    "scenario.lua:26: event 'e1': options[3] must be a table { id = ..., label = ... }\n"
    "scenario.lua:32: event 'e4': field 'options' must be a table (got number)\n"
    "scenario.lua:43: objective 'ob': objective 'ob' is declared twice\n"
    "scenario.lua:2: scenario 't': unknown field 'tittle' (did you mean 'title'? fields of "
    "scenario are id, title, summary, version, situation, sources, learning_objectives, on_turn, "
    "accept, capabilities, history, skip_idle)\n"
    "scenario.lua:1: scenario 't': field 'version' must be a string (got number)\n"
    "scenario.lua:2: scenario 't': accept[2] must be a string\n"
    "scenario.lua:1: scenario 't': learning_objectives[2] must be a string\n"
    "scenario.lua:3: scenario 't': unknown field 'pub' (fields of source are title, publisher, "
    "date, url, file)\n"
    "scenario.lua:3: scenario 't': field 'title' is required\n"
    "scenario.lua:4: role 'a': unknown field 'tittle' (fields of role are id, name, short, brief, "
    "private, budget)\n"
    "scenario.lua:4: role 'a': field 'budget' must be a whole number from 0 to 100\n"
    "scenario.lua:5: role 'b': field 'budget' must be a whole number from 0 to 100\n"
    "scenario.lua:9: meter 'm': start 500 lies outside the bounds [0, 100] (give a start between "
    "them, or change min or max)\n"
    "scenario.lua:10: meter 'n': min (10) must be below max (0)\n"
    "scenario.lua:11: meter 'o': field 'start' must be a finite number\n"
    "scenario.lua:11: meter 'o': field 'hidden' must be a boolean (got string)\n"
    "scenario.lua:11: meter 'o': good must be \"high\", \"low\" or \"none\" (got \"up\")\n"
    "scenario.lua:12: meter 'p': field 'start' is required\n"
    "scenario.lua:13: clock: steps[2] must look like \"6h\", \"2d\", \"1w\" or \"30m\"\n"
    "scenario.lua:13: clock: steps[3] must look like \"6h\", \"2d\", \"1w\" or \"30m\"\n"
    "scenario.lua:14: clock: clock {} is declared twice\n"
    "scenario.lua:16: event 'e1': field 'note' must be a string (got number)\n"
    "scenario.lua:15: event 'e1': unknown channel 'fax' (channels are phone, email, news, social, "
    "intel, brief)\n"
    "scenario.lua:15: event 'e1': unknown source 'nope' (sources are s1, s2, s3, s4; declare it in "
    "scenario { sources = ... }, or use \"fiction\" for invented content)\n"
    "scenario.lua:15: event 'e1': field 'source' must list strings (item 3 is not)\n"
    "scenario.lua:16: event 'e1': field 'turn' must be a whole number from 0 to 200\n"
    "scenario.lua:16: event 'e1': field 'delay' must be a whole number from 0 to 200\n"
    "scenario.lua:16: event 'e1': an event cannot follow itself\n"
    "scenario.lua:16: event 'e1': field 'expires' must be a number (got string)\n"
    "scenario.lua:16: event 'e1': default 'zz' is not one of its options\n"
    "scenario.lua:19: event 'e1': unknown field 'bogus' (fields of effects are meters, set, cards, "
    "deliver, state, text, finish, run, after, chance, otherwise)\n"
    "scenario.lua:17: event 'e1': meters.m must be a number\n"
    "scenario.lua:17: event 'e1': unknown meter 'q' in 'meters' (meters are m, n, o, p)\n"
    "scenario.lua:17: event 'e1': unknown card 'cz' in 'cards' (did you mean 'c1'? cards are c1, "
    "c2, c3)\n"
    "scenario.lua:18: event 'e1': unknown event 'ez' in 'deliver' (did you mean 'e1'? events are "
    "e1, e2, e3, e4)\n"
    "scenario.lua:18: event 'e1': a table of names has a key that is not a string\n"
    "scenario.lua:18: event 'e1': state 'k': values are numbers, strings or booleans (got table)\n"
    "scenario.lua:18: event 'e1': unknown ending 'nope' in 'finish' (endings are en, en2)\n"
    "scenario.lua:19: event 'e1': field 'run' must be a function (got number)\n"
    "scenario.lua:19: event 'e1': field 'after' must be a whole number from 0 to 200\n"
    "scenario.lua:19: event 'e1': chance must lie between 0 and 1\n"
    "scenario.lua:19: event 'e1': 'otherwise' only makes sense with a 'chance' below 1\n"
    "scenario.lua:21: event 'e1' option 'o1': field 'cost' must be a whole number from 0 to 100\n"
    "scenario.lua:23: event 'e1' option 'o1': unknown field 'extra' (fields of requires are "
    "chosen, not_chosen, delivered, cards, min, max, state, turn, why, check)\n"
    "scenario.lua:21: event 'e1' option 'o1': event 'e2' has no option 'x' in 'chosen' (it has no "
    "options)\n"
    "scenario.lua:21: event 'e1' option 'o1': 'nodot' in 'not_chosen' should name an option as "
    "\"event.option\"\n"
    "scenario.lua:22: event 'e1' option 'o1': field 'delivered' must list strings (item 2 is not)\n"
    "scenario.lua:22: event 'e1' option 'o1': unknown card 'cz' in 'cards' (did you mean 'c1'? "
    "cards are c1, c2, c3)\n"
    "scenario.lua:22: event 'e1' option 'o1': unknown meter 'zz' in 'min' (meters are m, n, o, p)\n"
    "scenario.lua:22: event 'e1' option 'o1': a table of names has a key that is not a string\n"
    "scenario.lua:23: event 'e1' option 'o1': field 'turn' must be a whole number from 0 to 200\n"
    "scenario.lua:23: event 'e1' option 'o1': field 'why' must be a string (got number)\n"
    "scenario.lua:23: event 'e1' option 'o1': field 'check' must be a function (got number)\n"
    "scenario.lua:24: event 'e1' option 'o1': effects[2] must be a table of effects\n"
    "scenario.lua:24: event 'e1' option 'o1': chance must lie between 0 and 1\n"
    "scenario.lua:29: event 'e2': unknown role 'zz' in 'to' (roles are a, b, a, Bad Id)\n"
    "scenario.lua:29: event 'e2': field 'to' must list strings (item 3 is not)\n"
    "scenario.lua:29: event 'e2': unknown role 'q' in 'decider' (roles are a, b, a, Bad Id)\n"
    "scenario.lua:30: event 'e2': field 'source' must be a source id or a list of them\n"
    "scenario.lua:30: event 'e2': field 'when' must be a function (got number)\n"
    "scenario.lua:30: event 'e2': event 'e1' has no option 'o9' in 'after' (did you mean 'o1'? its "
    "options are o1, o1, o3)\n"
    "scenario.lua:31: event 'e3': field 'title' is required\n"
    "scenario.lua:31: event 'e3': unknown event 'nodot' in 'after' (events are e1, e2, e3, e4)\n"
    "scenario.lua:32: event 'e4': field 'to' must be a string or a list of strings\n"
    "scenario.lua:32: event 'e4': field 'options' must be a table (got number)\n"
    "scenario.lua:33: action 'act': unknown role 'zz' in 'role' (roles are a, b, a, Bad Id)\n"
    "scenario.lua:33: action 'act': field 'cost' must be a whole number from 0 to 100\n"
    "scenario.lua:35: action 'act': field 'effects' must be a table (got number)\n"
    "scenario.lua:35: action 'act': field 'turn' must be a whole number from 1 to 200\n"
    "scenario.lua:35: action 'act': an action's 'historical' lists turns or { turn = n, target = "
    "\"id\" }\n"
    "scenario.lua:34: action 'act': field 'id' is required\n"
    "scenario.lua:34: action 'act': targets[3] must be an id or { id = ..., label = ... }\n"
    "scenario.lua:34: action 'act': targets[4] must be an id or { id = ..., label = ... }\n"
    "scenario.lua:34: action 'act': targets[5] must be an id or { id = ..., label = ... }\n"
    "scenario.lua:35: action 'act': historical target 't9' is not one of the action's targets\n"
    "scenario.lua:33: action 'act': field 'max_uses' must be a whole number from 0 to 100000\n"
    "scenario.lua:33: action 'act': field 'once_per_turn' must be a boolean (got number)\n"
    "scenario.lua:36: action 'act2': field 'role' is required\n"
    "scenario.lua:36: action 'act2': an action's 'historical' is a turn or a list of turns\n"
    "scenario.lua:38: board 'bd': unknown field 'zz' (fields of board are id, title, text, "
    "columns, rows, column_attr, row_attr, hypotheses, graded_by)\n"
    "scenario.lua:38: board 'bd': columns[2] must be a string\n"
    "scenario.lua:38: board 'bd': field 'rows' must be a table (got string)\n"
    "scenario.lua:38: board 'bd': field 'column_attr' must be a string (got number)\n"
    "scenario.lua:39: card 'c1': attrs.c must be a string or a number\n"
    "scenario.lua:40: card 'c2': unknown board 'nob' in 'board' (boards are bd)\n"
    "scenario.lua:40: card 'c2': field 'attrs' must be a table (got number)\n"
    "scenario.lua:41: card 'c3': field 'board' is required\n"
    "scenario.lua:42: objective 'ob': field 'score' is required: function(g) → \"P\", \"S\", \"M\" "
    "or \"U\"\n"
    "scenario.lua:43: objective 'ob': field 'score' must be a function (got string)\n"
    "scenario.lua:44: ending 'en': an early ending needs a 'when'\n"
    "scenario.lua:45: ending 'en2': field 'when' must be a function (got number)\n"
    "scenario.lua:45: ending 'en2': field 'early' must be a boolean (got string)\n"
    "scenario.lua:46: variant 'v': weight must not be negative\n"
    "scenario.lua:47: variant 'v2': field 'truth' is required\n"
    "scenario.lua:47: variant 'v2': field 'weight' must be a number (got string)\n"
    "scenario.lua:50: question: unknown field 'txt' (did you mean 'text'? fields of question are "
    "text, turn)\n"
    "scenario.lua:50: question: field 'text' is required\n"
    "scenario.lua:51: question: field 'text' is required\n";

static void test_every_message(void)
{
    err[0] = '\0';
    script *s = script_load(folder(mistakes, 0), NULL, err, sizeof err);
    CHECK(s == NULL);
    script_free(s);
    CHECK_EQ_STR(err, mistakes_said);
}

/* The API table itself: a kind's fields together (api_fields_of relies on
   it), typos caught, and each document section generated. */
static void test_api_table(void)
{
    int seen[K_COUNT] = {0};
    for (int i = 0; i < F_COUNT; i++)
        if (i == 0 || api_fields[i].kind != api_fields[i - 1].kind) {
            CHECK_MSG(!seen[api_fields[i].kind], "the fields of %s are not together (%s)",
                      api_kinds[api_fields[i].kind].name, api_fields[i].name);
            seen[api_fields[i].kind] = 1;
        }
    int n;
    const api_field *f = api_fields_of(K_event, &n);
    CHECK(f == &api_fields[F_event_id]);
    CHECK_EQ_INT(n, F_event_historical - F_event_id + 1);
    CHECK_EQ_INT(api_field_find(K_action, "once_per_turn"), F_action_once_per_turn);
    CHECK_EQ_INT(api_field_find(K_option, "once_per_turn"), -1);
    CHECK_EQ_INT(api_id_field(K_card), F_card_id);
    CHECK_EQ_INT(api_id_field(K_clock), -1);
    CHECK_EQ_STR(api_field_near(K_event, "titel"), "title");
    CHECK_EQ_STR(api_field_near(K_event, "on_delivery"), "on_deliver");
    CHECK_EQ_STR(api_field_near(K_event, "xyz"), NULL);
    CHECK_EQ_STR(api_field_near(K_role, "id"), "id");
    CHECK_EQ_INT(api_choice(F_meter_good, "low"), GOOD_LOW);
    CHECK_EQ_INT(api_choice(F_event_channel, "intel"), CH_INTEL);
    for (int i = 0; i < F_COUNT; i++)
        CHECK_MSG(!strchr(api_fields[i].doc, '|'), "%s: a '|' breaks the table",
                  api_fields[i].name);
    strbuf md = {0};
    for (int i = 0; api_doc_section(i); i++) {
        md.len = 0;
        CHECK_EQ_INT(api_doc(api_doc_section(i), &md), 0);
        CHECK_MSG(md.len > 0 && strstr(md.s, "|---|"), "section %s", api_doc_section(i));
    }
    md.len = 0;
    CHECK_EQ_INT(api_doc("include", &md), -1); /* a kind without fields */
    CHECK_EQ_INT(api_doc("nonsense", &md), -1);
    sb_free(&md);
    expect_error("event { id = 'x', to = 'a', channel = 'phone', titel = 'X', text = 'x' }\n",
                 "event 'x': unknown field 'titel' (did you mean 'title'? fields of event are id, "
                 "title, text, to, decider, channel, source, turn, when, after, delay, from_turn, "
                 "options, expires, default, on_deliver, note, historical)");
}

/* A `when` that fails in play: its event is suspended, the facilitator is
   told once (with the file:line and the fix), and the game goes on; undo
   replays the same. */
static void test_broken_when(void)
{
    script *s = load("event { id = 'x', to = 'a', channel = 'phone', title = 'X', text = 'x',\n"
                     "  from_turn = 2, when = function(g)\n"
                     "    local t = nil\n"
                     "    return t.field end }\n"
                     "event { id = 'y', turn = 2, to = 'a', channel = 'phone', title = 'Y', "
                     "text = 'y' }\n");
    CHECK(s != NULL);
    if (!s) return;
    session *ss = session_new(script_scenario(s), script_host(s), 1, -1, 0, err, sizeof err);
    CHECK(ss != NULL);
    if (ss) {
        CHECK_EQ_INT(session_apply(ss, "end"), GAME_OK);
        CHECK_STR_HAS(ss->err, "scenario.lua:9: error: event 'x' is suspended at turn 2: its "
                               "`when` failed: attempt to index a nil value (local 't'); a value "
                               "is nil: a g.state key not set yet");
        CHECK_STR_HAS(ss->err, "(in event 'x' when (scenario.lua:7)). The game goes on without it");
        CHECK_EQ_INT(ss->g->turn, 2);
        CHECK_EQ_INT(ss->g->ev[1], EV_DELIVERED); /* the rest of the turn went on */
        uint64_t h = game_hash(ss->g);
        CHECK_EQ_INT(session_apply(ss, "note one"), GAME_OK);
        CHECK_EQ_STR(ss->err, ""); /* said once */
        CHECK_EQ_INT(session_apply(ss, "undo"), GAME_OK);
        CHECK(game_hash(ss->g) == h);
        CHECK_EQ_INT(ss->g->ev[0], EV_SUPPRESSED);
        CHECK_EQ_INT(session_apply(ss, "end"), GAME_OK);
        CHECK(ss->g->ended);
    }
    session_free(ss);
    script_free(s);
}

/* Issue 17's additions: their mistakes, and what g:cancel and computed
   texts do. */
static void test_new_api(void)
{
    expect_error("action { id = 'x', role = 'a', label = 'X', max_uses_per_target = 1 }\n",
                 "scenario.lua:6: action 'x': 'max_uses_per_target' needs 'targets'");
    expect_error("board { id = 'b', title = 'B' }\n"
                 "card { id = 'c', board = 'b', title = 'C', text = 'x',\n"
                 "  source = { 'fiction', 'fictoin' } }\n",
                 "scenario.lua:8: card 'c': unknown source 'fictoin' (did you mean 'fiction'?)");
    expect_error("ending { id = 'z', title = 'Z', text = 5, when = function(g) return true end }\n",
                 "scenario.lua:6: ending 'z': field 'text' must be a string or a function(g) "
                 "returning one (got number)");
    /* The base's ending comes first: these scenarios bring their own. */
    static const char *head = "scenario { id = 't', title = 'T', summary = 'S' }\n"
                              "role { id = 'a', name = 'A', brief = 'B' }\n"
                              "meter { id = 'm', name = 'M', start = 50 }\n"
                              "clock { 'one', 'two' }\n";
    strbuf b = {0};
    sb_printf(
        &b, "%s%s", head,
        "event { id = 'x', to = 'a', channel = 'phone', title = 'X', text = 'x',\n"
        "  after = 'y' }\n"
        "event { id = 'y', turn = 2, to = 'a', channel = 'phone', title = 'Y', text = 'y' }\n"
        "action { id = 'c', role = 'a', label = 'C', cost = 0, once_per_turn = false,\n"
        "  effects = { run = function(g) g.state.r = g:cancel('x') end } }\n"
        "action { id = 'd', role = 'a', label = 'D', cost = 0,\n"
        "  effects = { run = function(g) g:deliver('x') end } }\n"
        "ending { id = 'f', title = 'F', text = function(g) return 'turn ' .. g.turn end }\n");
    script *s = script_load(folder(b.s, 0), NULL, err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    session *ss = session_new(script_scenario(s), script_host(s), 1, -1, 0, err, sizeof err);
    const game *g = ss ? ss->g : NULL;
    if (ss) {
        CHECK_EQ_INT(session_apply(ss, "act a c"), GAME_OK);
        CHECK(kv_get(&g->state, "r") && kv_get(&g->state, "r")->num == 1); /* still to come */
        CHECK_EQ_INT(session_apply(ss, "act a c"), GAME_OK);
        CHECK(kv_get(&g->state, "r")->num == 0); /* already cancelled */
        CHECK_EQ_INT(session_apply(ss, "end"), GAME_OK);
        CHECK_EQ_INT(g->ev[1], EV_DELIVERED);
        CHECK_EQ_INT(g->ev[0], EV_CANCELLED); /* its `after` no longer delivers it */
        CHECK_EQ_INT(session_apply(ss, "act a d"), GAME_OK);
        CHECK_EQ_INT(g->ev[0], EV_DELIVERED); /* g:deliver still can */
        CHECK_EQ_INT(session_apply(ss, "end"), GAME_OK);
        CHECK(g->ended);
        CHECK_EQ_STR(game_ending_text(g), "turn 2"); /* computed when it was chosen */
    }
    session_free(ss);
    script_free(s);
    /* A delivery that cancels one queued before it: the next one due still comes. */
    b.len = 0;
    sb_printf(
        &b, "%s%s", head,
        "event { id = 'a', to = 'a', channel = 'phone', title = 'A', text = 'a' }\n"
        "event { id = 'b', to = 'a', channel = 'phone', title = 'B', text = 'b',\n"
        "  on_deliver = { run = function(g) g:cancel('a') end } }\n"
        "event { id = 'c', to = 'a', channel = 'phone', title = 'C', text = 'c' }\n"
        "action { id = 'q', role = 'a', label = 'Q', cost = 0,\n"
        "  effects = { run = function(g) g:after(3, 'a') g:after(1, 'b') g:after(1, 'c') end } }\n"
        "ending { id = 'f', title = 'F', text = 'x' }\n");
    s = script_load(folder(b.s, 0), NULL, err, sizeof err);
    CHECK(s != NULL);
    if (!s) return;
    ss = session_new(script_scenario(s), script_host(s), 1, -1, 0, err, sizeof err);
    if (ss) {
        CHECK_EQ_INT(session_apply(ss, "act a q"), GAME_OK);
        CHECK_EQ_INT(session_apply(ss, "end"), GAME_OK);
        CHECK_EQ_INT(ss->g->ev[0], EV_CANCELLED);
        CHECK_EQ_INT(ss->g->ev[1], EV_DELIVERED);
        CHECK_EQ_INT(ss->g->ev[2], EV_DELIVERED);
    }
    session_free(ss);
    script_free(s);
    b.len = 0;
    sb_printf(&b, "%s%s", head,
              "ending { id = 'f', title = 'F', text = 'x' }\n"
              "objective { id = 'o', title = 'O', score = function(g) return 'P' end,\n"
              "  text = function(g) return 5 end }\n");
    s = script_load(folder(b.s, 0), NULL, err, sizeof err);
    sb_free(&b);
    CHECK(s != NULL);
    if (!s) return;
    ss = session_new(script_scenario(s), script_host(s), 1, -1, 0, err, sizeof err);
    if (ss) {
        CHECK_EQ_INT(session_apply(ss, "end"), GAME_OK);
        CHECK_EQ_INT(session_apply(ss, "end"), GAME_SCRIPT_ERROR);
        CHECK_STR_HAS(ss->err, "objective 'o' text (scenario.lua:7): must return a string");
    }
    session_free(ss);
    script_free(s);
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

/* A scenario whose events' conditions each use about 400,000 instructions,
   on the turns `when` allows; loaded with small ceilings across callbacks. */
static script *load_heavy(int nevents, const char *when, long per_turn, long per_game)
{
    strbuf b = {0};
    sb_printf(&b,
              "for i = 1, %d do\n"
              "  event { id = 'e' .. i, to = 'a', channel = 'phone', title = 'X', text = 'x',\n"
              "    when = function(g) if %s then local x = 0 for j = 1, 200000 do x = x + j end "
              "end return false end }\n"
              "end\n",
              nevents, when);
    err[0] = '\0';
    script *s = script_load(folder(b.s, 1), NULL, err, sizeof err);
    sb_free(&b);
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "%s\n", err);
        return NULL;
    }
    if (per_turn) s->acct.turn_instructions = per_turn;
    if (per_game) s->acct.game_instructions = per_game;
    return s;
}

static void test_ceilings(void)
{
    /* Five conditions of 400,000 instructions against a turn's 1,000,000. */
    script *s = load_heavy(5, "true", 1000000, 0);
    if (s) {
        const char *e = start_game(s);
        CHECK_STR_HAS(e, "used more than 1000000 instructions in this turn (turn 1)");
        CHECK_STR_HAS(e, "heaviest: event 'e1' when (scenario.lua:8) (");
        script_free(s);
    }
    /* One a turn against a game's 700,000: the second turn is too many. */
    s = load_heavy(1, "true", 0, 700000);
    if (s) {
        session *ss = session_new(script_scenario(s), script_host(s), 1, -1, 0, err, sizeof err);
        CHECK(ss != NULL);
        CHECK(ss && session_apply(ss, "end") == GAME_SCRIPT_ERROR);
        if (ss) CHECK_STR_HAS(ss->err, "used more than 700000 instructions in this game (turn 2)");
        session_free(ss);
        script_free(s);
    }
    /* A front end asking whether an action is available (every redraw) is
       no part of the game: any number of asks leaves it alone. */
    err[0] = '\0';
    s = script_load(folder("action { id = 'q', role = 'a', label = 'Q', requires = function(g)\n"
                           "  local x = 0 for j = 1, 200000 do x = x + j end return true end }\n",
                           1),
                    NULL, err, sizeof err);
    CHECK(s != NULL);
    if (s) {
        s->acct.turn_instructions = 1000000;
        session *ss = session_new(script_scenario(s), script_host(s), 1, -1, 0, err, sizeof err);
        CHECK(ss != NULL);
        for (int i = 0; ss && i < 10; i++) CHECK(game_move_available(ss->g, 0, 0, NULL, 0) == 1);
        CHECK(ss && !ss->g->failed);
        session_free(ss);
        script_free(s);
    }
    /* A game started again is another game: its count starts from zero. */
    s = load_heavy(1, "g.turn == 1", 0, 700000);
    if (s) {
        session *ss = session_new(script_scenario(s), script_host(s), 1, -1, 0, err, sizeof err);
        CHECK(ss != NULL);
        for (int i = 0; ss && i < 4; i++) CHECK(game_reset(ss->g, 1, -1) == 0);
        session_free(ss);
        script_free(s);
    }
}

/* What a callback is charged does not depend on what ran before it in the
   same Lua state: the same game played first (as a replay plays it) and
   after other games (as a batch plays its later games, on a stack and a
   string table those games grew) uses the same instructions, so a budget
   or a ceiling near that count decides both alike. */
static void test_charge_history(void)
{
    script *s = load("local WEIGHTS = { a = 1, b = 2, c = 3 } -- pairs keeps its keys\n"
                     "event { id = 'x', turn = 1, to = 'a', channel = 'phone', title = 'X',\n"
                     "  text = 'x', on_deliver = { run = function(g)\n"
                     "    local function deep(n) if n > 0 then return 1 + deep(n - 1) end "
                     "return 0 end\n"
                     "    for k, v in pairs(WEIGHTS) do g:add('m', v) end\n"
                     "    local t = {}\n"
                     "    for i = 1, 20000 do t[i] = 'k' .. i .. g.turn end\n"
                     "    g.state.n = deep(4000) + #t + #table.concat(t, ',', 1, 100)\n"
                     "  end } }\n");
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "%s\n", err);
        return;
    }
    long used[4];
    for (int i = 0; i < 4; i++) {
        CHECK_EQ_STR(start_game(s), "");
        used[i] = s->used; /* the last callback of the start: the one above */
    }
    CHECK(used[0] > 100000);
    for (int i = 1; i < 4; i++)
        CHECK_MSG(used[i] == used[0], "game %d used %ld, the first %ld", i + 1, used[i], used[0]);
    /* A budget just below or above that count: every game alike. */
    for (int above = 0; above < 2; above++) {
        s->lim.instructions = used[0] + (above ? 2000 : -2000);
        for (int i = 0; i < 4; i++) {
            const char *e = start_game(s);
            CHECK_MSG(above ? !*e : strstr(e, "instruction budget exceeded") != NULL,
                      "budget %ld, game %d: '%s'", s->lim.instructions, i + 1, e);
        }
    }
    script_free(s);
}

/* table.sort's pivot no longer comes from the clock, so an input can be
   made quadratic for it (McIlroy's adversary: a comparator that fixes the
   values only as the sort asks, always against it); such an input, sorted
   with the plain <, meets the budget, because each partition is charged
   its elements. The same number of shuffled values sorts well within it. */
static void test_sort_quadratic(void)
{
    script *s = load("function killer(n)\n"
                     "  local gas, val, solid, cand, items = n + 1, {}, 0, nil, {}\n"
                     "  for i = 1, n do val[i], items[i] = gas, i end\n"
                     "  table.sort(items, function(x, y)\n"
                     "    if val[x] == gas and val[y] == gas then\n"
                     "      if x == cand then val[x] = solid else val[y] = solid end\n"
                     "      solid = solid + 1\n"
                     "    end\n"
                     "    if val[x] == gas then cand = x elseif val[y] == gas then cand = y end\n"
                     "    return val[x] < val[y]\n"
                     "  end)\n"
                     "  for i = 1, n do if val[i] == gas then val[i] = solid end end\n"
                     "  return val\n"
                     "end\n"
                     "function shuffled(n)\n"
                     "  local t = {}\n"
                     "  for i = 1, n do t[i] = (i * 7919) % n end\n"
                     "  return t\n"
                     "end\n"
                     "function sort_plain(t) table.sort(t) end\n");
    CHECK(s != NULL);
    if (!s) {
        fprintf(stderr, "%s\n", err);
        return;
    }
    lua_State *L = s->L;
    const char *make[] = {"shuffled", "killer"};
    for (int i = 0; i < 2; i++) {
        lua_getglobal(L, "sort_plain");
        lua_getglobal(L, make[i]);
        lua_pushinteger(L, 3000);
        CHECK(sbx_call_limited(s, 1, 1, "make", 2000000000L, 60000, err, sizeof err) == 0);
        int rc = sbx_call_limited(s, 1, 0, "sort", 5000000, 60000, err, sizeof err);
        CHECK_MSG(i ? rc != 0 && strstr(err, "instruction budget exceeded") : rc == 0, "%s: %s",
                  make[i], rc ? err : "sorted");
        if (!i) CHECK_MSG(s->used < 500000, "shuffled values cost %ld", s->used);
    }
    script_free(s);
}

/* g as callbacks read it: plain values kept up to date before each
   callback and after each change (a declared state effect of an event
   g:deliver sends, a nested callback with its own target, the callback's
   own writes), and read live from the game by a test that holds g while
   it plays commands. */
static const char *view_scenario =
    "event { id = 'inner', to = 'a', channel = 'phone', title = 'I', text = 'i',\n"
    "  on_deliver = { state = { fromc = 7 }, run = function(g)\n"
    "    g.state.inner_target = tostring(g.target) end } }\n"
    "event { id = 'side', to = 'a', channel = 'phone', title = 'S', text = 's',\n"
    "  on_deliver = { state = { fromc = 8 } } }\n"
    "event { id = 'later', to = 'a', channel = 'phone', title = 'L', text = 'l',\n"
    "  on_deliver = { state = { later = 'yes' } } }\n"
    "action { id = 'act', role = 'a', label = 'Act', targets = { 'north', 'south' },\n"
    "  effects = { run = function(g)\n"
    "    assert(g.state.fromc == nil, 'not yet')\n"
    "    local t1 = g.target\n"
    "    g:deliver('inner')\n"
    "    assert(g.state.fromc == 7, 'the state g:deliver wrote: ' .. tostring(g.state.fromc))\n"
    "    assert(g.target == t1, 'the target after a nested callback: ' .. "
    "tostring(g.target))\n"
    "    g:deliver('side')\n"
    "    assert(g.state.fromc == 8, 'a declared effect, no callback: ' .. "
    "tostring(g.state.fromc))\n"
    "    g.state.x = 3\n"
    "    assert(g.state.x == 3 and math.type(g.state.x) == 'float', 'stored as a number')\n"
    "    g.state['1'] = 'one'\n"
    "    assert(g.state[1] == 'one', 'a number key reads as a string')\n"
    "    g.state.x = nil\n"
    "    assert(g.state.x == nil, 'removed')\n"
    "    assert(not pcall(function() return g.state[true] end), 'a boolean key')\n"
    "    g.state.done = g.turn .. g.role\n"
    "  end } }\n"
    "action { id = 'send', role = 'a', label = 'Send', effects = { deliver = { 'later' } } }\n"
    "meter { id = 'a_meter_whose_id_is_forty_bytes_long_123', name = 'L', start = 7 }\n"
    "action { id = 'names', role = 'a', label = 'Names', effects = { run = function(g)\n"
    "  local long = 'a_meter_whose_id_is_forty_bytes_long_123'\n"
    "  for _ = 1, 3 do\n"
    "    assert(g:meter('m') == 50 and g:meter(long) == 7, 'names, again and again')\n"
    "    assert(g:meter(long:sub(1, 10) .. long:sub(11)) == 7, 'an equal string')\n"
    "  end\n"
    "  local ok, err = pcall(g.revealed, g, 'm')\n"
    "  assert(not ok and err:find(\"unknown card 'm'\"), 'a meter is no card: ' .. tostring(err))\n"
    "  g.state.names = 'ok'\n"
    "end } }\n";

static void test_view(void)
{
    script *s = load(view_scenario);
    CHECK_MSG(s != NULL, "%s", err);
    if (!s) return;
    char gerr[2048];
    session *ss = session_new(script_scenario(s), script_host(s), 1, -1, 0, gerr, sizeof gerr);
    CHECK(ss != NULL);
    CHECK(ss && session_apply(ss, "act a act north") == GAME_OK);
    if (ss) CHECK_MSG(!ss->g->failed, "%s", ss->g->err);
    const val *v = ss ? kv_get(&ss->g->state, "done") : NULL;
    CHECK(v && v->type == VAL_STR && strcmp(v->str, "1a") == 0);
    v = ss ? kv_get(&ss->g->state, "inner_target") : NULL;
    CHECK(v && v->type == VAL_STR && strcmp(v->str, "nil") == 0);
    CHECK(ss && session_apply(ss, "act a names") == GAME_OK);
    if (ss) CHECK_MSG(!ss->g->failed, "%s", ss->g->err);
    v = ss ? kv_get(&ss->g->state, "names") : NULL;
    CHECK(v && v->type == VAL_STR && strcmp(v->str, "ok") == 0);
    session_free(ss);
    script_free(s);
    /* A test holding g reads what the commands changed, callbacks or not. */
    const char *dir = folder(view_scenario, 1);
    char tdir[600];
    str_fmt(tdir, sizeof tdir, "%s/tests", dir);
    mkdir(tdir, 0755);
    write_file(tdir, "view.lua",
               "test('g read live', function(t)\n"
               "  t:start{ seed = 1 }\n"
               "  local g = t.g\n"
               "  t:eq(g.turn, 1, 'turn 1')\n"
               "  t:cmd('act a act south')\n"
               "  t:eq(g.state.done, '1a', 'written by the callback')\n"
               "  t:eq(g.target, nil, 'no target outside the callback')\n"
               "  t:cmd('act a send')\n"
               "  t:eq(g.state.later, 'yes', 'written by a declared effect, no callback after')\n"
               "  t:cmd('end')\n"
               "  t:eq(g.turn, 2, 'turn 2')\n"
               "  t:eq(g.state.done, '1a', 'kept')\n"
               "end)\n");
    FILE *out = tmpfile();
    CHECK(script_run_tests(dir, NULL, out) == 0);
    rewind(out);
    char line[512];
    while (fgets(line, sizeof line, out))
        if (strncmp(line, "ok", 2) != 0) fprintf(stderr, "%s", line);
    fclose(out);
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
    test_field_lines();
    test_broken_when();
    test_new_api();
    test_every_message();
    test_api_table();
    test_random();
    test_ceilings();
    test_charge_history();
    test_view();
    test_sort_quadratic();
    char rm_cmd[600];
    str_fmt(rm_cmd, sizeof rm_cmd, "rm -rf '%s'", root);
    if (system(rm_cmd) != 0) fprintf(stderr, "could not remove %s\n", root);
    return check_report("sandbox");
}
