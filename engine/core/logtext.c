/*
 * logtext.c -- see logtext.h.
 */
#include "logtext.h"

#include <string.h>

#include "i18n.h"

const char *const logtext_names[LT_KINDS] = {
    "inject", "adhoc_inject", "decision", "action",   "expired", "outcome", "evidence",
    "note",   "set",          "fire",     "suppress", "pause",   "resume",  "end",
    "undo",   "proposal",     "vote",     "grade",    "mark"};

const char *logtext_role(const def_scenario *sc, int r)
{
    /* The short name: timelines have no room for "Ministry for Europe and..." */
    return sc->roles[r].shortname ? sc->roles[r].shortname : sc->roles[r].name;
}

void logtext_roles(const def_scenario *sc, uint32_t mask, strbuf *b)
{
    uint32_t all = sc->nroles >= 32 ? 0xffffffffu : (1u << sc->nroles) - 1;
    if (sc->nroles > 1 && (mask & all) == all) {
        sb_puts(b, _("all roles"));
        return;
    }
    size_t start = b->len;
    for (int r = 0; r < sc->nroles; r++)
        if ((mask >> r) & 1u) sb_printf(b, "%s%s", b->len > start ? ", " : "", logtext_role(sc, r));
    if (b->len == start) sb_puts(b, _("nobody"));
}

const char *logtext_item_title(const game *g, int item)
{
    const game_item *it = &g->items[item];
    return it->event >= 0 ? g->sc->events[it->event].title : it->title;
}

/* full: "Publisher, “Title”, date, URL"; else "Publisher, date" (the
   text mode's line under an inject). */
static void citation(const def_scenario *sc, const char *id, strbuf *b, int full)
{
    if (strcmp(id, "fiction") == 0) {
        sb_puts(b, _("invented for the exercise"));
        return;
    }
    for (int i = 0; i < sc->nsources; i++) {
        const def_source *s = &sc->sources[i];
        if (strcmp(s->id, id) != 0) continue;
        if (!full) {
            sb_puts(b, s->publisher ? s->publisher : s->title ? s->title : s->id);
        } else {
            if (s->publisher) sb_printf(b, "%s, ", s->publisher);
            sb_printf(b, "“%s”", s->title ? s->title : s->id);
        }
        if (s->date) sb_printf(b, ", %s", s->date);
        if (full && s->url) sb_printf(b, ", %s", s->url);
        return;
    }
    sb_puts(b, id);
}

void logtext_citation(const def_scenario *sc, const char *id, strbuf *b)
{
    citation(sc, id, b, 1);
}

void logtext_source(const def_scenario *sc, const char *id, strbuf *b)
{
    citation(sc, id, b, 0);
}

const char *logtext_history_label(const def_scenario *sc)
{
    return sc->history && sc->history[0] ? sc->history : _("What really happened");
}

static const char *target_label(const def_move *m, const char *target)
{
    for (int i = 0; i < m->ntargets; i++)
        if (strcmp(m->targets[i].key, target) == 0) return m->targets[i].val;
    return target;
}

static void words_item(const game *g, const game_log *l, logtext *o)
{
    const game_item *it = &g->items[l->ref];
    logtext_roles(g->sc, it->to, &o->who);
    if (it->event >= 0) {
        o->kind = LT_INJECT;
        sb_printf(&o->what, _("Inject (%s): %s"),
                  _(def_channel_names[g->sc->events[it->event].channel]),
                  g->sc->events[it->event].title);
    } else {
        o->kind = LT_ADHOC;
        o->facilitator = 1;
        if (it->channel >= 0)
            sb_printf(&o->what, _("Ad-hoc inject from the facilitator (%s): %s"),
                      _(def_channel_names[it->channel]), it->title);
        else
            sb_printf(&o->what, _("Ad-hoc inject from the facilitator: %s"), it->title);
        o->why = it->text;
    }
}

static void words_move(const game *g, const game_log *l, logtext *o)
{
    const def_scenario *sc = g->sc;
    const def_move *m = &sc->moves[l->ref];
    if (l->role >= 0) sb_puts(&o->who, logtext_role(sc, l->role));
    if (l->kind == LOG_CHOOSE) {
        o->kind = LT_DECISION;
        sb_printf(&o->what, _("Decision on “%s”: %s"), sc->events[m->event].title, m->label);
    } else {
        o->kind = LT_ACTION;
        sb_printf(&o->what, _("Action: %s"), m->label);
        if (l->aux) sb_printf(&o->what, _(" (target: %s)"), target_label(m, l->aux));
    }
    o->why = l->text;
}

/* A team's deliberation: the participant by id (the journal names them). */
static void words_vote(const game *g, const game_log *l, logtext *o)
{
    const def_move *m = &g->sc->moves[l->ref];
    sb_puts(&o->who, logtext_role(g->sc, l->role));
    o->kind = l->kind == LOG_PROPOSE ? LT_PROPOSAL : LT_VOTE;
    sb_printf(&o->what, _("%s on “%s”: %s (%s)"),
              l->kind == LOG_PROPOSE ? _("Proposal") : _("Vote"), g->sc->events[m->event].title,
              m->label, l->who ? l->who : "?");
    o->why = l->text;
}

