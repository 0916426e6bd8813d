/*
 * ui_screens_join.c -- the projector's join screen of `crisisroom host`: for
 * each team its name, a QR code of URL/join/CODE (Debian's libqrencode), the
 * address to type and the code in groups of four, and who has joined.
 *
 * The room reads it from the back, so the cards share the screen to make the
 * codes as large as they can be, and each QR module is a whole number of
 * pixels (a blurred edge is what a phone camera fails on). The observers'
 * and the facilitator's codes are never drawn here: ui_join holds no field
 * for them (the console and the terminal show them).
 */
#include <qrencode.h>
#include <stdio.h>
#include <string.h>

#include "ui_app.h"
#include "util.h"

#define JOIN_QUIET     4 /* light modules around a QR code (ISO/IEC 18004 asks for 4) */
#define JOIN_GROUP     4 /* characters of a code between two spaces, as people read them */
#define JOIN_MODULE_PX 2 /* below it a camera across a room cannot resolve a module */

/* Sample data for the screenshot mode without a server (--screen join):
   a documentation address (RFC 5737) and codes no server ever issues, which
   the ctest reads back from the QR codes. */
static const char sample_url[] = "http://192.0.2.10:8080/";
static const char *const sample_codes[] = {"SAMPLEPM7Q3KX2", "SAMPLEAK4H9WDC", "SAMPLEMF8N2TRV",
                                           "SAMPLESI5J6BYE", "SAMPLE05ZK7MPA", "SAMPLE06XR4QLU",
                                           "SAMPLE07WT3NHS", "SAMPLE08VG2FJO"};
static const char *const sample_who[] = {"Arta, Besnik", "Drita", "", "Gent, Ilir, Jona"};

static int count_names(const char *who)
{
    int n = *who != '\0';
    for (; *who; who++) n += *who == ',';
    return n;
}

void ui_join_sample(const ui_app *a, ui_join *j)
{
    memset(j, 0, sizeof *j);
    str_fmt(j->url, sizeof j->url, "%s", sample_url);
    j->sample = 1;
    int n = a->ses ? a->ses->sc->nroles : 0;
    int ncodes = (int)(sizeof sample_codes / sizeof *sample_codes);
    j->nteams = n < ncodes ? n : ncodes;
    for (int i = 0; i < j->nteams; i++) {
        ui_join_team *t = &j->team[i];
        str_fmt(t->code, sizeof t->code, "%s", sample_codes[i]);
        if (i < (int)(sizeof sample_who / sizeof *sample_who))
            str_fmt(t->who, sizeof t->who, "%s", sample_who[i]);
        t->joined = count_names(t->who);
    }
}

/* What the screen shows: the host's codes, or the sample without one. */
void ui_join_get(const ui_app *a, ui_join *j)
{
    ui_join_sample(a, j);
}

/* "http://10.0.0.5:8080/" -> "http://10.0.0.5:8080": what people type. */
static void short_url(const char *url, char *out, size_t size)
{
    str_fmt(out, size, "%s", url);
    size_t n = strlen(out);
    if (n > 1 && out[n - 1] == '/') out[n - 1] = '\0';
}

/* "K7QF3MZPXW2A9" -> "K7QF 3MZP XW2A 9": the page takes it with or without
   the spaces (assets/web/index.html). */
