/*
 * testapi.c -- `crisisroom test`: a scenario's own tests (tests/ *.lua in its
 * folder), run in the scenario's sandbox with a small API (API_TESTS in
 * api.h: test(name, fn), and t's methods t:start, t:cmd, t:refused, t:play,
 * ... and field t.g). A failure names the file and line of the assertion
 * and shows the game state around it.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "script_int.h"
#include "session.h"

#define TESTS_KEY "crisisroom.tests"

typedef struct tctx {
    script *s;
    session *sess;
    strbuf last; /* the last commands, for the failure report */
} tctx;

static tctx *ctx(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

static session *need_game(lua_State *L, tctx *c)
{
    if (!c->sess) luaL_error(L, "no game: call t:start{ seed = 1 } first");
    return c->sess;
}

static void remember(tctx *c, const char *line)
{
    if (c->last.len > 600) {
        const char *nl = strchr(c->last.s + c->last.len - 400, '\n');
        char *keep = xstrdup(nl ? nl + 1 : "");
        c->last.len = 0;
        sb_puts(&c->last, keep);
        free(keep);
    }
    sb_printf(&c->last, "  turn %d, %s: %s\n", c->sess->g->turn,
              c->s->sc->roles[c->sess->g->role].id, line);
}

static int t_start(lua_State *L)
{
    tctx *c = ctx(L);
    const def_scenario *sc = c->s->sc;
    lua_Integer seed = (lua_Integer)api_fields[F_start_seed].num;
    int variant = sc->nvariants ? 0 : -1;
    if (lua_istable(L, 2)) {
        if (lua_getfield(L, 2, api_fname(F_start_seed)) != LUA_TNIL)
            seed = luaL_checkinteger(L, -1);
        if (lua_getfield(L, 2, api_fname(F_start_variant)) != LUA_TNIL) {
            const char *v = luaL_checkstring(L, -1);
            variant = strcmp(v, "random") == 0 ? game_pick_variant(sc, (uint64_t)seed)
                                               : def_variant_find(sc, v);
            if (variant < 0) return luaL_error(L, "t:start: unknown variant '%s'", v);
        }
    }
    char err[2048];
    session_free(c->sess);
    c->s->g = NULL;
    c->sess = session_new(sc, &c->s->host, (uint64_t)seed, variant, 0, err, sizeof err);
    c->last.len = 0;
    if (!c->sess) return luaL_error(L, "t:start: the game failed to start: %s", err);
    c->s->g = c->sess->g;
    if (lua_istable(L, 2) && lua_getfield(L, 2, api_fname(F_start_session)) != LUA_TNIL &&
        session_set_session(c->sess, luaL_checkstring(L, -1), err, sizeof err))
        return luaL_error(L, "t:start: %s", err);
    c->s->g = c->sess->g;
    return 0;
}

static int apply(lua_State *L, tctx *c, const char *line)
{
    remember(c, line); /* labelled with the turn and role it was typed in */
    int rc = session_apply(c->sess, line);
    c->s->g = c->sess->g;
    if (rc == GAME_REFUSED) { /* the failure report tells it from the ones taken */
        c->last.s[--c->last.len] = '\0';
        sb_printf(&c->last, "   (refused: %s)\n", c->sess->err);
    }
    if (rc == GAME_SCRIPT_ERROR) luaL_error(L, "script error during `%s`: %s", line, c->sess->err);
    return rc;
}

static int t_cmd(lua_State *L)
{
    tctx *c = ctx(L);
    const char *line = luaL_checkstring(L, 2);
    need_game(L, c);
    if (apply(L, c, line)) return luaL_error(L, "command refused: `%s`: %s", line, c->sess->err);
    return 0;
}

/* t:refused(line [, words]): the command must be refused, and when words
   are given, the refusal must contain them (so a test cannot pass because
   the command was refused for another reason). Returns the refusal. */
static int t_refused(lua_State *L)
{
    tctx *c = ctx(L);
    const char *line = luaL_checkstring(L, 2);
    const char *want = luaL_optstring(L, 3, NULL);
    need_game(L, c);
    if (apply(L, c, line) == 0) return luaL_error(L, "`%s` was taken but should be refused", line);
    if (want && !strstr(c->sess->err, want))
        return luaL_error(L, "`%s` was refused, but not for '%s': %s", line, want, c->sess->err);
    lua_pushstring(L, c->sess->err);
    return 1;
}

static int play(lua_State *L, tctx *c, int until_turn, const char *pname)
{
    policy_kind k;
    if (policy_parse(pname, &k))
        return luaL_error(L, "unknown policy '%s' (random, first, historical)", pname);
    session *s = need_game(L, c);
    policy p;
    policy_init(&p, k, s->h.seed);
    strbuf line = {0};
    for (int n = 0; !s->g->ended && (!until_turn || s->g->turn < until_turn); n++) {
        cmd next;
        if (n > TEST_MAX_COMMANDS) return luaL_error(L, "t:play: no end after %d commands", n);
        if (policy_next(&p, s->g, &next))
            return luaL_error(L, "t:play: script error: %s", s->g->err);
        line.len = 0;
        cmd_format(&next, &line);
        if (apply(L, c, line.s)) {
            char msg[1200];
            str_fmt(msg, sizeof msg, "t:play: the policy's command `%s` was refused: %s", line.s,
                    s->err);
            sb_free(&line);
            return luaL_error(L, "%s", msg);
        }
    }
    sb_free(&line);
    return 0;
}

static int t_play(lua_State *L)
{
    return play(L, ctx(L), 0, luaL_optstring(L, 2, "random"));
}

static int t_play_to(lua_State *L)
{
    lua_Integer turn = luaL_checkinteger(L, 2);
    return play(L, ctx(L), (int)turn, luaL_optstring(L, 3, "random"));
}

static int t_ending(lua_State *L)
{
    game *g = need_game(L, ctx(L))->g;
    if (g->ended)
        lua_pushstring(L, g->sc->endings[g->ending].id);
    else
        lua_pushnil(L);
    return 1;
}

/* Every text the players have seen, in order. */
static int t_texts(lua_State *L)
{
    game *g = need_game(L, ctx(L))->g;
    const def_scenario *sc = g->sc;
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; i < g->nlog; i++) {
        const game_log *l = &g->log[i];
        const char *a = NULL, *x = NULL;
        if (l->kind == LOG_DELIVER || l->kind == LOG_INJECT) {
            const game_item *it = &g->items[l->ref];
            a = it->event >= 0 ? sc->events[it->event].title : it->title;
            x = it->event >= 0 ? sc->events[it->event].text : it->text;
        } else if (l->kind == LOG_CARD) {
            a = sc->cards[l->ref].title;
            x = sc->cards[l->ref].text;
        } else if (l->kind == LOG_OUTCOME) {
            a = l->text;
        } else if (l->kind == LOG_CHOOSE || l->kind == LOG_ACT) {
            a = sc->moves[l->ref].label;
            x = sc->moves[l->ref].text;
        }
        if (a) luaL_addstring(&b, a), luaL_addchar(&b, '\n');
        if (x) luaL_addstring(&b, x), luaL_addchar(&b, '\n');
    }
    luaL_pushresult(&b);
    return 1;
}

