/*
 * ui_screens_join.c -- the projector's join screen of `crisisroom host`: for
 * each team its name, a QR code of URL/join/CODE (Debian's libqrencode), the
 * address to type and the code as people type it (XXXX-XXXX-XXXX-XXXX), and
 * who has joined. F10 shows it and goes back.
 *
 * The room reads it from the back, so the cards share the screen to make the
 * codes as large as they can be, and each QR module is a whole number of
 * pixels (a blurred edge is what a phone camera fails on). The observers'
 * and the facilitator's codes are never drawn here: of the host's slots
 * (ui.h) the screen takes the teams' only; the console and the terminal
 * show the others.
 */
#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "i18n.h"
#include "ui_app.h"
#include "util.h"

#define JOIN_QUIET     4 /* light modules around a QR code (ISO/IEC 18004 asks for 4) */
#define JOIN_MODULE_PX 2 /* below it a camera across a room cannot resolve a module */

/* Sample data for the screenshot mode without a server (--screen join):
   a documentation address (RFC 5737) and codes in the host's form that it
   never issues (docs/protocol.md), which the ctest reads back from the QR
   codes. */
static const char sample_url[] = "http://192.0.2.10:8080/";
static const char *const sample_codes[] = {
    "SAMP-LE22-PM7Q-3KX2", "SAMP-LE33-AK4H-9WDC", "SAMP-LE44-MF8N-2TRV", "SAMP-LE55-SJ6B-YE7K",
    "SAMP-LE66-ZK7M-PAQ3", "SAMP-LE77-XR4Q-LUW5", "SAMP-LE88-WT3N-HSV6", "SAMP-LE99-VG2F-JRT8"};
static const char *const sample_who[] = {"Arta, Besnik", "Drita", "", "Gent, Ilir, Jona"};

static int count_names(const char *who)
{
    int n = *who != '\0';
    for (; *who; who++) n += *who == ',';
    return n;
}

void ui_join_sample(const ui_app *a, ui_join_screen *j)
{
    memset(j, 0, sizeof *j);
    str_fmt(j->url, sizeof j->url, "%s", sample_url);
    j->sample = 1;
    int n = a->ses ? a->ses->sc->nroles : 0;
    int ncodes = (int)(sizeof sample_codes / sizeof *sample_codes);
    j->nteams = n < ncodes ? n : ncodes;
    for (int i = 0; i < j->nteams; i++) {
        ui_join *t = &j->team[i];
        str_fmt(t->id, sizeof t->id, "%s", a->ses->sc->roles[i].id);
        str_fmt(t->name, sizeof t->name, "%s", a->ses->sc->roles[i].name);
        str_fmt(t->code, sizeof t->code, "%s", sample_codes[i]);
        str_fmt(t->url, sizeof t->url, "%sjoin/%s", sample_url, sample_codes[i]);
        if (i < (int)(sizeof sample_who / sizeof *sample_who))
            str_fmt(t->names, sizeof t->names, "%s", sample_who[i]);
        t->joined = t->online = count_names(t->names);
    }
}

/* What the screen shows: the host's teams (its first slots, in the roles'
   order: a slot whose id is not its role's ends the cards), or the sample
   without a host. */
void ui_join_get(const ui_app *a, ui_join_screen *j)
{
    const ui_host *h = a->host;
    if (!h || !a->ses) {
        ui_join_sample(a, j);
        return;
    }
    memset(j, 0, sizeof *j);
    str_fmt(j->url, sizeof j->url, "%s", h->url(h->ud));
    int n = h->slots(h->ud);
    for (int i = 0; i < n && i < a->ses->sc->nroles && i < UI_JOIN_MAX; i++) {
        if (h->join(h->ud, i, &j->team[i]) || strcmp(j->team[i].id, a->ses->sc->roles[i].id)) break;
        j->nteams = i + 1;
    }
}

/* "http://10.0.0.5:8080/" -> "http://10.0.0.5:8080": what people type. */
static void short_url(const char *url, char *out, size_t size)
{
    str_fmt(out, size, "%s", url);
    size_t n = strlen(out);
    if (n > 1 && out[n - 1] == '/') out[n - 1] = '\0';
}

/* The modules across a QR code of text, quiet zone included; 0 when
   libqrencode refuses it. */
static int qr_span(const char *text)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    int span = q ? q->width + 2 * JOIN_QUIET : 0;
    QRcode_free(q);
    return span;
}

