/*
 * ui_icons.c -- simple vector icons drawn with primitives, so that they
 * scale cleanly from a laptop to a 4K projector and need no image files.
 * Each draws inside a square r in colour c.
 */
#include "ui_app.h"

static float stroke(SDL_Rect r)
{
    float t = r.w / 11.0f;
    return t < 1.5f ? 1.5f : t;
}

static SDL_Rect sub(SDL_Rect r, float x, float y, float w, float h)
{
    return ui_rect(r.x + (int)(r.w * x), r.y + (int)(r.h * y), (int)(r.w * w), (int)(r.h * h));
}

static void phone(ui_app *a, SDL_Rect r, SDL_Color c)
{
    /* A handset seen from the side: a mobile, with its speaker and button. */
    SDL_Rect body = sub(r, 0.25f, 0.06f, 0.5f, 0.88f);
    int t = (int)stroke(r);
    ui_frame(a, body, r.w / 8, t, c);
    ui_fill(a, sub(r, 0.4f, 0.16f, 0.2f, 0.06f), c);
    ui_disc(a, r.x + r.w * 0.5f, r.y + r.h * 0.8f, r.w * 0.06f, c);
}

static void email(ui_app *a, SDL_Rect r, SDL_Color c)
{
    SDL_Rect env = sub(r, 0.06f, 0.2f, 0.88f, 0.6f);
    float t = stroke(r);
    ui_frame(a, env, r.w / 14, (int)t, c);
    ui_line(a, env.x + t, env.y + t, r.x + r.w * 0.5f, r.y + r.h * 0.54f, t, c);
    ui_line(a, env.x + env.w - t, env.y + t, r.x + r.w * 0.5f, r.y + r.h * 0.54f, t, c);
}

static void news(ui_app *a, SDL_Rect r, SDL_Color c)
{
    SDL_Rect page = sub(r, 0.08f, 0.14f, 0.84f, 0.72f);
    float t = stroke(r);
    ui_frame(a, page, r.w / 14, (int)t, c);
    ui_fill(a, sub(r, 0.2f, 0.27f, 0.26f, 0.2f), c);
    for (int i = 0; i < 2; i++)
        ui_line(a, r.x + r.w * 0.54f, r.y + r.h * (0.3f + 0.13f * i), r.x + r.w * 0.8f,
                r.y + r.h * (0.3f + 0.13f * i), t * 0.8f, c);
    for (int i = 0; i < 2; i++)
        ui_line(a, r.x + r.w * 0.2f, r.y + r.h * (0.58f + 0.13f * i), r.x + r.w * 0.8f,
                r.y + r.h * (0.58f + 0.13f * i), t * 0.8f, c);
}

static void social(ui_app *a, SDL_Rect r, SDL_Color c, SDL_Color bg)
{
    SDL_Rect bubble = sub(r, 0.06f, 0.14f, 0.88f, 0.56f);
    ui_round(a, bubble, r.w / 6, c);
    ui_tri(a, r.x + r.w * 0.24f, r.y + r.h * 0.66f, r.x + r.w * 0.46f, r.y + r.h * 0.66f,
           r.x + r.w * 0.2f, r.y + r.h * 0.9f, c);
    for (int i = 0; i < 3; i++)
        ui_disc(a, r.x + r.w * (0.3f + 0.2f * i), r.y + r.h * 0.42f, r.w * 0.065f, bg);
}

static void intel(ui_app *a, SDL_Rect r, SDL_Color c)
{
    /* An eye: two arcs and a pupil. */
    float t = stroke(r), cx = r.x + r.w * 0.5f, cy = r.y + r.h * 0.5f;
    const int n = 10;
    for (int side = -1; side <= 1; side += 2) {
        float px = r.x + r.w * 0.06f, py = cy;
        for (int i = 1; i <= n; i++) {
            float u = (float)i / n, x = r.x + r.w * (0.06f + 0.88f * u);
            float y = cy + side * r.h * 0.34f * 4 * u * (1 - u);
            ui_line(a, px, py, x, y, t, c);
            px = x, py = y;
        }
    }
    ui_disc(a, cx, cy, r.w * 0.15f, c);
}

static void brief(ui_app *a, SDL_Rect r, SDL_Color c)
{
    /* A clipboard with lines of text. */
    float t = stroke(r);
    SDL_Rect board = sub(r, 0.16f, 0.12f, 0.68f, 0.8f);
    ui_frame(a, board, r.w / 14, (int)t, c);
    ui_round(a, sub(r, 0.35f, 0.05f, 0.3f, 0.14f), r.w / 20, c);
    for (int i = 0; i < 3; i++)
        ui_line(a, r.x + r.w * 0.3f, r.y + r.h * (0.4f + 0.15f * i), r.x + r.w * 0.7f,
                r.y + r.h * (0.4f + 0.15f * i), t * 0.8f, c);
}

