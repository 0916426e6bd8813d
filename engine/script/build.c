/*
 * build.c -- turning the recorded declarations into definitions.
 *
 * Pass 1 gives every declared thing its index (so that names resolve
 * whatever the order of the files); pass 2 reads each table field by field.
 * Every problem is reported as "file:line: what: message" and building goes
 * on, so an author sees all of them at once.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "script_int.h"

#define BUILD_MAX_ERRORS 200   /* listed; past them, one line says more follow */
#define BUILD_MAX_TEXT   16384 /* bytes of one text field */
#define BUILD_MAX_EVENTS 2000
#define BUILD_MAX_CARDS  2000
#define BUILD_MAX_MOVES  10000 /* options and actions together */

typedef struct bld {
    script *s;
    lua_State *L;
    def_scenario *sc;
    strbuf *errors;
    int nerr;
    def_where at;
    char what[200]; /* "event 'portal_down'" */
    int *index;     /* decl number -> definition index */
    int moves_reported;
} bld;

static void berr(bld *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void berr(bld *b, const char *fmt, ...)
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

/* Field access ------------------------------------------------------------- */

/* Declarations are read raw: a metatable on an author's table (an __index
   that loops, errors or answers differently each time) plays no part, and
   no Lua code runs while the definitions are built. */
static int rawfield(lua_State *L, int idx, const char *k)
{
    idx = lua_absindex(L, idx);
    if (!lua_istable(L, idx)) { /* e.g. question "text" */
        lua_pushnil(L);
        return LUA_TNIL;
    }
    lua_pushstring(L, k);
    return lua_rawget(L, idx);
}

static const char *type_name(int t)
{
    static const char *const names[] = {"nil",   "boolean",  "userdata", "number", "string",
                                        "table", "function", "userdata", "thread"};
    return t >= 0 && t <= 8 ? names[t] : "value";
}

/* Push field `name` of the table at t when present and of type `want`
   (LUA_TNONE: any). Returns 1 pushed, 0 absent, -1 wrong type. */
static int field(bld *b, int t, const char *name, int want, int required)
{
    int got = rawfield(b->L, t, name);
    if (got == LUA_TNIL) {
        lua_pop(b->L, 1);
        if (required) berr(b, "field '%s' is required", name);
        return 0;
    }
    if (want != LUA_TNONE && got != want) {
        berr(b, "field '%s' must be a %s (got %s)", name, type_name(want), type_name(got));
        lua_pop(b->L, 1);
        return -1;
    }
    return 1;
}

static char *get_str(bld *b, int t, const char *name, int required)
{
    if (field(b, t, name, LUA_TSTRING, required) <= 0) return NULL;
    if (lua_rawlen(b->L, -1) > BUILD_MAX_TEXT) {
        berr(b, "field '%s' is %zu bytes long; at most %d", name, (size_t)lua_rawlen(b->L, -1),
             BUILD_MAX_TEXT);
        lua_pop(b->L, 1);
        return NULL;
    }
    char *v = xstrdup(lua_tostring(b->L, -1));
    lua_pop(b->L, 1);
    return v;
}

static double get_num(bld *b, int t, const char *name, double def, int required)
{
    if (field(b, t, name, LUA_TNUMBER, required) <= 0) return def;
    double v = lua_tonumber(b->L, -1);
    lua_pop(b->L, 1);
    if (!isfinite(v)) {
        berr(b, "field '%s' must be a finite number", name);
        return def;
    }
    return v;
}

static int get_int(bld *b, int t, const char *name, int def, int lo, int hi)
{
    if (field(b, t, name, LUA_TNUMBER, 0) <= 0) return def;
    int isint;
    lua_Integer v = lua_tointegerx(b->L, -1, &isint);
    lua_pop(b->L, 1);
    if (!isint || v < lo || v > hi) {
        berr(b, "field '%s' must be a whole number from %d to %d", name, lo, hi);
        return def;
    }
    return (int)v;
}

static int get_bool(bld *b, int t, const char *name, int def)
{
    if (field(b, t, name, LUA_TBOOLEAN, 0) <= 0) return def;
    int v = lua_toboolean(b->L, -1);
    lua_pop(b->L, 1);
    return v;
}

/* Remember what a reference is, for the messages of errors inside it. */
static void describe_ref(bld *b, int ref, const char *name)
{
    lua_State *L = b->L;
    rawfield(L, LUA_REGISTRYINDEX, REFDESC_KEY);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_newtable(L);
        lua_pushvalue(L, -1);
        lua_setfield(L, LUA_REGISTRYINDEX, REFDESC_KEY);
    }
    lua_pushfstring(L, "%s %s (%s:%d)", b->what, name, b->at.file, b->at.line);
    lua_rawseti(L, -2, ref);
    lua_pop(L, 1);
}

/* A function field becomes a registry reference (0 when absent). */
static int get_fn(bld *b, int t, const char *name)
{
    if (field(b, t, name, LUA_TFUNCTION, 0) <= 0) return 0;
    int ref = luaL_ref(b->L, LUA_REGISTRYINDEX);
    describe_ref(b, ref, name);
    return ref;
}

/* Reject fields the author did not mean (a typo such as 'tittle'). */
static void check_fields(bld *b, int t, const char *const *allowed)
{
    lua_State *L = b->L;
    if (!lua_istable(L, t)) return; /* reported by the caller */
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) continue; /* array part: checked by the reader */
        const char *k = lua_tostring(L, -1);
        int ok = 0;
        for (const char *const *a = allowed; *a && !ok; a++) ok = strcmp(*a, k) == 0;
        if (!ok) {
            strbuf list = {0};
            for (const char *const *a = allowed; *a; a++)
                sb_printf(&list, "%s%s", a == allowed ? "" : ", ", *a);
            berr(b, "unknown field '%s' (fields are %s)", k, list.s);
            sb_free(&list);
        }
    }
}

/* Call fn(b, index of element on the stack, n) for a string or a list of
   strings held in field `name`. */
