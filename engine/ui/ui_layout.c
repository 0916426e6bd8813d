/*
 * ui_layout.c -- wrapped text in boxes.
 *
 * Every text is laid out in a box. When it does not fit (more lines than the
 * box holds) the lines that fit are drawn, never spilling onto a neighbour,
 * and the overflow is recorded: tests render every screen at several sizes
 * and require that none was recorded. One-line labels may be cut with an
 * ellipsis by choice (TX_ELLIPSIS), and so may a text kept to the lines of
 * its box (TX_CLAMP: a summary whose whole is shown elsewhere); that is not
 * an overflow.
 */
#include <stdio.h>
#include <string.h>

#include "ui_app.h"
#include "util.h"

#define MAX_OVERFLOWS 64

static char overflows[MAX_OVERFLOWS][160];
static int noverflows;

void ui_layout_reset(void)
{
    noverflows = 0;
}

int ui_layout_overflows(void)
{
    return noverflows;
}

const char *ui_layout_overflow(int i)
{
    return i >= 0 && i < noverflows && i < MAX_OVERFLOWS ? overflows[i] : "";
}

void ui_layout_note(const char *what, const SDL_Rect *r, int need)
{
    if (noverflows < MAX_OVERFLOWS)
        str_fmt(overflows[noverflows], sizeof overflows[0],
                "'%.60s' needs %d px, box %dx%d at %d,%d", what, need, r->w, r->h, r->x, r->y);
    noverflows++;
}

/* Wrapping -------------------------------------------------------------------- */

/* A text laid out at a width: its lines (WRAP_LINES), or for a one-line
   label the bytes kept before "…" (WRAP_CUT: n, -1 when it fits whole). */
enum { WRAP_LINES, WRAP_CUT };

typedef struct wrap {
    uint64_t hash;
    char *text;
    int kind, style, px, width;
    int n;
    int *start, *len;
} wrap;

#define WRAP_SLOTS 1024
static wrap wraps[WRAP_SLOTS];
static int nwraps;

static void wrap_flush(void)
{
    for (int i = 0; i < WRAP_SLOTS; i++) {
        free(wraps[i].text), free(wraps[i].start), free(wraps[i].len);
        memset(&wraps[i], 0, sizeof wraps[i]);
    }
    nwraps = 0;
}

/* Not through ui_text_width's cache: wrapping measures every prefix of a
   line once, and its results are cached whole (below). */
static int measure(ui_app *a, int style, const char *s, int n)
{
    char buf[1024];
    int w = 0, h = 0;
    if (n >= (int)sizeof buf) n = (int)sizeof buf - 1;
    if (n <= 0) return 0;
    memcpy(buf, s, (size_t)n);
    buf[n] = '\0';
    return TTF_SizeUTF8(a->font[style], buf, &w, &h) ? 0 : w;
}

static int utf8_next(const char *s, int i)
{
    i++;
    while ((s[i] & 0xC0) == 0x80) i++;
    return i;
}

/* The longest prefix of s[0..n) no wider than width, at least one character. */
static int fit_chars(ui_app *a, int style, const char *s, int n, int width)
{
    int best = utf8_next(s, 0);
    for (int i = best; i < n; i = utf8_next(s, i)) {
        if (measure(a, style, s, utf8_next(s, i)) > width) break;
        best = utf8_next(s, i);
    }
    return best > n ? n : best;
}

static void push_line(wrap *w, int *cap, int start, int len)
{
    if (w->n == *cap) {
        *cap = *cap ? *cap * 2 : 8;
        w->start = xrealloc(w->start, sizeof(int) * (size_t)*cap);
        w->len = xrealloc(w->len, sizeof(int) * (size_t)*cap);
    }
    w->start[w->n] = start, w->len[w->n] = len, w->n++;
}

/* Greedy word wrap of one paragraph [p, end). */
static void wrap_para(ui_app *a, int style, const char *t, int p, int end, int width, wrap *w,
                      int *cap)
{
    if (p == end) {
        push_line(w, cap, p, 0);
        return;
    }
    while (p < end) {
        int line_end = p, i = p;
        while (i < end) {
            int word_end = i;
            while (word_end < end && t[word_end] == ' ') word_end++;
            while (word_end < end && t[word_end] != ' ') word_end++;
            if (measure(a, style, t + p, word_end - p) > width) break;
            line_end = i = word_end;
        }
        if (line_end == p) /* a word wider than the box: cut it */
            line_end = p + fit_chars(a, style, t + p, end - p, width);
        push_line(w, cap, p, line_end - p);
        p = line_end;
        while (p < end && t[p] == ' ') p++;
    }
}

/* The cached layout of text, or a new empty slot for it (*fresh set). */
static wrap *find_wrap(ui_app *a, int kind, int style, const char *text, int width, int *fresh)
{
    uint64_t h = hash_i64(hash_i64(hash_i64(HASH_INIT, style), a->font_px[style]), width);
    h = hash_str(hash_i64(h, kind), text);
    unsigned i = (unsigned)h % WRAP_SLOTS;
    *fresh = 0;
    for (;; i = (i + 1) % WRAP_SLOTS) {
        wrap *w = &wraps[i];
        if (!w->text) break;
        if (w->hash == h && w->kind == kind && w->style == style && w->px == a->font_px[style] &&
            w->width == width && !strcmp(w->text, text))
            return w;
    }
    if (nwraps > WRAP_SLOTS * 3 / 4) {
        wrap_flush();
        i = (unsigned)h % WRAP_SLOTS;
    }
    wrap *w = &wraps[i];
    w->hash = h, w->kind = kind, w->style = style, w->px = a->font_px[style], w->width = width;
    w->text = xstrdup(text);
    nwraps++;
    *fresh = 1;
    return w;
}

