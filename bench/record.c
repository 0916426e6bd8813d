/*
 * record.c -- bench only: play a batch of a scenario on the real engine, as
 * `crisisroom batch` plays it (seed 1+r, the variant the seed picks, the
 * random policy on game_apply), and write down every callback the engine
 * calls (which function, the game's context) and every g method, g.state
 * access and math.random call the callback makes, with the results. The
 * Lua-only harness (luaonly.c) replays the file on a plain Lua state.
 *
 * It wraps the engine and changes nothing in it: the host's three functions
 * (game_host), the handle g (a table that forwards to the real one) and
 * math.random. A second pass over the same seeds without the wrappers
 * checks that every game ends in the same state hash, so the recording is
 * that of an ordinary run.
 *
 *   bench_record SCENARIO_DIR RUNS OUT
 *
 * The file is text: one record a line, values as tokens (record_fmt.h).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "autoplay.h"
#include "record_fmt.h"
#include "script_int.h"

#define RECORD_MAX_REFS 100000 /* registry references a scenario may hold */

typedef struct recorder {
    script *s;
    game_host real;
    FILE *out;
    int *fn_of_ref; /* [RECORD_MAX_REFS] function id + 1, 0 not known yet */
    int nfn;
    long calls, methods;
} recorder;

static recorder rec;

/* Values ------------------------------------------------------------------- */

static void put_value(FILE *f, lua_State *L, int i)
{
    size_t len;
    const char *s;
    switch (lua_type(L, i)) {
    case LUA_TNIL:
    case LUA_TNONE:
        fputs(" n", f);
        break;
    case LUA_TBOOLEAN:
        fputs(lua_toboolean(L, i) ? " t" : " f", f);
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, i))
            fprintf(f, " i%lld", (long long)lua_tointeger(L, i));
        else
            fprintf(f, " d%a", lua_tonumber(L, i));
        break;
    case LUA_TSTRING:
        s = lua_tolstring(L, i, &len);
        fprintf(f, " s%zu:", len);
        fwrite(s, 1, len, f);
        break;
    default:
        fputs(" x", f); /* a table or function: not a value the harness can give back */
    }
}

static void put_cstr(FILE *f, const char *s)
{
    if (s)
        fprintf(f, " s%zu:%s", strlen(s), s);
    else
        fputs(" n", f);
}

/* Which function a reference is ----------------------------------------------
   Every callback is a function stored somewhere inside a declaration table.
   A function is named by its path from the declaration list (the n-th
   declaration, then keys), found by a walk over keys in sorted order, so
   that the harness, which records the same declarations in the same order,
   finds the same function again. */

typedef struct key {
    int isint;
    lua_Integer i;
    const char *s;
    size_t len;
} key;

static int cmp_key(const void *a, const void *b)
{
    const key *x = a, *y = b;
    if (x->isint != y->isint) return y->isint - x->isint; /* integers first */
    if (x->isint) return (x->i > y->i) - (x->i < y->i);
    size_t n = x->len < y->len ? x->len : y->len;
    int c = memcmp(x->s, y->s, n);
    return c ? c : (x->len > y->len) - (x->len < y->len);
}

typedef struct walk {
    key path[32];
    int depth;
    int decl;
} walk;

