/*
 * luaonly.c -- bench only: the Lua-only limit of a scenario. It replays a
 * recording (bench_record, record_fmt.h) on a plain Lua 5.4 state: the
 * scenario's own files loaded with constructors that only keep each
 * declaration, the recorded callbacks called as often, in the same order
 * and nesting, with a plain table `g` and no hook. g's methods (C functions)
 * give back the recorded results; g.turn, g.role, g.target, g.variant and
 * g.ended are plain fields set before a call when they changed; g.state is
 * a plain table that persists, into which only values the engine changed
 * outside the callbacks are written, before the read that needs them.
 *
 * What it costs is what no engine can avoid: the scenario's bytecode, the
 * calls into it and the cheapest possible g. `replay` is the part measured
 * (callgrind's inclusive count, divided by the playthroughs).
 *
 *   bench_luaonly RECORDING
 */
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "record_fmt.h"

#define LUAONLY_MAX_CTORS 64 /* declaration kinds */

typedef struct value {
    char type; /* n t f i d s x */
    long long i;
    double d;
    const char *s;
    size_t len;
} value;

typedef struct sync {
    value key, v;
} sync;

enum { OP_RUN, OP_CALL, OP_RET, OP_M, OP_R, OP_E };
enum { F_TURN, F_ROLE, F_TARGET, F_VARIANT, F_ENDED, F_COUNT };
static const char *const field_names[F_COUNT] = {"turn", "role", "target", "variant", "ended"};

typedef struct op {
    int kind;
    int fn;           /* OP_CALL: function id; OP_M: method name id */
    int nres;         /* OP_CALL: results the host takes */
    int nv;           /* OP_M: args; OP_R: results */
    value *v;         /* OP_M, OP_R */
    unsigned changed; /* OP_CALL: fields (1 << F_*) to set */
    value field[F_COUNT];
    int nsync; /* OP_CALL, OP_R: state written before going on */
    sync *sy;
    int nwrote; /* OP_RET: what the engine's callback left in g.state (--verify) */
    sync *wrote;
} op;

typedef struct replay {
    char *buf, *p, *end;
    op *ops;
    int nops, cops;
    int nfn;
    int *fn_decl;  /* [nfn] */
    value **paths; /* [nfn] keys */
    int *depth;    /* [nfn] */
    const char *names[64];
    int nnames;
    char ctors[LUAONLY_MAX_CTORS][32];
    int nctors;
    char dir[4096];
    int turns;
    /* while replaying */
    int cur;
    long runs, calls, methods, mismatches, errors;
    long unsynced; /* state reads the harness cannot reproduce (none expected) */
    sync *writes;  /* while parsing: the writes of the callback being read */
    int nwrites;
    int verify;    /* check g.state after each call against the engine's */
    long diverged; /* values the scenario's code wrote otherwise than in the engine */
} replay;

static replay R;

static void die(const char *what)
{
    fprintf(stderr, "bench_luaonly: %s (byte %ld)\n", what, (long)(R.p - R.buf));
    exit(1);
}

/* Parsing ------------------------------------------------------------------------ */

static const char *word(size_t *len)
{
    const char *w = R.p;
    while (R.p < R.end && *R.p != ' ' && *R.p != '\n') R.p++;
    *len = (size_t)(R.p - w);
    return w;
}

static void skip_space(void)
{
    if (R.p >= R.end || *R.p != ' ') die("expected a space");
    R.p++;
}

static long long number(void)
{
    skip_space();
    char *e;
    long long v = strtoll(R.p, &e, 10);
    if (e == R.p) die("expected a number");
    R.p = e;
    return v;
}

static void end_line(void)
{
    if (R.p >= R.end || *R.p != '\n') die("expected the end of a line");
    R.p++;
}

static value parse_value(void)
{
    value v = {0};
    skip_space();
    if (R.p >= R.end) die("expected a value");
    v.type = *R.p++;
    char *e;
    switch (v.type) {
    case 'n':
    case 't':
    case 'f':
    case 'x':
        break;
    case 'i':
        v.i = strtoll(R.p, &e, 10);
        R.p = e;
        break;
    case 'd':
        v.d = strtod(R.p, &e);
        R.p = e;
        break;
    case 's':
        v.len = (size_t)strtoull(R.p, &e, 10);
        if (*e != ':' || (size_t)(R.end - e - 1) < v.len) die("bad string");
        v.s = e + 1;
        R.p = e + 1 + v.len;
        break;
    default:
        die("unknown value");
    }
    return v;
}