/* The QR code of text in a white square centred in r, each module a whole
   number of pixels; returns the side drawn, 0 when it does not fit (or
   libqrencode refused the text). */
static int qr_draw(ui_app *a, SDL_Rect r, const char *text)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q) return 0;
    int span = q->width + 2 * JOIN_QUIET, room = r.w < r.h ? r.w : r.h;
    int mod = room / span, side = mod * span;
    if (mod < JOIN_MODULE_PX) {
        QRcode_free(q);
        return 0;
    }
    SDL_Color white = {255, 255, 255, 255}, black = {0, 0, 0, 255};
    int x0 = r.x + (r.w - side) / 2, y0 = r.y + (r.h - side) / 2;
    ui_fill(a, ui_rect(x0, y0, side, side), white);
    x0 += JOIN_QUIET * mod, y0 += JOIN_QUIET * mod;
    for (int y = 0; y < q->width; y++) {
        const unsigned char *row = q->data + (size_t)y * q->width;
        for (int x = 0; x < q->width; x++) { /* one rectangle per run of dark modules */
            if (!(row[x] & 1)) continue;
            int x1 = x;
            while (x1 + 1 < q->width && (row[x1 + 1] & 1)) x1++;
            ui_fill(a, ui_rect(x0 + x * mod, y0 + y * mod, (x1 - x + 1) * mod, mod), black);
            x = x1;
        }
    }
    QRcode_free(q);
    return side;
}

/* How the cards share the screen: their size, the QR codes' side and the
   style of the codes (one for every card, so that they line up). */
typedef struct join_grid {
    int cols, rows, w, h, side, code_style;
} join_grid;

/* The largest style in which every team's code fits a card's width. */
static int code_style(ui_app *a, const ui_join_screen *j, int w)
{
    static const int styles[] = {ST_DISPLAY, ST_H1, ST_H2};
    for (int s = 0; s < 2; s++) {
        int fits = 1;
        for (int i = 0; i < j->nteams && fits; i++)
            fits = ui_text_width(a, styles[s], j->team[i].code) <= w;
        if (fits) return styles[s];
    }
    return ST_H2;
}

/* The height of a card's text: name, full name, code, who has joined, and
   the gaps between them and the QR code. */
static int card_text_h(ui_app *a, int cs)
{
    return ui_line_h(a, ST_H2) + ui_line_h(a, ST_SMALL) + ui_line_h(a, cs) + ui_line_h(a, ST_BODY) +
           3 * ui_px(a, 10);
}

static join_grid grid_for(ui_app *a, SDL_Rect r, const ui_join_screen *j, int cols, int gap)
{
    join_grid g;
    int pad = ui_px(a, 14);
    g.cols = cols, g.rows = (j->nteams + cols - 1) / cols;
    g.w = (r.w - gap * (cols - 1)) / cols;
    g.h = (r.h - gap * (g.rows - 1)) / g.rows;
    g.code_style = code_style(a, j, g.w - 2 * pad);
    int text = card_text_h(a, g.code_style);
    g.side = g.h - 2 * pad - text < g.w - 2 * pad ? g.h - 2 * pad - text : g.w - 2 * pad;
    int span = qr_span(j->team[0].url); /* the codes are alike: one QR size fits all */
    if (span && g.side / span >= JOIN_MODULE_PX) g.side = g.side / span * span;
    if (g.side + text + 2 * pad < g.h) g.h = g.side + text + 2 * pad;
    return g;
}

/* The columns for n cards in r that give the largest QR codes. */
static join_grid best_grid(ui_app *a, SDL_Rect r, const ui_join_screen *j, int gap)
{
    join_grid best = grid_for(a, r, j, 1, gap);
    for (int cols = 2; cols <= j->nteams; cols++) {
        join_grid g = grid_for(a, r, j, cols, gap);
        if (g.side > best.side) best = g;
    }
    return best;
}

static void joined_line(ui_app *a, SDL_Rect r, const ui_join *t)
{
    char line[sizeof t->names + 64];
    if (!t->joined) {
        ui_text(a, ST_BODY, a->th->dim, r, _("Nobody has joined yet"), TX_CENTER | TX_ELLIPSIS);
        return;
    }
    str_fmt(line, sizeof line, _("%d joined%s%s"), t->joined, t->names[0] ? ": " : "", t->names);
    ui_text(a, ST_BODY_B, a->th->good, r, line, TX_CENTER | TX_ELLIPSIS);
}

