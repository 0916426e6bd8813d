/*
 * trend.c -- see trend.h.
 */
#include "trend.h"

#include <math.h>

#include "i18n.h"
#include "util.h"

/* A change smaller than this rounds to nothing on every screen (values are
   shown as whole numbers). */
#define TREND_STEADY_BELOW 0.5

/* The previous turn that stopped for the teams, or 0. */
static int previous_played(const game *g)
{
    for (int t = g->turn - 1; t >= 1; t--)
        if (game_turn_played(g, t)) return t;
    return 0;
}

trend trend_of(const game *g, int m)
{
    trend t;
    t.since = g->ended ? 0 : previous_played(g);
    /* history row k is the end of turn k: the start of turn `since` is row since - 1 */
    t.before = game_history(g, m, t.since > 0 ? t.since - 1 : 0);
    t.now = g->meter[m];
    t.delta = t.now - t.before;
    t.dir = fabs(t.delta) < TREND_STEADY_BELOW ? TREND_STEADY : t.delta > 0 ? TREND_UP : TREND_DOWN;
    return t;
}

const char *trend_word(trend_dir d)
{
    return d == TREND_UP ? "up" : d == TREND_DOWN ? "down" : "steady";
}

void trend_words(const trend *t, char *buf, size_t size)
{
    char since[48];
    if (t->since > 0)
        str_fmt(since, sizeof since, _("since the start of turn %d"), t->since);
    else
        str_fmt(since, sizeof since, _("since the start"));
    if (t->dir == TREND_STEADY)
        str_fmt(buf, size, _("steady %s"), since);
    else
        str_fmt(buf, size, t->dir == TREND_UP ? _("up %.0f %s") : _("down %.0f %s"), fabs(t->delta),
                since);
}