static void emit_fn(lua_State *L, const walk *w, int found)
{
    /* found: index of the fnid table (function -> id) */
    lua_pushvalue(L, -1);
    if (lua_rawget(L, found) != LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_pushinteger(L, rec.nfn);
    lua_rawset(L, found);
    fprintf(rec.out, "fn %d %d %d", rec.nfn, w->decl, w->depth);
    for (int i = 0; i < w->depth; i++)
        if (w->path[i].isint)
            fprintf(rec.out, " i%lld", (long long)w->path[i].i);
        else {
            fprintf(rec.out, " s%zu:", w->path[i].len);
            fwrite(w->path[i].s, 1, w->path[i].len, rec.out);
        }
    fputc('\n', rec.out);
    rec.nfn++;
}

/* The table on top of the stack: every function below it, depth first. */
static void walk_table(lua_State *L, walk *w, int found, int seen)
{
    int t = lua_gettop(L);
    lua_pushvalue(L, t);
    if (lua_rawget(L, seen) != LUA_TNIL || w->depth >= 32) {
        lua_pop(L, 1);
        return;
    }
    lua_pop(L, 1);
    lua_pushvalue(L, t);
    lua_pushboolean(L, 1);
    lua_rawset(L, seen);
    int n = 0, cap = 16;
    key *keys = malloc(sizeof *keys * (size_t)cap);
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        int kt = lua_type(L, -1);
        if (kt != LUA_TSTRING && !(kt == LUA_TNUMBER && lua_isinteger(L, -1))) continue;
        if (n == cap) keys = realloc(keys, sizeof *keys * (size_t)(cap *= 2));
        keys[n].isint = kt == LUA_TNUMBER;
        keys[n].i = keys[n].isint ? lua_tointeger(L, -1) : 0;
        keys[n].s = keys[n].isint ? NULL : lua_tolstring(L, -1, &keys[n].len);
        n++;
    }
    qsort(keys, (size_t)n, sizeof *keys, cmp_key);
    for (int i = 0; i < n; i++) {
        if (keys[i].isint)
            lua_pushinteger(L, keys[i].i);
        else
            lua_pushlstring(L, keys[i].s, keys[i].len);
        int vt = lua_rawget(L, t);
        w->path[w->depth++] = keys[i];
        if (vt == LUA_TFUNCTION)
            emit_fn(L, w, found);
        else if (vt == LUA_TTABLE)
            walk_table(L, w, found, seen);
        w->depth--;
        lua_pop(L, 1);
    }
    free(keys);
}

/* Name every function reachable from the declarations; leaves the table
   function -> id in the registry under "bench.fnid". */
static void index_functions(lua_State *L)
{
    lua_newtable(L);
    int found = lua_gettop(L);
    lua_newtable(L);
    int seen = lua_gettop(L);
    lua_getfield(L, LUA_REGISTRYINDEX, DECLS_KEY);
    int decls = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, decls);
    for (lua_Integer i = 1; i <= n; i++) {
        walk w = {.depth = 0, .decl = (int)i};
        lua_rawgeti(L, decls, i);
        lua_rawgeti(L, -1, DECL_TABLE);
        if (lua_istable(L, -1)) walk_table(L, &w, found, seen);
        lua_pop(L, 2);
    }
    lua_settop(L, found);
    lua_setfield(L, LUA_REGISTRYINDEX, "bench.fnid");
}

static int fn_of_ref(lua_State *L, int ref)
{
    if (ref > 0 && ref < RECORD_MAX_REFS && rec.fn_of_ref[ref]) return rec.fn_of_ref[ref] - 1;
    lua_getfield(L, LUA_REGISTRYINDEX, "bench.fnid");
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    lua_rawget(L, -2);
    int id = lua_isinteger(L, -1) ? (int)lua_tointeger(L, -1) : -1;
    lua_pop(L, 2);
    if (id < 0) {
        fprintf(stderr, "bench_record: callback %d is in no declaration\n", ref);
        exit(1);
    }
    if (ref > 0 && ref < RECORD_MAX_REFS) rec.fn_of_ref[ref] = id + 1;
    return id;
}

/* The wrapped host ------------------------------------------------------------ */

static void put_call(game *g, int ref, char kind)
{
    const def_scenario *sc = g->sc;
    fprintf(rec.out, "call %d %c %d", fn_of_ref(rec.s->L, ref), kind, g->turn);
    put_cstr(rec.out, sc->roles[g->role].id);
    put_cstr(rec.out, g->target);
    put_cstr(rec.out, g->variant >= 0 ? sc->variants[g->variant].id : NULL);
    fprintf(rec.out, " %d\n", g->ended);
    rec.calls++;
}

static int rec_test(void *ud, game *g, int ref, char *why, size_t whylen)
{
    (void)ud;
    put_call(g, ref, 't');
    int rc = rec.real.test(rec.real.ud, g, ref, why, whylen);
    fprintf(rec.out, "ret %d\n", rc);
    return rc;
}

static int rec_run(void *ud, game *g, int ref)
{
    (void)ud;
    put_call(g, ref, 'r');
    int rc = rec.real.run(rec.real.ud, g, ref);
    fprintf(rec.out, "ret %d\n", rc);
    return rc;
}

static int rec_score(void *ud, game *g, int ref, char *rating)
{
    (void)ud;
    put_call(g, ref, 's');
    int rc = rec.real.score(rec.real.ud, g, ref, rating);
    fprintf(rec.out, "ret %d\n", rc);
    return rc;
}

/* A computed text (an ending's, an objective's): recorded like a score,
   kind 'x', one result (the harness must make the same g calls in it). */
