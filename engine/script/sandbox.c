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
#include <time.h>

#include "infile.h"
#include "script_int.h"

/* The script rides in every thread's extra space (new threads copy the
   main thread's), so the hook finds it without a table lookup. */
script *sbx_self(lua_State *L)
{
    return *(script **)lua_getextraspace(L);
}

long sbx_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Memory ------------------------------------------------------------------- */

static void sbx_hook(lua_State *L, lua_Debug *ar);

/* Is this block one whose size the script's own operations decide? Only
   new objects (Lua passes their type as osize): a string, table, closure,
   userdata or thread of at least SCRIPT_CHARGE_MIN_BYTES. Not the blocks
   Lua resizes (a thread's stack, the string table, a table's parts, a
   buffer): their sizes depend on what the collector did before (a batch's
   fifth game finds a stack that an earlier game grew, a replay does not),
   and what fills them is paid by the instructions that fill it. Not short
   strings either: Lua reuses one while an equal string is alive or not yet
   collected. So a callback is charged the same in a batch and in a replay. */
static int charged_block(const void *ptr, size_t osize, size_t nsize)
{
    if (ptr || nsize < SCRIPT_CHARGE_MIN_BYTES) return 0;
    return osize == LUA_TSTRING || osize == LUA_TTABLE || osize == LUA_TFUNCTION ||
           osize == LUA_TUSERDATA || osize == LUA_TTHREAD;
}

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
    if (s->metered && nsize > old) {
        if (s->killed && nsize - old > 4096) return NULL; /* room for messages */
        if (charged_block(ptr, osize, nsize)) {
            /* Copying bytes takes time the count hook does not see (a .. b
               is one instruction): bytes allocated cost instructions too. */
            s->left -= (long)(nsize / SCRIPT_BYTES_PER_INSTRUCTION);
            if (nsize >= SCRIPT_SAMPLE_BYTES && !s->sampling && !s->killed) {
                /* A big block: note the place at the next instruction, so
                   that running out of memory soon after can say where. */
                s->sampling = 1;
                lua_sethook(s->L, sbx_hook, LUA_MASKCOUNT, 1);
            }
        }
    }
    void *p = realloc(ptr, nsize);
    if (!p) return NULL;
    s->mem = s->mem - old + nsize;
    if (s->mem > s->mem_peak) s->mem_peak = s->mem;
    return p;
}

/* Time --------------------------------------------------------------------- */

static int kill(lua_State *L, script *s, int level);

/* Read the clock; a callback's starts at its first step (start_ms < 0
   until then), so that a callback too short for a step reads it never. */
static int past_deadline(script *s)
{
    s->seen_ms = sbx_now_ms();
    if (s->start_ms < 0) s->start_ms = s->seen_ms, s->deadline = s->seen_ms + s->limit_ms;
    return s->seen_ms >= s->deadline;
}

/* Every SCRIPT_HOOK_STEP instructions: charge them, note where the script
   is (for errors without a traceback, such as running out of memory), and
   stop it past the budget or the time limit. The time limit is a safety
   net for single instructions that take long (comparing two huge strings):
   the instruction budget, which does not depend on the machine, is what
   ordinary scripts meet first. */
static void sbx_hook(lua_State *L, lua_Debug *ar)
{
    script *s = sbx_self(L);
    if (!s->metered) return;
    /* Called a step after the last call, or at the instruction after a big
       allocation (sampling: one instruction, then steps again). */
    int sampled = s->sampling;
    s->left -= sampled ? 1 : SCRIPT_HOOK_STEP;
    if (!s->killed && (sampled || ++s->hooks % 4 == 0) && lua_getinfo(L, "Sl", ar) &&
        ar->currentline > 0)
        str_fmt(s->near, sizeof s->near, "%s:%d",
                ar->source[0] == '@' ? ar->source + 1 : ar->short_src, ar->currentline);
    if (sampled) {
        s->sampling = 0;
        if (!s->killed) lua_sethook(L, sbx_hook, LUA_MASKCOUNT, SCRIPT_HOOK_STEP);
    }
    if (!s->killed && s->left > 0 && !past_deadline(s)) return;
    if (!s->killed && s->left > 0) s->timed_out = 1;
    kill(L, s, 0); /* in a hook, level 0 is the function interrupted */
}

/* Sticky: once killed, every later step raises again, so a script's own
   pcall can catch the error but never carry on. */
