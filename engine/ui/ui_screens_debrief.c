/*
 * ui_screens_debrief.c -- after the last turn: the ending, the hidden truth
 * of the variant played, objectives with their HSEEP ratings, how the
 * intelligence assessment scored, a chart of every meter (hidden ones too)
 * over the turns, and each inject with the players' decision beside the
 * historical record, its note and its sources: what the debrief viewer sees
 * (view.h), never the facilitator's notes or override reasons. This game's
 * hidden truth and the record of what really happened are two things, each
 * under its own label (issue 14).
 */
#include <stdio.h>
#include <string.h>

#include "analysis.h"
#include "i18n.h"
#include "logtext.h"
#include "record.h"
#include "report.h"
#include "ui_app.h"
#include "util.h"

/* A label in the capitals of a section title. */
/* ASCII and the UTF-8 of Latin-1's accented letters (é, à, ç...: U+00E0
   to U+00FE but ÷, one byte below their capitals), so that a translated
   heading reads VÉRITÉ and not VéRITé. */
static void upper(const char *in, char *out, size_t size)
{
    size_t i = 0;
    for (; in[i] && i + 1 < size; i++) {
        unsigned char c = (unsigned char)in[i], n = (unsigned char)in[i + 1];
        out[i] = c >= 'a' && c <= 'z' ? (char)(c - 32) : in[i];
        if (c == 0xC3 && n >= 0xA0 && n <= 0xBE && n != 0xB7 && i + 2 < size) {
            out[++i] = (char)(n - 0x20);
        }
    }
    out[i] = '\0';
}

static SDL_Color rating_color(ui_app *a, char r)
{
    return r == 'P' ? a->th->good : r == 'S' ? a->th->accent : r == 'M' ? a->th->warn : a->th->bad;
}

static int section(ui_app *a, SDL_Rect r, int y, const char *title)
{
    ui_text(a, ST_H3, a->th->dim, ui_rect(r.x, y, r.w, ui_line_h(a, ST_H3)), title, TX_ELLIPSIS);
    return y + ui_line_h(a, ST_H3) + ui_px(a, 8);
}

static int objective(ui_app *a, SDL_Rect r, int y, int i)
{
    const def_objective *o = &a->ses->sc->objectives[i];
    char rt = a->ses->g->ratings[i] ? a->ses->g->ratings[i] : '?', letter[2] = {rt, 0};
    int b = ui_line_h(a, ST_H2), x = r.x + b + ui_px(a, 14), w = r.w - (x - r.x);
    ui_round(a, ui_rect(r.x, y, b, b), ui_px(a, 6), rating_color(a, rt));
    ui_text(a, ST_H2, a->th->on_accent, ui_rect(r.x, y, b, b), letter,
            TX_CENTER | TX_VCENTER | TX_ELLIPSIS);
    int y0 = y;
    y += ui_text(a, ST_BODY_B, a->th->text, ui_rect(x, y, w, 0), o->title, TX_FLOW);
    y += ui_text(a, ST_SMALL_B, rating_color(a, rt), ui_rect(x, y, w, 0), _(report_rating_text(rt)),
                 TX_FLOW);
    const char *text = game_objective_text(a->ses->g, i); /* computed at the end, maybe */
    if (*text) y += ui_text(a, ST_SMALL, a->th->dim, ui_rect(x, y, w, 0), text, TX_FLOW);
    if (y < y0 + b) y = y0 + b;
    return y + ui_px(a, 12);
}

/* How each analysis board's grading scored (analysis.h). */
static int analysis_score_section(ui_app *a, SDL_Rect body, int y, int gap)
{
    const game *g = a->ses->g;
    viewer who = ui_view(a);
    for (int b = 0; b < a->ses->sc->nboards; b++) {
        if (!analysis_is_board(a->ses->sc, b) || !view_sees_truth(&who, g)) continue;
        analysis_score s;
        analysis_score_of(g, b, &s);
        strbuf w = {0};
        analysis_score_words(g, &s, &w);
        y = section(a, body, y, _("THE INTELLIGENCE ASSESSMENT, SCORED"));
        y += ui_text(a, ST_BODY, a->th->text, ui_rect(body.x, y, body.w, 0), w.s, TX_FLOW) + gap;
        sb_free(&w);
    }
    return y;
}

