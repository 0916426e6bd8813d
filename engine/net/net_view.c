/*
 * net_view.c -- the state a slot's holder receives (docs/protocol.md, "The
 * state"): a serialisation of what view.h lets that viewer see, nothing
 * more. Every item, log entry, meter, card, brief, rationale and note goes
 * through its view_sees_* predicate; a field the viewer may not see is left
 * out, never sent and hidden.
 */
#include <stdlib.h>
#include <string.h>

#include "logtext.h"
#include "net_int.h"
#include "report.h"
#include "view.h"

static viewer viewer_of(const net *n, int slot)
{
    if (slot < n->sc->nroles) return view_team(slot);
    return slot == net_slot_observer(n) ? view_observer() : view_facilitator();
}

static void add_str(cJSON *o, const char *key, const char *s)
{
    if (s)
        cJSON_AddStringToObject(o, key, s);
    else
        cJSON_AddNullToObject(o, key);
}

static cJSON *strings(char *const *v, int n)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < n; i++) cJSON_AddItemToArray(a, cJSON_CreateString(v[i]));
    return a;
}

/* Moves available now: the same for every viewer, so asked once a publish
   (a requirement may run the scenario's condition). */
void net_view_prepare(net *n, session *s)
{
    game *g = s->g;
    const def_scenario *sc = g->sc;
    if (!n->avail) {
        n->avail = xcalloc((size_t)sc->nmoves + 1, 1);
        n->why = xcalloc((size_t)sc->nmoves + 1, sizeof *n->why);
    }
    for (int m = 0; m < sc->nmoves; m++) {
        const def_move *d = &sc->moves[m];
        int role = d->event >= 0 ? sc->events[d->event].decider : d->role;
        if (d->event >= 0 && game_open_item(g, d->event) < 0) {
            n->avail[m] = 0, n->why[m][0] = '\0';
            continue;
        }
        n->avail[m] = game_move_available(g, m, role, n->why[m], sizeof n->why[m]) > 0;
    }
}

/* The clock, the ending, the timer --------------------------------------------- */

static void add_clock(cJSON *o, const game *g)
{
    const def_scenario *sc = g->sc;
    cJSON *c = cJSON_AddObjectToObject(o, "clock");
    cJSON_AddNumberToObject(c, "turn", g->turn);
    cJSON_AddNumberToObject(c, "turns", sc->nturns);
    cJSON_AddStringToObject(c, "label", game_turn_label(g, g->turn));
    cJSON_AddBoolToObject(c, "paused", g->paused);
    cJSON_AddBoolToObject(c, "ended", g->ended);
    add_str(c, "moving", g->ended ? NULL : sc->roles[g->role].id);
    if (g->ended) {
        const def_ending *e = &sc->endings[g->ending];
        cJSON *en = cJSON_AddObjectToObject(o, "ending");
        cJSON_AddStringToObject(en, "id", e->id);
        cJSON_AddStringToObject(en, "title", e->title);
        add_str(en, "text", e->text);
    } else {
        cJSON_AddNullToObject(o, "ending");
    }
}

static void add_timer(cJSON *o, const net *n, const game *g)
{
    const movetimer *t = &n->timer.mt;
    cJSON_AddBoolToObject(o, "hold", n->hold);
    if (!t->len_ms) {
        cJSON_AddNullToObject(o, "timer");
        return;
    }
    cJSON *j = cJSON_AddObjectToObject(o, "timer");
    cJSON_AddNumberToObject(j, "length_ms", t->len_ms);
    cJSON_AddNumberToObject(j, "left_ms", (double)movetimer_left(t, (long long)net_now_ms()));
    cJSON_AddBoolToObject(j, "running", t->running);
    cJSON_AddBoolToObject(j, "closes_turn", g->timer_closes);
}

/* Roles and their members ------------------------------------------------------ */

static cJSON *members(const net *n, int slot)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < n->nparts; i++) {
        const net_part *p = &n->parts[i];
        if (p->slot != slot) continue;
        cJSON *m = cJSON_CreateObject();
        cJSON_AddStringToObject(m, "id", p->id);
        cJSON_AddStringToObject(m, "name", p->name);
        cJSON_AddBoolToObject(m, "lead", slot < n->sc->nroles && n->slots[slot].lead == i);
        cJSON_AddBoolToObject(m, "online", p->online > 0);
        cJSON_AddItemToArray(a, m);
    }
    return a;
}