static int kill(lua_State *L, script *s, int level)
{
    if (!s->killed) {
        lua_Debug ar;
        s->killed_at[0] = '\0';
        if (lua_getstack(L, level, &ar) && lua_getinfo(L, "Sl", &ar) && ar.currentline > 0)
            str_fmt(s->killed_at, sizeof s->killed_at, "%s:%d",
                    ar.source[0] == '@' ? ar.source + 1 : ar.short_src, ar.currentline);
    }
    s->killed = 1;
    lua_sethook(L, sbx_hook, LUA_MASKCOUNT, 1);
    luaL_where(L, level);
    if (s->timed_out)
        lua_pushfstring(L, "time limit exceeded (%I ms)", (lua_Integer)s->limit_ms);
    else
        lua_pushfstring(L, "instruction budget exceeded (%I instructions)", (lua_Integer)s->budget);
    lua_concat(L, 2);
    return lua_error(L);
}

long sbx_budget(lua_State *L)
{
    script *s = sbx_self(L);
    if (!s || !s->metered) return SCRIPT_PATTERN_STEPS;
    return s->killed ? 0 : s->left;
}

void sbx_charge(lua_State *L, long used)
{
    script *s = sbx_self(L);
    if (!s || !s->metered) return;
    s->left -= used;
    if (s->left <= 0 || s->killed) kill(L, s, 1); /* level 1: the caller of the C function */
}

/* Errors ------------------------------------------------------------------- */

static int sbx_traceback(lua_State *L)
{
    /* Building the message is our own work: not charged, so that a killed
       script's message can still be built. Metering comes back on before
       the handler returns: the pending to-be-closed variables' __close
       handlers run after it, and they are the script's code. */
    script *s = sbx_self(L);
    int metered = s->metered;
    s->metered = 0;
    const char *msg = lua_tostring(L, 1);
    if (!msg) /* no __tostring: it would be the script's code, run here */
        msg = lua_pushfstring(L, "(error object is a %s value)", luaL_typename(L, 1));
    luaL_traceback(L, L, msg, 1);
    s->metered = metered;
    return 1;
}

static void describe_failure(script *s, const char *msg, const char *where, char *err,
                             size_t errlen)
{
    /* Memory errors come without a traceback: say where the script was
       last seen. */
    char near[200] = "", at[200] = "";
    /* NULL where: the caller names the place itself (host.c does, only when
       something failed, to keep the common path free of formatting). */
    if (where) str_fmt(at, sizeof at, "%s: ", where);
    if (s->killed && s->killed_at[0])
        str_fmt(near, sizeof near, " at %s", s->killed_at);
    else if (s->near[0] && !strstr(msg, s->near))
        str_fmt(near, sizeof near, " near %s", s->near);
    if (s->killed && s->timed_out)
        str_fmt(err, errlen, "%stime limit exceeded (%ld ms)%s; is there an endless loop?\n%s", at,
                s->limit_ms, near, msg);
    else if (s->killed)
        str_fmt(err, errlen,
                "%sinstruction budget exceeded (%ld instructions)%s; is there an "
                "endless loop?\n%s",
                at, s->budget, near, msg);
    else if (s->mem_hit)
        str_fmt(err, errlen, "%sout of memory (limit %zu MiB)%s\n%s", at, s->lim.memory >> 20, near,
                msg);
    else
        str_fmt(err, errlen, "%s", msg);
}

/* What a call changes of the script's metering, kept for a metered call
   around it (a scenario's test runs callbacks inside its own call). */
typedef struct meter_state {
    int killed, timed_out, mem_hit, sampling;
    long budget, left, limit_ms, deadline, start_ms;
    long call_bytes, call_lines_dropped, call_bytes_dropped; /* print's, in this call */
    char near[sizeof((script *)0)->near], killed_at[sizeof((script *)0)->killed_at];
} meter_state;

static void meter_save(const script *s, meter_state *m)
{
    m->budget = s->budget, m->left = s->left;
    m->killed = s->killed, m->timed_out = s->timed_out, m->mem_hit = s->mem_hit;
    m->sampling = s->sampling;
    m->limit_ms = s->limit_ms, m->deadline = s->deadline, m->start_ms = s->start_ms;
    m->call_bytes = s->pr.call_bytes;
    m->call_lines_dropped = s->pr.call_lines_dropped;
    m->call_bytes_dropped = s->pr.call_bytes_dropped;
    memcpy(m->near, s->near, sizeof m->near);
    memcpy(m->killed_at, s->killed_at, sizeof m->killed_at);
}