/* What the debrief shows, a line each: the ending, each objective with its
   rating, each decision beside what really happened, when each question was
   put; nil before the end. */
static void debrief_decision(luaL_Buffer *b, lua_State *L, const game *g, int item)
{
    const game_item *it = &g->items[item];
    const def_scenario *sc = g->sc;
    int h = def_historical_option(sc, it->event);
    lua_pushfstring(L, "%s: %s", sc->events[it->event].title,
                    it->option >= 0 ? sc->moves[it->option].label : "no decision");
    luaL_addvalue(b);
    if (sc->events[it->event].invented)
        luaL_addstring(b, "; this inject never really happened");
    else if (h >= 0)
        lua_pushfstring(L, "; what really happened: %s", sc->moves[h].label), luaL_addvalue(b);
    luaL_addchar(b, '\n');
}

static int t_debrief(lua_State *L)
{
    game *g = need_game(L, ctx(L))->g;
    const def_scenario *sc = g->sc;
    if (!g->ended) {
        lua_pushnil(L);
        return 1;
    }
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    lua_pushfstring(L, "%s\n%s\n", sc->endings[g->ending].title, game_ending_text(g));
    luaL_addvalue(&b);
    for (int i = 0; i < sc->nobjectives; i++) {
        lua_pushfstring(L, "%c %s: %s\n", g->ratings[i] ? g->ratings[i] : '?',
                        sc->objectives[i].title, game_objective_text(g, i));
        luaL_addvalue(&b);
    }
    for (int i = 0; i < g->nitems; i++)
        if (g->items[i].event >= 0 && sc->events[g->items[i].event].noptions)
            debrief_decision(&b, L, g, i);
    for (int q = 0; q < sc->nquestions; q++) {
        int t = game_question_turn(g, q);
        if (t > 0)
            lua_pushfstring(L, "question %d: put at turn %d\n", q + 1, t);
        else
            lua_pushfstring(L, "question %d: at the debrief\n", q + 1);
        luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    return 1;
}

static int t_check(lua_State *L)
{
    if (!lua_toboolean(L, 2))
        return luaL_error(L, "check failed: %s", luaL_optstring(L, 3, "(no message)"));
    return 0;
}

static int t_eq(lua_State *L)
{
    if (!lua_compare(L, 2, 3, LUA_OPEQ)) {
        const char *msg = luaL_optstring(L, 4, "values differ");
        luaL_tolstring(L, 2, NULL);
        luaL_tolstring(L, 3, NULL);
        return luaL_error(L, "%s: got %s, expected %s", msg, lua_tostring(L, -2),
                          lua_tostring(L, -1));
    }
    return 0;
}

/* The test API's entries (API_TESTS): a method's C function is t_NAME. */
#define T_FN_METHOD(name) t_##name
#define T_FN_GLOBAL(name) NULL
#define T_FN_FIELD(name)  NULL
static const struct {
    const char *name;
    api_where where;
    lua_CFunction fn; /* NULL: the global or the field */
} t_api[] = {
#define X(name, where, args, doc) {#name, API_##where, T_FN_##where(name)},
    API_TESTS(X)
#undef X
};
#define T_NAPI ((int)(sizeof t_api / sizeof t_api[0]))

/* The name of the global, or of t's field. */
static const char *t_name(api_where where)
{
    for (int i = 0; i < T_NAPI; i++)
        if (t_api[i].where == where) return t_api[i].name;
    return "";
}

/* t.g is the only field; everything else is a method. */
static int t_index(lua_State *L)
{
    tctx *c = ctx(L);
    if (strcmp(luaL_checkstring(L, 2), t_name(API_FIELD)) == 0) {
        need_game(L, c);
        c->s->g = c->sess->g;
        gapi_push(c->s);
        return 1;
    }
    lua_pushvalue(L, 2);
    lua_rawget(L, lua_upvalueindex(2));
    return 1;
}

static void push_t(lua_State *L, tctx *c)
{
    lua_newtable(L); /* t */
    lua_newtable(L); /* its metatable */
    lua_newtable(L); /* methods */
    for (int i = 0; i < T_NAPI; i++) {
        if (t_api[i].where != API_METHOD) continue;
        lua_pushlightuserdata(L, c);
        lua_pushcclosure(L, t_api[i].fn, 1);
        lua_setfield(L, -2, t_api[i].name);
    }
    lua_pushlightuserdata(L, c);
    lua_insert(L, -2);
    lua_pushcclosure(L, t_index, 2);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
}

static int declare_test(lua_State *L)
{
    luaL_checkstring(L, 1);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_getfield(L, LUA_REGISTRYINDEX, TESTS_KEY);
    lua_createtable(L, 2, 0);
    lua_pushvalue(L, 1);
    lua_rawseti(L, -2, 1);
    lua_pushvalue(L, 2);
    lua_rawseti(L, -2, 2);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    return 0;
}

/* Run the function on top with its arguments under a test's own budget
   and time limit (a test file comes with the untrusted scenario); the
   callbacks it makes run under theirs, and count towards the test's. */
static int run_test_fn(script *s, int nargs, long budget, long time_ms, char *err, size_t errlen)
{
    return sbx_call_limited(s, nargs, 0, NULL, budget, time_ms, err, errlen);
}

/* The whole run's time limit, which grows with the per-call one (slow
   tools): when it strikes, the test running stops and the rest fail. */
static long run_deadline;

static long test_time_ms(const script *s)
{
    double scale = (double)s->time_ms / SCRIPT_DEFAULT_TIME_MS;
    return (long)(TEST_TIME_MS * (scale > 1 ? scale : 1));
}

static long time_left(void)
{
    long left = run_deadline - sbx_now_ms();
    return left > 1 ? left : 1;
}

static void report_state(FILE *out, tctx *c)
{
    if (!c->sess) return;
    game *g = c->sess->g;
    const def_scenario *sc = g->sc;
    fprintf(out, "  game: seed %llu, turn %d of %d (%s), %s's move%s\n",
            (unsigned long long)c->sess->h.seed, g->turn, sc->nturns, game_turn_label(g, g->turn),
            sc->roles[g->role].id, g->ended ? ", ended" : "");
    fprintf(out, "  meters:");
    for (int i = 0; i < sc->nmeters; i++) fprintf(out, " %s=%g", sc->meters[i].id, g->meter[i]);
    fprintf(out, "\n  last commands:\n%s", c->last.s ? c->last.s : "  (none)\n");
}

static int run_file(script *s, const char *rel, FILE *out, int *passed)
{
    lua_State *L = s->L;
    char err[4096], msg[8192];
    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, TESTS_KEY);
    if (sbx_load_file(s, rel, err, sizeof err)) {
        fprintf(out, "FAIL %s\n  %s\n", rel, err);
        return 1;
    }
    long t = time_left();
    if (run_test_fn(s, 0, s->lim.instructions, t < s->time_ms ? t : s->time_ms, msg, sizeof msg)) {
        fprintf(out, "FAIL %s\n  %s\n", rel, msg);
        return 1;
    }
    int failed = 0;
    lua_getfield(L, LUA_REGISTRYINDEX, TESTS_KEY);
    lua_Integer n = (lua_Integer)lua_rawlen(L, -1);
    for (lua_Integer i = 1; i <= n; i++) {
        tctx c = {s, NULL, {0}};
        lua_rawgeti(L, -1, i);
        lua_rawgeti(L, -1, 1);
        const char *name = lua_tostring(L, -1);
        lua_rawgeti(L, -2, 2);
        push_t(L, &c);
        if (run_test_fn(s, 1, TEST_MAX_INSTRUCTIONS, time_left(), msg, sizeof msg)) {
            fprintf(out, "FAIL %s: %s\n  %s\n", rel, name, msg);
            if (time_left() <= 1)
                fprintf(out, "  (the tests together may take %ld ms: that time is up)\n",
                        test_time_ms(s));
            report_state(out, &c);
            failed++;
        } else {
            fprintf(out, "ok   %s: %s\n", rel, name);
            (*passed)++;
        }
        lua_pop(L, 2);
        session_free(c.sess);
        s->g = NULL;
        sb_free(&c.last);
    }
    lua_pop(L, 1);
    return failed;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_tests(const char *dir, char ***out)
{
    char path[4096];
    str_fmt(path, sizeof path, "%s/tests", dir);
    DIR *d = opendir(path);
    int n = 0, cap = 0;
    *out = NULL;
    if (!d) return 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".lua") == 0) {
            str_fmt(path, sizeof path, "tests/%s", e->d_name);
            *VEC_PUSH(*out, n, cap) = xstrdup(path);
        }
    }
    closedir(d);
    qsort(*out, (size_t)n, sizeof **out, cmp_str);
    return n;
}

int script_run_tests(const char *dir, const char *only, FILE *out)
{
    char err[8192];
    script *s = script_load(dir, NULL, err, sizeof err);
    if (!s) {
        fprintf(out, "%s", err);
        return -1;
    }
    lua_register(s->L, t_name(API_GLOBAL), declare_test);
    run_deadline = sbx_now_ms() + test_time_ms(s);
    char **files;
    int nfiles = list_tests(dir, &files), failed = 0, passed = 0, ran = 0;
    for (int i = 0; i < nfiles; i++) {
        const char *base = only ? strrchr(only, '/') : NULL;
        base = base ? base + 1 : only;
        if (!only || strcmp(only, files[i]) == 0 || strcmp(files[i] + 6, base) == 0) {
            failed += run_file(s, files[i], out, &passed);
            ran++;
        }
        free(files[i]);
    }
    free(files);
    script_free(s);
    if (ran == 0) {
        if (only)
            fprintf(out, "%s: no test file matches '%s' (give a file under %s/tests/)\n", dir, only,
                    dir);
        else
            fprintf(out, "%s: no tests found (tests/*.lua)\n", dir);
        return -1;
    }
    fprintf(out, "%d passed, %d failed\n", passed, failed);
    return failed;
}
