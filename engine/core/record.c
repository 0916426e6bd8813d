/*
 * record.c -- see record.h.
 */
#include "record.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "logtext.h"
#include "util.h"

/* Who made a move ------------------------------------------------------------- */

static int kind_of_line(const journal_entry *e)
{
    return cmd_find(e->cmd, strcspn(e->cmd, " "));
}

record_maker record_maker_of_line(const journal_entry *e)
{
    static const struct {
        const char *kind;
        record_maker maker;
    } t[] = {{"team", RECORD_TEAM},
             {"facilitator", RECORD_FACILITATOR},
             {"default", RECORD_DEFAULT},
             {"policy", RECORD_POLICY}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(e->by.kind, t[i].kind)) return t[i].maker;
    int k = kind_of_line(e); /* not recorded: as the table says */
    return k >= 0 && cmd_specs[k].who == CMD_BY_FACILITATOR ? RECORD_FACILITATOR : RECORD_TEAM;
}

record_maker record_maker_of(const session *s, int entry, const journal_entry **line)
{
    if (line) *line = NULL;
    if (entry < 0 || entry >= s->g->nlog) return RECORD_GAME;
    int src = s->log_src[entry];
    if (src < 0 || src >= s->nlog) return RECORD_GAME;
    if (line) *line = &s->log[src];
    if (s->g->log[entry].kind == LOG_EXPIRE) return RECORD_DEFAULT;
    return record_maker_of_line(&s->log[src]);
}

int record_decision_entry(const session *s, int item)
{
    const game *g = s->g;
    if (item < 0 || item >= g->nitems || g->items[item].option < 0) return -1;
    int ev = g->items[item].event;
    for (int i = g->nlog - 1; i >= 0; i--) {
        const game_log *l = &g->log[i];
        if ((l->kind == LOG_EXPIRE || l->kind == LOG_ANSWER) && l->ref == item) return i;
        if (l->kind == LOG_CHOOSE && ev >= 0 && g->sc->moves[l->ref].event == ev) return i;
    }
    return -1;
}

void record_made_of_line(const session *s, const journal_entry *e, int role, record_made *out)
{
    *out = (record_made){RECORD_GAME, role >= 0 && role < s->sc->nroles ? role : -1, NULL, e};
    if (!e) return;
    out->maker = record_maker_of_line(e);
    out->name = e->by.name[0] ? e->by.name : NULL;
}

void record_made_of(const session *s, int entry, record_made *out)
{
    const journal_entry *e;
    record_maker m = record_maker_of(s, entry, &e);
    int role = entry >= 0 && entry < s->g->nlog ? s->g->log[entry].role : -1;
    record_made_of_line(s, e, role, out);
    out->maker = m;
}

void record_made_of_item(const session *s, int item, record_made *out)
{
    record_made_of(s, record_decision_entry(s, item), out);
    if (item >= 0 && item < s->g->nitems && s->g->items[item].by >= 0)
        out->role = s->g->items[item].by;
}

/* A default: sent by the host's timer, by the facilitator (`default`), or
   by nobody (the turn closed on an open decision). */
typedef enum { BY_TIMER, BY_CALL, AT_DEADLINE } default_how;

static default_how how_default(const journal_entry *e)
{
    if (e && !strcmp(e->by.kind, "default")) return BY_TIMER;
    return e && kind_of_line(e) == CMD_DEFAULT ? BY_CALL : AT_DEADLINE;
}

const char *record_made_kind(const record_made *m)
{
    static const char *const names[] = {"game", "team", "facilitator", "default", "policy"};
    if (m->maker == RECORD_DEFAULT && how_default(m->line) == AT_DEADLINE) return "deadline";
    return names[m->maker];
}

static void team_words(const char *team, const char *name, char *buf, size_t size)
{
    if (!team)
        str_fmt(buf, size, _("the team"));
    else if (name)
        str_fmt(buf, size, "%s (%s)", team, name); /* a participant's name */
    else
        str_fmt(buf, size, "%s", team);
}

