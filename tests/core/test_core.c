/*
 * test_core.c -- unit tests of the game model, with a scenario built in C
 * (core has no Lua: callbacks here are plain C functions behind the host).
 */
#include <math.h>
#include <stdlib.h>

#include "../check.h"
#include "cmd.h"
#include "game.h"
#include "kv.h"
#include "rng.h"
#include "util.h"

/* Host: ref 1 = "m is at least 60"; ref 2 = add 5 to meter 0 via the API. */
static int host_test(void *ud, game *g, int ref, char *why, size_t whylen)
{
    (void)ud;
    if (ref == 1) return g->meter[0] >= 60;
    if (ref == 3) return game_cb_add(g, 0, 1) == 0; /* must be refused: read-only */
    str_fmt(why, whylen, "never");
    return 0;
}

static int host_run(void *ud, game *g, int ref)
{
    (void)ud;
    return ref == 2 ? game_cb_add(g, 0, 5) : 0;
}

static int host_score(void *ud, game *g, int ref, char *r)
{
    (void)ud, (void)ref;
    *r = g->meter[0] >= 60 ? 'P' : 'M';
    return 0;
}

static const game_host host = {NULL, host_test, host_run, host_score, NULL};

static int add_effect(def_scenario *sc, int meter, double v, int after, double chance)
{
    int idx;
    def_effect *e = def_add_effect(sc, &idx);
    e->add = xmalloc(sizeof *e->add);
    e->add[0] = (def_meter_delta){meter, v};
    e->nadd = 1;
    e->after = after;
    e->chance = chance;
    return idx;
}

static int add_option(def_scenario *sc, int ev, const char *id, int cost, int effect)
{
    int mi;
    def_move *m = def_add_move(sc, &mi);
    m->id = xstrdup(id);
    m->label = xstrdup(id);
    m->event = ev;
    m->cost = cost;
    if (effect >= 0) {
        m->effects = xmalloc(sizeof(int));
        m->effects[0] = effect;
        m->neffects = 1;
    }
    def_event *e = &sc->events[ev];
    e->options = xrealloc(e->options, sizeof(int) * (size_t)(e->noptions + 1));
    e->options[e->noptions++] = mi;
    return mi;
}

static def_scenario *make_scenario(void)
{
    def_scenario *sc = def_new();
    sc->id = xstrdup("unit");
    const char *roles[] = {"a", "b"};
    for (int i = 0; i < 2; i++) {
        def_role *r = def_add_role(sc);
        r->id = xstrdup(roles[i]);
        r->name = xstrdup(roles[i]);
        r->budget = 2;
    }
    def_meter *m = def_add_meter(sc);
    m->id = xstrdup("m"), m->name = xstrdup("M");
    m->min = 0, m->max = 100, m->start = 50;
    for (int t = 1; t <= 4; t++) {
        char label[16];
        str_fmt(label, sizeof label, "T%d", t);
        def_add_turn(sc, label);
    }
    def_event *e = def_add_event(sc);
    e->id = xstrdup("e1"), e->title = xstrdup("E1"), e->text = xstrdup("t");
    e->to = 1, e->turn = 1;
    add_option(sc, 0, "big", 1, add_effect(sc, 0, 80, 0, 1.0));    /* clamps at 100 */
    add_option(sc, 0, "later", 0, add_effect(sc, 0, -20, 2, 1.0)); /* delayed */
    add_option(sc, 0, "dear", 3, -1);                              /* over budget */
    def_event *e2 = def_add_event(sc);
    e2->id = xstrdup("e2"), e2->title = xstrdup("E2"), e2->text = xstrdup("t");
    e2->to = 2, e2->when = 1; /* delivered when m >= 60 */
    def_ending *end = def_add_ending(sc);
    end->id = xstrdup("end"), end->title = xstrdup("End"), end->text = xstrdup("t");
    def_objective *o = def_add_objective(sc);
    o->id = xstrdup("o"), o->title = xstrdup("O"), o->score = 1;
    def_finish(sc);
    return sc;
}

static int apply(game *g, const char *line)
{
    cmd c;
    char err[256];
    if (cmd_parse(line, &c, err, sizeof err)) return -3; /* not a game_rc */
    return game_apply(g, &c);
}