static int joined(const net *n, int slot)
{
    int k = 0;
    for (int i = 0; i < n->nparts; i++) k += n->parts[i].slot == slot;
    return k;
}

/* v: what the state shows; own: the holder (its team's members). */
static void add_roles(cJSON *o, const net *n, const viewer *v, const viewer *own, const game *g)
{
    const def_scenario *sc = g->sc;
    cJSON *a = cJSON_AddArrayToObject(o, "roles");
    for (int r = 0; r < sc->nroles; r++) {
        const def_role *d = &sc->roles[r];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "id", d->id);
        cJSON_AddStringToObject(j, "name", d->name);
        cJSON_AddStringToObject(j, "short", d->shortname ? d->shortname : d->name);
        if (view_sees_brief(v, g, r)) add_str(j, "brief", d->brief);
        if (view_sees_private(v, g, r) && d->secret)
            cJSON_AddStringToObject(j, "private", d->secret);
        cJSON_AddNumberToObject(j, "budget", d->budget);
        cJSON_AddNumberToObject(j, "points", g->budget[r]);
        cJSON_AddBoolToObject(j, "done", game_role_done(g, r));
        /* Who is in a team: the team itself and the facilitator. */
        if (own->kind == VIEW_FACILITATOR || (own->kind == VIEW_TEAM && own->role == r))
            cJSON_AddItemToObject(j, "members", members(n, r));
        cJSON_AddNumberToObject(j, "joined", joined(n, r));
        cJSON_AddItemToArray(a, j);
    }
}

/* Meters -------------------------------------------------------------------------- */

static void add_meters(cJSON *o, const viewer *v, const game *g)
{
    static const char *const good[] = {"high", "low", "none"};
    cJSON *a = cJSON_AddArrayToObject(o, "meters");
    for (int i = view_next_meter(v, g, -1); i >= 0; i = view_next_meter(v, g, i)) {
        const def_meter *m = &g->sc->meters[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "id", m->id);
        cJSON_AddStringToObject(j, "name", m->name);
        add_str(j, "unit", m->unit);
        add_str(j, "text", m->text);
        cJSON_AddNumberToObject(j, "min", m->min);
        cJSON_AddNumberToObject(j, "max", m->max);
        cJSON_AddStringToObject(j, "good", good[m->good]);
        cJSON_AddNumberToObject(j, "value", g->meter[i]);
        cJSON *h = cJSON_AddArrayToObject(j, "history");
        for (int t = 0; t <= g->turn; t++)
            cJSON_AddItemToArray(h, cJSON_CreateNumber(game_history(g, i, t)));
        cJSON_AddBoolToObject(j, "hidden", m->hidden);
        net_view_trend(j, g, i);
        cJSON_AddItemToArray(a, j);
    }
}

/* The inbox ------------------------------------------------------------------------ */

static cJSON *move_json(const net *n, const game *g, int mv)
{
    const def_move *m = &g->sc->moves[mv];
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "id", m->id);
    cJSON_AddStringToObject(j, "label", m->label ? m->label : m->id);
    add_str(j, "text", m->text);
    add_str(j, "risk", m->risk);
    cJSON_AddNumberToObject(j, "cost", m->cost);
    cJSON_AddBoolToObject(j, "available", n->avail[mv]);
    cJSON_AddStringToObject(j, "why", n->avail[mv] ? "" : n->why[mv]);
    return j;
}

static const char *part_name(const net *n, const char *id)
{
    int k = id ? net_part_by_id(n, id) : -1;
    return k >= 0 ? n->parts[k].name : "";
}

/* The proposal of move mv in the list a, or NULL. */
static cJSON *proposal_of(cJSON *a, const game *g, int mv)
{
    cJSON *p;
    cJSON_ArrayForEach(p, a)
    {
        const char *opt = cJSON_GetObjectItemCaseSensitive(p, "option")->valuestring;
        if (strcmp(opt, g->sc->moves[mv].id) == 0) return p;
    }
    return NULL;
}