/* One team's card: its names, QR code, code and who has joined. */
static void card(ui_app *a, SDL_Rect r, const ui_join_screen *j, int i, const join_grid *g)
{
    const def_role *ro = &a->ses->sc->roles[i];
    const ui_join *t = &j->team[i];
    int gap = ui_px(a, 10), cs = g->code_style;
    ui_round(a, r, ui_px(a, 10), a->th->panel);
    ui_fill(a, ui_rect(r.x, r.y, r.w, ui_px(a, 6)), ui_role_color(a, i));
    SDL_Rect in = ui_inset(r, ui_px(a, 14));
    const char *name = ro->shortname ? ro->shortname : ro->name;
    ui_text(a, ST_H2, ui_role_color(a, i), ui_cut_top(&in, ui_line_h(a, ST_H2), 0), name,
            TX_CENTER | TX_ELLIPSIS);
    ui_text(a, ST_SMALL, a->th->dim, ui_cut_top(&in, ui_line_h(a, ST_SMALL), gap), ro->name,
            TX_CENTER | TX_ELLIPSIS);
    SDL_Rect qr = ui_cut_top(&in, g->side, gap);
    if (!qr_draw(a, qr, t->url))
        ui_text(a, ST_BODY, a->th->warn, qr, _("The screen is too small for the QR code"),
                TX_CENTER | TX_VCENTER);
    ui_text(a, cs, a->th->text, ui_cut_top(&in, ui_line_h(a, cs), gap), t->code,
            TX_CENTER | TX_ELLIPSIS);
    joined_line(a, ui_cut_top(&in, ui_line_h(a, ST_BODY), 0), t);
}

/* The cards in rows, the last row and the whole grid centred. */
static void cards(ui_app *a, SDL_Rect r, const ui_join_screen *j)
{
    int n = j->nteams, gap = ui_px(a, 20);
    if (n <= 0) return;
    join_grid g = best_grid(a, r, j, gap);
    int y0 = r.y + (r.h - (g.rows * g.h + (g.rows - 1) * gap)) / 2;
    for (int i = 0; i < n; i++) {
        int row = i / g.cols, col = i % g.cols;
        int in_row = row == g.rows - 1 ? n - row * g.cols : g.cols;
        int x0 = r.x + (r.w - (in_row * g.w + (in_row - 1) * gap)) / 2;
        card(a, ui_rect(x0 + col * (g.w + gap), y0 + row * (g.h + gap), g.w, g.h), j, i, &g);
    }
}

static void heading(ui_app *a, SDL_Rect *r, const ui_join_screen *j)
{
    char line[sizeof j->url + 100], url[sizeof j->url];
    short_url(j->url, url, sizeof url);
    ui_text(a, ST_H1, a->th->text, ui_cut_top(r, ui_line_h(a, ST_H1), ui_px(a, 4)),
            _("Join the exercise: scan your team's code with a phone"), TX_CENTER | TX_ELLIPSIS);
    str_fmt(line, sizeof line, _("or open %s and type the code under it"), url);
    ui_text(a, ST_H2, a->th->accent, ui_cut_top(r, ui_line_h(a, ST_H2), ui_px(a, 20)), line,
            TX_CENTER | TX_ELLIPSIS);
}

static void footer(ui_app *a, SDL_Rect *r, const ui_join_screen *j)
{
    char line[600];
    str_fmt(line, sizeof line, _("%s%s · Observers: ask the facilitator for the observer code%s"),
            j->sample ? _("Sample codes (a screenshot without a server) · ") : "",
            a->ses->sc->title, a->host ? _(" · F10: the dashboard") : ".");
    ui_text(a, ST_SMALL, a->th->dim, ui_cut_bottom(r, ui_line_h(a, ST_SMALL), ui_px(a, 16)), line,
            TX_CENTER | TX_ELLIPSIS);
}

void ui_join_draw(ui_app *a)
{
    static ui_join_screen j; /* 16 lines of 1 KiB: not on the stack of every frame */
    ui_join_get(a, &j);
    int m = ui_px(a, 28);
    SDL_Rect r = ui_rect(m, ui_px(a, 18), a->pw - 2 * m, a->ph - ui_px(a, 18) - m);
    heading(a, &r, &j);
    footer(a, &r, &j);
    cards(a, r, &j);
}