static void test_rng(void)
{
    rng a, b, c;
    rng_seed(&a, 42, RNG_STREAM_GAME);
    rng_seed(&b, 42, RNG_STREAM_GAME);
    rng_seed(&c, 42, RNG_STREAM_POLICY);
    int same = 1, differ = 0;
    for (int i = 0; i < 100; i++) {
        uint64_t x = rng_next(&a), y = rng_next(&b), z = rng_next(&c);
        same &= x == y;
        differ |= x != z;
    }
    CHECK(same);   /* one seed, one stream: one sequence */
    CHECK(differ); /* streams are independent */
    int lo_seen = 0, hi_seen = 0, out = 0;
    for (int i = 0; i < 1000; i++) {
        int64_t v = rng_range(&a, 3, 5);
        lo_seen |= v == 3, hi_seen |= v == 5, out |= v < 3 || v > 5;
        double u = rng_unit(&a);
        out |= u < 0 || u >= 1;
    }
    CHECK(lo_seen && hi_seen && !out);
}

static void test_meters_and_delays(const def_scenario *sc)
{
    char err[256];
    game *g = game_new(sc, &host, 1, -1, err, sizeof err);
    CHECK(g != NULL);
    CHECK(g->meter[0] == 50);
    CHECK(apply(g, "choose e1 big") == 0);
    CHECK(g->meter[0] == 100); /* clamped to max */
    CHECK(g->budget[0] == 1);
    CHECK(apply(g, "end") == 0 && apply(g, "end") == 0);
    CHECK(g->turn == 2);
    CHECK(game_history(g, 0, 0) == 50 && game_history(g, 0, 1) == 100);
    CHECK(g->ev[1] == EV_DELIVERED); /* the condition held at the start of turn 2 */
    CHECK(g->budget[0] == 2);        /* refilled */
    game_free(g);

    g = game_new(sc, &host, 1, -1, err, sizeof err);
    CHECK(apply(g, "choose e1 later") == 0);
    CHECK(g->meter[0] == 50 && g->npend == 1);
    for (int i = 0; i < 2; i++) apply(g, "end"); /* turn 2: not yet */
    CHECK(g->meter[0] == 50);
    for (int i = 0; i < 2; i++) apply(g, "end"); /* turn 3: due */
    CHECK(g->turn == 3 && g->meter[0] == 30 && g->npend == 0);
    for (int i = 0; i < 4; i++) apply(g, "end");
    CHECK(g->ended && g->ending == 0 && g->ratings[0] == 'M');
    CHECK(apply(g, "end") == GAME_REFUSED); /* the game has ended */
    game_free(g);
}

/* Every invalid command is refused and leaves the state as it was. */
static void test_refusals(const def_scenario *sc)
{
    char err[256];
    game *g = game_new(sc, &host, 7, -1, err, sizeof err);
    uint64_t h = game_hash(g);
    const char *bad[] = {"choose e1 dear",
                         "choose e1 nope",
                         "choose nope big",
                         "choose e2 big",
                         "act a poke",
                         "act zz poke",
                         "set m 500 -- why",
                         "set q 5 -- why",
                         "inject nobody T -- x",
                         "fire nope",
                         "finish nope",
                         "resume",
                         "undo"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int rc = apply(g, bad[i]);
        CHECK(rc == GAME_REFUSED);
        CHECK(game_error(g)[0] != '\0');
        CHECK(game_hash(g) == h);
    }
    CHECK_STR_HAS((apply(g, "choose e1 nope"), game_error(g)), "big, later, dear");
    CHECK(apply(g, "end") == 0);
    CHECK(apply(g, "choose e1 big") == GAME_REFUSED); /* b cannot decide a's event */
    CHECK_STR_HAS(game_error(g), "decided by a");
    CHECK(apply(g, "pause") == 0 && apply(g, "end") == GAME_REFUSED && apply(g, "resume") == 0);
    game_free(g);
}

