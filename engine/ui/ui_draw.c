/*
 * ui_draw.c -- drawing primitives (filled and outlined rounded rectangles,
 * thick lines, discs, triangles through SDL_RenderGeometry) and text.
 *
 * Rendering a line of text with SDL_ttf is the expensive part of a frame, so
 * each rendered line is kept as a texture keyed by style (face and pixel
 * size), colour and text; a change of scale or theme flushes the cache.
 * Widths of labels are kept too: measuring shapes the string every time.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datadir.h"
#include "ui_app.h"
#include "util.h"

/* Sizes of the text styles at 1080 pixels of height (design units). */
static const float tsize_units[TS_COUNT] = {20, 24, 27, 32, 42, 64};
static const char *const face_files[FACE_COUNT] = {"NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                                                   "NotoSans-Italic.ttf"};

static void width_flush(void);

/* Fonts ---------------------------------------------------------------------- */

static TTF_Font *open_face(ui_app *a, int face, int px)
{
    char path[UI_PATH_MAX + 64];
    if (!a->font_dir[0]) { /* no data folder has fonts (ui_find_dirs) */
        char looked[4 * UI_PATH_MAX];
        datadir_looked(DATADIR_FONTS, looked, sizeof looked);
        if (!a->font_err[0])
            str_fmt(a->font_err, sizeof a->font_err, "no fonts: looked in %s", looked);
        return NULL;
    }
    str_fmt(path, sizeof path, "%s/%s", a->font_dir, face_files[face]);
    TTF_Font *f = TTF_OpenFont(path, px);
    if (!f && !a->font_err[0])
        str_fmt(a->font_err, sizeof a->font_err, "cannot open font %s: %s", path, TTF_GetError());
    return f;
}

/* Opens every style at the current scale. A missing bold or italic face falls
   back to the regular one; without the regular face there is no text at all,
   and the caller reports it on stderr. */
int ui_fonts_open(ui_app *a)
{
    ui_fonts_close(a);
    a->font_err[0] = '\0';
    for (int sz = 0; sz < TS_COUNT; sz++) {
        int px = (int)(tsize_units[sz] * a->s + 0.5f);
        if (px < 8) px = 8;
        for (int face = 0; face < FACE_COUNT; face++) {
            int st = ST(face, sz);
            a->font[st] = open_face(a, face, px);
            a->font_px[st] = px;
        }
        for (int face = 1; face < FACE_COUNT; face++) {
            if (!a->font[ST(face, sz)] && a->font[ST(FACE_REG, sz)]) {
                a->font[ST(face, sz)] = open_face(a, FACE_REG, px);
                if (face == FACE_BOLD && a->font[ST(face, sz)])
                    TTF_SetFontStyle(a->font[ST(face, sz)], TTF_STYLE_BOLD);
            }
        }
        if (!a->font[ST(FACE_REG, sz)]) return -1;
    }
    return 0;
}

void ui_fonts_close(ui_app *a)
{
    ui_text_cache_flush();
    width_flush();
    for (int i = 0; i < ST_COUNT; i++) {
        if (a->font[i]) TTF_CloseFont(a->font[i]);
        a->font[i] = NULL;
    }
}

/* The text cache -------------------------------------------------------------- */

/* Bounded by count and by pixels: typing makes a new line of text per key,
   and at 3840x2160 a line of body text is a texture of up to ~500 KB. 48 MB
   is several screens' worth of text even at that size (a screen at 4K
   holds 10-14 MB, at 1920x1080 under 4 MB), so no frame flushes its own
   text. */
#define CACHE_SLOTS 4096
#define CACHE_LIMIT 3000
#define CACHE_BYTES (48 << 20)

typedef struct cache_entry {
    uint64_t hash;
    char *text;
    int style, w, h;
    SDL_Color c;
    SDL_Renderer *ren; /* a texture belongs to one renderer (one window) */
    SDL_Texture *tex;
} cache_entry;

static cache_entry cache[CACHE_SLOTS];
static int cache_count;
static size_t cache_bytes;

void ui_text_cache_flush(void)
{
    for (int i = 0; i < CACHE_SLOTS; i++) {
        if (cache[i].tex) SDL_DestroyTexture(cache[i].tex);
        free(cache[i].text);
        memset(&cache[i], 0, sizeof cache[i]);
    }
    cache_count = 0, cache_bytes = 0;
}

static uint64_t cache_key(int style, SDL_Color c, const char *text)
{
    uint64_t h = hash_i64(HASH_INIT, style);
    h = hash_i64(h, (int64_t)c.r << 24 | c.g << 16 | c.b << 8 | c.a);
    return hash_str(h, text);
}

static cache_entry *cache_find(SDL_Renderer *ren, int style, SDL_Color c, const char *text,
                               uint64_t h)
{
    for (unsigned i = (unsigned)h % CACHE_SLOTS;; i = (i + 1) % CACHE_SLOTS) {
        cache_entry *e = &cache[i];
        if (!e->text) return e;
        if (e->hash == h && e->ren == ren && e->style == style && !memcmp(&e->c, &c, sizeof c) &&
            !strcmp(e->text, text))
            return e;
    }
}

static cache_entry *text_texture(ui_app *a, int style, SDL_Color c, const char *text)
{
    if (cache_count >= CACHE_LIMIT || cache_bytes >= CACHE_BYTES) ui_text_cache_flush();
    uint64_t h = hash_i64(cache_key(style, c, text), (int64_t)(intptr_t)a->ren);
    cache_entry *e = cache_find(a->ren, style, c, text, h);
    if (e->text) return e->tex ? e : NULL;
    SDL_Surface *s = TTF_RenderUTF8_Blended(a->font[style], text, c);
    e->hash = h, e->ren = a->ren, e->style = style, e->c = c, e->text = xstrdup(text);
    cache_count++;
    if (!s) return NULL;
    e->tex = SDL_CreateTextureFromSurface(a->ren, s);
    e->w = s->w, e->h = s->h;
    cache_bytes += (size_t)s->w * (size_t)s->h * 4;
    SDL_FreeSurface(s);
    return e->tex ? e : NULL;
}

struct strbuf *ui_drawn;

int ui_draw_line(ui_app *a, int style, SDL_Color c, int x, int y, const char *text)
{
    if (!text || !text[0] || !a->font[style]) return 0;
    if (ui_drawn) sb_printf(ui_drawn, "%s\n", text);
    cache_entry *e = text_texture(a, style, c, text);
    if (!e) return 0;
    SDL_Rect dst = {x, y, e->w, e->h};
    SDL_RenderCopy(a->ren, e->tex, NULL, &dst);
    return e->w;
}

/* Widths of labels are asked for every frame (centring, chips, tabs, key
   hints), and TTF_SizeUTF8 shapes the whole string with HarfBuzz each time:
   they are kept by font and text. Fonts are per window and per scale, and
   closing one flushes this table, so a font pointer cannot be reused for a
   stale entry. */
#define WIDTH_SLOTS 2048

typedef struct width_entry {
    uint64_t hash;
    char *text;
    TTF_Font *font;
    int w;
} width_entry;

static width_entry widths[WIDTH_SLOTS];
static int nwidths;

static void width_flush(void)
{
    for (int i = 0; i < WIDTH_SLOTS; i++) free(widths[i].text);
    memset(widths, 0, sizeof widths);
    nwidths = 0;
}

int ui_text_width(ui_app *a, int style, const char *text)
{
    int w = 0, h = 0;
    if (!text || !text[0] || !a->font[style]) return 0;
    TTF_Font *f = a->font[style];
    uint64_t hash = hash_str(hash_i64(HASH_INIT, (int64_t)(intptr_t)f), text);
    unsigned i = (unsigned)hash % WIDTH_SLOTS;
    for (; widths[i].text; i = (i + 1) % WIDTH_SLOTS)
        if (widths[i].hash == hash && widths[i].font == f && !strcmp(widths[i].text, text))
            return widths[i].w;
    if (TTF_SizeUTF8(f, text, &w, &h)) return 0;
    if (nwidths >= WIDTH_SLOTS * 3 / 4) { /* keep probes short */
        width_flush();
        i = (unsigned)hash % WIDTH_SLOTS;
    }
    widths[i].hash = hash, widths[i].text = xstrdup(text), widths[i].font = f, widths[i].w = w;
    nwidths++;
    return w;
}

int ui_line_h(ui_app *a, int style)
{
    return a->font[style] ? TTF_FontLineSkip(a->font[style]) : a->font_px[style];
}

/* Shapes ---------------------------------------------------------------------- */

/* Opaque colours are drawn without blending. The software renderer blends
   every pixel of a blended rectangle, and draws a blended triangle through a
   temporary surface of its size; an opaque fill is a plain store, and looks
   the same. Translucent colours (fades, shadows) still blend. */
void ui_color(ui_app *a, SDL_Color c)
{
    SDL_SetRenderDrawBlendMode(a->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(a->ren, c.r, c.g, c.b, c.a);
}

void ui_fill(ui_app *a, SDL_Rect r, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0) return;
    ui_color(a, c);
    SDL_RenderFillRect(a->ren, &r);
}

static SDL_Vertex vtx(float x, float y, SDL_Color c)
{
    SDL_Vertex v = {{x, y}, c, {0, 0}};
    return v;
}

void ui_tri(ui_app *a, float x0, float y0, float x1, float y1, float x2, float y2, SDL_Color c)
{
    SDL_Vertex v[3] = {vtx(x0, y0, c), vtx(x1, y1, c), vtx(x2, y2, c)};
    ui_color(a, c);
    SDL_RenderGeometry(a->ren, NULL, v, 3, NULL, 0);
}

void ui_line(ui_app *a, float x0, float y0, float x1, float y1, float thick, SDL_Color c)
{
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len <= 0.001f) return;
    float nx = -dy / len * thick / 2, ny = dx / len * thick / 2;
    SDL_Vertex v[4] = {vtx(x0 + nx, y0 + ny, c), vtx(x1 + nx, y1 + ny, c), vtx(x1 - nx, y1 - ny, c),
                       vtx(x0 - nx, y0 - ny, c)};
    int idx[6] = {0, 1, 2, 0, 2, 3};
    ui_color(a, c);
    SDL_RenderGeometry(a->ren, NULL, v, 4, idx, 6);
}