/* Numbers compare by value: the engine keeps g.state's numbers as doubles,
   so what a script wrote as 27 reads back as 27.0. */
static int value_eq(const value *a, const value *b)
{
    if (a->type == 'i' && b->type == 'd') return (double)a->i == b->d;
    if (a->type == 'd' && b->type == 'i') return a->d == (double)b->i;
    if (a->type != b->type) return 0;
    switch (a->type) {
    case 'i':
        return a->i == b->i;
    case 'd':
        return a->d == b->d || (a->d != a->d && b->d != b->d);
    case 's':
        return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
    default:
        return 1;
    }
}

static int name_id(const char *w, size_t len)
{
    for (int i = 0; i < R.nnames; i++)
        if (strlen(R.names[i]) == len && memcmp(R.names[i], w, len) == 0) return i;
    if (R.nnames == 64) die("too many method names");
    char *s = malloc(len + 1);
    memcpy(s, w, len);
    s[len] = '\0';
    R.names[R.nnames] = s;
    return R.nnames++;
}

static op *new_op(int kind)
{
    if (R.nops == R.cops) {
        R.cops = R.cops ? R.cops * 2 : 4096;
        R.ops = realloc(R.ops, sizeof *R.ops * (size_t)R.cops);
    }
    op *o = &R.ops[R.nops++];
    memset(o, 0, sizeof *o);
    o->kind = kind;
    return o;
}

/* The state table as the harness will hold it, to write into it only what
   the engine changed behind the callbacks' backs. */
typedef struct model {
    value *key, *v;
    int *written; /* the boundary after which a callback last wrote it, or -1 */
    int n, cap;
} model;

static value *model_get(model *m, const value *k)
{
    for (int i = 0; i < m->n; i++)
        if (value_eq(&m->key[i], k)) return &m->v[i];
    return NULL;
}

static void model_put(model *m, const value *k, const value *v, int written)
{
    value *at = model_get(m, k);
    if (at) {
        *at = *v;
        m->written[at - m->v] = written;
        return;
    }
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 64;
        m->key = realloc(m->key, sizeof *m->key * (size_t)m->cap);
        m->v = realloc(m->v, sizeof *m->v * (size_t)m->cap);
        m->written = realloc(m->written, sizeof *m->written * (size_t)m->cap);
    }
    m->key[m->n] = *k;
    m->written[m->n] = written;
    m->v[m->n++] = *v;
}

static void add_sync(op *o, const value *k, const value *v)
{
    o->sy = realloc(o->sy, sizeof *o->sy * (size_t)(o->nsync + 1));
    o->sy[o->nsync].key = *k;
    o->sy[o->nsync++].v = *v;
}

static void parse_fn(void)
{
    int id = (int)number();
    if (id != R.nfn) die("functions out of order");
    R.nfn++;
    R.fn_decl = realloc(R.fn_decl, sizeof(int) * (size_t)R.nfn);
    R.depth = realloc(R.depth, sizeof(int) * (size_t)R.nfn);
    R.paths = realloc(R.paths, sizeof(value *) * (size_t)R.nfn);
    R.fn_decl[id] = (int)number();
    R.depth[id] = (int)number();
    R.paths[id] = malloc(sizeof(value) * (size_t)(R.depth[id] + 1));
    for (int i = 0; i < R.depth[id]; i++) R.paths[id][i] = parse_value();
}

static void parse_call(value *last, int *known, int *boundary)
{
    op *o = new_op(OP_CALL);
    o->fn = (int)number();
    skip_space();
    char kind = *R.p++;
    o->nres = kind == 't' ? 2 : kind == 's' || kind == 'x' ? 1 : 0; /* x: a computed text */
    value f[F_COUNT];
    f[F_TURN] = (value){.type = 'i', .i = number()};
    for (int i = F_ROLE; i <= F_VARIANT; i++) f[i] = parse_value();
    long long ended = number();
    f[F_ENDED] = (value){.type = ended ? 't' : 'f'};
    for (int i = 0; i < F_COUNT; i++)
        if (!*known || !value_eq(&f[i], &last[i])) {
            o->changed |= 1u << i;
            o->field[i] = last[i] = f[i];
        }
    *known = 1;
    *boundary = R.nops - 1;
}

