/*
 * build_read.c -- reading a declaration's fields through the API table:
 * each reader takes a field's number, checks the value against the
 * field's type and range, and falls back on its default; names of other
 * things resolve to their indexes with a message that lists those known.
 *
 * Declarations are read raw: a metatable on an author's table (an __index
 * that loops, errors or answers differently each time) plays no part, and
 * no Lua code runs while the definitions are built.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "build.h"

#define BUILD_MAX_LISTED 15 /* known names a message lists all of; past them, the nearest */
#define BUILD_NEAREST    8  /* the nearest names a message lists when there are more */

int bld_raw(lua_State *L, int t, const char *k)
{
    t = lua_absindex(L, t);
    if (!lua_istable(L, t)) { /* e.g. question "text" */
        lua_pushnil(L);
        return LUA_TNIL;
    }
    lua_pushstring(L, k);
    return lua_rawget(L, t);
}

const char *bld_type_name(int t)
{
    static const char *const names[] = {"nil",   "boolean",  "userdata", "number", "string",
                                        "table", "function", "userdata", "thread"};
    return t >= 0 && t <= 8 ? names[t] : "value";
}

/* The Lua type a field's values have (LUA_TNONE: more than one). */
static int lua_type_of(api_type t)
{
    switch (t) {
    case API_STR:
    case API_ID:
    case API_NAME:
    case API_CHOICE:
        return LUA_TSTRING;
    case API_NUM:
    case API_INT:
        return LUA_TNUMBER;
    case API_BOOL:
        return LUA_TBOOLEAN;
    case API_FN:
        return LUA_TFUNCTION;
    case API_STRS:
    case API_DELTAS:
    case API_STATES:
    case API_EFFECTS:
    case API_TABLE:
        return LUA_TTABLE;
    default:
        return LUA_TNONE;
    }
}

int bld_push_need(bld *b, int t, api_fid f, int required)
{
    const api_field *d = &api_fields[f];
    int want = lua_type_of(d->type);
    bld_point(b, t, d->name, 0); /* messages about it point at it (absent: at its table) */
    b->field = d->name;
    int got = bld_raw(b->L, t, d->name);
    if (got == LUA_TNIL) {
        lua_pop(b->L, 1);
        if (required && d->type == API_FN)
            bld_err(b, "field '%s' is required: %s", d->name, d->shape);
        else if (required)
            bld_err(b, "field '%s' is required", d->name);
        return 0;
    }
    if (want != LUA_TNONE && got != want) {
        bld_err(b, "field '%s' must be a %s (got %s)", d->name, bld_type_name(want),
                bld_type_name(got));
        lua_pop(b->L, 1);
        return -1;
    }
    return 1;
}

/* Point at field f of t, with its value pushed raw (bld_raw). */
int bld_raw_field(bld *b, int t, api_fid f)
{
    bld_point(b, t, api_fname(f), 0);
    b->field = api_fname(f);
    return bld_raw(b->L, t, api_fname(f));
}

int bld_push(bld *b, int t, api_fid f)
{
    return bld_push_need(b, t, f, api_fields[f].required);
}

/* Text leaves the Lua state for good: count it, since one string of the
   script can be declared in thousands of places (each a copy). Past the
   ceiling, reported once, copies are empty (building fails anyway). */
char *bld_copy(bld *b, const char *text)
{
    size_t n = strlen(text) + 1;
    if (b->copied + n > BUILD_MAX_COPIED) {
        if (b->copied <= BUILD_MAX_COPIED)
            bld_err(b,
                    "the scenario's text comes to more than %d MiB once copied out of its "
                    "declarations (a string declared in many places counts each time)",
                    BUILD_MAX_COPIED >> 20);
        b->copied = (size_t)BUILD_MAX_COPIED + 1;
        return xstrdup("");
    }
    b->copied += n;
    return xstrdup(text);
}

char *bld_str(bld *b, int t, api_fid f)
{
    const char *def = api_fields[f].str;
    if (bld_push(b, t, f) <= 0) return def ? xstrdup(def) : NULL;
    if (lua_rawlen(b->L, -1) > BUILD_MAX_TEXT) {
        bld_err(b, "field '%s' is %zu bytes long; at most %d", api_fname(f),
                (size_t)lua_rawlen(b->L, -1), BUILD_MAX_TEXT);
        lua_pop(b->L, 1);
        return NULL;
    }
    char *v = bld_copy(b, lua_tostring(b->L, -1));
    lua_pop(b->L, 1);
    return v;
}