static int segments(float radius)
{
    int n = (int)(radius * 1.5f);
    return n < 12 ? 12 : n > 96 ? 96 : n;
}

/* A pie slice from angle a0 to a1 (radians), used for discs and corners. */
static void sector(ui_app *a, float cx, float cy, float r, float a0, float a1, SDL_Color c)
{
    int n = segments(r) / 4 + 2;
    SDL_Vertex v[2 + 40];
    int idx[3 * 40];
    if (n > 40) n = 40;
    v[0] = vtx(cx, cy, c);
    for (int i = 0; i <= n; i++) {
        float t = a0 + (a1 - a0) * (float)i / (float)n;
        v[1 + i] = vtx(cx + cosf(t) * r, cy + sinf(t) * r, c);
    }
    for (int i = 0; i < n; i++) idx[3 * i] = 0, idx[3 * i + 1] = 1 + i, idx[3 * i + 2] = 2 + i;
    ui_color(a, c);
    SDL_RenderGeometry(a->ren, NULL, v, n + 2, idx, 3 * n);
}

void ui_disc(ui_app *a, float cx, float cy, float radius, SDL_Color c)
{
    for (int q = 0; q < 4; q++) sector(a, cx, cy, radius, UI_PI / 2 * q, UI_PI / 2 * (q + 1), c);
}