/* The team's deliberation on an item, from the log entries the viewer may
   see: each proposal, and each participant's current vote. */
static cJSON *proposals(const net *n, const viewer *v, const game *g, int ev, int item)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < g->nlog; i++) {
        const game_log *l = &g->log[i];
        if (l->kind != LOG_PROPOSE || g->sc->moves[l->ref].event != ev || !view_sees_log(v, g, i))
            continue;
        cJSON *p = cJSON_CreateObject();
        cJSON_AddStringToObject(p, "option", g->sc->moves[l->ref].id);
        cJSON_AddStringToObject(p, "by", l->who ? l->who : "");
        cJSON_AddStringToObject(p, "name", part_name(n, l->who));
        add_str(p, "argument", l->text);
        cJSON_AddNumberToObject(p, "turn", l->turn);
        cJSON_AddItemToObject(p, "votes", cJSON_CreateArray());
        cJSON_AddItemToArray(a, p);
    }
    for (int i = 0; i < g->nlog; i++) {
        const game_log *l = &g->log[i];
        if ((l->kind != LOG_PROPOSE && l->kind != LOG_VOTE) || !l->who ||
            g->sc->moves[l->ref].event != ev || !view_sees_log(v, g, i))
            continue;
        /* A participant's vote counts once, where it stands now. */
        if (game_vote_of(g, item, l->who) != l->ref) continue;
        cJSON *p = proposal_of(a, g, l->ref);
        cJSON *votes = p ? cJSON_GetObjectItemCaseSensitive(p, "votes") : NULL;
        int dup = 0;
        cJSON *w;
        cJSON_ArrayForEach(w, votes) dup |= strcmp(w->valuestring, l->who) == 0;
        if (votes && !dup) cJSON_AddItemToArray(votes, cJSON_CreateString(l->who));
    }
    return a;
}

static const char *item_status(const game *g, const game_item *it)
{
    if (it->event < 0 || g->sc->events[it->event].noptions == 0) return "none";
    if (it->expired) return "expired";
    return it->option >= 0 ? "decided" : "open";
}

static void add_to(cJSON *j, const game *g, uint32_t to)
{
    cJSON *a = cJSON_AddArrayToObject(j, "to");
    uint32_t all = 0;
    for (int r = 0; r < g->sc->nroles; r++) {
        all |= 1u << r;
        if ((to >> r) & 1u) cJSON_AddItemToArray(a, cJSON_CreateString(g->sc->roles[r].id));
    }
    cJSON_AddBoolToObject(j, "to_all", (to & all) == all);
}

static void add_choice(cJSON *j, const viewer *v, const game *g, int i)
{
    const game_item *it = &g->items[i];
    if (it->option < 0) {
        cJSON_AddNullToObject(j, "chosen");
    } else {
        cJSON *c = cJSON_AddObjectToObject(j, "chosen");
        const def_move *m = &g->sc->moves[it->option];
        cJSON_AddStringToObject(c, "option", m->id);
        cJSON_AddStringToObject(c, "label", m->label ? m->label : m->id);
        add_str(c, "by", it->by >= 0 ? g->sc->roles[it->by].id : NULL);
    }
    add_str(j, "rationale", view_sees_rationale(v, g, i) ? it->rationale : NULL);
}

/* An event's note (the MSEL's) is for the holder's own viewer only: a
   team's debrief after the end does not show the facilitator's script. */
