/*
 * game_query.c -- what front ends ask of a game: open decisions, the end
 * warning, votes, names and texts as callbacks changed them, and whether a
 * move is available (and why not).
 */
#include <string.h>

#include "game_int.h"
#include "i18n.h"
#include "util.h"

/* Queries -------------------------------------------------------------------- */

const char *game_turn_label(const game *g, int turn)
{
    if (turn < 1) turn = 1;
    if (turn > g->sc->nturns) turn = g->sc->nturns;
    return g->sc->turn_labels[turn - 1];
}

int game_open_item(const game *g, int event)
{
    int item = g->ev_item[event];
    if (item < 0 || g->items[item].option >= 0 || g->sc->events[event].noptions == 0) return -1;
    return item;
}

int game_open_decisions(const game *g, int role, int *out, int max)
{
    int n = 0;
    /* Most of the inbox is settled: skip the settled head (a cache only,
       so it may move forward in a const query). */
    game *gm = (game *)g;
    while (gm->open_from < g->nitems) {
        const game_item *it = &g->items[gm->open_from];
        if (it->event >= 0 && it->option < 0 && g->sc->events[it->event].noptions) break;
        gm->open_from++;
    }
    for (int i = g->open_from; i < g->nitems && n < max; i++) {
        const game_item *it = &g->items[i];
        if (it->event < 0 || it->option >= 0) continue;
        const def_event *e = &g->sc->events[it->event];
        if (e->noptions && (role < 0 || e->decider == role)) out[n++] = i;
    }
    return n;
}

/* One open decision in the end warning, with what its deadline will do. */
static void warn_decision(const game *g, int item, strbuf *out)
{
    const game_item *it = &g->items[item];
    const def_event *e = it->event >= 0 ? &g->sc->events[it->event] : NULL;
    sb_printf(out, "“%s”", e ? e->title : it->title);
    int last = e && e->expires ? it->turn + e->expires - 1 : 0;
    if (last && last <= g->turn && e->default_option >= 0)
        sb_printf(out, _(" (at the end of this turn it takes its default: %s)"),
                  g->sc->moves[e->default_option].label);
    else if (last)
        sb_printf(out, _(" (open until the end of turn %d)"), last);
    else
        sb_puts(out, _(" (it stays open)"));
}

static int action_available(game *g, int role)
{
    char why[8];
    for (int i = 0; i < g->sc->nactions; i++) {
        int mv = g->sc->actions[i];
        if (g->sc->moves[mv].role == role && game_move_available(g, mv, role, why, sizeof why) == 1)
            return 1;
    }
    return 0;
}

int game_end_warning(game *g, int role, strbuf *out)
{
    const def_role *r = &g->sc->roles[role];
    int items[64], n = game_open_decisions(g, role, items, 64);
    n += game_open_adhoc(g, role, items + n, 64 - n);
    int points = g->budget[role] > 0 && action_available(g, role) ? g->budget[role] : 0;
    if (!n && !points) return 0;
    sb_printf(out, _("%s has "), r->shortname ? r->shortname : r->name);
    if (n) sb_printf(out, _("%d open decision%s: "), n, n == 1 ? "" : "s");
    for (int i = 0; i < n; i++) {
        if (i) sb_puts(out, i + 1 == n ? _(" and ") : _(", "));
        warn_decision(g, items[i], out);
    }
    if (points)
        sb_printf(out,
                  _("%s%d action point%s unspent while a standing action is available (points do "
                    "not carry over)"),
                  n ? _("; and ") : "", points, points == 1 ? "" : "s");
    sb_puts(out, ".");
    return 1;
}

int game_item_for_role(const game *g, int item, int role)
{
    return (g->items[item].to >> role) & 1u;
}

int game_role_done(const game *g, int role)
{
    return g->simultaneous && role >= 0 && role < g->sc->nroles && ((g->done >> role) & 1u);
}

int game_vote_of(const game *g, int item, const char *who)
{
    int ev = item >= 0 && item < g->nitems ? g->items[item].event : -1, vote = -1;
    if (ev < 0 || !who) return -1;
    for (int i = 0; i < g->nlog; i++) {
        const game_log *l = &g->log[i];
        if ((l->kind == LOG_PROPOSE || l->kind == LOG_VOTE) && l->who &&
            g->sc->moves[l->ref].event == ev && strcmp(l->who, who) == 0)
            vote = l->ref;
    }
    return vote;
}