static void summary(ui_app *a, SDL_Rect r)
{
    const def_scenario *sc = a->ses->sc;
    const game *g = a->ses->g;
    SDL_Rect body, view;
    int y0 = ui_scroll_panel(a, r, NULL, SREG_SIDE, &body, &view), y = y0, gap = ui_px(a, 18);
    const def_ending *e =
        g->ending >= 0 && g->ending < sc->nendings ? &sc->endings[g->ending] : NULL;
    y = section(a, body, y, _("ENDING"));
    y += ui_text(a, ST_H1, a->th->text, ui_rect(body.x, y, body.w, 0),
                 e ? e->title : _("The exercise was stopped"), TX_FLOW);
    if (e && *game_ending_text(g)) /* computed at the end when the scenario says so */
        y += ui_text(a, ST_BODY, a->th->text, ui_rect(body.x, y, body.w, 0), game_ending_text(g),
                     TX_FLOW);
    y += gap;
    viewer who = ui_view(a);
    if (g->variant >= 0 && g->variant < sc->nvariants && view_sees_truth(&who, g)) {
        const def_variant *v = &sc->variants[g->variant];
        char label[80];
        upper(_(LOGTEXT_TRUTH_LABEL), label, sizeof label);
        y = section(a, body, y, label);
        y += ui_text(a, ST_BODY_B, a->th->warn, ui_rect(body.x, y, body.w, 0), v->title, TX_FLOW);
        if (v->truth)
            y += ui_text(a, ST_BODY, a->th->text, ui_rect(body.x, y, body.w, 0), v->truth, TX_FLOW);
        y += gap;
    }
    int rated = view_sees_ratings(&who, g);
    if (sc->nobjectives && rated) y = section(a, body, y, _("OBJECTIVES (HSEEP RATINGS)"));
    for (int i = 0; i < sc->nobjectives && rated; i++) y = objective(a, body, y, i);
    y = analysis_score_section(a, body, y, gap);
    if (sc->nquestions) y = section(a, body, y + gap, _("FOR DISCUSSION"));
    for (int i = 0; i < sc->nquestions; i++) {
        char q[4300];
        int t = game_question_turn(g, i);
        if (t > 0)
            str_fmt(q, sizeof q, _("Turn %d, %s: %s"), t, game_turn_label(g, t), sc->questions[i]);
        else
            str_fmt(q, sizeof q, "%s", sc->questions[i]);
        y += ui_text(a, ST_BODY, a->th->text, ui_rect(body.x, y, body.w, 0), q, TX_FLOW) +
             ui_px(a, 8);
    }
    ui_scroll_end(a, SREG_SIDE, view, y - y0);
}

static void chart(ui_app *a, SDL_Rect r, int m)
{
    const def_meter *me = &a->ses->sc->meters[m];
    char title[200], range[64];
    str_fmt(title, sizeof title, "%s%s", me->name, me->hidden ? _(" (hidden)") : "");
    str_fmt(range, sizeof range, _("%.0f to %.0f"), me->start, a->ses->g->meter[m]);
    ui_round(a, r, ui_px(a, 8), a->th->raised);
    SDL_Rect in = ui_inset(r, ui_px(a, 12));
    SDL_Rect top = ui_cut_top(&in, ui_line_h(a, ST_SMALL_B), ui_px(a, 6));
    SDL_Rect rr =
        ui_cut_right(&top, ui_text_width(a, ST_SMALL_B, range) + ui_px(a, 4), ui_px(a, 8));
    ui_text(a, ST_SMALL_B, me->hidden ? a->th->warn : a->th->text, top, title, TX_ELLIPSIS);
    ui_text(a, ST_SMALL_B, a->th->dim, rr, range, TX_RIGHT | TX_ELLIPSIS);
    if (in.h > 8) ui_sparkline(a, in, m, me->hidden ? a->th->warn : a->th->accent, 1);
}