static int rec_text(void *ud, game *g, int ref, char *buf, size_t size)
{
    (void)ud;
    if (!rec.real.text) return 0;
    put_call(g, ref, 'x');
    int rc = rec.real.text(rec.real.ud, g, ref, buf, size);
    fprintf(rec.out, "ret %d\n", rc);
    return rc;
}

/* The wrapped g ------------------------------------------------------------------
   A method wrapper: upvalue 1 the real method, 2 the real g, 3 its name.
   It writes "m NAME nargs args...", lets the real method run (callbacks it
   sets off are recorded in between), then "r nres results..." or, when the
   method raised, "e" and raises the same error. */
static int wrap_method(lua_State *L)
{
    int n = lua_gettop(L);
    fprintf(rec.out, "m %s %d", lua_tostring(L, lua_upvalueindex(3)), n - 1);
    for (int i = 2; i <= n; i++) put_value(rec.out, L, i);
    fputc('\n', rec.out);
    rec.methods++;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_pushvalue(L, lua_upvalueindex(2));
    for (int i = 2; i <= n; i++) lua_pushvalue(L, i);
    if (lua_pcall(L, n, LUA_MULTRET, 0) != LUA_OK) {
        fputs("e\n", rec.out);
        return lua_error(L);
    }
    int nres = lua_gettop(L) - n;
    fprintf(rec.out, "r %d", nres);
    for (int i = n + 1; i <= n + nres; i++) put_value(rec.out, L, i);
    fputc('\n', rec.out);
    return nres;
}

/* g.state's wrapper: upvalue 1 the real g.state. */
static int wrap_state_index(lua_State *L)
{
    lua_pushvalue(L, 2);
    lua_gettable(L, lua_upvalueindex(1));
    fputs("get", rec.out);
    put_value(rec.out, L, 2);
    put_value(rec.out, L, -1);
    fputc('\n', rec.out);
    return 1;
}

static int wrap_state_newindex(lua_State *L)
{
    lua_pushvalue(L, 2);
    lua_pushvalue(L, 3);
    lua_settable(L, lua_upvalueindex(1));
    fputs("set", rec.out);
    put_value(rec.out, L, 2);
    put_value(rec.out, L, 3);
    fputc('\n', rec.out);
    return 0;
}

/* Fields that are not methods nor state (turn, role...): read from the real
   g; the call's context line already carries them. upvalue 1: the real g. */
static int wrap_index(lua_State *L)
{
    lua_pushvalue(L, 2);
    lua_gettable(L, lua_upvalueindex(1));
    return 1;
}

static void push_state_wrapper(lua_State *L, int real_g)
{
    lua_newtable(L);
    lua_createtable(L, 0, 2);
    lua_getfield(L, real_g, "state");
    lua_pushvalue(L, -1);
    lua_pushcclosure(L, wrap_state_index, 1);
    lua_setfield(L, -3, "__index");
    lua_pushcclosure(L, wrap_state_newindex, 1);
    lua_setfield(L, -2, "__newindex");
    lua_setmetatable(L, -2);
}

static const char *const method_names[] = {
#define X(name, kind, use, args, doc) #name,
    API_G_METHODS(X)
#undef X
};

/* Replace the handle every callback receives (the registry's g) with the
   wrapper (the real one is kept under "bench.real_g" for restore_g). */
static void install_g(script *s)
{
    lua_State *L = s->L;
    lua_rawgeti(L, LUA_REGISTRYINDEX, s->g_ref);
    int real_g = lua_gettop(L);
    lua_newtable(L);
    int w = lua_gettop(L);
    for (size_t i = 0; i < sizeof method_names / sizeof method_names[0]; i++) {
        lua_getfield(L, real_g, method_names[i]);
        lua_pushvalue(L, real_g);
        lua_pushstring(L, method_names[i]);
        lua_pushcclosure(L, wrap_method, 3);
        lua_setfield(L, w, method_names[i]);
    }
    push_state_wrapper(L, real_g);
    lua_setfield(L, w, "state");
    lua_createtable(L, 0, 1);
    lua_pushvalue(L, real_g);
    lua_pushcclosure(L, wrap_index, 1);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, w);
    lua_rawseti(L, LUA_REGISTRYINDEX, s->g_ref);
    lua_setfield(L, LUA_REGISTRYINDEX, "bench.real_g");
}

static void restore_g(script *s)
{
    lua_State *L = s->L;
    lua_getfield(L, LUA_REGISTRYINDEX, "bench.real_g");
    lua_rawseti(L, LUA_REGISTRYINDEX, s->g_ref);
}