/* One record; 0 at "done". */
static int parse_record(value *last, int *known, int *boundary, model *m)
{
    size_t len;
    const char *w = word(&len);
#define IS(s) (len == sizeof(s) - 1 && memcmp(w, s, len) == 0)
    if (IS("done")) return 0;
    if (IS("dir")) {
        value d = parse_value();
        snprintf(R.dir, sizeof R.dir, "%.*s", (int)d.len, d.s);
    } else if (IS("ctor")) {
        skip_space();
        const char *n = word(&len);
        if (R.nctors == LUAONLY_MAX_CTORS) die("too many constructors");
        snprintf(R.ctors[R.nctors++], sizeof R.ctors[0], "%.*s", (int)len, n);
    } else if (IS("turns")) {
        R.turns = (int)number();
    } else if (IS("fn")) {
        parse_fn();
    } else if (IS("run")) {
        number();
        new_op(OP_RUN);
    } else if (IS("call")) {
        parse_call(last, known, boundary);
    } else if (IS("ret")) {
        number();
        op *o = new_op(OP_RET);
        o->nwrote = R.nwrites, o->wrote = R.writes;
        R.nwrites = 0, R.writes = NULL;
    } else if (IS("m")) {
        skip_space();
        const char *n = word(&len);
        op *o = new_op(OP_M);
        o->fn = name_id(n, len);
        o->nv = (int)number();
        o->v = malloc(sizeof(value) * (size_t)(o->nv + 1));
        for (int i = 0; i < o->nv; i++) o->v[i] = parse_value();
    } else if (IS("r")) {
        op *o = new_op(OP_R);
        o->nv = (int)number();
        o->v = malloc(sizeof(value) * (size_t)(o->nv + 1));
        for (int i = 0; i < o->nv; i++) o->v[i] = parse_value();
        *boundary = R.nops - 1;
    } else if (IS("e")) {
        new_op(OP_E);
    } else if (IS("get") || IS("set")) {
        int get = w[0] == 'g';
        value k = parse_value(), v = parse_value();
        value *have = model_get(m, &k);
        int differs = have ? !value_eq(have, &v) : v.type != 'n';
        if (*boundary < 0) die("a state access outside any callback");
        if (get && differs && have && m->written[have - m->v] == *boundary)
            R.unsynced++; /* written by the script since the last C call, yet different */
        else if (get && differs)
            add_sync(&R.ops[*boundary], &k, &v);
        model_put(m, &k, &v, get ? -1 : *boundary);
        int at = 0;
        while (!get && at < R.nwrites && !value_eq(&R.writes[at].key, &k)) at++;
        if (!get && at == R.nwrites)
            R.writes = realloc(R.writes, sizeof *R.writes * (size_t)(++R.nwrites));
        if (!get) R.writes[at] = (sync){k, v}; /* the last value written counts */
    } else {
        die("unknown record");
    }
#undef IS
    end_line();
    return 1;
}

static void parse(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) die("cannot open the recording");
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    R.buf = malloc((size_t)n + 1);
    if (fread(R.buf, 1, (size_t)n, f) != (size_t)n) die("cannot read the recording");
    fclose(f);
    R.p = R.buf, R.end = R.buf + n;
    size_t len = strlen(RECORD_MAGIC);
    if ((size_t)n <= len || memcmp(R.buf, RECORD_MAGIC, len) || R.buf[len] != '\n')
        die("not a recording");
    R.p += len + 1;
    value last[F_COUNT];
    int known = 0, boundary = -1;
    model m = {0};
    while (R.p < R.end && parse_record(last, &known, &boundary, &m)) {
    }
    free(m.key), free(m.v), free(m.written); /* the parse's own model; values stay in R.buf */
}

/* The plain state ------------------------------------------------------------------ */

static int decls_ref;

static int ctor(lua_State *L)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, decls_ref);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    return 0;
}

static int include(lua_State *L)
{
    const char *rel = luaL_checkstring(L, 1);
    lua_getfield(L, LUA_REGISTRYINDEX, "luaonly.included");
    if (lua_getfield(L, -1, rel) != LUA_TNIL) return 0;
    lua_pushboolean(L, 1);
    lua_setfield(L, -3, rel);
    char path[8192];
    snprintf(path, sizeof path, "%s/%s", R.dir, rel);
    if (luaL_loadfilex(L, path, "t") != LUA_OK) return lua_error(L);
    lua_call(L, 0, 0);
    return 0;
}

