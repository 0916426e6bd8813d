/*
 * build.c -- turning the recorded declarations into definitions.
 *
 * Pass 1 gives every declared thing its index (so that names resolve
 * whatever the order of the files); pass 2 reads each table field by field
 * (the builders of build_kind.c, build_move.c, build_clock.c). Every problem
 * is reported as "file:line: what: message" and building goes on, so an
 * author sees all of them at once.
 */
#include <stdarg.h>
#include <string.h>

#include "build.h"

void bld_err(bld *b, const char *fmt, ...)
{
    va_list ap;
    if (b->nerr >= BUILD_MAX_ERRORS) { /* a generated scenario can be wrong a million times */
        if (b->nerr++ == BUILD_MAX_ERRORS)
            sb_printf(b->errors, "%s:%d: more errors follow; fix these first\n", b->at.file,
                      b->at.line);
        return;
    }
    va_start(ap, fmt);
    sb_printf(b->errors, "%s:%d: %s: ", b->at.file, b->at.line, b->what);
    sb_vprintf(b->errors, fmt, ap);
    sb_puts(b->errors, "\n");
    va_end(ap);
    b->nerr++;
}

void bld_point(bld *b, int t, const char *key, lua_Integer index)
{
    if (!b->roots || !b->roots[b->n]) return;
    int line = bld_src_line(b->src, b->L, b->root, b->roots[b->n], b->decl.file, t, key, index);
    if (line > 0) b->at = (def_where){b->decl.file, line};
}

void bld_point_decl(bld *b)
{
    b->at = b->decl;
}

/* Pass 1: ids ------------------------------------------------------------------ */

/* Append a definition of kind k with this id; its index, or -1 for a kind
   that has no id. *dup tells whether the id was taken. */
static int add_def(bld *b, api_kind k, char *id, int *dup)
{
    def_scenario *sc = b->sc;
    int idx = -1;
    *dup = api_find(sc, k, id) >= 0;
#define ADD(add, arr, cnt)                                                                         \
    do {                                                                                           \
        add(sc)->id = id;                                                                          \
        idx = (cnt)-1;                                                                             \
        (arr)[idx].at = b->decl;                                                                   \
    } while (0)
    switch (k) {
    case K_role:
        ADD(def_add_role, sc->roles, sc->nroles);
        break;
    case K_meter:
        ADD(def_add_meter, sc->meters, sc->nmeters);
        break;
    case K_event:
        ADD(def_add_event, sc->events, sc->nevents);
        break;
    case K_board:
        ADD(def_add_board, sc->boards, sc->nboards);
        break;
    case K_card:
        ADD(def_add_card, sc->cards, sc->ncards);
        break;
    case K_ending:
        ADD(def_add_ending, sc->endings, sc->nendings);
        break;
    case K_variant:
        ADD(def_add_variant, sc->variants, sc->nvariants);
        break;
    case K_objective:
        ADD(def_add_objective, sc->objectives, sc->nobjectives);
        break;
    case K_session:
        ADD(def_add_session, sc->sessions, sc->nsessions);
        break;
    case K_action: {
        def_move *m = def_add_move(sc, &idx);
        m->id = id;
        m->at = b->decl;
        *VEC_PUSH(sc->actions, sc->nactions, sc->cactions) = idx;
        break;
    }
    default:
        break;
    }
#undef ADD
    return idx;
}

/* Limits: each is reported once, where it is first passed. */
static void check_counts(bld *b, api_kind k)
{
    const def_scenario *sc = b->sc;
    bld_point_decl(b);
    if (k == K_event && sc->nevents == BUILD_MAX_EVENTS + 1)
        bld_err(b, "more than %d events in one scenario", BUILD_MAX_EVENTS);
    if (k == K_card && sc->ncards == BUILD_MAX_CARDS + 1)
        bld_err(b, "more than %d cards in one scenario", BUILD_MAX_CARDS);
    if (sc->nmoves > BUILD_MAX_MOVES && !b->moves_reported) {
        bld_err(b, "more than %d options and actions in one scenario", BUILD_MAX_MOVES);
        b->moves_reported = 1;
    }
}

/* Declare the id of one record; returns its definition index or -1. The
   kinds without an id (clock, question) and the scenario (there is one;
   its id is checked with its other fields) get 0. */
static int declare(bld *b, api_kind k, int t)
{
    char *id = NULL;
    int idf = api_id_field(k);
    b->roots[b->n] = bld_src_decl(b->src, b->L, t, b->decl.file, b->decl.line, api_kinds[k].name);
    if (idf < 0 || k == K_scenario) return 0;
    if (bld_check_id(b, t, (api_fid)idf, &id)) return -1;
    str_fmt(b->what, sizeof b->what, "%s '%s'", api_kinds[k].name, id);
    int dup, idx = add_def(b, k, id, &dup);
    if (dup) bld_err(b, "%s '%s' is declared twice", api_kinds[k].name, id);
    check_counts(b, k);
    if (k == K_event) bld_option_ids(b, t, idx);
    return idx;
}