static wrap *get_wrap(ui_app *a, int style, const char *text, int width)
{
    int fresh;
    wrap *w = find_wrap(a, WRAP_LINES, style, text, width, &fresh);
    if (!fresh) return w;
    int cap = 0, n = (int)strlen(text), p = 0;
    while (p <= n) {
        const char *nl = strchr(text + p, '\n');
        int end = nl ? (int)(nl - text) : n;
        wrap_para(a, style, text, p, end, width, w, &cap);
        p = end + 1;
    }
    return w;
}

/* The bytes of a one-line label kept before "…" in width, -1 when it fits
   whole; only the first line of a text with newlines is shown. Cached:
   finding the cut measures the label once per character. */
static int get_cut(ui_app *a, int style, const char *text, int width)
{
    int fresh;
    wrap *w = find_wrap(a, WRAP_CUT, style, text, width, &fresh);
    if (!fresh) return w->n;
    const char *nl = strchr(text, '\n');
    int n = nl ? (int)(nl - text) : (int)strlen(text);
    if (!nl && ui_text_width(a, style, text) <= width) return w->n = -1;
    int dots = ui_text_width(a, style, "…");
    int k = width > dots ? fit_chars(a, style, text, n, width - dots) : 0;
    while (k > 0 && text[k - 1] == ' ') k--;
    return w->n = k;
}

/* Text in boxes --------------------------------------------------------------- */

static void draw_span(ui_app *a, int style, SDL_Color c, SDL_Rect box, int y, const char *s, int n,
                      int flags)
{
    char buf[1024];
    if (n >= (int)sizeof buf) n = (int)sizeof buf - 1;
    memcpy(buf, s, (size_t)n);
    buf[n] = '\0';
    int x = box.x;
    if (flags & (TX_CENTER | TX_RIGHT)) {
        int w = ui_text_width(a, style, buf);
        x = flags & TX_CENTER ? box.x + (box.w - w) / 2 : box.x + box.w - w;
    }
    ui_draw_line(a, style, c, x, y, buf);
}

static int ellipsis_line(ui_app *a, int style, SDL_Color c, SDL_Rect box, const char *text,
                         int flags)
{
    int lh = ui_line_h(a, style);
    int y = flags & TX_VCENTER ? box.y + (box.h - lh) / 2 : box.y;
    if (!(flags & TX_FLOW) && lh > box.h + 2) ui_layout_note(text, &box, lh);
    if (flags & TX_MEASURE) return lh;
    int k = get_cut(a, style, text, box.w);
    if (k < 0) {
        draw_span(a, style, c, box, y, text, (int)strlen(text), flags);
        return lh;
    }
    char buf[1024];
    str_fmt(buf, sizeof buf, "%.*s…", k, text);
    draw_span(a, style, c, box, y, buf, (int)strlen(buf), flags);
    return lh;
}

/* The lines that fit, the last of them the rest of the text cut with "…". */
static int clamped(ui_app *a, int style, SDL_Color c, SDL_Rect box, const char *text, const wrap *w,
                   int flags)
{
    int lh = ui_line_h(a, style), fit = box.h / lh;
    if (fit < 1) fit = 1;
    if (flags & TX_MEASURE) return fit * lh;
    const char *rest = text + w->start[fit - 1]; /* before the cut's lookup may flush w */
    for (int i = 0; i + 1 < fit; i++)
        if (w->len[i])
            draw_span(a, style, c, box, box.y + i * lh, text + w->start[i], w->len[i], flags);
    SDL_Rect last = ui_rect(box.x, box.y + (fit - 1) * lh, box.w, lh);
    ellipsis_line(a, style, c, last, rest, flags & TX_CENTER);
    return fit * lh;
}

int ui_text(ui_app *a, int style, SDL_Color c, SDL_Rect box, const char *text, int flags)
{
    if (!text) text = "";
    if (!a->font[style] || box.w <= 0) return 0;
    if (flags & TX_ELLIPSIS) return ellipsis_line(a, style, c, box, text, flags);
    wrap *w = get_wrap(a, style, text, box.w);
    int lh = ui_line_h(a, style), h = w->n * lh;
    int fit = w->n;
    if ((flags & TX_CLAMP) && h > box.h + 2) return clamped(a, style, c, box, text, w, flags);
    if (!(flags & TX_FLOW) && h > box.h + 2) {
        ui_layout_note(text, &box, h);
        fit = box.h / lh;
    }
    if (flags & TX_MEASURE) return h;
    int y = box.y;
    if ((flags & TX_VCENTER) && h < box.h) y += (box.h - h) / 2;
    for (int i = 0; i < fit; i++, y += lh) {
        if (w->len[i] == 0) continue;
        draw_span(a, style, c, box, y, text + w->start[i], w->len[i], flags);
    }
    return h;
}

int ui_text_h(ui_app *a, int style, const char *text, int width)
{
    if (!text || !a->font[style] || width <= 0) return 0;
    return get_wrap(a, style, text, width)->n * ui_line_h(a, style);
}
