/*
 * aar_prov.c -- who made each move and how long it took, read from the
 * journal (report_int.h): the provenance of every command (journal.h's
 * journal_by: team, facilitator, default, policy, and the time it was
 * applied) tied to the decisions and the log of the game it replays.
 *
 * aar_by is the one place that reads a command's provenance; core is to
 * offer the exercise's date, its duration and each move's time itself
 * (the facil branch), and aar_timing_of then becomes a call to it.
 */
#include <stdlib.h>
#include <string.h>

#include "report_int.h"

const journal_by *aar_by(const session *s, int entry)
{
    return &s->log[entry].by;
}

/* Which live command made each decision and each logged move --------------- */

/* The kind of a journal line, with the line parsed into *c; -1 unreadable. */
static int entry_cmd(const session *s, int entry, cmd *c)
{
    char err[256];
    return cmd_parse(s->log[entry].cmd, c, err, sizeof err) ? -1 : (int)c->kind;
}

/* The log's choices and actions in order: each was made by one command. */
static void link_moves(const session *s, aar_links *l)
{
    const game *g = s->g;
    int k = 0;
    for (int i = 0; i < s->nlive; i++) {
        cmd c;
        int kind = entry_cmd(s, s->live[i], &c);
        if (kind != CMD_CHOOSE && kind != CMD_ACT) continue;
        while (k < g->nlog && g->log[k].kind != LOG_CHOOSE && g->log[k].kind != LOG_ACT) k++;
        if (k == g->nlog) break;
        l->log_entry[k++] = s->live[i];
    }
}

/* An event is delivered at most once, so `choose E` and `default E` close
   the item ev_item[E]. */
static void link_items(const session *s, aar_links *l)
{
    const game *g = s->g;
    for (int i = 0; i < s->nlive; i++) {
        cmd c;
        int kind = entry_cmd(s, s->live[i], &c);
        if (kind != CMD_CHOOSE && kind != CMD_DEFAULT) continue;
        int ev = def_event_find(g->sc, c.a);
        if (ev >= 0 && g->ev_item[ev] >= 0) l->item_entry[g->ev_item[ev]] = s->live[i];
    }
}

void aar_links_build(const session *s, aar_links *l)
{
    const game *g = s->g;
    l->item_entry = xmalloc(sizeof *l->item_entry * ((size_t)g->nitems + 1));
    l->log_entry = xmalloc(sizeof *l->log_entry * ((size_t)g->nlog + 1));
    for (int i = 0; i < g->nitems; i++) l->item_entry[i] = -1;
    for (int i = 0; i < g->nlog; i++) l->log_entry[i] = -1;
    link_moves(s, l);
    link_items(s, l);
}

void aar_links_free(aar_links *l)
{
    free(l->item_entry), free(l->log_entry);
    l->item_entry = l->log_entry = NULL;
}

/* Who ------------------------------------------------------------------------ */

/* A command sent without provenance (a save from before it, or a front end
   that does not say): its table says who sends it. */
static aar_maker inferred(const session *s, int entry)
{
    cmd c;
    int kind = entry_cmd(s, entry, &c);
    return kind >= 0 && cmd_specs[kind].who == CMD_BY_FACILITATOR ? AAR_FACILITATOR : AAR_TEAM;
}

void aar_entry_made(const session *s, int entry, aar_made *out)
{
    const journal_by *by = aar_by(s, entry);
    memset(out, 0, sizeof *out);
    out->entry = entry;
    out->role = def_role_find(s->sc, by->team[0] ? by->team : s->log[entry].role);
    out->name = by->name[0] ? by->name : NULL;
    if (strcmp(by->kind, "policy") == 0)
        out->kind = AAR_POLICY;
    else if (strcmp(by->kind, "default") == 0)
        out->kind = AAR_DEFAULT;
    else if (strcmp(by->kind, "facilitator") == 0)
        out->kind = AAR_FACILITATOR;
    else if (strcmp(by->kind, "team") == 0)
        out->kind = AAR_TEAM;
    else
        out->kind = inferred(s, entry);
}

