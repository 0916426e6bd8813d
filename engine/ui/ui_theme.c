/*
 * ui_theme.c -- the two palettes: a calm dark theme for long sessions in a
 * dim room, and a high-contrast one for projectors in daylight and for
 * players with low vision. Colour is never the only signal: every state
 * shown in colour also has a word, a number or a shape.
 */
#include "ui_app.h"

#define C(r, g, b)                                                                                 \
    {                                                                                              \
        r, g, b, 255                                                                               \
    }

static const ui_theme dark = {
    .name = "dark",
    .bg = C(0x12, 0x16, 0x1d),
    .panel = C(0x1b, 0x21, 0x2b),
    .raised = C(0x25, 0x2d, 0x3a),
    .border = C(0x36, 0x41, 0x51),
    .text = C(0xe8, 0xec, 0xf2),
    .dim = C(0xa3, 0xae, 0xbd),
    .accent = C(0x6c, 0xb4, 0xe0),
    .on_accent = C(0x0c, 0x1a, 0x26),
    .good = C(0x72, 0xc6, 0x8f),
    .bad = C(0xe8, 0x80, 0x72),
    .warn = C(0xe6, 0xbd, 0x62),
    .focus = C(0xff, 0xd8, 0x6b),
    .hover = C(0x2e, 0x38, 0x48),
    .unread = C(0x6c, 0xb4, 0xe0),
    .shadow = {0, 0, 0, 170},
    .roles = {C(0x6c, 0xb4, 0xe0), C(0xc5, 0x94, 0xe8), C(0x72, 0xc6, 0x8f), C(0xe6, 0xbd, 0x62),
              C(0xe8, 0x80, 0x72), C(0x7f, 0xd1, 0xc9)},
};

static const ui_theme contrast = {
    .name = "high contrast",
    .bg = C(0, 0, 0),
    .panel = C(0, 0, 0),
    .raised = C(0x1a, 0x1a, 0x1a),
    .border = C(0xff, 0xff, 0xff),
    .text = C(0xff, 0xff, 0xff),
    .dim = C(0xe6, 0xe6, 0xe6),
    .accent = C(0xff, 0xe0, 0x00),
    .on_accent = C(0, 0, 0),
    .good = C(0x4c, 0xff, 0x8a),
    .bad = C(0xff, 0x70, 0x70),
    .warn = C(0xff, 0xe0, 0x00),
    .focus = C(0x00, 0xe5, 0xff),
    .hover = C(0x33, 0x33, 0x33),
    .unread = C(0x00, 0xe5, 0xff),
    .shadow = {0, 0, 0, 220},
    .roles = {C(0x00, 0xe5, 0xff), C(0xff, 0x9c, 0xff), C(0x4c, 0xff, 0x8a), C(0xff, 0xe0, 0x00),
              C(0xff, 0x90, 0x70), C(0xff, 0xff, 0xff)},
};

const ui_theme *ui_theme_get(int high_contrast)
{
    return high_contrast ? &contrast : &dark;
}

SDL_Color ui_mix(SDL_Color a, SDL_Color b, float t)
{
    SDL_Color c;
    c.r = (Uint8)(a.r + (b.r - a.r) * t);
    c.g = (Uint8)(a.g + (b.g - a.g) * t);
    c.b = (Uint8)(a.b + (b.b - a.b) * t);
    c.a = (Uint8)(a.a + (b.a - a.a) * t);
    return c;
}

SDL_Color ui_role_color(const ui_app *a, int role)
{
    if (role < 0) return a->th->dim;
    return a->th->roles[role % 6];
}
