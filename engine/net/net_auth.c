/*
 * net_auth.c -- who may act as whom: a line parsed, and a team's command
 * held to its own role, its own injects, its board and its lead, before
 * the owner applies it. The refusals never name another team's injects.
 */
#include <string.h>

#include "net_int.h"

/* Who may act as whom ---------------------------------------------------------------------- */

static void list_open(const game *g, int role, char *out, size_t size)
{
    int items[64], k = game_open_decisions(g, role, items, 64);
    viewer v = view_team(role);
    out[0] = '\0';
    for (int i = 0; i < k; i++)
        if (view_sees_item(&v, g, items[i]))
            str_cat(out, size, "%s%s", out[0] ? ", " : "",
                    g->sc->events[g->items[items[i]].event].id);
    k = game_open_adhoc(g, role, items, 64);
    for (int i = 0; i < k; i++)
        str_cat(out, size, "%s%s", out[0] ? ", " : "", g->items[items[i]].id);
    if (!out[0]) str_fmt(out, size, "none");
}

/* A team's answer to an ad-hoc decision: one it may see, open, its own. */
static int check_adhoc(net_req *r, const game *g, int role, const cmd *c, int item)
{
    const game_item *it = &g->items[item];
    char open[1024];
    if (it->option >= 0) {
        list_open(g, role, open, sizeof open);
        net_refuse(r, "refused", "no open decision on '%s'; your open decisions: %s", c->a, open);
        return -1;
    }
    if (it->decider != role) {
        net_refuse(r, "not_your_team", "'%s' is decided by %s, not by your team", c->a,
                   g->sc->roles[it->decider].id);
        return -1;
    }
    return 0;
}

/* A team's command about an inject: one it may see, that is open, and that
   it decides. The refusal never names another team's injects. */
static int check_event(net_req *r, const game *g, int role, const cmd *c)
{
    viewer v = view_team(role);
    int ev = def_event_find(g->sc, c->a);
    char open[1024];
    int adhoc = ev < 0 ? game_adhoc_find(g, c->a) : -1;
    if (adhoc >= 0 && g->items[adhoc].nopts && view_sees_item(&v, g, adhoc) &&
        c->kind == CMD_CHOOSE)
        return check_adhoc(r, g, role, c, adhoc);
    if (ev < 0 || !view_sees_event(&v, g, ev) || game_open_item(g, ev) < 0) {
        list_open(g, role, open, sizeof open);
        net_refuse(r, "refused", "%s '%s'; your open decisions: %s",
                   ev >= 0 && view_sees_event(&v, g, ev) ? "no open decision on" : "unknown event",
                   c->a, open);
        return -1;
    }
    if (g->sc->events[ev].decider != role) {
        net_refuse(r, "not_your_team", "'%s' is decided by %s, not by your team", c->a,
                   g->sc->roles[g->sc->events[ev].decider].id);
        return -1;
    }
    return 0;
}

/* A team's `end` with an open decision or points to spend is refused once
   with code confirm_end; the page asks and sends it again with "confirm".
   Not when the game would refuse it anyway (not its move, already ended). */
static int end_warned(net_req *r, const game *g, int role)
{
    if (g->paused || g->ended || game_role_done(g, role) || (!g->simultaneous && g->role != role))
        return 0;
    strbuf b = {0};
    int warn = game_end_warning((game *)g, role, &b); /* a query: it changes nothing */
    if (warn)
        net_refuse(r, "confirm_end",
                   "%s Send \"end\" again with \"confirm\": true to end the move anyway.", b.s);
    sb_free(&b);
    return warn;
}

/* A team's command is its own: its role named, its injects. */
static int check_team(const net *n, net_req *r, const game *g, int k, cmd *c)
{
    const def_scenario *sc = g->sc;
    int role = r->slot;
    const char *me = sc->roles[role].id;
    if (cmd_specs[c->kind].who != CMD_BY_TEAM) {
        net_refuse(r, "not_allowed", "'%s' is the facilitator's command", cmd_names[c->kind]);
        return -1;
    }
    if (c->kind == CMD_SURVEY) { /* its line would carry who sent it */
        net_refuse(r, "not_allowed", "answers go in a survey message, which keeps them anonymous");
        return -1;
    }
    if (c->kind == CMD_ACT && strcmp(c->a, me) != 0) {
        net_refuse(r, "not_your_team", "your team is %s: you cannot act as '%s'", me, c->a);
        return -1;
    }
    if (c->kind == CMD_END && c->a[0] && strcmp(c->a, me) != 0) {
        net_refuse(r, "not_your_team", "your team is %s: you cannot end %s's move", me, c->a);
        return -1;
    }
    if (c->kind == CMD_END) str_fmt(c->a, sizeof c->a, "%s", me);
    if (c->kind == CMD_GRADE || c->kind == CMD_MARK) { /* an analysis board's grader only */
        int card = def_card_find(sc, c->a), b = card >= 0 ? sc->cards[card].board : -1;
        if (b >= 0 && sc->boards[b].graded_by != role) {
            net_refuse(r, "not_your_team", "the cards of '%s' are graded by %s, not your team (%s)",
                       sc->boards[b].id,
                       sc->boards[b].graded_by >= 0 ? sc->roles[sc->boards[b].graded_by].id
                                                    : "nobody",
                       me);
            return -1;
        }
    }
    int about = c->kind == CMD_CHOOSE || c->kind == CMD_PROPOSE || c->kind == CMD_VOTE;
    if (about && check_event(r, g, role, c)) return -1;
    if ((c->kind == CMD_PROPOSE || c->kind == CMD_VOTE) && k < 0) {
        net_refuse(r, "no_participant",
                   "'%s' needs a participant: join first (hello, or POST /api/join)",
                   cmd_names[c->kind]);
        return -1;
    }
    int lead = n->slots[role].lead;
    if (k >= 0 && lead != k &&
        (c->kind == CMD_CHOOSE || c->kind == CMD_ACT || c->kind == CMD_END)) {
        net_refuse(r, "lead_only", "only your team's lead%s%s%s confirms; propose it and vote",
                   lead >= 0 ? " (" : "", lead >= 0 ? n->parts[lead].name : "",
                   lead >= 0 ? ")" : "");
        return -1;
    }
    if (c->kind == CMD_END && !r->confirm && end_warned(r, g, role)) return -1;
    return 0;
}

/* Parse and authorise a line; the canonical line to apply into out. */
int net_authorise(const net *n, net_req *r, const game *g, int k, strbuf *out)
{
    cmd c;
    char err[1024];
    const char *w = r->line + strspn(r->line, " \t");
    if (cmd_look_find(w, strcspn(w, " \t")) >= 0) {
        net_refuse(r, "not_allowed",
                   "'%.*s' looks around at a terminal; the state holds what it shows",
                   (int)strcspn(w, " \t"), w);
        return -1;
    }
    if (cmd_parse(r->line, &c, err, sizeof err)) {
        net_refuse(r, "malformed", "%s", err);
        return -1;
    }
    if (r->slot == net_slot_observer(n)) {
        net_refuse(r, "not_allowed", "observers watch: they cannot send commands");
        return -1;
    }
    if (r->slot < n->sc->nroles && check_team(n, r, g, k, &c)) return -1;
    cmd_format(&c, out);
    return 0;
}