static void meter_restore(script *s, const meter_state *m)
{
    s->left = m->left - s->used; /* the outer call pays for what it asked for */
    s->budget = m->budget;
    s->killed = m->killed, s->timed_out = m->timed_out, s->mem_hit = m->mem_hit;
    s->sampling = m->sampling;
    s->limit_ms = m->limit_ms, s->deadline = m->deadline, s->start_ms = m->start_ms;
    s->pr.call_bytes = m->call_bytes;
    s->pr.call_lines_dropped = m->call_lines_dropped;
    s->pr.call_bytes_dropped = m->call_bytes_dropped;
    memcpy(s->near, m->near, sizeof m->near);
    memcpy(s->killed_at, m->killed_at, sizeof m->killed_at);
    lua_sethook(s->L, sbx_hook, LUA_MASKCOUNT, s->killed || s->sampling ? 1 : SCRIPT_HOOK_STEP);
}

/* lazy_clock: the call's clock starts at its first step (a callback core
   asks for), else now (a call that may spend long in C before its first
   step, as a scenario's test does in t:play, counts that time too). */
static int run_call(script *s, int nargs, int nres, const char *where, long budget, long time_ms,
                    int lazy_clock, char *err, size_t errlen)
{
    lua_State *L = s->L;
    int base = lua_gettop(L) - nargs, handler = SBX_HANDLER_SLOT;
    if (lua_tocfunction(L, handler) != sbx_traceback) { /* the slot was not kept */
        lua_pushcfunction(L, sbx_traceback);
        lua_insert(L, base);
        handler = base;
    }
    s->metered = 1;
    s->budget = s->left = budget;
    s->killed = s->mem_hit = s->timed_out = 0;
    s->near[0] = s->killed_at[0] = '\0';
    s->sampling = 0;
    s->limit_ms = time_ms;
    s->start_ms = -1;
    if (!lazy_clock) past_deadline(s);
    lua_sethook(L, sbx_hook, LUA_MASKCOUNT, SCRIPT_HOOK_STEP);
    int rc = lua_pcall(L, nargs, nres, handler);
    int failed = rc != LUA_OK || s->killed;
    /* The time as the hook last saw it: no clock call of our own here
       (a call too short for the hook takes less than a step). */
    s->used = budget - s->left;
    s->used_ms = s->start_ms < 0 ? 0 : s->seen_ms - s->start_ms;
    if (s->pr.call_lines_dropped) sbx_print_call_end(s);
    s->pr.call_bytes = 0;
    if (failed) {
        const char *msg =
            rc != LUA_OK ? lua_tostring(L, -1) : "(the error was caught, then the script went on)";
        describe_failure(s, msg ? msg : "(error object is not a string)", where, err, errlen);
        lua_settop(L, base - 1);
    } else if (handler != SBX_HANDLER_SLOT) {
        lua_remove(L, handler);
    }
    return failed ? -1 : 0;
}

static int call_metered(script *s, int nargs, int nres, const char *where, long budget,
                        long time_ms, int lazy_clock, char *err, size_t errlen)
{
    if (!s->metered) {
        int rc = run_call(s, nargs, nres, where, budget, time_ms, lazy_clock, err, errlen);
        s->metered = s->killed = s->timed_out = 0;
        return rc;
    }
    /* Inside a metered call (a scenario's test): keep all of its state. */
    meter_state outer;
    meter_save(s, &outer);
    int rc = run_call(s, nargs, nres, where, budget, time_ms, 0, err, errlen);
    s->metered = 1;
    meter_restore(s, &outer);
    return rc;
}

int sbx_call_limited(script *s, int nargs, int nres, const char *where, long budget, long time_ms,
                     char *err, size_t errlen)
{
    return call_metered(s, nargs, nres, where, budget, time_ms, 0, err, errlen);
}

/* Outside a metered call (core asking for a callback, the load) the budget
   and the rest need not be kept: they are not read until the next call. */