static void charts(ui_app *a, SDL_Rect r)
{
    SDL_Rect body;
    ui_panel(a, r, _("METERS OVER THE GAME (from the start to the end)"), &body);
    const game *g = a->ses->g;
    viewer v = ui_view(a);
    int n = 0;
    for (int i = view_next_meter(&v, g, -1); i >= 0; i = view_next_meter(&v, g, i)) n++;
    int cols = n > 4 ? 3 : n > 1 ? 2 : 1, rows = (n + cols - 1) / cols;
    int gap = ui_px(a, 10);
    if (!rows) return;
    int cw = (body.w - gap * (cols - 1)) / cols, ch = (body.h - gap * (rows - 1)) / rows, k = 0;
    for (int i = view_next_meter(&v, g, -1); i >= 0; i = view_next_meter(&v, g, i), k++)
        chart(a,
              ui_rect(body.x + (k % cols) * (cw + gap), body.y + (k / cols) * (ch + gap), cw, ch),
              i);
}

/* An inject's historical note and its sources in full, below its decision. */
static int note(ui_app *a, SDL_Rect r, int y, const def_event *e)
{
    const def_scenario *sc = a->ses->sc;
    viewer v = ui_view(a);
    if (e->note && view_sees_note(&v, a->ses->g, (int)(e - sc->events)))
        y += ui_text(a, ST_SMALL, a->th->text, ui_rect(r.x, y, r.w, 0), e->note, TX_FLOW) +
             ui_px(a, 2);
    if (!e->nsources) return y;
    strbuf s = {0};
    sb_puts(&s, e->nsources > 1 ? _("Sources: ") : _("Source: "));
    for (int i = 0; i < e->nsources; i++) {
        if (i) sb_puts(&s, "; ");
        logtext_citation(sc, e->sources[i], &s);
    }
    y += ui_text(a, ST_SMALL, a->th->dim, ui_rect(r.x, y, r.w, 0), s.s, TX_FLOW);
    sb_free(&s);
    return y;
}

/* The choice on an item and who made it (record.h: the team, the
   facilitator, a policy or a default; never the team for a policy's). */
static void chosen(ui_app *a, int item, const char *label, char *buf, size_t size)
{
    const game_item *it = &a->ses->g->items[item];
    viewer v = ui_view(a);
    const char *why = it->rationale && it->rationale[0] && view_sees_rationale(&v, a->ses->g, item)
                          ? it->rationale
                          : NULL;
    char who[200];
    record_maker_words(a->ses, record_decision_entry(a->ses, item), who, sizeof who);
    if (it->option < 0)
        str_fmt(buf, size, _("Left open"));
    else
        str_fmt(buf, size, "%s — %s%s%s%s", label, who, why ? ": “" : "", why ? why : "",
                why ? "”" : "");
}

static int decision(ui_app *a, SDL_Rect r, int y, int item)
{
    const def_scenario *sc = a->ses->sc;
    const game_item *it = &a->ses->g->items[item];
    int adhoc = it->event < 0;
    const def_event *e = adhoc ? NULL : &sc->events[it->event];
    int hist = adhoc ? -1 : def_historical_option(sc, it->event); /* none: it never happened */
    char chose[1200], real[400];
    if (e && !e->noptions) { /* an inject without a decision: its title and its note */
        y += ui_text(a, ST_BODY_B, a->th->text, ui_rect(r.x, y, r.w, 0), e->title, TX_FLOW) +
             ui_px(a, 2);
        return note(a, r, y, e) + ui_px(a, 14);
    }
    const char *label = it->option < 0 ? ""
                        : adhoc        ? it->opts[it->option]
                                       : sc->moves[it->option].label;
    chosen(a, item, label, chose, sizeof chose);
    if (adhoc)
        str_fmt(real, sizeof real, _("The facilitator's own decision (no history to compare)."));
    else if (hist < 0 && e->invented)
        str_fmt(real, sizeof real,
                _("This inject never really happened: a branch of the exercise."));
    else if (hist < 0)
        str_fmt(real, sizeof real, _("No historical choice recorded (invented inject)."));
    else
        str_fmt(real, sizeof real, _("%s: %s%s"), logtext_history_label(sc), sc->moves[hist].label,
                hist == it->option ? _(" — same as you") : "");
    int half = (r.w - ui_px(a, 16)) / 2, x2 = r.x + half + ui_px(a, 16);
    y += ui_text(a, ST_BODY_B, a->th->text, ui_rect(r.x, y, r.w, 0), adhoc ? it->title : e->title,
                 TX_FLOW) +
         ui_px(a, 2);
    int h1 = ui_text(a, ST_BODY, a->th->text, ui_rect(r.x, y, half, 0), chose, TX_FLOW);
    int h2 = ui_text(a, ST_BODY, hist == it->option && hist >= 0 ? a->th->good : a->th->dim,
                     ui_rect(x2, y, half, 0), real, TX_FLOW);
    y += (h1 > h2 ? h1 : h2) + ui_px(a, 4);
    return (e ? note(a, r, y, e) : y) + ui_px(a, 14);
}