static void test_readonly_conditions(def_scenario *sc)
{
    char err[256];
    sc->events[1].when = 3; /* a condition that tries to change the game */
    sc->events[1].from_turn = 2;
    game *g = game_new(sc, &host, 1, -1, err, sizeof err);
    CHECK(g != NULL);
    apply(g, "end");
    uint64_t before = game_hash(g);
    /* The condition fails: its event is suspended, the game goes on, and the
       command that met it says so, once. */
    CHECK_EQ_INT(apply(g, "end"), GAME_OK);
    CHECK_STR_HAS(game_error(g), "cannot change the game while checking a condition");
    CHECK_STR_HAS(game_error(g), "event 'e2' is suspended at turn 2: its `when` failed");
    CHECK_STR_HAS(game_error(g), "`fire e2` to deliver it now");
    CHECK_EQ_INT(g->ev[1], EV_SUPPRESSED);
    int b = game_next_broken(g, -1);
    CHECK(b >= 0 && g->log[b].kind == LOG_SUPPRESS && g->log[b].ref == 1);
    CHECK_EQ_INT(game_next_broken(g, b), -1);
    CHECK(game_hash(g) != before);
    CHECK_EQ_INT(apply(g, "note after"), GAME_OK);
    CHECK_EQ_STR(game_error(g), "");
    CHECK_EQ_INT(apply(g, "fire e2"), GAME_OK); /* the facilitator may still deliver it */
    CHECK_EQ_INT(g->ev[1], EV_DELIVERED);
    /* Any other script error stops the game: every later command is
       refused with the first error, worded once. */
    game_fail(g, "add: cannot change the game while checking a condition");
    CHECK_EQ_INT(apply(g, "note after"), GAME_SCRIPT_ERROR);
    CHECK_EQ_INT(apply(g, "note again"), GAME_SCRIPT_ERROR);
    CHECK_STR_HAS(game_error(g), "the game stopped after a script error: ");
    CHECK_STR_HAS(game_error(g), "cannot change the game while checking a condition");
    CHECK(!strstr(game_error(g) + 1, "the game stopped"));
    /* A later error is the one reported next, worded the same way, whatever
       its own words. */
    game_fail(g, "the game stopped is how this one begins");
    CHECK_EQ_INT(apply(g, "note x"), GAME_SCRIPT_ERROR);
    CHECK_EQ_STR(game_error(g),
                 "the game stopped after a script error: the game stopped is how this one begins");
    game_free(g);
    /* Past a ceiling, nothing is suspended: the game stops. */
    g = game_new(sc, &host, 1, -1, err, sizeof err);
    apply(g, "end");
    g->fatal = 1;
    CHECK_EQ_INT(apply(g, "end"), GAME_SCRIPT_ERROR);
    CHECK_EQ_INT(game_next_broken(g, -1), -1);
    game_free(g);
    sc->events[1].when = 1;
    sc->events[1].from_turn = 0;
}

static void test_hash_determinism(const def_scenario *sc)
{
    char err[256];
    game *a = game_new(sc, &host, 9, -1, err, sizeof err);
    game *b = game_new(sc, &host, 9, -1, err, sizeof err);
    const char *script[] = {"choose e1 big -- go", "end", "note hello", "end", "end"};
    for (size_t i = 0; i < 5; i++) apply(a, script[i]), apply(b, script[i]);
    CHECK(game_hash(a) == game_hash(b));
    apply(b, "note different");
    CHECK(game_hash(a) != game_hash(b));
    CHECK(game_reset(a, 9, -1) == 0);
    game *c = game_new(sc, &host, 9, -1, err, sizeof err);
    CHECK(game_hash(a) == game_hash(c));
    game_free(a), game_free(b), game_free(c);
}

/* game_hash folds what is only appended into running digests: a game
   hashed after every command agrees, at every step, with a replay of the
   same commands hashed once at the end. The decision is taken after items
   behind it were folded in, and undone by a reset. */
static void test_hash_incremental(const def_scenario *sc)
{
    char err[256];
    const char *script[] = {"inject all Alert -- the portal is down",
                            "note the room reads it",
                            "choose e1 later -- wait and see",
                            "end",
                            "inject b Second -- more",
                            "end",
                            "set m 70 -- a test",
                            "end",
                            "end",
                            "note after the due effect",
                            "end",
                            "end",
                            "end",
                            "end",
                            "note after the end"};
    size_t n = sizeof script / sizeof script[0];
    game *a = game_new(sc, &host, 11, -1, err, sizeof err);
    uint64_t before = game_hash(a);
    for (size_t k = 0; k < n; k++) {
        CHECK_MSG(apply(a, script[k]) == 0, "%s: %s", script[k], game_error(a));
        game *b = game_new(sc, &host, 11, -1, err, sizeof err);
        for (size_t i = 0; i <= k; i++) apply(b, script[i]);
        CHECK_MSG(game_hash(a) == game_hash(b), "after `%s`", script[k]);
        CHECK(game_hash(a) != before);
        before = game_hash(a);
        game_free(b);
    }
    CHECK(a->ended);
    CHECK(game_reset(a, 11, -1) == 0);
    game *c = game_new(sc, &host, 11, -1, err, sizeof err);
    CHECK(game_hash(a) == game_hash(c));
    game_free(a), game_free(c);
}