double game_history(const game *g, int meter, int turn)
{
    if (turn >= g->turn && !g->ended) return g->meter[meter];
    if (turn < 0) turn = 0;
    return g->history[(size_t)turn * (size_t)g->sc->nmeters + (size_t)meter];
}

const char *game_role_name(const game *g, int role)
{
    return g->role_name[role] ? g->role_name[role] : g->sc->roles[role].name;
}

const char *game_role_short(const game *g, int role)
{
    if (g->role_short[role]) return g->role_short[role];
    const def_role *r = &g->sc->roles[role];
    /* renamed without a short name: the new name, not the old short one */
    return g->role_name[role] ? g->role_name[role] : r->shortname ? r->shortname : r->name;
}

const char *game_role_brief(const game *g, int role)
{
    return g->role_brief[role] ? g->role_brief[role] : g->sc->roles[role].brief;
}

const char *game_ending_text(const game *g)
{
    if (g->ending < 0) return "";
    const char *t = g->ending_text ? g->ending_text : g->sc->endings[g->ending].text;
    return t ? t : "";
}

const char *game_objective_text(const game *g, int objective)
{
    const char *t = g->objective_text[objective] ? g->objective_text[objective]
                                                 : g->sc->objectives[objective].text;
    return t ? t : "";
}

int game_target_uses(const game *g, int move, int t)
{
    return g->target_uses[g->sc->moves[move].target_base + t];
}

int game_target_available(const game *g, int move, int t, char *why, size_t whylen)
{
    const def_move *m = &g->sc->moves[move];
    int n = game_target_uses(g, move, t);
    if (!m->max_per_target || n < m->max_per_target) return 1;
    str_fmt(why, whylen, _("already taken on it %d time%s (the most allowed on one target)"), n,
            n == 1 ? "" : "s");
    return 0;
}

static int budget_ok(game *g, const def_move *m, int role, char *why, size_t whylen)
{
    if (m->cost <= g->budget[role]) return 1;
    str_fmt(why, whylen, _("costs %d action point%s; %s has %d left"), m->cost,
            m->cost == 1 ? "" : "s", g->sc->roles[role].id, g->budget[role]);
    return 0;
}

static int action_ok(game *g, int move, const def_move *m, int role, char *why, size_t whylen)
{
    if (m->role != role) {
        str_fmt(why, whylen, _("belongs to %s"), g->sc->roles[m->role].id);
        return 0;
    }
    if (m->max_uses && g->uses[move] >= m->max_uses) {
        str_fmt(why, whylen, _("already used %d time%s (the most allowed)"), m->max_uses,
                m->max_uses == 1 ? "" : "s");
        return 0;
    }
    if (m->once_per_turn && g->used_turn[move] == g->turn && g->uses[move]) {
        str_fmt(why, whylen, _("already taken this turn"));
        return 0;
    }
    return 1;
}

int game_move_available(game *g, int move, int role, char *why, size_t whylen)
{
    const def_move *m = &g->sc->moves[move];
    if (why && whylen) why[0] = '\0';
    if (g->ended) {
        str_fmt(why, whylen, _("the game has ended"));
        return 0;
    }
    if (game_role_done(g, role)) {
        str_fmt(why, whylen, _("%s has ended its move this turn"), g->sc->roles[role].id);
        return 0;
    }
    if (m->event >= 0) {
        if (game_open_item(g, m->event) < 0) {
            str_fmt(why, whylen, _("no open decision on '%s'"), g->sc->events[m->event].id);
            return 0;
        }
        if (g->sc->events[m->event].decider != role) {
            str_fmt(why, whylen, _("decided by %s"),
                    g->sc->roles[g->sc->events[m->event].decider].id);
            return 0;
        }
    } else if (!action_ok(g, move, m, role, why, whylen)) {
        return 0;
    }
    if (!budget_ok(g, m, role, why, whylen)) return 0;
    return effect_requirements(g, m, why, whylen);
}