/* The grading team's analysis of a card (analysis.h). */
static void words_analysis(const game *g, const game_log *l, logtext *o)
{
    const def_scenario *sc = g->sc;
    const def_card *c = &sc->cards[l->ref];
    int v = (int)l->value;
    if (l->role >= 0) sb_puts(&o->who, logtext_role(sc, l->role));
    if (l->kind == LOG_GRADE) {
        o->kind = LT_GRADE;
        sb_printf(&o->what, _("Graded “%s”: %c%d"), c->title, 'A' + v / 10, v % 10);
    } else {
        const def_board *b = &sc->boards[c->board];
        int h = v / 10, fit = v % 10;
        o->kind = LT_MARK;
        static const char *const how[FIT_COUNT] = {N_("no longer marked against"),
                                                   N_("consistent with"), N_("inconsistent with"),
                                                   N_("neutral to")};
        sb_printf(&o->what, _("Marked “%s” %s %s"), c->title, _(how[fit < FIT_COUNT ? fit : 0]),
                  h < b->nhyps ? b->hyps[h].val : "?");
    }
    o->why = l->text;
}

/* What the game did: injects, decisions, their outcomes. */
static int words_play(const game *g, const game_log *l, logtext *o)
{
    const def_scenario *sc = g->sc;
    switch (l->kind) {
    case LOG_DELIVER:
    case LOG_INJECT:
        words_item(g, l, o);
        return 1;
    case LOG_CHOOSE:
    case LOG_ACT:
        words_move(g, l, o);
        return 1;
    case LOG_PROPOSE:
    case LOG_VOTE:
        words_vote(g, l, o);
        return 1;
    case LOG_GRADE:
    case LOG_MARK:
        words_analysis(g, l, o);
        return 1;
    case LOG_ANSWER: { /* an ad-hoc decision: told as every decision is */
        const game_item *it = &g->items[l->ref];
        int k = (int)l->value;
        sb_puts(&o->who, logtext_role(sc, l->role));
        o->kind = LT_DECISION;
        sb_printf(&o->what, _("Decision on “%s”: %s"), it->title,
                  k >= 0 && k < it->nopts ? it->opts[k] : "?");
        o->why = l->text;
        return 1;
    }
    case LOG_EXPIRE: {
        const game_item *it = &g->items[l->ref];
        o->kind = LT_EXPIRED;
        sb_printf(&o->what, _("No decision on “%s” in time; the default applied: %s"),
                  logtext_item_title(g, l->ref),
                  it->option >= 0 ? sc->moves[it->option].label : _("none"));
        return 1;
    }
    case LOG_OUTCOME:
        o->kind = LT_OUTCOME;
        sb_printf(&o->what, "%s", l->text ? l->text : "");
        return 1;
    case LOG_CARD:
        o->kind = LT_EVIDENCE;
        sb_printf(&o->what, _("New evidence: %s"), sc->cards[l->ref].title);
        return 1;
    case LOG_FINISH:
        o->kind = LT_END;
        sb_printf(&o->what, _("The exercise ends: %s"), sc->endings[l->ref].title);
        return 1;
    default:
        return 0;
    }
}

/* What the facilitator did. */
static int words_facilitator(const game *g, const game_log *l, logtext *o)
{
    const def_scenario *sc = g->sc;
    o->facilitator = 1;
    switch (l->kind) {
    case LOG_NOTE:
        o->kind = LT_NOTE;
        sb_printf(&o->what, _("Note: %s"), l->text ? l->text : "");
        return 1;
    case LOG_SET:
        o->kind = LT_SET;
        sb_printf(&o->what, _("Set %s to %g"), sc->meters[l->ref].name, l->value);
        o->why = l->text;
        return 1;
    case LOG_FIRE:
    case LOG_SUPPRESS:
        o->kind = l->kind == LOG_FIRE ? LT_FIRE : LT_SUPPRESS;
        sb_printf(&o->what, "%s “%s”",
                  l->kind == LOG_FIRE    ? _("Delivered at once")
                  : l->text /* game.h */ ? _("Suspended by a script error in its `when`")
                                         : _("Suppressed (never delivered)"),
                  sc->events[l->ref].title);
        o->why = l->text;
        return 1;
    case LOG_PAUSE:
    case LOG_RESUME:
        o->kind = l->kind == LOG_PAUSE ? LT_PAUSE : LT_RESUME;
        sb_puts(&o->what,
                l->kind == LOG_PAUSE ? _("Paused the exercise") : _("Resumed the exercise"));
        return 1;
    default:
        o->facilitator = 0;
        return 0;
    }
}

int logtext_of(const game *g, const game_log *l, logtext *o)
{
    o->who.len = o->what.len = 0;
    sb_add(&o->who, "", 0);
    sb_add(&o->what, "", 0);
    o->why = NULL;
    o->facilitator = 0;
    return words_play(g, l, o) || words_facilitator(g, l, o);
}

void logtext_free(logtext *o)
{
    sb_free(&o->who);
    sb_free(&o->what);
}