/* A value outside the range is reported and kept (building fails anyway;
   the checks that follow see what the author wrote). */
double bld_num(bld *b, int t, api_fid f)
{
    const api_field *d = &api_fields[f];
    if (bld_push(b, t, f) <= 0) return d->num;
    double v = lua_tonumber(b->L, -1);
    lua_pop(b->L, 1);
    if (!isfinite(v)) {
        bld_err(b, "field '%s' must be a finite number", d->name);
        return d->num;
    }
    if (d->has_range && isinf(d->hi) && v < d->lo && d->lo == 0)
        bld_err(b, "%s must not be negative", d->name);
    else if (d->has_range && isinf(d->hi) && v < d->lo)
        bld_err(b, "%s must be at least %g", d->name, d->lo);
    else if (d->has_range && (v < d->lo || v > d->hi))
        bld_err(b, "%s must lie between %g and %g", d->name, d->lo, d->hi);
    return v;
}

int bld_int(bld *b, int t, api_fid f)
{
    const api_field *d = &api_fields[f];
    if (bld_push(b, t, f) <= 0) return (int)d->num;
    int isint;
    lua_Integer v = lua_tointegerx(b->L, -1, &isint);
    lua_pop(b->L, 1);
    if (!isint || (d->has_range && (v < d->lo || v > d->hi))) {
        bld_err(b, "field '%s' must be a whole number from %d to %d", d->name, (int)d->lo,
                (int)d->hi);
        return (int)d->num;
    }
    return (int)v;
}

int bld_bool(bld *b, int t, api_fid f)
{
    if (bld_push(b, t, f) <= 0) return api_fields[f].num != 0;
    int v = lua_toboolean(b->L, -1);
    lua_pop(b->L, 1);
    return v;
}

/* Remember what a reference is, for the messages of errors inside it:
   "event 'x' when (events.lua:12)". */
void bld_describe_ref(bld *b, int ref, const char *name)
{
    lua_State *L = b->L;
    bld_raw(L, LUA_REGISTRYINDEX, REFDESC_KEY);
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

int bld_fn(bld *b, int t, api_fid f)
{
    if (bld_push(b, t, f) <= 0) return 0;
    int ref = luaL_ref(b->L, LUA_REGISTRYINDEX);
    bld_describe_ref(b, ref, api_fname(f));
    return ref;
}

char *bld_text_or_fn(bld *b, int t, api_fid f, int *ref)
{
    *ref = 0;
    int got = bld_raw_field(b, t, f);
    if (got == LUA_TFUNCTION) {
        *ref = luaL_ref(b->L, LUA_REGISTRYINDEX);
        bld_describe_ref(b, *ref, api_fname(f));
        return NULL;
    }
    lua_pop(b->L, 1);
    if (got == LUA_TNIL || got == LUA_TSTRING) return bld_str(b, t, f); /* its checks */
    bld_err(b, "field '%s' must be a string or a function(g) returning one (got %s)", api_fname(f),
            bld_type_name(got));
    return NULL;
}

int bld_choice(bld *b, int t, api_fid f, char **got)
{
    *got = bld_str(b, t, f);
    int i = api_choice(f, *got);
    if (i >= 0 || *got) return i;
    return api_choice(f, api_fields[f].str); /* absent: the default, or -1 */
}

void bld_choices(api_fid f, const char *quote, strbuf *out)
{
    const api_field *d = &api_fields[f];
    for (int i = 0; i < d->nchoices; i++)
        sb_printf(out, "%s%s%s%s",
                  i == 0                           ? ""
                  : i < d->nchoices - 1 || !*quote ? ", "
                                                   : " or ",
                  quote, d->choices[i], quote);
}

static void unknown_field(bld *b, api_kind k, const char *key)
{
    int n;
    const api_field *f = api_fields_of(k, &n);
    const char *near = api_field_near(k, key);
    strbuf list = {0};
    for (int i = 0; i < n; i++) sb_printf(&list, "%s%s", i ? ", " : "", f[i].name);
    if (near)
        bld_err(b, "unknown field '%s' (did you mean '%s'? fields of %s are %s)", key, near,
                api_kinds[k].name, list.s);
    else
        bld_err(b, "unknown field '%s' (fields of %s are %s)", key, api_kinds[k].name, list.s);
    sb_free(&list);
}

void bld_check_fields(bld *b, int t, api_kind k)
{
    lua_State *L = b->L;
    if (!lua_istable(L, t)) return; /* reported by the caller */
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) != LUA_TSTRING) continue; /* array part: checked by the reader */
        const char *key = lua_tostring(L, -1);
        if (api_field_find(k, key) >= 0) continue;
        bld_point(b, t, key, 0);
        unknown_field(b, k, key);
    }
}