typedef void (*each_fn)(bld *b, const char *name, void *ud);
static void each_name(bld *b, int t, const char *name, each_fn fn, void *ud)
{
    lua_State *L = b->L;
    int got = rawfield(L, t, name);
    if (got == LUA_TSTRING) {
        fn(b, lua_tostring(L, -1), ud);
    } else if (got == LUA_TTABLE) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING)
                fn(b, lua_tostring(L, -1), ud);
            else
                berr(b, "field '%s' must list strings (item %lld is not)", name, (long long)i);
            lua_pop(L, 1);
        }
    } else if (got != LUA_TNIL) {
        berr(b, "field '%s' must be a string or a list of strings", name);
    }
    lua_pop(L, 1);
}

/* Lookups with helpful messages ----------------------------------------------- */

typedef int (*find_fn)(const def_scenario *, const char *);

static void list_known(bld *b, strbuf *out, const char *kind)
{
    const def_scenario *sc = b->sc;
    int n = 0;
#define LIST(arr, cnt)                                                                             \
    for (int i = 0; i < (cnt) && i < 15; i++, n++)                                                 \
        sb_printf(out, "%s%s", i ? ", " : "", (arr)[i].id);                                        \
    if ((cnt) > 15) sb_printf(out, ", ... (%d in all)", (cnt));
    if (strcmp(kind, "role") == 0) {
        LIST(sc->roles, sc->nroles)
    } else if (strcmp(kind, "meter") == 0) {
        LIST(sc->meters, sc->nmeters)
    } else if (strcmp(kind, "event") == 0) {
        LIST(sc->events, sc->nevents)
    } else if (strcmp(kind, "card") == 0) {
        LIST(sc->cards, sc->ncards)
    } else if (strcmp(kind, "board") == 0) {
        LIST(sc->boards, sc->nboards)
    } else if (strcmp(kind, "ending") == 0) {
        LIST(sc->endings, sc->nendings)
    }
#undef LIST
    if (n == 0) sb_puts(out, "none declared");
}

static int resolve(bld *b, const char *kind, const char *name, find_fn find)
{
    int i = find(b->sc, name);
    if (i >= 0) return i;
    strbuf known = {0};
    list_known(b, &known, kind);
    berr(b, "unknown %s '%s' (%ss are %s)", kind, name, kind, known.s);
    sb_free(&known);
    return -1;
}

static int resolve_option(bld *b, const char *path)
{
    int mv = def_option_path(b->sc, path);
    if (mv >= 0) return mv;
    const char *dot = strchr(path, '.');
    if (!dot) {
        berr(b, "'%s' should name an option as \"event.option\"", path);
        return -1;
    }
    char ev[64];
    str_fmt(ev, sizeof ev, "%.*s", (int)(dot - path), path);
    int e = resolve(b, "event", ev, def_event_find);
    if (e < 0) return -1;
    strbuf opts = {0};
    for (int i = 0; i < b->sc->events[e].noptions; i++)
        sb_printf(&opts, "%s%s", i ? ", " : "", b->sc->moves[b->sc->events[e].options[i]].id);
    berr(b, "event '%s' has no option '%s' (its options are %s)", ev, dot + 1,
         opts.s ? opts.s : "none");
    sb_free(&opts);
    return -1;
}

typedef struct idlist {
    int *v;
    int n, cap;
    const char *kind;
    find_fn find;
} idlist;

static void add_id(bld *b, const char *name, void *ud)
{
    idlist *l = ud;
    int i = l->find ? resolve(b, l->kind, name, l->find) : resolve_option(b, name);
    if (i >= 0) *VEC_PUSH(l->v, l->n, l->cap) = i;
}

static void get_ids(bld *b, int t, const char *name, const char *kind, find_fn find, int **out,
                    int *n)
{
    idlist l = {NULL, 0, 0, kind, find};
    each_name(b, t, name, add_id, &l);
    *out = l.v;
    *n = l.n;
}

/* Values and meter tables ------------------------------------------------------ */

static int get_val(bld *b, int idx, val *out, const char *key)
{
    lua_State *L = b->L;
    memset(out, 0, sizeof *out);
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        out->type = VAL_NUM, out->num = lua_tonumber(L, idx);
        return 0;
    case LUA_TBOOLEAN:
        out->type = VAL_BOOL, out->num = lua_toboolean(L, idx);
        return 0;
    case LUA_TSTRING:
        out->type = VAL_STR, out->str = xstrdup(lua_tostring(L, idx));
        return 0;
    default:
        berr(b, "state '%s': values are numbers, strings or booleans (got %s)", key,
             luaL_typename(L, idx));
        return -1;
    }
}

/* Keys of the table on top, sorted (Lua's order is not stable). */
static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int sorted_keys(bld *b, int t, char ***out)
{
    lua_State *L = b->L;
    int n = 0, cap = 0;
    char **keys = NULL;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING)
            *VEC_PUSH(keys, n, cap) = xstrdup(lua_tostring(L, -1));
        else
            berr(b, "a table of names has a key that is not a string");
    }
    if (n > 1) qsort(keys, (size_t)n, sizeof *keys, cmp_str);
    *out = keys;
    return n;
}

static void free_keys(char **k, int n)
{
    for (int i = 0; i < n; i++) free(k[i]);
    free(k);
}

static void get_deltas(bld *b, int t, const char *name, def_meter_delta **out, int *n)
{
    if (field(b, t, name, LUA_TTABLE, 0) <= 0) return;
    int tt = lua_gettop(b->L), cap = 0;
    char **keys;
    int nk = sorted_keys(b, tt, &keys);
    for (int i = 0; i < nk; i++) {
        int m = resolve(b, "meter", keys[i], def_meter_find);
        rawfield(b->L, tt, keys[i]);
        if (!lua_isnumber(b->L, -1) || lua_type(b->L, -1) != LUA_TNUMBER)
            berr(b, "%s.%s must be a number", name, keys[i]);
        else if (m >= 0)
            *VEC_PUSH(*out, *n, cap) = (def_meter_delta){m, lua_tonumber(b->L, -1)};
        lua_pop(b->L, 1);
    }
    free_keys(keys, nk);
    lua_pop(b->L, 1);
}

