/*
 * csv.c -- the report's tables as CSV (report.h): the improvement plan,
 * the decision log and the handbook's MSEL, for the spreadsheets sponsors
 * and planners keep them in.
 *
 * One function writes a cell, by RFC 4180: a field holding a comma, a
 * double quote, CR or LF is enclosed in double quotes, a quote inside it
 * doubled; records end with CRLF. Text written by players, a facilitator
 * or a scenario's author may start with = + - @ (or a tab or CR): a
 * spreadsheet would run it as a formula (CSV injection), so such a cell is
 * prefixed with a single quote, which the spreadsheet shows as text. No
 * library: Debian's libcsv parses well, but writing is these few lines, it
 * would not guard against formulas, and the program reads no CSV.
 */
#include <string.h>

#include "report_int.h"

void csv_cell(strbuf *b, const char *text, int last)
{
    if (!text) text = "";
    int formula = strchr("=+-@\t\r", text[0]) && text[0];
    int quote = formula || strpbrk(text, ",\"\r\n") != NULL;
    if (quote) sb_puts(b, "\"");
    if (formula) sb_puts(b, "'");
    for (const char *p = text; *p; p++) {
        if (*p == '"') sb_puts(b, "\"");
        sb_add(b, p, 1);
    }
    if (quote) sb_puts(b, "\"");
    sb_puts(b, last ? "\r\n" : ",");
}

void csv_int(strbuf *b, long v, int last)
{
    sb_printf(b, "%ld%s", v, last ? "\r\n" : ",");
}

static void csv_row(strbuf *b, const char *const *cells, int n)
{
    for (int i = 0; i < n; i++) csv_cell(b, cells[i], i == n - 1);
}

/* The improvement plan --------------------------------------------------------- */

static const char *const plan_head[] = {"Area",
                                        "Core capability",
                                        "Objective",
                                        "Area for improvement",
                                        "Root cause",
                                        "Corrective action",
                                        "Capability element",
                                        "Responsible organisation, point of contact",
                                        "Start date",
                                        "Completion date"};

static void plan_area(strbuf *b, const session *s, int obs, const hseep_plan *p)
{
    const hseep_obs *o = &s->g->eval.obs[obs];
    csv_int(b, obs + 1, 0);
    csv_cell(b, hseep_capabilities[o->capability].name, 0);
    csv_cell(b, o->objective >= 0 ? s->sc->objectives[o->objective].title : "", 0);
    csv_cell(b, o->text, 0);
    csv_cell(b, o->cause, 0);
    csv_cell(b, p ? p->action : "", 0);
    csv_cell(b, p ? hseep_elements[p->element].name : "", 0);
    csv_cell(b, p ? p->owner : "", 0);
    csv_cell(b, p ? p->start : "", 0);
    csv_cell(b, p ? p->done : "", 1);
}

int report_plan_csv(const session *s, strbuf *out)
{
    if (!s || !s->g) return -1;
    const hseep_eval *e = &s->g->eval;
    csv_row(out, plan_head, (int)(sizeof plan_head / sizeof *plan_head));
    for (int i = 0; i < e->nobs; i++) {
        if (e->obs[i].kind != HSEEP_AREA) continue;
        int n = 0;
        for (int k = 0; k < e->nplan; k++)
            if (e->plan[k].obs == i) plan_area(out, s, i, &e->plan[k]), n++;
        if (!n) plan_area(out, s, i, NULL);
    }
    return 0;
}

/* The decision log ------------------------------------------------------------- */

static const char *const decision_head[] = {
    "Turn",           "When",   "Inject",    "Decided by",
    "Made by",        "Choice", "Rationale", "What really happened",
    "Same as history"};

static void decision_row(strbuf *b, const session *s, int item)
{
    const def_scenario *sc = s->sc;
    const game_item *it = &s->g->items[item];
    int hist = aar_historical(sc, &sc->events[it->event]);
    record_made m;
    char who[AAR_WHO_MAX];
    const char *kind = aar_item_made(s, item, &m, who, sizeof who);
    csv_int(b, it->turn, 0);
    csv_cell(b, game_turn_label(s->g, it->turn), 0);
    csv_cell(b, sc->events[it->event].title, 0);
    csv_cell(b, who, 0);
    csv_cell(b, kind, 0);
    csv_cell(b, it->option >= 0 ? sc->moves[it->option].label : "", 0);
    csv_cell(b, it->rationale, 0);
    csv_cell(b, hist >= 0 ? sc->moves[hist].label : "", 0);
    csv_cell(b, hist < 0 || it->option < 0 ? "" : hist == it->option ? "yes" : "no", 1);
}

int report_decisions_csv(const session *s, strbuf *out)
{
    if (!s || !s->g) return -1;
    csv_row(out, decision_head, (int)(sizeof decision_head / sizeof *decision_head));
    for (int i = 0; i < s->g->nitems; i++)
        if (aar_decided(s->g, i)) decision_row(out, s, i);
    return 0;
}
