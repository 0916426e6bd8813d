/*
 * aar.c -- what the after-action report's two forms share (report_int.h).
 * The log of the game is turned into words by logtext.h, as in the
 * terminal and the window.
 */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "report_int.h"

const char *report_rating_text(char rating)
{
    switch (rating) {
    case 'P':
        return N_("Performed without challenges");
    case 'S':
        return N_("Performed with some challenges");
    case 'M':
        return N_("Performed with major challenges");
    case 'U':
        return N_("Unable to be performed");
    default:
        return N_("Not rated");
    }
}

int aar_historical(const def_scenario *sc, const def_event *ev)
{
    return def_historical_option(sc, (int)(ev - sc->events)); /* none: historical = false */
}

/* For every journal entry that is an `undo`, the entry it took back (else
   -1): replaying the journal's stack of live commands tells. */
static int *undo_targets(const session *s)
{
    int *undone = xcalloc((size_t)s->nlog + 1, sizeof *undone);
    int *stack = xcalloc((size_t)s->nlog + 1, sizeof *stack), n = 0;
    for (int i = 0; i < s->nlog; i++) {
        undone[i] = -1;
        if (strcmp(s->log[i].cmd, cmd_names[CMD_UNDO]) != 0)
            stack[n++] = i;
        else if (n > 0)
            undone[i] = stack[--n];
    }
    free(stack);
    return undone;
}

const char *aar_item_made(const session *s, int item, record_made *m, char *words, size_t size)
{
    record_made_of_item(s, item, m);
    if (s->g->items[item].option < 0) {
        str_fmt(words, size, "(still open)");
        return "open";
    }
    record_made_words(s, m, words, size);
    return record_made_kind(m);
}

viewer aar_reader(void)
{
    return view_facilitator();
}

int aar_on_timeline(const game *g, int i, logtext *o)
{
    viewer room = view_debrief();
    if (!view_sees_log(&room, g, i)) return 0;
    return logtext_of(g, &g->log[i], o) && (!o->facilitator || o->kind == LT_ADHOC);
}

/* The facilitator's interventions: their notes and reasons are the reader's. */
static int intervention(const game *g, int i, logtext *o)
{
    viewer reader = aar_reader();
    return view_sees_log(&reader, g, i) && logtext_of(g, &g->log[i], o) && o->facilitator;
}

/* An `undo` of the journal in words. */
static void undo_line(const session *s, int entry, int undone, logtext *o)
{
    o->who.len = o->what.len = 0;
    sb_add(&o->who, "", 0);
    sb_add(&o->what, "", 0);
    o->why = NULL;
    int r = def_role_find(s->sc, s->log[entry].role);
    sb_printf(&o->who, "%s's move", r >= 0 ? logtext_role(s->sc, r) : s->log[entry].role);
    sb_printf(&o->what, "Undo: took back `%s`", undone >= 0 ? s->log[undone].cmd : "nothing");
    o->kind = LT_UNDO;
}

void aar_each_intervention(const session *s, aar_each_fn fn, void *ud)
{
    const game *g = s->g;
    int *undone = undo_targets(s);
    logtext l = {0};
    for (int t = 1; t <= g->turn; t++) {
        for (int i = 0; i < g->nlog; i++)
            if (g->log[i].turn == t && intervention(g, i, &l)) fn(ud, t, &l);
        for (int i = 0; i < s->nlog; i++)
            if (s->log[i].turn == t && strcmp(s->log[i].cmd, cmd_names[CMD_UNDO]) == 0) {
                undo_line(s, i, undone[i], &l);
                fn(ud, t, &l);
            }
    }
    logtext_free(&l);
    free(undone);
}

int aar_decided(const game *g, int i)
{
    const game_item *it = &g->items[i];
    return it->event >= 0 && g->sc->events[it->event].noptions > 0;
}