static void get_states(bld *b, int t, const char *name, def_state_set **out, int *n)
{
    if (field(b, t, name, LUA_TTABLE, 0) <= 0) return;
    int tt = lua_gettop(b->L), cap = 0;
    char **keys;
    int nk = sorted_keys(b, tt, &keys);
    for (int i = 0; i < nk; i++) {
        def_state_set st = {keys[i], {0}};
        rawfield(b->L, tt, keys[i]);
        if (get_val(b, -1, &st.value, keys[i]) == 0) {
            *VEC_PUSH(*out, *n, cap) = st;
            keys[i] = NULL; /* now owned by the state set */
        }
        lua_pop(b->L, 1);
    }
    free_keys(keys, nk);
    lua_pop(b->L, 1);
}

/* Effects ------------------------------------------------------------------ */

static const char *const effect_fields[] = {"meters", "set",    "cards",     "deliver",
                                            "state",  "text",   "finish",    "run",
                                            "after",  "chance", "otherwise", NULL};

static int parse_bundle(bld *b, int t);

static void fill_bundle(bld *b, int t, int idx)
{
    def_scenario *sc = b->sc;
    def_effect e = sc->effects[idx];
    check_fields(b, t, effect_fields);
    get_deltas(b, t, "meters", &e.add, &e.nadd);
    get_deltas(b, t, "set", &e.set, &e.nset);
    get_ids(b, t, "cards", "card", def_card_find, &e.cards, &e.ncards);
    get_ids(b, t, "deliver", "event", def_event_find, &e.deliver, &e.ndeliver);
    get_states(b, t, "state", &e.state, &e.nstate);
    e.text = get_str(b, t, "text", 0);
    char *fin = get_str(b, t, "finish", 0);
    if (fin) e.finish = resolve(b, "ending", fin, def_ending_find);
    free(fin);
    e.run = get_fn(b, t, "run");
    e.after = get_int(b, t, "after", 0, 0, CR_MAX_TURNS);
    e.chance = get_num(b, t, "chance", 1.0, 0);
    if (e.chance < 0 || e.chance > 1) berr(b, "chance must lie between 0 and 1");
    if (field(b, t, "otherwise", LUA_TTABLE, 0) > 0) {
        if (e.chance >= 1.0) berr(b, "'otherwise' only makes sense with a 'chance' below 1");
        e.otherwise = parse_bundle(b, lua_gettop(b->L));
        lua_pop(b->L, 1);
    }
    sc->effects[idx] = e; /* parse_bundle may have moved the array */
}

static int parse_bundle(bld *b, int t)
{
    int idx;
    def_effect *e = def_add_effect(b->sc, &idx);
    e->at = b->at;
    fill_bundle(b, t, idx);
    return idx;
}

/* An effects value: one bundle, or a list of bundles. */
static void get_effects(bld *b, int t, const char *name, int **out, int *n)
{
    if (field(b, t, name, LUA_TTABLE, 0) <= 0) return;
    int et = lua_gettop(b->L), cap = 0;
    lua_Integer len = (lua_Integer)lua_rawlen(b->L, et);
    if (len == 0) {
        *VEC_PUSH(*out, *n, cap) = parse_bundle(b, et);
    } else {
        for (lua_Integer i = 1; i <= len; i++) {
            if (lua_rawgeti(b->L, et, i) == LUA_TTABLE)
                *VEC_PUSH(*out, *n, cap) = parse_bundle(b, lua_gettop(b->L));
            else
                berr(b, "%s[%lld] must be a table of effects", name, (long long)i);
            lua_pop(b->L, 1);
        }
    }
    lua_pop(b->L, 1);
}

/* Requirements --------------------------------------------------------------- */

static const char *const req_fields[] = {"chosen", "not_chosen", "delivered", "cards", "min", "max",
                                         "state",  "turn",       "why",       "check", NULL};

static void get_requires(bld *b, int t, def_move *m)
{
    lua_State *L = b->L;
    int got = rawfield(L, t, "requires");
    if (got == LUA_TNIL) {
        lua_pop(L, 1);
        return;
    }
    m->has_req = 1;
    if (got == LUA_TFUNCTION) {
        m->req.fn = luaL_ref(L, LUA_REGISTRYINDEX);
        describe_ref(b, m->req.fn, "requires");
        return;
    }
    if (got != LUA_TTABLE) {
        berr(b, "field 'requires' must be a table or a function (got %s)", type_name(got));
        lua_pop(L, 1);
        return;
    }
    int rt = lua_gettop(L);
    def_req *r = &m->req;
    check_fields(b, rt, req_fields);
    get_ids(b, rt, "chosen", "option", NULL, &r->chosen, &r->nchosen);
    get_ids(b, rt, "not_chosen", "option", NULL, &r->not_chosen, &r->nnot_chosen);
    get_ids(b, rt, "delivered", "event", def_event_find, &r->delivered, &r->ndelivered);
    get_ids(b, rt, "cards", "card", def_card_find, &r->cards, &r->ncards);
    get_deltas(b, rt, "min", &r->min, &r->nmin);
    get_deltas(b, rt, "max", &r->max, &r->nmax);
    get_states(b, rt, "state", &r->state, &r->nstate);
    r->turn = get_int(b, rt, "turn", 0, 0, CR_MAX_TURNS);
    r->why = get_str(b, rt, "why", 0);
    r->fn = get_fn(b, rt, "check");
    lua_pop(L, 1);
}

/* Moves (options and actions) ----------------------------------------------- */

static const char *const option_fields[] = {"id",      "label",      "text", "cost", "requires",
                                            "effects", "historical", "risk", NULL};
static const char *const action_fields[] = {"id",       "label",         "text", "cost", "requires",
                                            "effects",  "historical",    "risk", "role", "targets",
                                            "max_uses", "once_per_turn", NULL};

