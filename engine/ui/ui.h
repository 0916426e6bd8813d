/*
 * ui.h -- the SDL2 front end (`crisisroom play`). Every SDL and SDL_ttf call
 * of the program lives under engine/ui/. The GUI only sends command lines to
 * a session and reads the game's state; it never changes the game itself.
 */
#ifndef CR_UI_H
#define CR_UI_H

#include <stddef.h>

#include "opt.h"

/* play's arguments and options (opt.h): the front end that owns argv reads
   them by this table, which also makes `play --help`. */
extern const opt_cmd ui_play_cmd;

/* Play with what opt_parse read by ui_play_cmd (v[i] belongs to its
   opts[i]). Returns the process exit code. */
int ui_play(const opt_val *v, const opt_args *args);

/* The room over the network (`crisisroom host`) ----------------------------------

   The window is then the projector's view (what an observer sees) and the
   facilitator's console; the teams play on their own devices. engine/cli
   fills ui_host with the server's functions (engine/net), so that the window
   never includes the server's headers. Every callback runs on the window's
   thread except the waker, which the server calls from its own threads. */
struct session;
struct script;

/* One line of the join screen: a team, the observers or the facilitator. */
typedef struct ui_join {
    char name[128];  /* the team's name, "Observers", "Facilitator" */
    char id[64];     /* the role's id, "observer", "facilitator" */
    char code[32];   /* the short form people type: XXXX-XXXX-XXXX-XXXX */
    char url[256];   /* URL/join/CODE: what the QR code holds */
    int joined;      /* participants who joined with the code */
    int online;      /* connections open now */
    char names[512]; /* who has joined, ", " between names ("" none) */
} ui_join;

typedef struct ui_host {
    void *ud;
    /* Apply what came over the network and publish what changed; the loop
       calls it every time it wakes. 1 when the game or the room changed. */
    int (*poll)(void *ud, struct session *s);
    /* Milliseconds until poll must run again with no event (the turn's
       timer), -1 none. */
    int (*wait_ms)(void *ud);
    /* The window gives the server a way to wake it from any thread. */
    void (*set_waker)(void *ud, void (*wake)(void *arg), void *arg);
    /* The join screen: the address to use (http://ADDR:PORT/), the number
       of slots (the teams in order, then observers, then the facilitator)
       and each one's line (0, or -1 out of range). */
    const char *(*url)(void *ud);
    int (*slots)(void *ud);
    int (*join)(void *ud, int slot, ui_join *out);
    /* The console: a new code for a slot (a lost phone); 0 or -1 with err. */
    int (*revoke)(void *ud, int slot, char *err, size_t errlen);
    /* The move timer on every device (the game's `timer`, journaled by the
       server): minutes (0 off); closes 1 the turn closes at zero, 0 not, -1
       as it was. And how it stands, which the window shows as its own
       timer: length and ms left (0 when there is none), and whether it
       runs. */
    void (*timer)(void *ud, int minutes, int closes);
    void (*timer_get)(void *ud, int *length_ms, int *left_ms, int *running);
    /* The projector's hold (F8, the console's button): every device's
       state says so (docs/protocol.md), and the timer waits. */
    void (*hold)(void *ud, int on);
} ui_host;

/* Run the window on a game that is being hosted: it takes s and scr (and
   frees them when the window closes); save is where s journals ("" none);
   console opens the facilitator's console in its own window. The loop
   ends when the window closes. Returns the process exit code. */
int ui_host_window(const ui_host *h, struct script *scr, struct session *s, const char *save,
                   int console);

#endif