void aar_item_made(const session *s, const aar_links *l, int item, aar_made *out)
{
    const game_item *it = &s->g->items[item];
    memset(out, 0, sizeof *out);
    out->entry = l->item_entry[item];
    out->role = it->by;
    if (it->option < 0)
        out->kind = AAR_OPEN;
    else if (out->entry < 0)
        out->kind = AAR_DEADLINE; /* expired at the end of a turn: no command of its own */
    else {
        aar_entry_made(s, out->entry, out);
        if (it->by >= 0) out->role = it->by;
        /* `default E` from the console is the facilitator's; from the timer, a default. */
        if (it->expired && out->kind == AAR_TEAM) out->kind = AAR_DEFAULT;
    }
}

int aar_made_by_team(const aar_made *m)
{
    return m->kind == AAR_TEAM;
}

void aar_made_words(const session *s, const aar_made *m, strbuf *out)
{
    const def_scenario *sc = s->sc;
    const char *team = m->role >= 0 && m->role < sc->nroles ? logtext_role(sc, m->role) : NULL;
    switch (m->kind) {
    case AAR_TEAM:
        sb_puts(out, team ? team : "a team");
        if (m->name) sb_printf(out, " (%s)", m->name);
        break;
    case AAR_FACILITATOR:
        sb_printf(out, "the facilitator%s%s", team ? ", for " : "", team ? team : "");
        break;
    case AAR_POLICY:
        sb_printf(out, "automatic player (%s)%s%s", m->name ? m->name : "a policy",
                  team ? " for " : "", team ? team : "");
        break;
    case AAR_DEFAULT:
        sb_printf(out, "its default, applied %s",
                  m->name && strcmp(m->name, "timer") == 0 ? "when the timer ran out"
                                                           : "on the facilitator's call");
        break;
    case AAR_DEADLINE:
        sb_puts(out, "its default, at the deadline (nobody chose)");
        break;
    case AAR_OPEN:
        sb_puts(out, "(still open)");
        break;
    }
}

const char *aar_obs_author(const session *s, int obs)
{
    static const char observe[] = "observe ";
    for (int i = 0, k = 0; i < s->nlive; i++) {
        const journal_by *by = aar_by(s, s->live[i]);
        if (strncmp(s->log[s->live[i]].cmd, observe, sizeof observe - 1) != 0 || k++ != obs)
            continue;
        return by->name[0] ? by->name : by->participant[0] ? by->participant : NULL;
    }
    return NULL;
}

/* When ----------------------------------------------------------------------- */

/* Days from 1970-01-01 to y-m-d of the proleptic Gregorian calendar
   (H. Hinnant's days_from_civil): no time zone, no libc state. */