static void get_targets(bld *b, int t, def_move *m)
{
    if (field(b, t, "targets", LUA_TTABLE, 0) <= 0) return;
    int tt = lua_gettop(b->L), cap = 0;
    lua_Integer n = (lua_Integer)lua_rawlen(b->L, tt);
    for (lua_Integer i = 1; i <= n; i++) {
        int ty = lua_rawgeti(b->L, tt, i);
        def_kv pair = {NULL, NULL};
        if (ty == LUA_TSTRING) {
            pair.key = xstrdup(lua_tostring(b->L, -1));
            pair.val = xstrdup(pair.key);
        } else if (ty == LUA_TTABLE) {
            pair.key = get_str(b, lua_gettop(b->L), "id", 1);
            pair.val = get_str(b, lua_gettop(b->L), "label", 0);
            if (!pair.val && pair.key) pair.val = xstrdup(pair.key);
        }
        if (pair.key && str_is_id(pair.key))
            *VEC_PUSH(m->targets, m->ntargets, cap) = pair;
        else {
            berr(b, "targets[%lld] must be an id or { id = ..., label = ... }", (long long)i);
            free(pair.key), free(pair.val);
        }
        lua_pop(b->L, 1);
    }
    lua_pop(b->L, 1);
}

/* An action's `historical`: a turn, or a list of turns or of
   { turn = n, target = "id" } (what was done, and to what). */
static void add_hist(bld *b, def_move *m, int *cap, int idx)
{
    lua_State *L = b->L;
    int turn = 0;
    char *target = NULL;
    if (lua_type(L, idx) == LUA_TNUMBER) {
        turn = (int)lua_tointeger(L, idx);
    } else if (lua_istable(L, idx)) {
        turn = get_int(b, lua_absindex(L, idx), "turn", 0, 1, CR_MAX_TURNS);
        target = get_str(b, lua_absindex(L, idx), "target", 0);
    } else {
        berr(b, "an action's 'historical' lists turns or { turn = n, target = \"id\" }");
        return;
    }
    int n = m->nhist_turns, tcap = *cap;
    *VEC_PUSH(m->hist_turns, m->nhist_turns, *cap) = turn;
    vec_reserve((void **)&m->hist_targets, &tcap, n + 1, sizeof(char *));
    m->hist_targets[n] = target;
}

static void get_hist_turns(bld *b, int t, def_move *m)
{
    lua_State *L = b->L;
    int got = rawfield(L, t, "historical");
    int cap = 0;
    if (got == LUA_TNUMBER) {
        add_hist(b, m, &cap, -1);
    } else if (got == LUA_TTABLE) {
        lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, -1, i);
            add_hist(b, m, &cap, -1);
            lua_pop(L, 1);
        }
    } else if (got != LUA_TNIL) {
        berr(b, "an action's 'historical' is a turn or a list of turns");
    }
    lua_pop(L, 1);
}

/* Targets named by `historical` must exist. */
static void check_hist_targets(bld *b, const def_move *m)
{
    for (int i = 0; i < m->nhist_turns; i++) {
        const char *t = m->hist_targets ? m->hist_targets[i] : NULL;
        int ok = !t;
        for (int k = 0; k < m->ntargets && !ok; k++) ok = strcmp(m->targets[k].key, t) == 0;
        if (!ok) berr(b, "historical target '%s' is not one of the action's targets", t);
    }
}

static void fill_move(bld *b, int t, int mi, int is_action)
{
    def_move m = b->sc->moves[mi];
    check_fields(b, t, is_action ? action_fields : option_fields);
    m.label = get_str(b, t, "label", 1);
    m.text = get_str(b, t, "text", 0);
    m.risk = get_str(b, t, "risk", 0);
    m.cost = get_int(b, t, "cost", is_action ? 1 : 0, 0, 100);
    get_requires(b, t, &m);
    get_effects(b, t, "effects", &m.effects, &m.neffects);
    if (is_action) {
        get_hist_turns(b, t, &m);
        get_targets(b, t, &m);
        check_hist_targets(b, &m);
        m.max_uses = get_int(b, t, "max_uses", 0, 0, 100000);
        m.once_per_turn = get_bool(b, t, "once_per_turn", 1);
    } else {
        m.historical = get_bool(b, t, "historical", 0);
    }
    b->sc->moves[mi] = m;
}

/* Pass 1: ids ------------------------------------------------------------------ */

static int check_id(bld *b, int t, char **out)
{
    *out = get_str(b, t, "id", 1);
    if (*out && !str_is_id(*out)) {
        berr(b,
             "id '%s' must be lower-case letters, digits and '_', starting with a letter "
             "(at most 40 characters)",
             *out);
    }
    return *out ? 0 : -1;
}

static void add_options_ids(bld *b, int t, int ev)
{
    lua_State *L = b->L;
    if (field(b, t, "options", LUA_TTABLE, 0) <= 0) return;
    int ot = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, ot);
    int cap = 0;
    for (lua_Integer i = 1; i <= n; i++) {
        if (lua_rawgeti(L, ot, i) != LUA_TTABLE) {
            berr(b, "options[%lld] must be a table { id = ..., label = ... }", (long long)i);
        } else {
            char *id;
            if (check_id(b, lua_gettop(L), &id) == 0) {
                if (def_option_find(b->sc, ev, id) >= 0) berr(b, "option '%s' declared twice", id);
                int mi;
                def_move *m = def_add_move(b->sc, &mi);
                m->id = id;
                m->event = ev;
                m->at = b->at;
                def_event *e = &b->sc->events[ev];
                *VEC_PUSH(e->options, e->noptions, cap) = mi;
            }
        }
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
}