static cJSON *event_item(const net *n, const viewer *v, const viewer *own, const game *g, int i)
{
    const game_item *it = &g->items[i];
    const def_event *e = &g->sc->events[it->event];
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "item", i);
    cJSON_AddStringToObject(j, "event", e->id);
    cJSON_AddStringToObject(j, "title", e->title);
    add_str(j, "text", e->text);
    cJSON_AddStringToObject(j, "channel", def_channel_names[e->channel]);
    cJSON_AddNumberToObject(j, "turn", it->turn);
    add_to(j, g, it->to);
    add_str(j, "decider", e->noptions ? g->sc->roles[e->decider].id : NULL);
    cJSON_AddStringToObject(j, "status", item_status(g, it));
    if (e->noptions && e->expires)
        cJSON_AddNumberToObject(j, "closes", game_item_deadline(g, i));
    else
        cJSON_AddNullToObject(j, "closes");
    add_choice(j, v, g, i);
    cJSON *opts = cJSON_AddArrayToObject(j, "options");
    for (int k = 0; k < e->noptions; k++)
        if (view_sees_move(v, g, e->options[k]))
            cJSON_AddItemToArray(opts, move_json(n, g, e->options[k]));
    if (e->noptions) cJSON_AddItemToObject(j, "proposals", proposals(n, v, g, it->event, i));
    if (view_sees_note(own, g, it->event) && e->note) cJSON_AddStringToObject(j, "note", e->note);
    return j;
}

/* An ad-hoc inject's options: numbered, free, always available to its
   decider (the facilitator plays what follows). */
static void adhoc_options(cJSON *j, const viewer *v, const game *g, int i)
{
    const game_item *it = &g->items[i];
    cJSON *opts = cJSON_AddArrayToObject(j, "options");
    for (int k = 0; k < it->nopts; k++) {
        char id[8];
        str_fmt(id, sizeof id, "%d", k + 1);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "id", id);
        cJSON_AddStringToObject(o, "label", it->opts[k]);
        cJSON_AddNullToObject(o, "text");
        cJSON_AddNullToObject(o, "risk");
        cJSON_AddNumberToObject(o, "cost", 0);
        cJSON_AddBoolToObject(o, "available", it->option < 0 && !game_role_done(g, it->decider));
        cJSON_AddStringToObject(o, "why", it->option < 0 ? "" : "already decided");
        cJSON_AddItemToArray(opts, o);
    }
    if (it->option < 0) {
        cJSON_AddNullToObject(j, "chosen");
    } else {
        cJSON *c = cJSON_AddObjectToObject(j, "chosen");
        char id[8];
        str_fmt(id, sizeof id, "%d", it->option + 1);
        cJSON_AddStringToObject(c, "option", id);
        cJSON_AddStringToObject(c, "label", it->opts[it->option]);
        add_str(c, "by", it->by >= 0 ? g->sc->roles[it->by].id : NULL);
    }
    add_str(j, "rationale", view_sees_rationale(v, g, i) ? it->rationale : NULL);
}

static cJSON *adhoc_item(const viewer *v, const game *g, int i)
{
    const game_item *it = &g->items[i];
    cJSON *j = cJSON_CreateObject();
    cJSON_AddNumberToObject(j, "item", i);
    cJSON_AddNullToObject(j, "event");
    add_str(j, "id", it->id);
    cJSON_AddStringToObject(j, "title", it->title ? it->title : "");
    add_str(j, "text", it->text);
    cJSON_AddStringToObject(j, "channel",
                            it->channel >= 0 ? def_channel_names[it->channel] : "adhoc");
    cJSON_AddNumberToObject(j, "turn", it->turn);
    add_to(j, g, it->to);
    add_str(j, "decider", it->nopts ? g->sc->roles[it->decider].id : NULL);
    cJSON_AddStringToObject(j, "status",
                            !it->nopts        ? "none"
                            : it->option >= 0 ? "decided"
                                              : "open");
    cJSON_AddNullToObject(j, "closes");
    if (it->nopts) {
        adhoc_options(j, v, g, i);
    } else {
        cJSON_AddNullToObject(j, "chosen");
        cJSON_AddNullToObject(j, "rationale");
        cJSON_AddArrayToObject(j, "options");
    }
    return j;
}

static void add_inbox(cJSON *o, const net *n, const viewer *v, const viewer *own, const game *g)
{
    cJSON *a = cJSON_AddArrayToObject(o, "inbox");
    for (int i = view_next_item(v, g, -1); i >= 0; i = view_next_item(v, g, i))
        cJSON_AddItemToArray(a, g->items[i].event >= 0 ? event_item(n, v, own, g, i)
                                                       : adhoc_item(v, g, i));
}

/* Standing actions and boards ------------------------------------------------------- */