static long long days_from_civil(long long y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int digits(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

long long aar_time_ms(const char *iso)
{
    /* "2022-07-15T08:00:00Z" or with ".123" before the Z */
    if (!iso || strlen(iso) < 20 || iso[4] != '-' || iso[7] != '-' || iso[10] != 'T') return -1;
    int y = digits(iso, 4), mo = digits(iso + 5, 2), d = digits(iso + 8, 2);
    int h = digits(iso + 11, 2), mi = digits(iso + 14, 2), se = digits(iso + 17, 2), ms = 0;
    if (y < 0 || mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || mi < 0 || se < 0) return -1;
    if (iso[19] == '.' && (ms = digits(iso + 20, 3)) < 0) return -1;
    long long days = days_from_civil(y, mo, d);
    return ((days * 24 + h) * 60 + mi) * 60000LL + se * 1000LL + ms;
}

static long long entry_ms(const session *s, int entry)
{
    return aar_time_ms(aar_by(s, entry)->at);
}

/* The paused time within [from, to): the live pause-resume spans. */
static long long paused_within(const session *s, long long from, long long to)
{
    long long sum = 0, since = -1;
    for (int i = 0; i < s->nlive; i++) {
        const char *c = s->log[s->live[i]].cmd;
        long long t = entry_ms(s, s->live[i]);
        if (t < 0) continue;
        if (strcmp(c, cmd_names[CMD_PAUSE]) == 0) since = t;
        if (strcmp(c, cmd_names[CMD_RESUME]) != 0 || since < 0) continue;
        long long a = since > from ? since : from, b = t < to ? t : to;
        if (b > a) sum += b - a;
        since = -1;
    }
    if (since >= 0 && since < to) sum += to - (since > from ? since : from);
    return sum;
}

static long long overlap(long long a, long long b, long long from, long long to)
{
    long long lo = a > from ? a : from, hi = b < to ? b : to;
    return hi > lo ? hi - lo : 0;
}

/* The time within [from, to) the program was closed: from a line to the
   `opened` of the next run (journal.h), unless paused then (a pause counts
   it already). */
static long long closed_within(const session *s, long long from, long long to)
{
    long long sum = 0, prev = aar_time_ms(s->h.started);
    int paused = 0;
    for (int i = 0; i < s->nlog; i++) {
        const journal_entry *e = &s->log[i];
        long long opened = aar_time_ms(e->by.opened), at = aar_time_ms(e->by.at);
        if (opened >= 0 && prev >= 0 && !paused) sum += overlap(prev, opened, from, to);
        if (strcmp(e->cmd, cmd_names[CMD_PAUSE]) == 0) paused = 1;
        if (strcmp(e->cmd, cmd_names[CMD_RESUME]) == 0) paused = 0;
        if (at >= 0) prev = at;
    }
    return sum;
}

/* The start: the header's, unless a command is older (a save whose header
   was rewritten on a reload: its commands keep their times). */
static long long first_ms(const session *s, const char **iso)
{
    long long start = aar_time_ms(s->h.started), first = -1;
    int i = 0;
    for (; i < s->nlog && first < 0; i++) first = entry_ms(s, i);
    *iso = s->h.started;
    if (start >= 0 && (first < 0 || first >= start)) return start;
    if (first >= 0) *iso = aar_by(s, i - 1)->at;
    return first;
}

static void add_move(aar_timing *t, int turn, int role, long long ms, int by_policy)
{
    aar_move_time *m = VEC_PUSH(t->moves, t->nmoves, t->cmoves);
    *m = (aar_move_time){turn, role, ms < 0 ? 0 : ms, by_policy};
}

/* Each live `end` closes a move begun at the last command that closed one
   (hot-seat: the one before it; teams at once: the turn's start). */
static void moves(const session *s, aar_timing *t)
{
    long long begun = t->start_ms, turn_began = t->start_ms;
    int turn = 1;
    for (int i = 0; i < s->nlive; i++) {
        int e = s->live[i];
        cmd c;
        int kind = entry_cmd(s, e, &c);
        long long at = entry_ms(s, e);
        if ((kind != CMD_END && kind != CMD_CLOSE) || at < 0) continue;
        if (s->log[e].turn != turn) turn = s->log[e].turn, turn_began = begun;
        long long from = s->h.simultaneous ? turn_began : begun;
        int role = def_role_find(s->sc, c.a[0] ? c.a : s->log[e].role);
        if (kind == CMD_END && role >= 0)
            add_move(t, s->log[e].turn, role,
                     at - from - paused_within(s, from, at) - closed_within(s, from, at),
                     strcmp(aar_by(s, e)->kind, "policy") == 0);
        begun = at;
    }
}

void aar_timing_of(const session *s, aar_timing *t)
{
    memset(t, 0, sizeof *t);
    t->start_ms = first_ms(s, &t->start_iso);
    for (int i = s->nlog - 1; i >= 0 && t->end_ms <= 0; i--) t->end_ms = entry_ms(s, i);
    if (t->start_ms < 0 || t->end_ms < t->start_ms) return;
    t->known = 1;
    t->paused_ms = paused_within(s, t->start_ms, t->end_ms);
    t->closed_ms = closed_within(s, t->start_ms, t->end_ms);
    moves(s, t);
}

long long aar_played_ms(const aar_timing *t)
{
    return t->end_ms - t->start_ms - t->paused_ms - t->closed_ms;
}

void aar_timing_free(aar_timing *t)
{
    free(t->moves);
    t->moves = NULL, t->nmoves = t->cmoves = 0;
}

void aar_duration_words(long long ms, char *buf, size_t size)
{
    long long sec = (ms + 500) / 1000;
    if (sec < 60)
        str_fmt(buf, size, "%llds", sec);
    else if (sec < 3600)
        str_fmt(buf, size, "%lldm %02llds", sec / 60, sec % 60);
    else
        str_fmt(buf, size, "%lldh %02lldm", sec / 3600, sec / 60 % 60);
}