/* Declare the id of one record; returns its definition index or -1. */
static int declare(bld *b, const char *kind, int t)
{
    def_scenario *sc = b->sc;
    char *id = NULL;
    if (strcmp(kind, "scenario") == 0 || strcmp(kind, "clock") == 0 ||
        strcmp(kind, "question") == 0)
        return 0;
    if (check_id(b, t, &id)) return -1;
    str_fmt(b->what, sizeof b->what, "%s '%s'", kind, id);
    int dup = 0, idx = -1;
#define DECL(find, add, arr, cnt)                                                                  \
    do {                                                                                           \
        dup = find(sc, id) >= 0;                                                                   \
        add(sc)->id = id;                                                                          \
        idx = (cnt)-1;                                                                             \
        (arr)[idx].at = b->at;                                                                     \
    } while (0)
    if (strcmp(kind, "role") == 0)
        DECL(def_role_find, def_add_role, sc->roles, sc->nroles);
    else if (strcmp(kind, "meter") == 0)
        DECL(def_meter_find, def_add_meter, sc->meters, sc->nmeters);
    else if (strcmp(kind, "event") == 0)
        DECL(def_event_find, def_add_event, sc->events, sc->nevents);
    else if (strcmp(kind, "board") == 0)
        DECL(def_board_find, def_add_board, sc->boards, sc->nboards);
    else if (strcmp(kind, "card") == 0)
        DECL(def_card_find, def_add_card, sc->cards, sc->ncards);
    else if (strcmp(kind, "ending") == 0)
        DECL(def_ending_find, def_add_ending, sc->endings, sc->nendings);
    else if (strcmp(kind, "variant") == 0)
        DECL(def_variant_find, def_add_variant, sc->variants, sc->nvariants);
    else if (strcmp(kind, "objective") == 0) {
        for (int i = 0; i < sc->nobjectives; i++) dup |= strcmp(sc->objectives[i].id, id) == 0;
        def_add_objective(sc)->id = id;
        idx = sc->nobjectives - 1;
        sc->objectives[idx].at = b->at;
    } else if (strcmp(kind, "action") == 0) {
        dup = def_action_find(sc, id) >= 0;
        def_move *m = def_add_move(sc, &idx);
        m->id = id;
        m->at = b->at;
        *VEC_PUSH(sc->actions, sc->nactions, sc->cactions) = idx;
    }
#undef DECL
    if (dup) berr(b, "%s '%s' is declared twice", kind, id);
    /* Limits: each is reported once, where it is first passed. */
    if (strcmp(kind, "event") == 0 && sc->nevents == BUILD_MAX_EVENTS + 1)
        berr(b, "more than %d events in one scenario", BUILD_MAX_EVENTS);
    if (strcmp(kind, "card") == 0 && sc->ncards == BUILD_MAX_CARDS + 1)
        berr(b, "more than %d cards in one scenario", BUILD_MAX_CARDS);
    if (sc->nmoves > BUILD_MAX_MOVES && !b->moves_reported) {
        berr(b, "more than %d options and actions in one scenario", BUILD_MAX_MOVES);
        b->moves_reported = 1;
    }
    if (strcmp(kind, "event") == 0) add_options_ids(b, t, idx);
    return idx;
}

/* Pass 2: each kind -------------------------------------------------------------- */

static void get_strlist(bld *b, int t, const char *name, char ***out, int *n);

static void build_scenario(bld *b, int t)
{
    static const char *const f[] = {
        "id",     "title", "summary", "version", "situation", "sources", "learning_objectives",
        "accept", NULL};
    def_scenario *sc = b->sc;
    if (sc->at.file) { /* not sc->id: the first may have had none */
        berr(b, "scenario {} is declared twice (first at %s:%d)", sc->at.file, sc->at.line);
        return;
    }
    sc->at = b->at;
    check_fields(b, t, f);
    sc->id = get_str(b, t, "id", 1);
    if (sc->id && !str_is_id(sc->id)) berr(b, "id '%s' is not a valid id", sc->id);
    sc->title = get_str(b, t, "title", 1);
    sc->summary = get_str(b, t, "summary", 1);
    sc->version = get_str(b, t, "version", 0);
    sc->situation = get_str(b, t, "situation", 0);
    get_strlist(b, t, "accept", &sc->accept, &sc->naccept);
    if (field(b, t, "learning_objectives", LUA_TTABLE, 0) > 0) {
        lua_Integer n = (lua_Integer)lua_rawlen(b->L, -1);
        for (lua_Integer i = 1; i <= n; i++) {
            if (lua_rawgeti(b->L, -1, i) == LUA_TSTRING)
                def_add_learning(sc, lua_tostring(b->L, -1));
            else
                berr(b, "learning_objectives[%lld] must be a string", (long long)i);
            lua_pop(b->L, 1);
        }
        lua_pop(b->L, 1);
    }
    if (field(b, t, "sources", LUA_TTABLE, 0) > 0) {
        static const char *const sf[] = {"title", "publisher", "date", "url", "file", NULL};
        int st = lua_gettop(b->L);
        char **keys;
        int nk = sorted_keys(b, st, &keys);
        for (int i = 0; i < nk; i++) {
            rawfield(b->L, st, keys[i]);
            def_source *src = def_add_source(sc);
            src->id = xstrdup(keys[i]);
            if (lua_istable(b->L, -1)) {
                int s = lua_gettop(b->L);
                check_fields(b, s, sf);
                src->title = get_str(b, s, "title", 1);
                src->publisher = get_str(b, s, "publisher", 0);
                src->date = get_str(b, s, "date", 0);
                src->url = get_str(b, s, "url", 0);
                src->file = get_str(b, s, "file", 0);
            } else if (lua_isstring(b->L, -1)) {
                src->title = xstrdup(lua_tostring(b->L, -1));
            } else {
                berr(b, "sources.%s must be a table { title = ..., publisher = ... }", keys[i]);
            }
            lua_pop(b->L, 1);
        }
        free_keys(keys, nk);
        lua_pop(b->L, 1);
    }
}

static void build_role(bld *b, int t, int i)
{
    static const char *const f[] = {"id", "name", "short", "brief", "private", "budget", NULL};
    def_role *r = &b->sc->roles[i];
    check_fields(b, t, f);
    r->name = get_str(b, t, "name", 1);
    r->shortname = get_str(b, t, "short", 0);
    if (!r->shortname && r->name) r->shortname = xstrdup(r->name);
    r->brief = get_str(b, t, "brief", 1);
    r->secret = get_str(b, t, "private", 0);
    r->budget = get_int(b, t, "budget", 2, 0, 100);
    if (i >= CR_MAX_ROLES) berr(b, "more than %d roles", CR_MAX_ROLES);
}

