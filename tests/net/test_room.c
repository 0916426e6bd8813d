/*
 * test_room.c -- what core does for the room over the network: teams that
 * move at once (a turn closes when all have ended, on `close`, and with
 * `default` when the timer runs out), votes, the provenance of every
 * journaled command, and replay of all of it; hot-seat play as before.
 *   usage: test_room SOURCE_DIR WORK_DIR
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "autoplay.h"
#include "journal.h"
#include "script.h"
#include "session.h"
#include "util.h"

static script *scr;
static const char *work;

static session *fresh(int simultaneous)
{
    char err[1024];
    session *s = session_new(script_scenario(scr), script_host(scr), 3, 0, 0, err, sizeof err);
    CHECK_MSG(s != NULL, "%s", err);
    CHECK_EQ_INT(session_set_simultaneous(s, simultaneous), 0);
    return s;
}

/* Apply, expecting success; the refusal is printed otherwise. */
static void ok(session *s, const char *line)
{
    game_rc rc = session_apply(s, line);
    CHECK_MSG(rc == GAME_OK, "`%s`: %s", line, s->err);
}

static void refused(session *s, const char *line, const char *why)
{
    CHECK_MSG(session_apply(s, line) == GAME_REFUSED, "`%s` was taken", line);
    CHECK_STR_HAS(s->err, why);
}

static void as(session *s, const char *line, const char *participant, game_rc want)
{
    journal_by by = {.kind = "team"};
    str_fmt(by.participant, sizeof by.participant, "%s", participant);
    game_rc rc = session_apply_as(s, line, &by);
    CHECK_MSG(rc == want, "`%s` by %s: %d (%s)", line, participant, rc, s->err);
}

static void test_at_once(void)
{
    session *s = fresh(1);
    game *g = s->g;
    /* Gamma decides the public inject and Beta acts while Alpha is "first". */
    ok(s, "choose pub yes");
    ok(s, "act b dig");
    CHECK_EQ_INT(g->role, 0);
    ok(s, "end b");
    CHECK(game_role_done(g, 1));
    refused(s, "act b dig", "b has ended its move this turn");
    refused(s, "choose pb push", "b has ended its move this turn");
    refused(s, "end b", "already ended");
    refused(s, "end nobody", "unknown role 'nobody'");
    char why[256];
    int push = def_option_path(g->sc, "pb.push");
    CHECK_EQ_INT(game_move_available(g, push, 1, why, sizeof why), 0);
    CHECK_STR_HAS(why, "ended its move");
    ok(s, "end"); /* the first team still moving: Alpha */
    CHECK(game_role_done(g, 0));
    CHECK_EQ_INT(g->role, 2);
    CHECK_EQ_INT(g->turn, 1);
    ok(s, "end c"); /* the last one closes the turn */
    CHECK_EQ_INT(g->turn, 2);
    CHECK_EQ_INT((int)g->done, 0);
    CHECK_EQ_INT(g->role, 0);
    /* The facilitator closes turn 2: Beta's decision expires (its deadline). */
    ok(s, "end a");
    ok(s, "close");
    CHECK_EQ_INT(g->turn, 3);
    CHECK(g->items[g->ev_item[def_event_find(g->sc, "pb")]].expired);
    session_free(s);
}

static void test_default(void)
{
    session *s = fresh(1);
    game *g = s->g;
    ok(s, "default pub");
    int item = g->ev_item[def_event_find(g->sc, "pub")];
    CHECK(g->items[item].expired);
    CHECK_EQ_INT(g->items[item].option, def_option_path(g->sc, "pub.no"));
    CHECK_EQ_INT(g->items[item].by, -1);
    CHECK_EQ_INT(g->log[g->nlog - 1].kind, LOG_EXPIRE);
    refused(s, "default pub", "no open decision");
    refused(s, "default pa", "no default option");
    refused(s, "default nothing", "unknown event");
    session_free(s);
}

/* Hot-seat play is untouched: one role after another. */
static void test_hot_seat(void)
{
    session *s = fresh(0);
    refused(s, "close", "each role ends its move");
    refused(s, "choose pub yes", "it is a's move");
    refused(s, "end b", "it is a's move, not b's");
    ok(s, "end a");
    CHECK_EQ_INT(s->g->role, 1);
    ok(s, "end");
    ok(s, "end");
    CHECK_EQ_INT(s->g->turn, 2);
    session_free(s);
}

static void test_votes(void)
{
    session *s = fresh(1);
    game *g = s->g;
    int item = g->ev_item[def_event_find(g->sc, "pub")];
    int yes = def_option_path(g->sc, "pub.yes"), maybe = def_option_path(g->sc, "pub.maybe");
    refused(s, "propose pub yes", "needs a participant");
    as(s, "vote pub yes", "p1", GAME_REFUSED);
    CHECK_STR_HAS(s->err, "nobody has proposed 'yes'");
    as(s, "propose pub yes -- it helps everyone", "p1", GAME_OK);
    CHECK_EQ_INT(game_vote_of(g, item, "p1"), yes);
    as(s, "propose pub yes", "p2", GAME_REFUSED);
    CHECK_STR_HAS(s->err, "already proposed");
    as(s, "propose pub maybe", "p2", GAME_OK);
    as(s, "vote pub maybe", "p1", GAME_OK);
    CHECK_EQ_INT(game_vote_of(g, item, "p1"), maybe);
    as(s, "vote pub maybe", "p1", GAME_REFUSED);
    as(s, "vote pub nope", "p3", GAME_REFUSED);
    CHECK_STR_HAS(s->err, "unknown option 'nope'");
    CHECK_EQ_INT(game_vote_of(g, item, "p3"), -1);
    double m = g->meter[0];
    CHECK(g->meter[0] == m); /* votes move no meter */
    /* The log keeps who argued for what; a team sees its own deliberation. */
    const game_log *l = &g->log[g->nlog - 1];
    CHECK_EQ_INT(l->kind, LOG_VOTE);
    CHECK_EQ_STR(l->who, "p1");
    ok(s, "choose pub maybe"); /* the lead's confirmation decides */
    as(s, "vote pub yes", "p2", GAME_REFUSED);
    CHECK_STR_HAS(s->err, "no open decision");
    session_free(s);
}

