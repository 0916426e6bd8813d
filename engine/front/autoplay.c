/*
 * autoplay.c -- the one automatic-play loop (see autoplay.h).
 */
#include <stdio.h>

#include "autoplay.h"
#include "util.h"

static void refused(const cmd *c, const char *why, char *err, size_t errlen)
{
    strbuf line = {0};
    cmd_format(c, &line);
    str_fmt(err, errlen, "the policy's command `%s` was refused: %s", line.s, why);
    sb_free(&line);
}

/* How the loop ended, once it has: the game's own state says. */
static int outcome(const game *g, int watched, char *err, size_t errlen)
{
    if (g->failed)
        str_fmt(err, errlen, "%s", g->err);
    else if (!g->ended && !watched)
        str_fmt(err, errlen, "the policy had no command before the end");
    else
        return 0;
    return -1;
}

int autoplay_run(const autoplay *a, game **gp, char *err, size_t errlen)
{
    policy p;
    policy_init(&p, a->policy, a->seed);
    int turn = 0, role = -1, watched = 0;
    char why[sizeof(*gp)->err];
    for (long n = 0; !(*gp)->ended; n++) {
        game *g = *gp;
        int start = g->turn != turn || g->role != role;
        turn = g->turn, role = g->role;
        if (a->watch && (watched = a->watch(a->ud, g, start)) != 0) break;
        if (n >= AUTOPLAY_MAX_COMMANDS) {
            str_fmt(err, errlen, "no ending after %d commands", AUTOPLAY_MAX_COMMANDS);
            return -1;
        }
        cmd c;
        if (policy_next(&p, g, &c)) break;
        int rc = a->apply ? a->apply(a->ud, &c, why, sizeof why) : game_apply(g, &c);
        if (rc == 0) continue;
        if (!a->apply) str_fmt(why, sizeof why, "%s", g->err);
        if (rc == -1)
            refused(&c, why, err, errlen);
        else
            str_fmt(err, errlen, "%s", why); /* a script error in the command */
        return -1;
    }
    return outcome(*gp, watched, err, errlen);
}

typedef struct step {
    session *s;
    journal_by by; /* the policy, in the journal */
    int turn;      /* a jump: the turn to stop at; 0 none */
} step;

/* A jump stops as the turn it asked for begins. */
static int at_turn(void *ud, game *g, int move_start)
{
    (void)move_start;
    return g->turn >= ((const step *)ud)->turn;
}

/* A command through the session, as a typed line would go. */
static int session_step(void *ud, const cmd *c, char *why, size_t whylen)
{
    step *st = ud;
    strbuf line = {0};
    cmd_format(c, &line);
    st->by.at[0] = '\0'; /* stamped as it is applied */
    int rc = session_apply_as(st->s, line.s, &st->by);
    if (rc) str_fmt(why, whylen, "%s", st->s->err);
    sb_free(&line);
    return rc;
}

static int run_session(session *s, policy_kind k, int turn, char *err, size_t errlen)
{
    step st = {.s = s, .turn = turn};
    str_fmt(st.by.kind, sizeof st.by.kind, "policy");
    str_fmt(st.by.name, sizeof st.by.name, "%s", policy_name(k));
    autoplay a = {k, s->h.seed, session_step, turn ? at_turn : NULL, &st};
    return autoplay_run(&a, &s->g, err, errlen);
}

int autoplay_session(session *s, policy_kind k, char *err, size_t errlen)
{
    return run_session(s, k, 0, err, errlen);
}

int autoplay_session_to(session *s, policy_kind k, int turn, char *err, size_t errlen)
{
    const game *g = s->g;
    if (turn < 1 || turn > s->sc->nturns)
        str_fmt(err, errlen, "turn %d: the scenario's turns are 1 to %d", turn, s->sc->nturns);
    else if (g->ended)
        str_fmt(err, errlen, "the game has ended");
    else if (g->paused)
        str_fmt(err, errlen, "the game is paused; '%s' first", cmd_names[CMD_RESUME]);
    else
        return turn <= g->turn ? 0 : run_session(s, k, turn, err, errlen);
    return -1;
}