void record_made_words(const session *s, const record_made *m, char *buf, size_t size)
{
    static const char *const defaults[] = {N_("a default when the timer ran out"),
                                           N_("a default, applied by the facilitator"),
                                           N_("a default at its deadline")};
    const char *team = m->role >= 0 ? logtext_role(s->sc, m->role) : NULL;
    switch (m->maker) {
    case RECORD_TEAM:
        team_words(team, m->name, buf, size);
        break;
    case RECORD_FACILITATOR:
        str_fmt(buf, size, _("the facilitator%s%s"), team ? _(", for ") : "", team ? team : "");
        break;
    case RECORD_POLICY:
        str_fmt(buf, size, _("automatic player (%s)%s%s"), m->name ? m->name : "?",
                team ? _(", for ") : "", team ? team : "");
        break;
    case RECORD_DEFAULT:
        str_fmt(buf, size, "%s", _(defaults[how_default(m->line)]));
        break;
    default:
        str_fmt(buf, size, _("the game"));
    }
}

void record_maker_words(const session *s, int entry, char *buf, size_t size)
{
    record_made m;
    record_made_of(s, entry, &m);
    record_made_words(s, &m, buf, size);
}

const char *record_obs_author(const session *s, int obs)
{
    for (int i = 0, k = 0; i < s->nlive; i++) {
        const journal_entry *e = &s->log[s->live[i]];
        if (kind_of_line(e) != CMD_OBSERVE || k++ != obs) continue;
        return e->by.name[0] ? e->by.name : e->by.participant[0] ? e->by.participant : NULL;
    }
    return NULL;
}

/* Time ----------------------------------------------------------------------- */

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian; H. Hinnant's
   days_from_civil). */
static long long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

long long record_time_ms(const char *iso)
{
    int y, mo, d, h, mi, sec, n = 0, ms = 0;
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &sec, &n) != 6)
        return -1;
    const char *p = iso + n;
    if (*p == '.') {
        int digits = 0;
        for (p++; *p >= '0' && *p <= '9'; p++, digits++)
            if (digits < 3) ms = ms * 10 + (*p - '0');
        for (; digits < 3 && digits > 0; digits++) ms *= 10;
    }
    if (strcmp(p, "Z") || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
        return -1;
    long long secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec;
    return secs * 1000 + ms;
}

/* The walk over the journal: what each stretch of time belongs to. */
typedef struct walk {
    const session *s;
    int nroles, nturns;
    long long *ms; /* [(nturns + 1) * nroles] */
    char *seen, *ended;
    char *by;           /* the record_maker of the `end` that ended the move */
    char *paused_after; /* per command in effect: the game paused after it */
    int depth, paused;
    int done_turn;
    uint32_t done; /* simultaneous: teams that ended their move in done_turn */
} walk;

static int slot(const walk *w, int turn, int role)
{
    return turn >= 1 && turn <= w->nturns && role >= 0 && role < w->nroles ? turn * w->nroles + role
                                                                           : -1;
}

static void add_to(walk *w, int turn, int role, long long span)
{
    int k = slot(w, turn, role);
    if (k < 0) return;
    w->ms[k] += span;
    w->seen[k] = 1;
}

/* A stretch of play before line e, to the move (or the teams' moves) then
   in progress. */
static void attribute(walk *w, const journal_entry *e, long long span)
{
    const session *s = w->s;
    if (!s->h.simultaneous) {
        add_to(w, e->turn, def_role_find(s->sc, e->role), span);
        return;
    }
    if (e->turn != w->done_turn) w->done_turn = e->turn, w->done = 0;
    for (int r = 0; r < w->nroles; r++)
        if (!((w->done >> r) & 1u)) add_to(w, e->turn, r, span);
}