/* math.random: upvalue 1 the sandbox's own. */
static int wrap_random(lua_State *L)
{
    int n = lua_gettop(L);
    fprintf(rec.out, "m math.random %d", n);
    for (int i = 1; i <= n; i++) put_value(rec.out, L, i);
    fputc('\n', rec.out);
    rec.methods++;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    if (lua_pcall(L, n, 1, 0) != LUA_OK) {
        fputs("e\n", rec.out);
        return lua_error(L);
    }
    fputs("r 1", rec.out);
    put_value(rec.out, L, -1);
    fputc('\n', rec.out);
    return 1;
}

static void swap_random(script *s, int install)
{
    lua_State *L = s->L;
    lua_getglobal(L, "math");
    if (install) {
        lua_getfield(L, -1, "random");
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, "bench.random");
        lua_pushcclosure(L, wrap_random, 1);
    } else {
        lua_getfield(L, LUA_REGISTRYINDEX, "bench.random");
    }
    lua_setfield(L, -2, "random");
    lua_pop(L, 1);
}

/* Playing ------------------------------------------------------------------------- */

/* Play runs 0..runs-1 as batch does; the state hash of each game's end
   into hashes[] (0 after an error). */
static void play(script *s, const game_host *host, long runs, uint64_t *hashes)
{
    const def_scenario *sc = script_scenario(s);
    char err[2048];
    for (long r = 0; r < runs; r++) {
        uint64_t seed = 1 + (uint64_t)r;
        int variant = sc->nvariants ? game_pick_variant(sc, seed) : -1;
        if (rec.out && host != script_host(s))
            fprintf(rec.out, "run %llu\n", (unsigned long long)seed);
        game *g = game_new(sc, host, seed, variant, err, sizeof err);
        autoplay a = {POLICY_RANDOM, seed, NULL, NULL, NULL};
        hashes[r] = g && autoplay_run(&a, &g, err, sizeof err) == 0 ? game_hash(g) : 0;
        if (!hashes[r])
            fprintf(stderr, "bench_record: seed %llu: %s\n", (unsigned long long)seed, err);
        game_free(g);
    }
}

static void put_header(script *s, const char *dir)
{
    fprintf(rec.out, "%s\n", RECORD_MAGIC);
    fprintf(rec.out, "dir");
    put_cstr(rec.out, dir);
    fputc('\n', rec.out);
    for (int k = 0; k < K_COUNT; k++)
        if (api_kinds[k].cls == API_DECL) fprintf(rec.out, "ctor %s\n", api_kinds[k].name);
    fprintf(rec.out, "turns %d\n", script_scenario(s)->nturns);
    index_functions(s->L);
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: bench_record SCENARIO_DIR RUNS OUT\n");
        return 2;
    }
    char err[16384];
    script *s = script_load(argv[1], NULL, err, sizeof err);
    if (!s) {
        fprintf(stderr, "%s", err);
        return 1;
    }
    long runs = atol(argv[2]);
    rec.s = s;
    rec.real = *script_host(s);
    rec.out = fopen(argv[3], "w");
    rec.fn_of_ref = calloc(RECORD_MAX_REFS, sizeof(int));
    if (!rec.out || runs < 1) {
        fprintf(stderr, "bench_record: cannot write '%s' (or RUNS < 1)\n", argv[3]);
        return 1;
    }
    char dir[PATH_MAX];
    put_header(s, realpath(argv[1], dir) ? dir : argv[1]); /* the harness may run elsewhere */
    game_host wrapped = {&rec, rec_test, rec_run, rec_score, rec_text};
    uint64_t *recorded = calloc((size_t)runs, sizeof *recorded);
    uint64_t *plain = calloc((size_t)runs, sizeof *plain);
    install_g(s);
    swap_random(s, 1);
    play(s, &wrapped, runs, recorded);
    restore_g(s);
    swap_random(s, 0);
    fprintf(rec.out, "done\n");
    play(s, script_host(s), runs, plain);
    int same = 0;
    for (long r = 0; r < runs; r++) same += recorded[r] && recorded[r] == plain[r];
    int bad = fclose(rec.out) != 0;
    printf("bench_record: %ld playthroughs, %ld callback calls, %ld g calls; %d of %ld end in "
           "the same state as an unrecorded run\n",
           runs, rec.calls, rec.methods, same, runs);
    script_free(s);
    free(recorded), free(plain), free(rec.fn_of_ref);
    return bad || same != runs ? 1 : 0;
}