static void add_actions(cJSON *o, const net *n, const viewer *v, const game *g)
{
    const def_scenario *sc = g->sc;
    cJSON *a = cJSON_AddArrayToObject(o, "actions");
    for (int k = 0; k < sc->nactions; k++) {
        int mv = sc->actions[k];
        const def_move *m = &sc->moves[mv];
        if (!view_sees_move(v, g, mv)) continue;
        cJSON *j = move_json(n, g, mv);
        cJSON_AddStringToObject(j, "role", sc->roles[m->role].id);
        cJSON *t = cJSON_AddArrayToObject(j, "targets");
        for (int i = 0; i < m->ntargets; i++) {
            cJSON *x = cJSON_CreateObject();
            cJSON_AddStringToObject(x, "id", m->targets[i].key);
            cJSON_AddStringToObject(x, "label", m->targets[i].val ? m->targets[i].val : "");
            cJSON_AddItemToArray(t, x);
        }
        cJSON_AddNumberToObject(j, "uses", g->uses[mv]);
        cJSON_AddNumberToObject(j, "max_uses", m->max_uses);
        cJSON_AddBoolToObject(j, "once_per_turn", m->once_per_turn);
        cJSON_AddItemToArray(a, j);
    }
}

static cJSON *card_json(const viewer *v, const game *g, int c)
{
    const def_card *d = &g->sc->cards[c];
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "id", d->id);
    cJSON_AddStringToObject(j, "title", d->title);
    add_str(j, "text", d->text);
    if (!net_view_card_analysis(j, v, g, c)) add_str(j, "source", d->source);
    cJSON_AddNumberToObject(j, "turn", g->card_turn[c]);
    cJSON *at = cJSON_AddObjectToObject(j, "attrs");
    for (int i = 0; i < d->nattrs; i++)
        cJSON_AddStringToObject(at, d->attrs[i].key, d->attrs[i].val);
    return j;
}

static void add_boards(cJSON *o, const viewer *v, const game *g)
{
    const def_scenario *sc = g->sc;
    cJSON *a = cJSON_AddArrayToObject(o, "boards");
    for (int b = 0; b < sc->nboards; b++) {
        if (!view_sees_board(v, g, b)) continue;
        const def_board *d = &sc->boards[b];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "id", d->id);
        cJSON_AddStringToObject(j, "title", d->title);
        add_str(j, "text", d->text);
        cJSON_AddItemToObject(j, "columns", strings(d->columns, d->ncolumns));
        cJSON_AddItemToObject(j, "rows", strings(d->rows, d->nrows));
        add_str(j, "column_attr", d->column_attr);
        add_str(j, "row_attr", d->row_attr);
        cJSON *cards = cJSON_AddArrayToObject(j, "cards");
        for (int c = view_next_card(v, g, -1); c >= 0; c = view_next_card(v, g, c))
            if (sc->cards[c].board == b) cJSON_AddItemToArray(cards, card_json(v, g, c));
        net_view_board_analysis(j, g, b);
        cJSON_AddItemToArray(a, j);
    }
}

/* The timeline, objectives, the truth ------------------------------------------------- */

static void add_log(cJSON *o, const viewer *v, const game *g)
{
    cJSON *a = cJSON_AddArrayToObject(o, "log");
    logtext t = {0};
    for (int i = view_next_log(v, g, -1); i >= 0; i = view_next_log(v, g, i)) {
        if (!logtext_of(g, &g->log[i], &t)) continue; /* a turn's start: every entry has its turn */
        cJSON *j = cJSON_CreateObject();
        cJSON_AddNumberToObject(j, "turn", g->log[i].turn);
        cJSON_AddStringToObject(j, "kind", logtext_names[t.kind]);
        cJSON_AddStringToObject(j, "who", t.who.s);
        cJSON_AddStringToObject(j, "what", t.what.s);
        add_str(j, "why", t.why && view_sees_why(v, g, i) ? t.why : NULL);
        cJSON_AddBoolToObject(j, "facilitator", t.facilitator);
        cJSON_AddItemToArray(a, j);
    }
    logtext_free(&t);
}