void ui_ring(ui_app *a, float cx, float cy, float radius, float thick, SDL_Color c)
{
    int n = segments(radius);
    float prevx = cx + radius, prevy = cy;
    for (int i = 1; i <= n; i++) {
        float t = 2 * UI_PI * (float)i / (float)n;
        float x = cx + cosf(t) * radius, y = cy + sinf(t) * radius;
        ui_line(a, prevx, prevy, x, y, thick, c);
        prevx = x, prevy = y;
    }
}

void ui_round(ui_app *a, SDL_Rect r, int radius, SDL_Color c)
{
    if (r.w <= 0 || r.h <= 0) return;
    if (radius * 2 > r.w) radius = r.w / 2;
    if (radius * 2 > r.h) radius = r.h / 2;
    if (radius < 2) {
        ui_fill(a, r, c);
        return;
    }
    /* Opaque overlaps are harmless; translucent fills use ui_fill instead. */
    ui_fill(a, ui_rect(r.x + radius, r.y, r.w - 2 * radius, r.h), c);
    ui_fill(a, ui_rect(r.x, r.y + radius, radius, r.h - 2 * radius), c);
    ui_fill(a, ui_rect(r.x + r.w - radius, r.y + radius, radius, r.h - 2 * radius), c);
    float rr = (float)radius, pi = UI_PI;
    sector(a, r.x + rr, r.y + rr, rr, pi, 1.5f * pi, c);
    sector(a, r.x + r.w - rr, r.y + rr, rr, 1.5f * pi, 2 * pi, c);
    sector(a, r.x + r.w - rr, r.y + r.h - rr, rr, 0, 0.5f * pi, c);
    sector(a, r.x + rr, r.y + r.h - rr, rr, 0.5f * pi, pi, c);
}

static void arc(ui_app *a, float cx, float cy, float r, float a0, float thick, SDL_Color c)
{
    const int n = 8;
    float px = cx + cosf(a0) * r, py = cy + sinf(a0) * r;
    for (int i = 1; i <= n; i++) {
        float t = a0 + UI_PI / 2 * (float)i / (float)n;
        float x = cx + cosf(t) * r, y = cy + sinf(t) * r;
        ui_line(a, px, py, x, y, thick, c);
        px = x, py = y;
    }
}

void ui_frame(ui_app *a, SDL_Rect r, int radius, int thick, SDL_Color c)
{
    if (thick < 1) thick = 1;
    if (radius * 2 > r.w) radius = r.w / 2;
    if (radius * 2 > r.h) radius = r.h / 2;
    float h = thick / 2.0f, rr = (float)radius, pi = UI_PI;
    float x0 = r.x + h, y0 = r.y + h, x1 = r.x + r.w - h, y1 = r.y + r.h - h;
    ui_fill(a, ui_rect(r.x + radius, r.y, r.w - 2 * radius, thick), c);
    ui_fill(a, ui_rect(r.x + radius, r.y + r.h - thick, r.w - 2 * radius, thick), c);
    ui_fill(a, ui_rect(r.x, r.y + radius, thick, r.h - 2 * radius), c);
    ui_fill(a, ui_rect(r.x + r.w - thick, r.y + radius, thick, r.h - 2 * radius), c);
    if (radius < 2) return;
    float ar = rr - h;
    arc(a, x0 + ar, y0 + ar, ar, pi, (float)thick, c);
    arc(a, x1 - ar, y0 + ar, ar, 1.5f * pi, (float)thick, c);
    arc(a, x1 - ar, y1 - ar, ar, 0, (float)thick, c);
    arc(a, x0 + ar, y1 - ar, ar, 0.5f * pi, (float)thick, c);
}