static void push_value(lua_State *L, const value *v)
{
    switch (v->type) {
    case 't':
    case 'f':
        lua_pushboolean(L, v->type == 't');
        break;
    case 'i':
        lua_pushinteger(L, (lua_Integer)v->i);
        break;
    case 'd':
        lua_pushnumber(L, v->d);
        break;
    case 's':
        lua_pushlstring(L, v->s, v->len);
        break;
    default:
        lua_pushnil(L);
    }
}

/* Registry references of g, g.state and the functions by id (a C function
   called from Lua sees its own stack, so slots would not do). */
static int g_ref, state_ref, fns_ref;

static void set_state(lua_State *L, const sync *sy, int n)
{
    if (n == 0) return;
    lua_rawgeti(L, LUA_REGISTRYINDEX, state_ref);
    for (int i = 0; i < n; i++) {
        push_value(L, &sy[i].key);
        push_value(L, &sy[i].v);
        lua_rawset(L, -3);
    }
    lua_pop(L, 1);
}

static void do_call(lua_State *L);

/* A method of g (or math.random): the next recorded one, checked by name;
   the callbacks it set off in the engine are called here too. */
static int method(lua_State *L)
{
    int name = (int)lua_tointeger(L, lua_upvalueindex(1));
    if (R.cur >= R.nops || R.ops[R.cur].kind != OP_M || R.ops[R.cur].fn != name) {
        if (R.mismatches++ < 3)
            fprintf(stderr, "bench_luaonly: call %ld: g:%s where the engine's callback did %s\n",
                    R.calls, R.names[name],
                    R.cur < R.nops && R.ops[R.cur].kind == OP_M ? R.names[R.ops[R.cur].fn]
                                                                : "no more");
        return 0;
    }
    R.cur++, R.methods++;
    while (R.cur < R.nops && R.ops[R.cur].kind == OP_CALL) do_call(L);
    if (R.cur >= R.nops) return 0;
    const op *o = &R.ops[R.cur++];
    if (o->kind == OP_E) return luaL_error(L, "(the engine's method raised here)");
    set_state(L, o->sy, o->nsync);
    luaL_checkstack(L, o->nv, "results");
    for (int i = 0; i < o->nv; i++) push_value(L, &o->v[i]);
    return o->nv;
}

/* Skip to just past the RET of the call that began before `from`. */
static void skip_to_ret(void)
{
    for (int depth = 0; R.cur < R.nops; R.cur++) {
        int k = R.ops[R.cur].kind;
        if (k == OP_CALL) depth++;
        if (k == OP_RET && depth-- == 0) break;
    }
    R.cur++;
}

/* --verify: the values the callback wrote are those the engine's wrote (a
   number compares by value). */