/* Pass 2 and the driver ------------------------------------------------------------ */

typedef void (*build_fn)(bld *b, int t, int i);

static build_fn builder(api_kind k)
{
    switch (k) {
    case K_scenario:
        return bld_scenario;
    case K_role:
        return bld_role;
    case K_meter:
        return bld_meter;
    case K_clock:
        return bld_clock;
    case K_event:
        return bld_event;
    case K_action:
        return bld_action;
    case K_board:
        return bld_board;
    case K_card:
        return bld_card;
    case K_objective:
        return bld_objective;
    case K_ending:
        return bld_ending;
    case K_variant:
        return bld_variant;
    case K_question:
        return bld_question;
    case K_session:
        return bld_session;
    default:
        return NULL;
    }
}

/* Push decl n's table and set the context; returns its kind. */
static api_kind enter(bld *b, int decls, lua_Integer n)
{
    lua_State *L = b->L;
    lua_rawgeti(L, decls, n);
    lua_rawgeti(L, -1, DECL_FILE);
    b->decl.file = def_intern_file(b->sc, lua_tostring(L, -1));
    lua_rawgeti(L, -2, DECL_LINE);
    b->decl.line = (int)lua_tointeger(L, -1);
    lua_rawgeti(L, -3, DECL_KIND);
    api_kind k = (api_kind)lua_tointeger(L, -1);
    lua_rawgeti(L, -4, DECL_TABLE);
    b->root = lua_gettop(L);
    b->n = n;
    b->at = b->decl;
    b->field = NULL;
    str_fmt(b->what, sizeof b->what, "%s", api_kinds[k].name);
    return k;
}

/* Pass 2 on one record: name it in messages by its id, then build it. */
static void build_one(bld *b, api_kind k, int t, int i)
{
    int idf = api_id_field(k);
    if (idf >= 0) {
        bld_raw(b->L, t, api_fname((api_fid)idf));
        if (lua_isstring(b->L, -1))
            str_fmt(b->what, sizeof b->what, "%s '%s'", api_kinds[k].name, lua_tostring(b->L, -1));
        lua_pop(b->L, 1);
    }
    build_fn fn = builder(k);
    if (fn && (i >= 0 || idf < 0)) fn(b, t, i); /* i < 0: its id was wrong, already reported */
}

static int free_src(lua_State *L)
{
    bld_src **p = lua_touserdata(L, 1);
    bld_src_free(*p);
    *p = NULL;
    return 0;
}

/* The source scanner, held by a userdata that frees it when collected
   (building may raise, running out of memory). */
static bld_src *new_src(lua_State *L, const char *dir)
{
    bld_src **p = lua_newuserdatauv(L, sizeof *p, 0);
    *p = NULL;
    lua_createtable(L, 0, 1);
    lua_pushcfunction(L, free_src);
    lua_setfield(L, -2, "__gc");
    lua_setmetatable(L, -2);
    return *p = bld_src_new(dir);
}

int bld_build(script *s, strbuf *errors)
{
    lua_State *L = s->L;
    bld b = {0};
    b.s = s, b.L = L, b.sc = s->sc, b.errors = errors;
    lua_getfield(L, LUA_REGISTRYINDEX, DECLS_KEY);
    int decls = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, decls);
    /* Userdata, not malloc: the collector frees them if building raises
       (running out of memory). */
    b.index = lua_newuserdatauv(L, ((size_t)n + 1) * sizeof(int), 0);
    memset(b.index, 0, ((size_t)n + 1) * sizeof(int));
    b.roots = lua_newuserdatauv(L, ((size_t)n + 1) * sizeof *b.roots, 0);
    memset(b.roots, 0, ((size_t)n + 1) * sizeof *b.roots);
    b.src = new_src(L, s->dir);
    int keep = lua_gettop(L);
    for (int pass = 1; pass <= 2; pass++)
        for (lua_Integer i = 1; i <= n; i++) {
            api_kind k = enter(&b, decls, i);
            int t = lua_gettop(L);
            if (pass == 1)
                b.index[i] = declare(&b, k, t);
            else
                build_one(&b, k, t, b.index[i]);
            lua_settop(L, keep);
        }
    b.field = NULL;
    bld_resolve_analysis(&b);
    lua_settop(L, decls - 1);
    return b.nerr;
}