static void add_objectives(cJSON *o, const viewer *v, const game *g)
{
    const def_scenario *sc = g->sc;
    cJSON *a = cJSON_AddArrayToObject(o, "objectives");
    int rated = g->ended && view_sees_ratings(v, g);
    for (int i = 0; i < sc->nobjectives; i++) {
        char r[2] = {g->ratings[i], 0};
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "id", sc->objectives[i].id);
        cJSON_AddStringToObject(j, "title", sc->objectives[i].title);
        add_str(j, "text", sc->objectives[i].text);
        add_str(j, "rating", rated && r[0] ? r : NULL);
        cJSON_AddItemToArray(a, j);
    }
    cJSON_AddItemToObject(o, "questions",
                          strings(sc->questions, view_sees_questions(v, g) ? sc->nquestions : 0));
    if (view_sees_truth(v, g) && g->variant >= 0) {
        const def_variant *d = &sc->variants[g->variant];
        cJSON *t = cJSON_AddObjectToObject(o, "truth");
        cJSON_AddStringToObject(t, "variant", d->id);
        add_str(t, "title", d->title);
        add_str(t, "truth", d->truth);
    } else {
        cJSON_AddNullToObject(o, "truth");
    }
}

/* The facilitator's own ------------------------------------------------------------ */

static int due_of(const game *g, int ev)
{
    for (int i = 0; i < g->npend; i++)
        if (g->pend[i].kind == PEND_DELIVER && g->pend[i].index == ev) return g->pend[i].due;
    return 0;
}

static cJSON *schedule(const game *g)
{
    cJSON *a = cJSON_CreateArray();
    for (int e = 0; e < g->sc->nevents; e++) {
        if (g->ev[e] == EV_DELIVERED) continue;
        const def_event *d = &g->sc->events[e];
        int due = due_of(g, e);
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "event", d->id);
        cJSON_AddStringToObject(j, "title", d->title);
        add_str(j, "text", d->text);
        cJSON_AddStringToObject(j, "status",
                                g->ev[e] == EV_SUPPRESSED ? "suppressed"
                                : due                     ? "queued"
                                                          : "upcoming");
        if (due || d->turn) cJSON_AddNumberToObject(j, "due", due ? due : d->turn);
        add_str(j, "note", d->note);
        cJSON_AddItemToArray(a, j);
    }
    return a;
}

static cJSON *join_info(net *n)
{
    cJSON *j = cJSON_CreateObject();
    cJSON_AddStringToObject(j, "url", n->url);
    cJSON *a = cJSON_AddArrayToObject(j, "slots");
    for (int i = 0; i < n->nslots; i++) {
        net_slot_info si;
        net_slot(n, i, &si);
        cJSON *s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "slot", si.id);
        cJSON_AddStringToObject(s, "name", si.name);
        cJSON_AddStringToObject(s, "code", si.code);
        cJSON_AddStringToObject(s, "url", si.url);
        cJSON_AddNumberToObject(s, "joined", si.joined);
        cJSON_AddNumberToObject(s, "online", si.online);
        cJSON_AddItemToArray(a, s);
    }
    return j;
}

static cJSON *participants(const net *n)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < n->nparts; i++) {
        const net_part *p = &n->parts[i];
        cJSON *j = cJSON_CreateObject();
        int team = p->slot < n->sc->nroles;
        cJSON_AddStringToObject(j, "id", p->id);
        cJSON_AddStringToObject(j, "name", p->name);
        cJSON_AddStringToObject(j, "kind",
                                team                              ? "team"
                                : p->slot == net_slot_observer(n) ? "observer"
                                                                  : "facilitator");
        add_str(j, "role", team ? n->sc->roles[p->slot].id : NULL);
        cJSON_AddBoolToObject(j, "lead", team && n->slots[p->slot].lead == i);
        cJSON_AddBoolToObject(j, "online", p->online > 0);
        cJSON_AddNumberToObject(j, "last_seq", (double)p->last_seq);
        cJSON_AddItemToArray(a, j);
    }
    return a;
}