/* A paused game delivers nothing and takes no move; on resume the turn goes
   on where it was, so an inject due at the next turn arrives then: not late
   by the pause, not early. */
static void test_pause(const def_scenario *sc)
{
    char err[256];
    game *g = game_new(sc, &host, 3, -1, err, sizeof err);
    CHECK(apply(g, "choose e1 big") == 0); /* m = 100: e2 is due at the start of turn 2 */
    CHECK(apply(g, "end") == 0);
    CHECK(apply(g, "pause") == 0 && g->paused);
    uint64_t h = game_hash(g);
    CHECK(apply(g, "end") == GAME_REFUSED);          /* no move while paused */
    CHECK(apply(g, "fire e2") == GAME_REFUSED);      /* nothing delivered */
    CHECK(apply(g, "note the room discusses") == 0); /* the facilitator may still write */
    CHECK(g->ev[1] == EV_NONE && g->turn == 1 && game_hash(g) != h);
    CHECK(apply(g, "resume") == 0 && !g->paused);
    CHECK(g->ev[1] == EV_NONE); /* resuming delivers nothing early */
    CHECK(apply(g, "end") == 0);
    CHECK(g->turn == 2 && g->ev[1] == EV_DELIVERED); /* due at turn 2: there it is */
    game_free(g);
}

static void test_cmd_roundtrip(void)
{
    const char *lines[] = {"choose e1 big -- because it is cheap",
                           "act a poke p1 -- why not",
                           "end",
                           "note the room is quiet",
                           "set m 42.5 -- recalibrated",
                           "inject all Power cut in Tirana -- the lights go out",
                           "pause",
                           "fire e2",
                           "finish end"};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        cmd c;
        char err[256];
        CHECK(cmd_parse(lines[i], &c, err, sizeof err) == 0);
        strbuf b = {0};
        cmd_format(&c, &b);
        CHECK(strcmp(b.s, lines[i]) == 0);
        sb_free(&b);
    }
    cmd c;
    char err[256];
    CHECK(cmd_parse("set m 5", &c, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "reason");
    CHECK(cmd_parse("frobnicate", &c, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "commands are");
    CHECK(cmd_parse("set m nan -- x", &c, err, sizeof err) == -1);
    CHECK(cmd_parse("end a now", &c, err, sizeof err) == -1); /* end takes one role at most */
    CHECK(cmd_parse("close now", &c, err, sizeof err) == -1);
}

static void test_kv(void)
{
    kv k = {0};
    val one = {VAL_NUM, 1, NULL}, s = {VAL_STR, 0, "x"}, nil = {VAL_NIL, 0, NULL};
    kv_set(&k, "b", &one);
    kv_set(&k, "a", &s);
    CHECK(k.n == 2 && strcmp(k.e[0].key, "a") == 0);
    CHECK(kv_get(&k, "b")->num == 1);
    kv_set(&k, "a", &nil);
    CHECK(k.n == 1 && !kv_get(&k, "a"));
    kv_free(&k);
    val s2 = {VAL_STR, 0, "x"}, t = {VAL_BOOL, 1, NULL}, copy;
    CHECK(val_equal(&s, &s2) && val_equal(&nil, &nil) && !val_equal(&s, &nil));
    CHECK(!val_equal(&t, &one)); /* true is not the number 1 */
    val_copy(&copy, &s);
    CHECK(copy.str != s.str && val_equal(&copy, &s));
    free(copy.str);
}

int main(void)
{
    def_scenario *sc = make_scenario();
    test_rng();
    test_meters_and_delays(sc);
    test_refusals(sc);
    test_readonly_conditions(sc);
    test_hash_determinism(sc);
    test_hash_incremental(sc);
    test_pause(sc);
    test_cmd_roundtrip();
    test_kv();
    def_free(sc);
    return check_report("core");
}