/* Every journaled command says who sent it and when; replay is exact and
   keeps it; an older line without those keys reads as before. */
static void test_provenance(void)
{
    session *s = fresh(1);
    char path[1024], err[1024];
    str_fmt(path, sizeof path, "%s/room.jsonl", work);
    CHECK(session_save_to(s, path) == 0);
    journal_by by = {.kind = "team", .team = "c", .participant = "p7", .name = "Ana", .seq = 12};
    CHECK_EQ_INT(session_apply_as(s, "propose pub yes -- the room agrees", &by), GAME_OK);
    by.seq = 13;
    CHECK_EQ_INT(session_apply_as(s, "choose pub yes", &by), GAME_OK);
    journal_by timer = {.kind = "default", .name = "timer"};
    CHECK_EQ_INT(session_apply_as(s, "default pb", &timer), GAME_OK);
    ok(s, "close");
    CHECK_EQ_STR(s->log[0].by.participant, "p7");
    CHECK(s->log[0].by.at[0] != '\0');
    CHECK_EQ_INT(strlen(s->log[0].by.at), 24); /* 2026-01-01T00:00:00.000Z */
    CHECK_EQ_STR(s->log[3].by.kind, "");       /* not recorded: no one said */
    uint64_t hash = game_hash(s->g);
    journal_file jf;
    CHECK(journal_read(path, &jf, err, sizeof err) == 0);
    CHECK_EQ_INT(jf.n, 4);
    CHECK(jf.h.simultaneous);
    CHECK_EQ_STR(jf.e[0].by.kind, "team");
    CHECK_EQ_STR(jf.e[0].by.team, "c");
    CHECK_EQ_STR(jf.e[0].by.participant, "p7");
    CHECK_EQ_STR(jf.e[0].by.name, "Ana");
    CHECK_EQ_INT(jf.e[1].by.seq, 13);
    CHECK_EQ_STR(jf.e[2].by.kind, "default");
    CHECK_EQ_STR(jf.e[2].by.name, "timer");
    CHECK_EQ_STR(jf.e[0].by.at, s->log[0].by.at);
    /* Replay: a fresh hot-seat session takes the journal's mode. */
    session *r = fresh(0);
    r->h = jf.h;
    CHECK_EQ_INT(session_replay(r, &jf, err, sizeof err), 4);
    CHECK(r->g->simultaneous);
    CHECK(game_hash(r->g) == hash);
    CHECK_EQ_STR(r->log[0].by.at, jf.e[0].by.at); /* the original time, not the replay's */
    CHECK_EQ_STR(r->log[0].by.participant, "p7");
    /* Undo rebuilds the game with each vote's participant. */
    ok(r, "undo");
    ok(r, "undo");
    CHECK_EQ_INT(r->g->turn, 1);
    CHECK_EQ_INT(game_vote_of(r->g, r->g->ev_item[def_event_find(r->g->sc, "pub")], "p7"),
                 def_option_path(r->g->sc, "pub.yes"));
    /* Hot reload carries mode and provenance over. */
    session *n = session_rebuild_on(r, r->sc, &r->host, err, sizeof err);
    CHECK_MSG(n && !err[0], "%s", err);
    CHECK(n->g->simultaneous);
    CHECK(game_hash(n->g) == game_hash(r->g));
    CHECK_EQ_STR(n->log[0].by.name, "Ana");
    session_free(n);
    session_free(r);
    journal_file_free(&jf);
    session_free(s);
}

/* The automatic players play a game whose teams move at once. */
static void test_policy(void)
{
    session *s = fresh(1);
    char err[1024];
    CHECK_MSG(autoplay_session(s, POLICY_RANDOM, err, sizeof err) == 0, "%s", err);
    CHECK(s->g->ended);
    int ends = 0;
    for (int i = 0; i < s->nlog; i++) ends += strncmp(s->log[i].cmd, "end ", 4) == 0;
    CHECK_EQ_INT(ends, 3 * 4); /* three teams, four turns, each ended by name */
    CHECK_EQ_STR(s->log[0].by.kind, "policy");
    CHECK_EQ_STR(s->log[0].by.name, "random");
    /* The same seed, the same game. */
    session *t = fresh(1);
    CHECK(autoplay_session(t, POLICY_RANDOM, err, sizeof err) == 0);
    CHECK(game_hash(t->g) == game_hash(s->g));
    session_free(t);
    session_free(s);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_room SOURCE_DIR WORK_DIR\n");
        return 2;
    }
    work = argv[2];
    char dir[1024], err[8192];
    str_fmt(dir, sizeof dir, "%s/tests/fixtures/room", argv[1]);
    scr = script_load(dir, NULL, err, sizeof err);
    if (!scr) {
        fprintf(stderr, "%s", err);
        return 1;
    }
    test_at_once();
    test_default();
    test_hot_seat();
    test_votes();
    test_provenance();
    test_policy();
    script_free(scr);
    return check_report("room");
}