static void grouped(const char *code, char *out, size_t size)
{
    size_t o = 0;
    for (size_t i = 0; code[i] && o + 2 < size; i++) {
        if (i && i % JOIN_GROUP == 0) out[o++] = ' ';
        out[o++] = code[i];
    }
    out[o] = '\0';
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

static void join_url(const ui_join *j, int i, char *out, size_t size)
{
    str_fmt(out, size, "%sjoin/%s", j->url, j->team[i].code);
}

/* How the cards share the screen: their size, the QR codes' side and the
   style of the codes (one for every card, so that they line up). */
typedef struct join_grid {
    int cols, rows, w, h, side, code_style;
} join_grid;

/* The largest style in which every team's code fits a card's width. */
static int code_style(ui_app *a, const ui_join *j, int w)
{
    static const int styles[] = {ST_DISPLAY, ST_H1, ST_H2};
    for (int s = 0; s < 2; s++) {
        int fits = 1;
        for (int i = 0; i < j->nteams && fits; i++) {
            char typed[2 * sizeof j->team[i].code];
            grouped(j->team[i].code, typed, sizeof typed);
            fits = ui_text_width(a, styles[s], typed) <= w;
        }
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

static join_grid grid_for(ui_app *a, SDL_Rect r, const ui_join *j, int cols, int gap)
{
    join_grid g;
    int pad = ui_px(a, 14);
    g.cols = cols, g.rows = (j->nteams + cols - 1) / cols;
    g.w = (r.w - gap * (cols - 1)) / cols;
    g.h = (r.h - gap * (g.rows - 1)) / g.rows;
    g.code_style = code_style(a, j, g.w - 2 * pad);
    int text = card_text_h(a, g.code_style);
    g.side = g.h - 2 * pad - text < g.w - 2 * pad ? g.h - 2 * pad - text : g.w - 2 * pad;
    char url[sizeof j->url + sizeof j->team[0].code + 8];
    join_url(j, 0, url, sizeof url); /* the codes are alike: one QR size fits all */
    int span = qr_span(url);
    if (span && g.side / span >= JOIN_MODULE_PX) g.side = g.side / span * span;
    if (g.side + text + 2 * pad < g.h) g.h = g.side + text + 2 * pad;
    return g;
}

/* The columns for n cards in r that give the largest QR codes. */
static join_grid best_grid(ui_app *a, SDL_Rect r, const ui_join *j, int gap)
{
    join_grid best = grid_for(a, r, j, 1, gap);
    for (int cols = 2; cols <= j->nteams; cols++) {
        join_grid g = grid_for(a, r, j, cols, gap);
        if (g.side > best.side) best = g;
    }
    return best;
}

static void joined_line(ui_app *a, SDL_Rect r, const ui_join_team *t)
{
    char line[sizeof t->who + 64];
    if (!t->joined) {
        ui_text(a, ST_BODY, a->th->dim, r, "Nobody has joined yet", TX_CENTER | TX_ELLIPSIS);
        return;
    }
    str_fmt(line, sizeof line, "%d joined%s%s", t->joined, t->who[0] ? ": " : "", t->who);
    ui_text(a, ST_BODY_B, a->th->good, r, line, TX_CENTER | TX_ELLIPSIS);
}

/* One team's card: its names, QR code, code and who has joined. */
static void card(ui_app *a, SDL_Rect r, const ui_join *j, int i, const join_grid *g)
{
    const def_role *ro = &a->ses->sc->roles[i];
    const ui_join_team *t = &j->team[i];
    int gap = ui_px(a, 10), cs = g->code_style;
    char url[sizeof j->url + sizeof t->code + 8], typed[2 * sizeof t->code];
    join_url(j, i, url, sizeof url);
    grouped(t->code, typed, sizeof typed);
    ui_round(a, r, ui_px(a, 10), a->th->panel);
    ui_fill(a, ui_rect(r.x, r.y, r.w, ui_px(a, 6)), ui_role_color(a, i));
    SDL_Rect in = ui_inset(r, ui_px(a, 14));
    const char *name = ro->shortname ? ro->shortname : ro->name;
    ui_text(a, ST_H2, ui_role_color(a, i), ui_cut_top(&in, ui_line_h(a, ST_H2), 0), name,
            TX_CENTER | TX_ELLIPSIS);
    ui_text(a, ST_SMALL, a->th->dim, ui_cut_top(&in, ui_line_h(a, ST_SMALL), gap), ro->name,
            TX_CENTER | TX_ELLIPSIS);
    SDL_Rect qr = ui_cut_top(&in, g->side, gap);
    if (!qr_draw(a, qr, url))
        ui_text(a, ST_BODY, a->th->warn, qr, "The screen is too small for the QR code",
                TX_CENTER | TX_VCENTER);
    ui_text(a, cs, a->th->text, ui_cut_top(&in, ui_line_h(a, cs), gap), typed,
            TX_CENTER | TX_ELLIPSIS);
    joined_line(a, ui_cut_top(&in, ui_line_h(a, ST_BODY), 0), t);
}

/* The cards in rows, the last row and the whole grid centred. */
static void cards(ui_app *a, SDL_Rect r, const ui_join *j)
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

static void heading(ui_app *a, SDL_Rect *r, const ui_join *j)
{
    char line[sizeof j->url + 100], url[sizeof j->url];
    short_url(j->url, url, sizeof url);
    ui_text(a, ST_H1, a->th->text, ui_cut_top(r, ui_line_h(a, ST_H1), ui_px(a, 4)),
            "Join the exercise: scan your team's code with a phone", TX_CENTER | TX_ELLIPSIS);
    str_fmt(line, sizeof line, "or open %s and type the code under it", url);
    ui_text(a, ST_H2, a->th->accent, ui_cut_top(r, ui_line_h(a, ST_H2), ui_px(a, 20)), line,
            TX_CENTER | TX_ELLIPSIS);
}

static void footer(ui_app *a, SDL_Rect *r, const ui_join *j)
{
    char line[600];
    str_fmt(line, sizeof line, "%s%s · Observers: ask the facilitator for the observer code.",
            j->sample ? "Sample codes (a screenshot without a server) · " : "", a->ses->sc->title);
    ui_text(a, ST_SMALL, a->th->dim, ui_cut_bottom(r, ui_line_h(a, ST_SMALL), ui_px(a, 16)), line,
            TX_CENTER | TX_ELLIPSIS);
}

void ui_join_draw(ui_app *a)
{
    ui_join j;
    ui_join_get(a, &j);
    int m = ui_px(a, 28);
    SDL_Rect r = ui_rect(m, ui_px(a, 18), a->pw - 2 * m, a->ph - ui_px(a, 18) - m);
    heading(a, &r, &j);
    footer(a, &r, &j);
    cards(a, r, &j);
}