/* Names ------------------------------------------------------------------------ */

void bld_each_name(bld *b, int t, api_fid f, bld_each_fn fn, void *ud)
{
    lua_State *L = b->L;
    int got = bld_raw_field(b, t, f);
    if (got == LUA_TSTRING) {
        fn(b, lua_tostring(L, -1), ud);
    } else if (got == LUA_TTABLE) {
        int lt = lua_gettop(L);
        lua_Integer n = (lua_Integer)lua_rawlen(L, lt);
        for (lua_Integer i = 1; i <= n; i++) {
            bld_point(b, lt, NULL, i);
            b->field = api_fname(f);
            if (lua_rawgeti(L, lt, i) == LUA_TSTRING)
                fn(b, lua_tostring(L, -1), ud);
            else
                bld_err(b, "field '%s' must list strings (item %lld is not)", api_fname(f),
                        (long long)i);
            lua_pop(L, 1);
        }
    } else if (got != LUA_TNIL) {
        bld_err(b, "field '%s' must be a string or a list of strings", api_fname(f));
    }
    lua_pop(L, 1);
}

void bld_strs(bld *b, int t, api_fid f, char ***out, int *n)
{
    if (bld_push(b, t, f) <= 0) return;
    int cap = 0, lt = lua_gettop(b->L);
    lua_Integer len = (lua_Integer)lua_rawlen(b->L, lt);
    for (lua_Integer i = 1; i <= len; i++) {
        bld_point(b, lt, NULL, i);
        if (lua_rawgeti(b->L, lt, i) == LUA_TSTRING)
            *VEC_PUSH(*out, *n, cap) = bld_copy(b, lua_tostring(b->L, -1));
        else
            bld_err(b, "%s[%lld] must be a string", api_fname(f), (long long)i);
        lua_pop(b->L, 1);
    }
    lua_pop(b->L, 1);
}

/* The names nearest to a misspelt one, nearest first (equal: declared
   first); how many are kept. */
static int nearest(const char *name, const char *const *names, int n, int *out, int max)
{
    int k = 0;
    for (int i = 0; i < n; i++) {
        int d = api_edits(name, names[i]), at = k < max ? k++ : max;
        while (at > 0 && api_edits(name, names[out[at - 1]]) > d) {
            if (at < max) out[at] = out[at - 1];
            at--;
        }
        if (at < max) out[at] = i;
    }
    return k;
}

void bld_suggest(const char *name, const char *const *names, int n, const char *plural, strbuf *out)
{
    int near[BUILD_NEAREST];
    int k = nearest(name, names, n, near, BUILD_NEAREST);
    if (k && api_is_typo(name, names[near[0]]))
        sb_printf(out, "did you mean '%s'? ", names[near[0]]);
    if (n == 0) {
        if (strncmp(plural, "its ", 4) == 0)
            sb_printf(out, "it has no %s", plural + 4);
        else
            sb_printf(out, "no %s declared", plural);
        return;
    }
    if (n <= BUILD_MAX_LISTED) {
        sb_printf(out, "%s are ", plural);
        for (int i = 0; i < n; i++) sb_printf(out, "%s%s", i ? ", " : "", names[i]);
        return;
    }
    sb_printf(out, "the nearest of the %d %s are ", n, plural);
    for (int i = 0; i < k; i++) sb_printf(out, "%s%s", i ? ", " : "", names[near[i]]);
}

static const char **known_ids(const bld *b, api_kind k, int *n)
{
    *n = api_count(b->sc, k);
    const char **v = xcalloc((size_t)*n + 1, sizeof *v);
    for (int i = 0; i < *n; i++) v[i] = api_id(b->sc, k, i);
    return v;
}