void ui_icon_channel(ui_app *a, int channel, SDL_Rect r, SDL_Color c)
{
    switch (channel) {
    case CH_PHONE:
        phone(a, r, c);
        break;
    case CH_EMAIL:
        email(a, r, c);
        break;
    case CH_NEWS:
        news(a, r, c);
        break;
    case CH_SOCIAL:
        social(a, r, c, a->th->panel);
        break;
    case CH_INTEL:
        intel(a, r, c);
        break;
    default:
        brief(a, r, c);
        break;
    }
}

/* dir: +1 up, -1 down, 0 flat (a dash). */
void ui_icon_arrow(ui_app *a, SDL_Rect r, int dir, SDL_Color c)
{
    float x0 = r.x + r.w * 0.15f, x1 = r.x + r.w * 0.85f, xm = r.x + r.w * 0.5f;
    if (dir > 0)
        ui_tri(a, xm, r.y + r.h * 0.15f, x1, r.y + r.h * 0.8f, x0, r.y + r.h * 0.8f, c);
    else if (dir < 0)
        ui_tri(a, x0, r.y + r.h * 0.2f, x1, r.y + r.h * 0.2f, xm, r.y + r.h * 0.85f, c);
    else
        ui_fill(a, sub(r, 0.2f, 0.42f, 0.6f, 0.16f), c);
}

void ui_icon_check(ui_app *a, SDL_Rect r, SDL_Color c)
{
    float t = stroke(r) * 1.3f;
    ui_line(a, r.x + r.w * 0.15f, r.y + r.h * 0.52f, r.x + r.w * 0.4f, r.y + r.h * 0.78f, t, c);
    ui_line(a, r.x + r.w * 0.4f, r.y + r.h * 0.78f, r.x + r.w * 0.88f, r.y + r.h * 0.24f, t, c);
}

void ui_icon_lock(ui_app *a, SDL_Rect r, SDL_Color c)
{
    float t = stroke(r);
    ui_round(a, sub(r, 0.2f, 0.45f, 0.6f, 0.45f), r.w / 12, c);
    ui_line(a, r.x + r.w * 0.32f, r.y + r.h * 0.46f, r.x + r.w * 0.32f, r.y + r.h * 0.28f, t, c);
    ui_line(a, r.x + r.w * 0.68f, r.y + r.h * 0.46f, r.x + r.w * 0.68f, r.y + r.h * 0.28f, t, c);
    ui_line(a, r.x + r.w * 0.3f, r.y + r.h * 0.25f, r.x + r.w * 0.5f, r.y + r.h * 0.12f, t, c);
    ui_line(a, r.x + r.w * 0.5f, r.y + r.h * 0.12f, r.x + r.w * 0.7f, r.y + r.h * 0.25f, t, c);
}

void ui_icon_card(ui_app *a, SDL_Rect r, SDL_Color c)
{
    float t = stroke(r);
    ui_frame(a, sub(r, 0.14f, 0.1f, 0.72f, 0.8f), r.w / 12, (int)t, c);
    ui_disc(a, r.x + r.w * 0.5f, r.y + r.h * 0.4f, r.w * 0.13f, c);
    ui_line(a, r.x + r.w * 0.3f, r.y + r.h * 0.7f, r.x + r.w * 0.7f, r.y + r.h * 0.7f, t, c);
}

void ui_icon_clock(ui_app *a, SDL_Rect r, SDL_Color c)
{
    float t = stroke(r), cx = r.x + r.w * 0.5f, cy = r.y + r.h * 0.5f;
    ui_ring(a, cx, cy, r.w * 0.4f, t, c);
    ui_line(a, cx, cy, cx, cy - r.h * 0.26f, t, c);
    ui_line(a, cx, cy, cx + r.w * 0.2f, cy, t, c);
}

void ui_icon_bolt(ui_app *a, SDL_Rect r, SDL_Color c)
{
    ui_tri(a, r.x + r.w * 0.58f, r.y + r.h * 0.05f, r.x + r.w * 0.2f, r.y + r.h * 0.58f,
           r.x + r.w * 0.52f, r.y + r.h * 0.55f, c);
    ui_tri(a, r.x + r.w * 0.48f, r.y + r.h * 0.45f, r.x + r.w * 0.8f, r.y + r.h * 0.42f,
           r.x + r.w * 0.4f, r.y + r.h * 0.95f, c);
}

void ui_icon_flag(ui_app *a, SDL_Rect r, SDL_Color c)
{
    float t = stroke(r);
    ui_line(a, r.x + r.w * 0.25f, r.y + r.h * 0.08f, r.x + r.w * 0.25f, r.y + r.h * 0.92f, t, c);
    ui_tri(a, r.x + r.w * 0.25f, r.y + r.h * 0.1f, r.x + r.w * 0.85f, r.y + r.h * 0.3f,
           r.x + r.w * 0.25f, r.y + r.h * 0.52f, c);
}