static void build_meter(bld *b, int t, int i)
{
    static const char *const f[] = {"id",   "name", "min",    "max",  "start",
                                    "good", "unit", "hidden", "text", NULL};
    def_meter *m = &b->sc->meters[i];
    check_fields(b, t, f);
    m->name = get_str(b, t, "name", 1);
    m->unit = get_str(b, t, "unit", 0);
    m->text = get_str(b, t, "text", 0);
    m->min = get_num(b, t, "min", 0, 0);
    m->max = get_num(b, t, "max", 100, 0);
    m->start = get_num(b, t, "start", 0, 1);
    m->hidden = get_bool(b, t, "hidden", 0);
    char *good = get_str(b, t, "good", 0);
    m->good = GOOD_HIGH;
    if (good && strcmp(good, "low") == 0)
        m->good = GOOD_LOW;
    else if (good && strcmp(good, "none") == 0)
        m->good = GOOD_NONE;
    else if (good && strcmp(good, "high") != 0)
        berr(b, "good must be \"high\", \"low\" or \"none\" (got \"%s\")", good);
    free(good);
    if (m->min >= m->max)
        berr(b, "min (%g) must be below max (%g)", m->min, m->max);
    else if (m->start < m->min || m->start > m->max)
        berr(b, "start %g lies outside the bounds [%g, %g]", m->start, m->min, m->max);
}

static int pick_channel(bld *b, const char *ch)
{
    for (int i = 0; i < CH_COUNT; i++)
        if (ch && strcmp(ch, def_channel_names[i]) == 0) return i;
    if (ch)
        berr(b, "unknown channel '%s' (channels are phone, email, news, social, intel, brief)", ch);
    return CH_BRIEF;
}

typedef struct to_ud {
    uint32_t mask;
    int first;
} to_ud;

static void add_to(bld *b, const char *name, void *ud)
{
    to_ud *t = ud;
    if (strcmp(name, "all") == 0) {
        t->mask |= (uint32_t)((1u << b->sc->nroles) - 1);
        if (t->first < 0) t->first = 0;
        return;
    }
    int r = resolve(b, "role", name, def_role_find);
    if (r < 0) return;
    t->mask |= 1u << r;
    if (t->first < 0) t->first = r;
}

static void build_sources(bld *b, int t, def_event *e)
{
    int cap = 0;
    lua_State *L = b->L;
    int got = rawfield(L, t, "source");
    if (got == LUA_TSTRING)
        *VEC_PUSH(e->sources, e->nsources, cap) = xstrdup(lua_tostring(L, -1));
    else if (got == LUA_TTABLE)
        for (lua_Integer i = 1; i <= (lua_Integer)lua_rawlen(L, -1); i++) {
            if (lua_rawgeti(L, -1, i) == LUA_TSTRING)
                *VEC_PUSH(e->sources, e->nsources, cap) = xstrdup(lua_tostring(L, -1));
            lua_pop(L, 1);
        }
    else if (got != LUA_TNIL)
        berr(b, "field 'source' must be a source id or a list of them");
    lua_pop(L, 1);
    for (int i = 0; i < e->nsources; i++) {
        int known = strcmp(e->sources[i], "fiction") == 0;
        for (int k = 0; k < b->sc->nsources && !known; k++)
            known = strcmp(b->sc->sources[k].id, e->sources[i]) == 0;
        if (!known)
            berr(b,
                 "unknown source '%s' (declare it in scenario { sources = ... }, or "
                 "use \"fiction\")",
                 e->sources[i]);
    }
}

static void build_trigger(bld *b, int t, def_event *e, int ei)
{
    e->turn = get_int(b, t, "turn", 0, 0, CR_MAX_TURNS);
    e->when = get_fn(b, t, "when");
    e->from_turn = get_int(b, t, "from_turn", 0, 0, CR_MAX_TURNS);
    e->delay = get_int(b, t, "delay", 0, 0, CR_MAX_TURNS);
    char *after = get_str(b, t, "after", 0);
    if (after && strchr(after, '.')) {
        e->after_option = resolve_option(b, after);
    } else if (after) {
        e->after_event = resolve(b, "event", after, def_event_find);
        if (e->after_event == ei) berr(b, "an event cannot follow itself");
    }
    free(after);
}

static void build_event(bld *b, int t, int i)
{
    static const char *const f[] = {"id",         "title",     "text",    "to",      "decider",
                                    "channel",    "source",    "turn",    "when",    "after",
                                    "delay",      "from_turn", "options", "expires", "default",
                                    "on_deliver", "note",      NULL};
    check_fields(b, t, f);
    def_event e = b->sc->events[i];
    e.title = get_str(b, t, "title", 1);
    e.text = get_str(b, t, "text", 1);
    e.note = get_str(b, t, "note", 0);
    to_ud to = {0, -1};
    if (field(b, t, "to", LUA_TNONE, 1) > 0) lua_pop(b->L, 1), each_name(b, t, "to", add_to, &to);
    e.to = to.mask;
    char *decider = get_str(b, t, "decider", 0);
    e.decider =
        decider ? resolve(b, "role", decider, def_role_find) : (to.first < 0 ? 0 : to.first);
    if (e.decider < 0) e.decider = 0;
    if (to.mask && !decider && __builtin_popcount(to.mask) > 1) e.decider = 0;
    free(decider);
    char *ch = get_str(b, t, "channel", 1);
    e.channel = (def_channel)pick_channel(b, ch);
    free(ch);
    build_sources(b, t, &e);
    build_trigger(b, t, &e, i);
    e.expires = get_int(b, t, "expires", 0, 0, CR_MAX_TURNS);
    char *def = get_str(b, t, "default", 0);
    b->sc->events[i] = e;
    if (def) {
        int mv = def_option_find(b->sc, i, def);
        if (mv < 0) berr(b, "default '%s' is not one of its options", def);
        b->sc->events[i].default_option = mv;
        free(def);
    }
    get_effects(b, t, "on_deliver", &b->sc->events[i].on_deliver, &b->sc->events[i].non_deliver);
    /* The options, each in its own context for messages. */
    if (field(b, t, "options", LUA_TTABLE, 0) > 0) {
        int ot = lua_gettop(b->L);
        char base[200];
        str_fmt(base, sizeof base, "%s", b->what);
        for (int k = 0; k < b->sc->events[i].noptions; k++) {
            /* Not a table: already reported, and the rest no longer lines
               up with the options declared. */
            if (lua_rawgeti(b->L, ot, k + 1) != LUA_TTABLE) {
                lua_pop(b->L, 1);
                break;
            }
            int mi = b->sc->events[i].options[k];
            str_fmt(b->what, sizeof b->what, "%s option '%s'", base, b->sc->moves[mi].id);
            fill_move(b, lua_gettop(b->L), mi, 0);
            lua_pop(b->L, 1);
        }
        str_fmt(b->what, sizeof b->what, "%s", base);
        lua_pop(b->L, 1);
    }
}

