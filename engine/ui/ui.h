/*
 * ui.h -- the SDL2 front end (`crisisroom play`). Every SDL and SDL_ttf call
 * of the program lives under engine/ui/. The GUI only sends command lines to
 * a session and reads the game's state; it never changes the game itself.
 */
#ifndef CR_UI_H
#define CR_UI_H

/* argv as given after the subcommand:
     [SCENARIO|SAVE] [--seed N] [--variant ID|random] [--save FILE]
     [--screenshot FILE.png --size WxH [--screen NAME] [--commands FILE]]
     [--scale F] [--fullscreen] [--high-contrast] [--bench-redraw]
   Returns the process exit code. */
int ui_play(int argc, char **argv);

#endif