/* " in 'to'": the field being read, for messages about names it holds. */
static void in_field(const bld *b, char *buf, size_t size)
{
    if (b->field)
        str_fmt(buf, size, " in '%s'", b->field);
    else
        buf[0] = '\0';
}

int bld_resolve(bld *b, api_kind k, const char *name)
{
    int i = api_find(b->sc, k, name);
    if (i >= 0) return i;
    int n;
    const char **ids = known_ids(b, k, &n);
    char plural[64], in[80];
    str_fmt(plural, sizeof plural, "%ss", api_kinds[k].name);
    in_field(b, in, sizeof in);
    strbuf known = {0};
    bld_suggest(name, ids, n, plural, &known);
    bld_err(b, "unknown %s '%s'%s (%s)", api_kinds[k].name, name, in, known.s);
    sb_free(&known);
    free(ids);
    return -1;
}

int bld_resolve_option(bld *b, const char *path)
{
    int mv = def_option_path(b->sc, path);
    if (mv >= 0) return mv;
    char in[80];
    in_field(b, in, sizeof in);
    const char *dot = strchr(path, '.');
    if (!dot) {
        bld_err(b, "'%s'%s should name an option as \"event.option\"", path, in);
        return -1;
    }
    char ev[64];
    str_fmt(ev, sizeof ev, "%.*s", (int)(dot - path), path);
    int e = bld_resolve(b, K_event, ev);
    if (e < 0) return -1;
    const def_event *d = &b->sc->events[e];
    const char **ids = xcalloc((size_t)d->noptions + 1, sizeof *ids);
    for (int i = 0; i < d->noptions; i++) ids[i] = b->sc->moves[d->options[i]].id;
    strbuf opts = {0};
    bld_suggest(dot + 1, ids, d->noptions, "its options", &opts);
    bld_err(b, "event '%s' has no option '%s'%s (%s)", ev, dot + 1, in, opts.s);
    sb_free(&opts);
    free(ids);
    return -1;
}

typedef struct idlist {
    int *v;
    int n, cap;
    api_kind kind;
} idlist;

static void add_id(bld *b, const char *name, void *ud)
{
    idlist *l = ud;
    int i = l->kind == K_option ? bld_resolve_option(b, name) : bld_resolve(b, l->kind, name);
    if (i >= 0) *VEC_PUSH(l->v, l->n, l->cap) = i;
}

void bld_ids(bld *b, int t, api_fid f, int **out, int *n)
{
    idlist l = {NULL, 0, 0, api_fields[f].ref};
    bld_each_name(b, t, f, add_id, &l);
    *out = l.v;
    *n = l.n;
}