static void verify_writes(lua_State *L, const op *ret)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, state_ref);
    for (int i = 0; i < ret->nwrote; i++) {
        const value *want = &ret->wrote[i].v;
        push_value(L, &ret->wrote[i].key);
        int t = lua_rawget(L, -2);
        value got = {.type = t == LUA_TNIL       ? 'n'
                             : t == LUA_TBOOLEAN ? (lua_toboolean(L, -1) ? 't' : 'f')
                                                 : 'x'};
        if (t == LUA_TNUMBER) {
            got.type = lua_isinteger(L, -1) ? 'i' : 'd';
            got.i = lua_tointeger(L, -1), got.d = lua_tonumber(L, -1);
        } else if (t == LUA_TSTRING) {
            got.type = 's', got.s = lua_tolstring(L, -1, &got.len);
        }
        R.diverged += !value_eq(&got, want);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

static void do_call(lua_State *L)
{
    op *o = &R.ops[R.cur++];
    lua_rawgeti(L, LUA_REGISTRYINDEX, fns_ref);
    lua_rawgeti(L, -1, o->fn);
    lua_rawgeti(L, LUA_REGISTRYINDEX, g_ref);
    for (int i = 0; i < F_COUNT; i++)
        if (o->changed & (1u << i)) {
            push_value(L, &o->field[i]);
            lua_setfield(L, -2, field_names[i]);
        }
    set_state(L, o->sy, o->nsync);
    if (lua_pcall(L, 1, o->nres, 0) != LUA_OK) {
        R.errors++;
        if (R.errors <= 3) fprintf(stderr, "bench_luaonly: %s\n", lua_tostring(L, -1));
        lua_pop(L, 2);
    } else {
        lua_pop(L, o->nres + 1);
    }
    R.calls++;
    if (R.cur < R.nops && R.ops[R.cur].kind == OP_RET) {
        if (R.verify) verify_writes(L, &R.ops[R.cur]);
        R.cur++;
    } else {
        if (R.mismatches++ < 3)
            fprintf(stderr,
                    "bench_luaonly: call %ld (function %d) made fewer g calls than the engine's\n",
                    R.calls, o->fn);
        skip_to_ret();
    }
}

/* The part measured: every recorded call, in order. */
static void __attribute__((noinline)) replay_calls(lua_State *L)
{
    for (R.cur = 0; R.cur < R.nops;) {
        if (R.ops[R.cur].kind == OP_RUN) {
            R.runs++, R.cur++;
        } else if (R.ops[R.cur].kind == OP_CALL) {
            do_call(L);
        } else {
            R.mismatches++, R.cur++;
        }
    }
}

static void push_g(lua_State *L)
{
    lua_createtable(L, 0, R.nnames + F_COUNT + 2);
    for (int i = 0; i < R.nnames; i++) {
        if (strncmp(R.names[i], "math.", 5) == 0) continue;
        lua_pushinteger(L, i);
        lua_pushcclosure(L, method, 1);
        lua_setfield(L, -2, R.names[i]);
    }
    lua_pushinteger(L, R.turns);
    lua_setfield(L, -2, "turns");
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, "state");
    state_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    g_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

/* math.random gives back what the engine's generator gave. */
static void replace_random(lua_State *L)
{
    int id = -1;
    for (int i = 0; i < R.nnames; i++)
        if (strcmp(R.names[i], "math.random") == 0) id = i;
    if (id < 0) return;
    lua_getglobal(L, "math");
    lua_pushinteger(L, id);
    lua_pushcclosure(L, method, 1);
    lua_setfield(L, -2, "random");
    lua_pop(L, 1);
}

static void load_scenario(lua_State *L)
{
    lua_newtable(L);
    decls_ref = luaL_ref(L, LUA_REGISTRYINDEX);
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "luaonly.included");
    for (int i = 0; i < R.nctors; i++) {
        lua_pushcfunction(L, ctor);
        lua_setglobal(L, R.ctors[i]);
    }
    lua_register(L, "include", include);
    lua_pushcfunction(L, include);
    lua_pushstring(L, "scenario.lua");
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        fprintf(stderr, "bench_luaonly: %s\n", lua_tostring(L, -1));
        exit(1);
    }
}

/* fns[id] = the function at that path. */
static void find_functions(lua_State *L)
{
    lua_createtable(L, R.nfn, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, decls_ref);
    for (int id = 0; id < R.nfn; id++) {
        lua_rawgeti(L, -1, R.fn_decl[id]);
        for (int k = 0; k < R.depth[id] && lua_istable(L, -1); k++) {
            push_value(L, &R.paths[id][k]);
            lua_rawget(L, -2);
            lua_remove(L, -2);
        }
        if (!lua_isfunction(L, -1)) {
            fprintf(stderr, "bench_luaonly: function %d is not where the engine found it\n", id);
            exit(1);
        }
        lua_rawseti(L, -3, id);
    }
    lua_pop(L, 1);
    fns_ref = luaL_ref(L, LUA_REGISTRYINDEX);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    R.verify = argc == 3 && strcmp(argv[1], "--verify") == 0;
    if (argc != 2 + R.verify) {
        fprintf(stderr, "usage: bench_luaonly [--verify] RECORDING\n");
        return 2;
    }
    parse(argv[1 + R.verify]);
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    load_scenario(L);
    push_g(L);
    find_functions(L);
    replace_random(L);
    double t0 = now_s();
    replay_calls(L);
    double secs = now_s() - t0;
    printf("bench_luaonly: %ld playthroughs, %ld callback calls, %ld g calls, %.3f s; "
           "%ld mismatches, %ld errors, %ld state reads not reproduced",
           R.runs, R.calls, R.methods, secs, R.mismatches, R.errors, R.unsynced);
    if (R.verify) printf(", %ld state writes that differ from the engine's", R.diverged);
    printf("\n");
    lua_close(L);
    return R.mismatches || R.errors || R.unsynced || R.diverged ? 1 : 0;
}