static void decisions(ui_app *a, SDL_Rect r)
{
    const game *g = a->ses->g;
    SDL_Rect body, view;
    char title[160], label[120];
    upper(logtext_history_label(a->ses->sc), label, sizeof label);
    str_fmt(title, sizeof title, _("YOUR DECISIONS · %s · NOTES AND SOURCES"), label);
    int y0 = ui_scroll_panel(a, r, title, SREG_MAIN, &body, &view), y = y0;
    viewer v = ui_view(a);
    for (int i = view_next_item(&v, g, -1); i >= 0; i = view_next_item(&v, g, i)) {
        const def_event *e = g->items[i].event >= 0 ? &a->ses->sc->events[g->items[i].event] : NULL;
        if ((e && (e->noptions || (e->note && view_sees_note(&v, g, g->items[i].event)))) ||
            (!e && g->items[i].nopts))
            y = decision(a, body, y, i);
    }
    if (y == y0)
        y += ui_text(a, ST_BODY, a->th->dim, ui_rect(body.x, y, body.w, 0),
                     _("No decisions were taken."), TX_FLOW);
    ui_scroll_end(a, SREG_MAIN, view, y - y0);
}

/* "Write report": the after-action report (HTML) next to the save, and the
   path written or the reason it could not be, in plain sight. */
static void report_bar(ui_app *a, SDL_Rect *r)
{
    int bh = ui_line_h(a, ST_BODY_B) + ui_px(a, 22), gap = ui_px(a, 10);
    const char *msg = a->report_msg[0] ? a->report_msg
                                       : _("The after-action report (HTML) goes next to the save.");
    int mh = ui_text_h(a, ST_SMALL, msg, r->w);
    SDL_Rect m = ui_cut_bottom(r, mh, ui_px(a, 12));
    SDL_Rect b = ui_cut_bottom(r, bh, gap);
    SDL_Color c = !a->report_msg[0] ? a->th->dim : a->report_bad ? a->th->bad : a->th->good;
    ui_text(a, ST_SMALL, c, m, msg, 0);
    SDL_Rect w = ui_cut_right(&b, (b.w - gap) / 2, gap);
    ui_button(a, b, _("Write report"), ACT_REPORT, 0, 1);
    ui_button(a, w, _("What if…"), ACT_SCREEN, SCR_WHATIF, 0);
}

void ui_debrief_draw(ui_app *a)
{
    if (!a->ses->g->ended) {
        /* Before the end there is nothing to debrief: say so plainly. */
        SDL_Rect r = ui_chrome(a, _("Debrief"));
        ui_text(a, ST_H3, a->th->dim, r, _("The debrief opens when the exercise ends."),
                TX_CENTER | TX_VCENTER);
        return;
    }
    SDL_Rect r = ui_chrome(a, _("Debrief"));
    SDL_Rect left = ui_cut_left(&r, r.w * 38 / 100, ui_px(a, 16));
    report_bar(a, &left);
    summary(a, left);
    charts(a, ui_cut_top(&r, r.h * 46 / 100, ui_px(a, 16)));
    decisions(a, r);
}