/* Tables keyed by name ------------------------------------------------------------ */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Keys of the table at t, sorted (Lua's order is not stable). */
static int sorted_keys(bld *b, int t, char ***out)
{
    lua_State *L = b->L;
    int n = 0, cap = 0;
    char **keys = NULL;
    lua_pushnil(L);
    while (lua_next(L, t)) {
        lua_pop(L, 1);
        if (lua_type(L, -1) == LUA_TSTRING)
            *VEC_PUSH(keys, n, cap) = bld_copy(b, lua_tostring(L, -1));
        else
            bld_err(b, "a table of names has a key that is not a string");
    }
    if (n > 1) qsort(keys, (size_t)n, sizeof *keys, cmp_str);
    *out = keys;
    return n;
}

void bld_each_key(bld *b, int t, api_fid f, bld_key_fn fn, void *ud)
{
    if (bld_push(b, t, f) <= 0) return;
    int tt = lua_gettop(b->L);
    char **keys;
    int nk = sorted_keys(b, tt, &keys);
    for (int i = 0; i < nk; i++) {
        bld_point(b, tt, keys[i], 0);
        b->field = api_fname(f);
        bld_raw(b->L, tt, keys[i]);
        fn(b, f, &keys[i], ud);
        lua_pop(b->L, 1);
    }
    for (int i = 0; i < nk; i++) free(keys[i]);
    free(keys);
    lua_pop(b->L, 1);
}

typedef struct deltas_ud {
    def_meter_delta **out;
    int *n, cap;
} deltas_ud;

static void add_delta(bld *b, api_fid f, char **key, void *ud)
{
    deltas_ud *d = ud;
    int m = bld_resolve(b, K_meter, *key);
    if (!lua_isnumber(b->L, -1) || lua_type(b->L, -1) != LUA_TNUMBER)
        bld_err(b, "%s.%s must be a number", api_fname(f), *key);
    else if (!isfinite(lua_tonumber(b->L, -1)))
        bld_err(b, "%s.%s must be a finite number (got %s)", api_fname(f), *key,
                lua_tostring(b->L, -1));
    else if (m >= 0)
        *VEC_PUSH(*d->out, *d->n, d->cap) = (def_meter_delta){m, lua_tonumber(b->L, -1)};
}

void bld_deltas(bld *b, int t, api_fid f, def_meter_delta **out, int *n)
{
    deltas_ud d = {out, n, 0};
    bld_each_key(b, t, f, add_delta, &d);
}

static int get_val(bld *b, int idx, val *out, const char *key)
{
    lua_State *L = b->L;
    memset(out, 0, sizeof *out);
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        out->type = VAL_NUM, out->num = lua_tonumber(L, idx);
        if (isfinite(out->num)) return 0;
        bld_err(b, "state '%s' must be a finite number (got %s)", key, lua_tostring(L, idx));
        return -1;
    case LUA_TBOOLEAN:
        out->type = VAL_BOOL, out->num = lua_toboolean(L, idx);
        return 0;
    case LUA_TSTRING:
        out->type = VAL_STR, out->str = bld_copy(b, lua_tostring(L, idx));
        return 0;
    default:
        bld_err(b, "state '%s': values are numbers, strings or booleans (got %s)", key,
                luaL_typename(L, idx));
        return -1;
    }
}

typedef struct states_ud {
    def_state_set **out;
    int *n, cap;
} states_ud;

static void add_state(bld *b, api_fid f, char **key, void *ud)
{
    states_ud *d = ud;
    def_state_set st = {*key, {0}};
    (void)f;
    if (get_val(b, -1, &st.value, *key) == 0) {
        *VEC_PUSH(*d->out, *d->n, d->cap) = st;
        *key = NULL; /* now owned by the state set */
    }
}

void bld_states(bld *b, int t, api_fid f, def_state_set **out, int *n)
{
    states_ud d = {out, n, 0};
    bld_each_key(b, t, f, add_state, &d);
}

/* Sources ------------------------------------------------------------------------ */

#define BUILD_FICTION "fiction" /* the source id of invented content */

typedef struct sources_ud {
    char ***out;
    int *n, cap;
} sources_ud;

static void add_source_id(bld *b, const char *id, void *ud)
{
    sources_ud *u = ud;
    int known = strcmp(id, BUILD_FICTION) == 0;
    for (int k = 0; k < b->sc->nsources && !known; k++)
        known = strcmp(b->sc->sources[k].id, id) == 0;
    if (known) {
        *VEC_PUSH(*u->out, *u->n, u->cap) = bld_copy(b, id);
        return;
    }
    strbuf why = {0};
    if (api_is_typo(id, BUILD_FICTION)) {
        sb_printf(&why, "did you mean '%s'?", BUILD_FICTION);
    } else {
        const char **ids = xcalloc((size_t)b->sc->nsources + 1, sizeof *ids);
        for (int k = 0; k < b->sc->nsources; k++) ids[k] = b->sc->sources[k].id;
        bld_suggest(id, ids, b->sc->nsources, "sources", &why);
        sb_printf(&why, "; declare it in %s { %s = ... }, or use \"%s\" for invented content",
                  api_kinds[K_scenario].name, api_fname(F_scenario_sources), BUILD_FICTION);
        free(ids);
    }
    bld_err(b, "unknown source '%s' (%s)", id, why.s);
    sb_free(&why);
}

void bld_sources(bld *b, int t, api_fid f, char ***out, int *n)
{
    sources_ud u = {out, n, 0};
    int got = bld_raw_field(b, t, f);
    lua_pop(b->L, 1);
    if (got != LUA_TNIL && got != LUA_TSTRING && got != LUA_TTABLE)
        bld_err(b, "field '%s' must be a source id or a list of them", api_fname(f));
    else
        bld_each_name(b, t, f, add_source_id, &u);
}
