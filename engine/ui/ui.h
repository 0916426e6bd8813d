/*
 * ui.h -- the SDL2 front end (`crisisroom play`). Every SDL and SDL_ttf call
 * of the program lives under engine/ui/. The GUI only sends command lines to
 * a session and reads the game's state; it never changes the game itself.
 */
#ifndef CR_UI_H
#define CR_UI_H

#include "opt.h"

/* play's arguments and options (opt.h): the front end that owns argv reads
   them by this table, which also makes `play --help`. */
extern const opt_cmd ui_play_cmd;

/* Play with what opt_parse read by ui_play_cmd (v[i] belongs to its
   opts[i]). Returns the process exit code. */
int ui_play(const opt_val *v, const opt_args *args);

#endif