/* The endings `finish` may name, for the console's choice. */
static cJSON *endings(const game *g)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < g->sc->nendings; i++) {
        const def_ending *e = &g->sc->endings[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "id", e->id);
        cJSON_AddStringToObject(j, "title", e->title);
        add_str(j, "text", e->text);
        cJSON_AddItemToArray(a, j);
    }
    return a;
}

/* The channels an ad-hoc inject may go through (`via=`), as the window offers them. */
static cJSON *channels(void)
{
    cJSON *a = cJSON_CreateArray();
    for (int i = 0; i < CH_COUNT; i++)
        cJSON_AddItemToArray(a, cJSON_CreateString(def_channel_names[i]));
    return a;
}

static void add_facilitator(cJSON *o, net *n, const viewer *v, const session *s)
{
    const game *g = s->g;
    if (!view_sees_schedule(v, g)) {
        cJSON_AddNullToObject(o, "facilitator");
        return;
    }
    cJSON *f = cJSON_AddObjectToObject(o, "facilitator");
    cJSON_AddItemToObject(f, "schedule", schedule(g));
    cJSON_AddItemToObject(f, "endings", endings(g));
    cJSON_AddItemToObject(f, "channels", channels());
    cJSON_AddNumberToObject(f, "surveys", net_survey_count(s));
    if (view_sees_state(v, g)) cJSON_AddItemToObject(f, "state", kv_to_json(&g->state));
    cJSON_AddItemToObject(f, "join", join_info(n));
    cJSON_AddItemToObject(f, "participants", participants(n));
    if (view_sees_evaluation(v, g))
        cJSON_AddItemToObject(f, "evaluation", report_evaluation_json(s));
}

/* The whole state ------------------------------------------------------------------ */

/* The survey's place for a participant: last in the state, so that
   net_survey_sent can mark it for those whose answers are in. */
static void add_survey(cJSON *o, const viewer *own, const game *g)
{
    if (own->kind == VIEW_FACILITATOR) {
        cJSON_AddNullToObject(o, "survey");
        return;
    }
    cJSON *j = cJSON_AddObjectToObject(o, "survey");
    cJSON_AddBoolToObject(j, "open", g->ended);
    cJSON_AddBoolToObject(j, "sent", 0);
}

net_msg *net_view_state(net *n, session *s, int slot)
{
    const game *g = s->g;
    const def_scenario *sc = g->sc;
    /* After the end a team and the observers see what the debrief sees
       (view.h): the truth, the ratings, every team's decisions and
       reasons; never the facilitator's notes or overrides. */
    viewer own = viewer_of(n, slot);
    viewer v = g->ended && own.kind != VIEW_FACILITATOR ? view_debrief() : own;
    cJSON *o = net_obj("state");
    cJSON_AddNumberToObject(o, "rev", (double)n->rev);
    cJSON *vw = cJSON_AddObjectToObject(o, "viewer");
    cJSON_AddStringToObject(vw, "kind",
                            own.kind == VIEW_TEAM       ? "team"
                            : own.kind == VIEW_OBSERVER ? "observer"
                                                        : "facilitator");
    add_str(vw, "role", own.kind == VIEW_TEAM ? sc->roles[own.role].id : NULL);
    cJSON_AddBoolToObject(vw, "debrief", v.kind == VIEW_DEBRIEF);
    cJSON *scn = cJSON_AddObjectToObject(o, "scenario");
    cJSON_AddStringToObject(scn, "id", sc->id);
    cJSON_AddStringToObject(scn, "title", sc->title);
    add_str(scn, "summary", sc->summary);
    add_str(scn, "situation", sc->situation);
    cJSON_AddStringToObject(o, "mode", g->simultaneous ? "simultaneous" : "hot-seat");
    add_clock(o, g);
    net_view_pause(o, g);
    add_timer(o, n, g);
    add_roles(o, n, &v, &own, g);
    add_meters(o, &v, g);
    add_inbox(o, n, &v, &own, g);
    add_actions(o, n, &v, g);
    add_boards(o, &v, g);
    add_log(o, &v, g);
    add_objectives(o, &v, g);
    add_facilitator(o, n, &v, s);
    add_survey(o, &own, g);
    return net_msg_json(o);
}