int sbx_call(script *s, int nargs, int nres, const char *where, char *err, size_t errlen)
{
    return call_metered(s, nargs, nres, where, s->lim.instructions, s->time_ms, 1, err, errlen);
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

int sbx_load_file(script *s, const char *rel, char *err, size_t errlen)
{
    char full[PATH_MAX], why[512];
    if (sbx_check_path(rel, why, sizeof why)) {
        str_fmt(err, errlen, "%s", why);
        return -1;
    }
    str_fmt(full, sizeof full, "%s/%s", s->dir, rel);
    size_t len;
    char *text = inside_folder(s, full, why, sizeof why)
                     ? infile_read(full, SCRIPT_MAX_FILE, &len, why, sizeof why)
                     : NULL;
    if (!text) {
        str_fmt(err, errlen, "%s", why);
        return -1;
    }
    if (len && text[0] == LUA_SIGNATURE[0]) {
        str_fmt(err, errlen, "%s: binary chunks are not allowed; scenarios are Lua text", rel);
        free(text);
        return -1;
    }
    s->files_bytes += len;
    if (s->files_bytes > SCRIPT_MAX_TOTAL) {
        str_fmt(err, errlen, "%s: the scenario's files add up to more than %d MiB", rel,
                SCRIPT_MAX_TOTAL >> 20);
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
int sbx_include(lua_State *L)
{
    script *s = sbx_self(L);
    const char *rel = luaL_checkstring(L, 1);
    char err[1024];
    lua_getfield(L, LUA_REGISTRYINDEX, "crisisroom.included");
    if (lua_getfield(L, -1, rel) != LUA_TNIL) return 0;
    lua_pop(L, 1);
    if (++s->ninclude > SCRIPT_MAX_INCLUDES)
        return luaL_error(L, "%s: more than %d files", api_kinds[K_include].name,
                          SCRIPT_MAX_INCLUDES);
    /* The error names the included file's own line (a syntax error there),
       not the include call: raise it without adding a place. */
    if (sbx_load_file(s, rel, err, sizeof err)) {
        lua_pushstring(L, err);
        return lua_error(L);
    }
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
    /* The compiler is C, outside the budget: no more text than a file. */
    if (len > SCRIPT_MAX_FILE)
        return luaL_error(L, "load: chunk larger than %d MiB", (int)(SCRIPT_MAX_FILE >> 20));
    sbx_charge(L, (long)(len / 4)); /* compiling is C work too */
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

static void print_out(script *s, const char *msg)
{
    if (s->print)
        s->print(s->print_ud, msg);
    else
        fprintf(stderr, "%s\n", msg);
}

void sbx_print_game_end(script *s)
{
    sbx_printed *p = &s->pr;
    if (p->game_lines_dropped) {
        char msg[200];
        str_fmt(msg, sizeof msg,
                "(print: %ld more lines, %ld bytes, dropped in all: a scenario prints at most %d "
                "bytes per game)",
                p->game_lines_dropped, p->game_bytes_dropped, SCRIPT_MAX_PRINT_GAME);
        print_out(s, msg);
    }
    p->game_bytes = p->game_lines_dropped = p->game_bytes_dropped = 0;
}

void sbx_print_call_end(script *s)
{
    sbx_printed *p = &s->pr;
    if (p->call_lines_dropped && p->game_bytes < SCRIPT_MAX_PRINT_GAME) {
        char msg[200];
        str_fmt(msg, sizeof msg,
                "(print: %ld more lines, %ld bytes, dropped: at most %d bytes per callback)",
                p->call_lines_dropped, p->call_bytes_dropped, SCRIPT_MAX_PRINT_CALL);
        print_out(s, msg);
    }
    p->call_bytes = p->call_lines_dropped = p->call_bytes_dropped = 0;
}

/* Is there room for len more bytes of output? Counts what is dropped. */
static int print_room(script *s, size_t len)
{
    sbx_printed *p = &s->pr;
    uint64_t serial = s->g ? s->g->serial : 0;
    if (serial != p->serial) {
        sbx_print_game_end(s);
        p->serial = serial;
    }
    int full = p->game_bytes >= SCRIPT_MAX_PRINT_GAME;
    if (!full && p->call_bytes + (long)len <= SCRIPT_MAX_PRINT_CALL &&
        p->game_bytes + (long)len <= SCRIPT_MAX_PRINT_GAME) {
        p->call_bytes += (long)len, p->game_bytes += (long)len;
        return 1;
    }
    if (!full && p->game_bytes + (long)len > SCRIPT_MAX_PRINT_GAME) {
        p->game_bytes = SCRIPT_MAX_PRINT_GAME; /* full from now on: say so once */
        print_out(s, "(print: this game's output is used up; later prints are dropped)");
    }
    p->call_lines_dropped++, p->call_bytes_dropped += (long)len;
    p->game_lines_dropped++, p->game_bytes_dropped += (long)len;
    return 0;
}

static int sbx_print(lua_State *L)
{
    script *s = sbx_self(L);
    int n = lua_gettop(L); /* before the buffer adds to the stack */
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    luaL_where(L, 1);
    luaL_addvalue(&b);
    for (int i = 1; i <= n; i++) {
        if (i > 1) luaL_addchar(&b, '\t');
        luaL_tolstring(L, i, NULL);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    size_t len;
    const char *msg = lua_tolstring(L, -1, &len);
    if (print_room(s, len + 1)) print_out(s, msg);
    return 0;
}

/* math.random through the engine's generator ------------------------------- */

int sbx_random(lua_State *L)
{
    script *s = sbx_self(L);
    uint64_t r;
    if (!s->g) return luaL_error(L, "math.random: only available while a game runs");
    if (game_cb_random(s->g, &r)) return luaL_error(L, "%s", s->g->err);
    lua_Integer lo = 1, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (double)(r >> 11) * 0x1.0p-53);
        return 1;
    case 1:
        hi = luaL_checkinteger(L, 1);
        if (hi == 0) { /* as Lua: an integer with all its bits random */
            lua_pushinteger(L, (lua_Integer)r);
            return 1;
        }
        break;
    case 2:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "wrong number of arguments");
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), "interval is empty");
    /* In unsigned arithmetic, as Lua does: hi - lo and lo + r may not fit
       a signed integer (math.mininteger, math.maxinteger). */
    lua_Unsigned span = (lua_Unsigned)hi - (lua_Unsigned)lo;
    lua_Unsigned off = span == (lua_Unsigned)-1 ? r : r % (span + 1);
    lua_pushinteger(L, (lua_Integer)((lua_Unsigned)lo + off));
    return 1;
}

/* setmetatable without __gc: a finalizer runs whenever the collector
   decides, outside any budget, so an endless one would hang the engine. */
static int sbx_setmetatable(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, lua_isnoneornil(L, 2) || lua_istable(L, 2), 2, "nil or table");
    if (lua_istable(L, 2)) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "setmetatable: __gc finalizers are not allowed in scenarios");
    }
    lua_settop(L, 2);
    lua_getfield(L, LUA_REGISTRYINDEX, "crisisroom.setmetatable");
    lua_insert(L, 1);
    lua_call(L, 2, 1);
    return 1;
}