static void build_action(bld *b, int t, int mi)
{
    char *role = get_str(b, t, "role", 1);
    int r = role ? resolve(b, "role", role, def_role_find) : -1;
    free(role);
    fill_move(b, t, mi, 1);
    b->sc->moves[mi].role = r < 0 ? 0 : r;
}

static void get_strlist(bld *b, int t, const char *name, char ***out, int *n)
{
    if (field(b, t, name, LUA_TTABLE, 0) <= 0) return;
    int cap = 0;
    lua_Integer len = (lua_Integer)lua_rawlen(b->L, -1);
    for (lua_Integer i = 1; i <= len; i++) {
        if (lua_rawgeti(b->L, -1, i) == LUA_TSTRING)
            *VEC_PUSH(*out, *n, cap) = xstrdup(lua_tostring(b->L, -1));
        else
            berr(b, "%s[%lld] must be a string", name, (long long)i);
        lua_pop(b->L, 1);
    }
    lua_pop(b->L, 1);
}

static void build_board(bld *b, int t, int i)
{
    static const char *const f[] = {"id",   "title",       "text",     "columns",
                                    "rows", "column_attr", "row_attr", NULL};
    def_board *bd = &b->sc->boards[i];
    check_fields(b, t, f);
    bd->title = get_str(b, t, "title", 1);
    bd->text = get_str(b, t, "text", 0);
    get_strlist(b, t, "columns", &bd->columns, &bd->ncolumns);
    get_strlist(b, t, "rows", &bd->rows, &bd->nrows);
    bd->column_attr = get_str(b, t, "column_attr", 0);
    bd->row_attr = get_str(b, t, "row_attr", 0);
    if (!bd->column_attr) bd->column_attr = xstrdup("supports");
    if (!bd->row_attr) bd->row_attr = xstrdup("level");
}

static void build_card(bld *b, int t, int i)
{
    static const char *const f[] = {"id", "board", "title", "text", "source", "attrs", NULL};
    check_fields(b, t, f);
    def_card c = b->sc->cards[i];
    c.title = get_str(b, t, "title", 1);
    c.text = get_str(b, t, "text", 1);
    c.source = get_str(b, t, "source", 0);
    char *board = get_str(b, t, "board", 1);
    c.board = board ? resolve(b, "board", board, def_board_find) : -1;
    free(board);
    if (field(b, t, "attrs", LUA_TTABLE, 0) > 0) {
        int at = lua_gettop(b->L), cap = 0;
        char **keys;
        int nk = sorted_keys(b, at, &keys);
        for (int k = 0; k < nk; k++) {
            rawfield(b->L, at, keys[k]);
            if (lua_type(b->L, -1) == LUA_TSTRING || lua_type(b->L, -1) == LUA_TNUMBER)
                *VEC_PUSH(c.attrs, c.nattrs, cap) =
                    (def_kv){xstrdup(keys[k]), xstrdup(lua_tostring(b->L, -1))};
            else
                berr(b, "attrs.%s must be a string or a number", keys[k]);
            lua_pop(b->L, 1);
        }
        free_keys(keys, nk);
        lua_pop(b->L, 1);
    }
    b->sc->cards[i] = c;
}

static void build_objective(bld *b, int t, int i)
{
    static const char *const f[] = {"id", "title", "text", "score", NULL};
    def_objective *o = &b->sc->objectives[i];
    check_fields(b, t, f);
    o->title = get_str(b, t, "title", 1);
    o->text = get_str(b, t, "text", 0);
    o->score = get_fn(b, t, "score");
    if (!o->score) berr(b, "field 'score' is required: function(g) return \"P\" end");
}

static void build_ending(bld *b, int t, int i)
{
    static const char *const f[] = {"id", "title", "text", "when", "early", NULL};
    def_ending *e = &b->sc->endings[i];
    check_fields(b, t, f);
    e->title = get_str(b, t, "title", 1);
    e->text = get_str(b, t, "text", 1);
    e->when = get_fn(b, t, "when");
    e->early = get_bool(b, t, "early", 0);
    if (e->early && !e->when) berr(b, "an early ending needs a 'when'");
}

static void build_variant(bld *b, int t, int i)
{
    static const char *const f[] = {"id", "title", "truth", "weight", NULL};
    def_variant *v = &b->sc->variants[i];
    check_fields(b, t, f);
    v->title = get_str(b, t, "title", 1);
    v->truth = get_str(b, t, "truth", 1);
    v->weight = get_num(b, t, "weight", 1, 0);
    if (v->weight < 0) berr(b, "weight must not be negative");
}

static void build_question(bld *b, int t)
{
    if (lua_type(b->L, t) == LUA_TSTRING) {
        def_add_question(b->sc, lua_tostring(b->L, t));
        return;
    }
    static const char *const f[] = {"text", NULL};
    check_fields(b, t, f);
    char *q = get_str(b, t, "text", 1);
    if (q) def_add_question(b->sc, q);
    free(q);
}

/* The clock ---------------------------------------------------------------------- */

