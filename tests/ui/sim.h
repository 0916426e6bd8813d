/*
 * sim.h -- synthetic input for the window's tests: a key, typed text, a
 * click on a widget found by its action, each followed by a frame, as a
 * person's input would be.
 */
#ifndef CR_TEST_UI_SIM_H
#define CR_TEST_UI_SIM_H

#include <stdio.h>

#include "ui_actions.h"
#include "ui_app.h"

static void sim_key(ui_app *a, SDL_Keycode k)
{
    SDL_Event e = {0};
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = k;
    ui_handle(a, &e);
    ui_render(a);
}

static void sim_type(ui_app *a, const char *text)
{
    SDL_Event e = {0};
    e.type = SDL_TEXTINPUT;
    snprintf(e.text.text, sizeof e.text.text, "%s", text);
    ui_handle(a, &e);
    ui_render(a);
}

/* Clicks the middle of the widget doing (action, arg); 0 when there is none
   in sight (scrolled out of its panel, a widget is there for Tab only). */
static int sim_click(ui_app *a, int action, int arg)
{
    for (int i = 0; i < a->nhits; i++) {
        const ui_hit *h = &a->hits[i];
        if (h->action != action || h->arg != arg || h->r.w <= 0 || h->r.h <= 0) continue;
        SDL_Event e = {0};
        e.type = SDL_MOUSEBUTTONDOWN;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = h->r.x + h->r.w / 2, e.button.y = h->r.y + h->r.h / 2;
        ui_handle(a, &e);
        ui_render(a);
        return 1;
    }
    return 0;
}

#endif