/* xpcall whose message handler is not called while the script is being
   stopped: Lua runs a handler with hooks off when the error comes from the
   hook, so a looping handler would never be stopped. */
static int safe_handler(lua_State *L)
{
    if (sbx_self(L)->killed) return 1; /* the message, as it is */
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int xpcall_done(lua_State *L, int status, lua_KContext base)
{
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2; /* false, message */
    }
    return lua_gettop(L) - (int)base; /* true, results */
}

static int sbx_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, safe_handler, 1);
    lua_replace(L, 2);
    lua_pushboolean(L, 1);
    lua_pushvalue(L, 1);
    lua_rotate(L, 3, 2); /* f, handler, true, f, args... */
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 2, 2, xpcall_done);
    return xpcall_done(L, status, 2);
}

/* Opening -------------------------------------------------------------------- */

lua_State *sbx_new(script *s)
{
    lua_State *L = lua_newstate(sbx_alloc, s);
    if (!L) return NULL;
    *(script **)lua_getextraspace(L) = s;
    lua_pushcfunction(L, sbx_traceback); /* at SBX_HANDLER_SLOT for good */
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
    sbx_open_patterns(L);
    sbx_open_libs(L);
    sbx_open_order(L);
    lua_getglobal(L, LUA_MATHLIBNAME);
    lua_pushcfunction(L, sbx_random);
    lua_setfield(L, -2, "random");
    lua_pop(L, 1);
    lua_getglobal(L, "setmetatable");
    lua_setfield(L, LUA_REGISTRYINDEX, "crisisroom.setmetatable");
    lua_register(L, "setmetatable", sbx_setmetatable);
    lua_register(L, "load", sbx_loadtext);
    lua_register(L, "print", sbx_print);
    lua_register(L, "pairs", sbx_pairs);
    lua_register(L, "xpcall", sbx_xpcall);
    lua_register(L, "next", sbx_next);
    /* Lua 5.4 has no global unpack; authors from 5.1 expect one. */
    lua_getglobal(L, LUA_TABLIBNAME);
    lua_getfield(L, -1, "unpack");
    lua_setglobal(L, "unpack");
    lua_pop(L, 1);
    /* The string metatable's __index is the string library: it must not
       lead to anything removed above (it does not: same table). */
}