static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static void clock_label(long minutes, char *buf, size_t size)
{
    static const char *const wd[] = {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"};
    static const char *const mo[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    long days = minutes >= 0 ? minutes / 1440 : -((-minutes + 1439) / 1440);
    long mins = minutes - days * 1440;
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    str_fmt(buf, size, "%s %d %s %d, %02ld:%02ld", wd[((days % 7) + 7) % 7], d, mo[m - 1], y,
            mins / 60, mins % 60);
}

static long parse_step(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);
    if (end == s || n <= 0 || end[1]) return -1;
    switch (*end) {
    case 'm':
        return n;
    case 'h':
        return n * 60;
    case 'd':
        return n * 1440;
    case 'w':
        return n * 10080;
    default:
        return -1;
    }
}

static void build_clock_steps(bld *b, int t)
{
    char *start = get_str(b, t, "start", 1);
    int y, mo, d, h = 0, mi = 0;
    if (!start || (sscanf(start, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) < 3)) {
        if (start) berr(b, "start '%s' must look like \"2022-07-15 08:00\"", start);
        free(start);
        return;
    }
    free(start);
    long now = days_from_civil(y, mo, d) * 1440 + h * 60 + mi;
    char label[64];
    clock_label(now, label, sizeof label);
    def_add_turn(b->sc, label);
    if (field(b, t, "steps", LUA_TTABLE, 1) <= 0) return;
    lua_Integer n = (lua_Integer)lua_rawlen(b->L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(b->L, -1, i);
        long step = lua_type(b->L, -1) == LUA_TSTRING ? parse_step(lua_tostring(b->L, -1)) : -1;
        if (step < 0)
            berr(b, "steps[%lld] must look like \"6h\", \"2d\", \"1w\" or \"30m\"", (long long)i);
        else {
            now += step;
            clock_label(now, label, sizeof label);
            def_add_turn(b->sc, label);
        }
        lua_pop(b->L, 1);
    }
    lua_pop(b->L, 1);
}

static void build_clock(bld *b, int t)
{
    static const char *const f[] = {"start", "steps", NULL};
    if (b->sc->nturns) {
        berr(b, "clock {} is declared twice");
        return;
    }
    check_fields(b, t, f);
    rawfield(b->L, t, "start");
    int has_start = !lua_isnil(b->L, -1);
    lua_pop(b->L, 1);
    if (has_start) {
        build_clock_steps(b, t);
    } else {
        lua_Integer n = (lua_Integer)lua_rawlen(b->L, t);
        for (lua_Integer i = 1; i <= n; i++) {
            if (lua_rawgeti(b->L, t, i) == LUA_TSTRING)
                def_add_turn(b->sc, lua_tostring(b->L, -1));
            else
                berr(b, "clock[%lld] must be a label (a string)", (long long)i);
            lua_pop(b->L, 1);
        }
    }
    if (b->sc->nturns > CR_MAX_TURNS) berr(b, "more than %d turns", CR_MAX_TURNS);
    if (b->sc->nturns == 0) berr(b, "the clock has no turns");
}

/* Driving the passes ---------------------------------------------------------------- */

static void build_one(bld *b, const char *kind, int t, int i)
{
    if (strcmp(kind, "scenario") == 0)
        build_scenario(b, t);
    else if (strcmp(kind, "clock") == 0)
        build_clock(b, t);
    else if (strcmp(kind, "question") == 0)
        build_question(b, t);
    else if (i < 0)
        return; /* its id was wrong: already reported */
    else if (strcmp(kind, "role") == 0)
        build_role(b, t, i);
    else if (strcmp(kind, "meter") == 0)
        build_meter(b, t, i);
    else if (strcmp(kind, "event") == 0)
        build_event(b, t, i);
    else if (strcmp(kind, "action") == 0)
        build_action(b, t, i);
    else if (strcmp(kind, "board") == 0)
        build_board(b, t, i);
    else if (strcmp(kind, "card") == 0)
        build_card(b, t, i);
    else if (strcmp(kind, "objective") == 0)
        build_objective(b, t, i);
    else if (strcmp(kind, "ending") == 0)
        build_ending(b, t, i);
    else if (strcmp(kind, "variant") == 0)
        build_variant(b, t, i);
}

/* Push decl n's table and set the context; returns its kind. */
static const char *enter(bld *b, int decls, lua_Integer n)
{
    lua_State *L = b->L;
    lua_rawgeti(L, decls, n);
    rawfield(L, -1, "file");
    b->at.file = def_intern_file(b->sc, lua_tostring(L, -1));
    rawfield(L, -2, "line");
    b->at.line = (int)lua_tointeger(L, -1);
    rawfield(L, -3, "kind");
    const char *kind = lua_tostring(L, -1); /* kept alive by the decl table */
    rawfield(L, -4, "t");
    str_fmt(b->what, sizeof b->what, "%s", kind);
    return kind;
}

int bld_build(script *s, strbuf *errors)
{
    lua_State *L = s->L;
    bld b = {s, L, s->sc, errors, 0, {0}, "", NULL, 0};
    rawfield(L, LUA_REGISTRYINDEX, "crisisroom.decls");
    int decls = lua_gettop(L);
    lua_Integer n = (lua_Integer)lua_rawlen(L, decls);
    /* A userdata, not malloc: the collector frees it if building raises
       (running out of memory). */
    b.index = lua_newuserdatauv(L, ((size_t)n + 1) * sizeof(int), 0);
    memset(b.index, 0, ((size_t)n + 1) * sizeof(int));
    int keep = lua_gettop(L);
    for (int pass = 1; pass <= 2; pass++)
        for (lua_Integer i = 1; i <= n; i++) {
            const char *kind = enter(&b, decls, i);
            int t = lua_gettop(L);
            if (pass == 1)
                b.index[i] = declare(&b, kind, t);
            else {
                rawfield(L, t, "id");
                if (lua_isstring(L, -1))
                    str_fmt(b.what, sizeof b.what, "%s '%s'", kind, lua_tostring(L, -1));
                lua_pop(L, 1);
                build_one(&b, kind, t, b.index[i]);
            }
            lua_settop(L, keep);
        }
    lua_settop(L, decls - 1);
    return b.nerr;
}