/* What line e does to the walk once applied: pause, resume, undo, end. */
static void after_line(walk *w, const journal_entry *e)
{
    int k = kind_of_line(e);
    if (k == CMD_UNDO) {
        if (w->depth) w->depth--;
        w->paused = w->depth ? w->paused_after[w->depth - 1] : 0;
        return;
    }
    if (k == CMD_PAUSE || k == CMD_RESUME) w->paused = k == CMD_PAUSE;
    w->paused_after[w->depth++] = (char)w->paused;
    if (k != CMD_END) return;
    const char *arg = e->cmd + strcspn(e->cmd, " ");
    arg += strspn(arg, " ");
    int role = def_role_find(w->s->sc, arg[0] ? arg : e->role);
    int at = slot(w, e->turn, role);
    if (at >= 0) w->ended[at] = 1, w->by[at] = (char)record_maker_of_line(e);
    if (w->s->h.simultaneous && role >= 0 && e->turn == w->done_turn) w->done |= 1u << role;
}

/* Line e's stretch belongs to the move s->g is in now. */
static int in_current(const session *s, const journal_entry *e)
{
    if (e->turn != s->g->turn) return 0;
    return s->h.simultaneous || !strcmp(e->role, s->sc->roles[s->g->role].id);
}

static void collect(walk *w, record_times *out)
{
    int n = 0;
    for (int k = w->nroles; k < (w->nturns + 1) * w->nroles; k++) n += w->seen[k];
    out->moves = xcalloc((size_t)n + 1, sizeof *out->moves);
    for (int t = 1; t <= w->nturns; t++)
        for (int r = 0; r < w->nroles; r++) {
            int k = slot(w, t, r);
            if (w->seen[k])
                out->moves[out->nmoves++] =
                    (record_move){t, r, w->ms[k], w->ended[k], (record_maker)w->by[k]};
        }
}

void record_times_of(const session *s, record_times *out)
{
    memset(out, 0, sizeof *out);
    out->date = s->h.started;
    walk w = {s, s->sc->nroles, s->sc->nturns, NULL, NULL, NULL, NULL, NULL, 0, 0, -1, 0};
    size_t cells = (size_t)(w.nturns + 1) * (size_t)w.nroles + 1;
    w.ms = xcalloc(cells, sizeof *w.ms);
    w.seen = xcalloc(cells, 1), w.ended = xcalloc(cells, 1), w.by = xcalloc(cells, 1);
    w.paused_after = xcalloc((size_t)s->nlog + 1, 1);
    long long prev = record_time_ms(s->h.started), start = prev < 0 ? LLONG_MAX : prev;
    for (int i = 0; i < s->nlog; i++) {
        const journal_entry *e = &s->log[i];
        long long at = record_time_ms(e->by.at), opened = record_time_ms(e->by.opened);
        long long from = opened >= 0 && (prev < 0 || opened > prev) ? opened : prev;
        long long span = at >= 0 && from >= 0 && at > from ? at - from : 0;
        if (prev >= 0 && from > prev)
            *(w.paused ? &out->paused_ms : &out->closed_ms) += from - prev;
        if (at >= 0) prev = at, out->known = 1;
        if (at >= 0 && at < start) start = at, out->date = e->by.at;
        if (w.paused) {
            out->paused_ms += span;
        } else {
            out->duration_ms += span;
            attribute(&w, e, span);
            if (in_current(s, e)) out->current_ms += span;
        }
        after_line(&w, e);
        if (kind_of_line(e) == CMD_TIMER && in_current(s, e)) out->current_ms = 0;
    }
    collect(&w, out);
    free(w.ms), free(w.seen), free(w.ended), free(w.by), free(w.paused_after);
}

void record_duration_words(long long ms, char *buf, size_t size)
{
    long long sec = (ms + 500) / 1000;
    if (sec < 60)
        str_fmt(buf, size, "%llds", sec);
    else if (sec < 3600)
        str_fmt(buf, size, "%lldm %02llds", sec / 60, sec % 60);
    else
        str_fmt(buf, size, "%lldh %02lldm", sec / 3600, sec / 60 % 60);
}

void record_times_free(record_times *t)
{
    free(t->moves);
    memset(t, 0, sizeof *t);
}
