/*
 * game.h -- the state of one game and the one entry point that changes it.
 *
 * game_apply() is the only way a front end changes a game. While it runs,
 * it may call the scenario's callbacks through its game_host (below); those
 * change the game only through the game_cb_ functions (game_cb.c), which
 * refuse to work outside a callback or inside a read-only one (conditions,
 * scores).
 *
 * The struct is public so that front ends can read it; they never write it.
 */
#ifndef CR_GAME_H
#define CR_GAME_H

#include <stdint.h>

#include "cmd.h"
#include "def.h"
#include "hseep.h"
#include "kv.h"
#include "rng.h"

typedef struct game game;

/* What core asks of the code that runs the scenario's callbacks. Each
   returns -1 on a script error after calling game_fail() with the message. */
typedef struct game_host {
    void *ud;
    /* A condition: 1 holds, 0 does not (why may receive a reason), -1 error. */
    int (*test)(void *ud, game *g, int ref, char *why, size_t whylen);
    /* An effect: 0 done, -1 error. */
    int (*run)(void *ud, game *g, int ref);
    /* An objective: writes 'P', 'S', 'M' or 'U' to *rating; 0 or -1. */
    int (*score)(void *ud, game *g, int ref, char *rating);
} game_host;

/* One entry in a role's inbox: a scenario event or an ad-hoc inject. */
typedef struct game_item {
    int event;          /* event index, -1 for an ad-hoc inject */
    char *title, *text; /* ad-hoc inject only */
    uint32_t to;        /* roles mask */
    int turn;           /* turn of delivery */
    int option;         /* move chosen, -1 while open */
    int by;             /* role that chose, -1 when by default */
    int expired;        /* closed by its deadline */
    char *rationale;
} game_item;

typedef enum {
    LOG_TURN,     /* a new turn began */
    LOG_DELIVER,  /* ref = item index */
    LOG_CHOOSE,   /* ref = move, role, text = rationale */
    LOG_ACT,      /* ref = move, role, text = rationale, aux = target */
    LOG_EXPIRE,   /* ref = item index */
    LOG_OUTCOME,  /* text */
    LOG_CARD,     /* ref = card */
    LOG_NOTE,     /* text */
    LOG_SET,      /* ref = meter, value, text = reason */
    LOG_INJECT,   /* ref = item index */
    LOG_FIRE,     /* ref = event */
    LOG_SUPPRESS, /* ref = event */
    LOG_PAUSE,
    LOG_RESUME,
    LOG_FINISH,  /* ref = ending */
    LOG_PROPOSE, /* ref = move, role = its decider, text = argument, who = participant */
    LOG_VOTE,    /* ref = move, role = its decider, who = participant */
    LOG_KINDS
} game_log_kind;

typedef struct game_log {
    game_log_kind kind;
    int turn, role, ref;
    double value;
    char *text;
    const char *aux; /* an action's target: the definitions' own string */
    int text_owned;  /* text is the log's own copy (else it lives in the definitions) */
    char *who;       /* propose, vote: the participant's id (owned); NULL otherwise */
} game_log;

typedef enum { PEND_EFFECT, PEND_DELIVER } game_pend_kind;
typedef struct game_pending {
    game_pend_kind kind;
    int due;            /* turn at whose start it applies */
    int index;          /* effect or event */
    const char *target; /* an action's target: the definitions' own string */
} game_pending;

enum { EV_NONE, EV_SCHEDULED, EV_DELIVERED, EV_SUPPRESSED };

struct game {
    const def_scenario *sc;
    game_host host;
    uint64_t seed;
    int variant;
    rng rng;

    int turn; /* 1..nturns */
    int role; /* whose move: index in sc->roles */
    int ended;
    int ending;    /* ending index once ended */
    int finish_at; /* ending asked for by an effect, -1 none */
    int paused;
    int commands; /* commands applied */
    /* For the host: a new serial at each start (game_new, game_reset) tells
       one game from the next; applying is set in game_apply and a start,
       where a callback is part of the game rather than a front end's query. */
    uint64_t serial;
    int applying;
    /* Simultaneous moves (`crisisroom host`): every team moves at once; a
       turn closes when all have ended their move (or on `close`). role is
       then the first team that has not. Chosen before the first command
       and kept by game_reset. */
    int simultaneous;
    uint32_t done; /* simultaneous: roles that have ended their move this turn */

    double *meter;   /* [nmeters] */
    double *history; /* [(nturns + 1) * nmeters]; row 0 is the start */
    int *budget;     /* [nroles] */
    uint8_t *ev;     /* [nevents] EV_* */
    int *ev_item;    /* [nevents] inbox index once delivered, else -1 */
    int *uses;       /* [nmoves] times taken (actions) */
    int *used_turn;  /* [nmoves] last turn taken */
    int *card_turn;  /* [ncards] turn revealed, 0 = hidden */
    char *ratings;   /* [nobjectives] at the end */
    kv state;
    /* Observations, the improvement plan, the exercise's particulars
       (hseep.h): journaled, but no part of the game's course or its hash. */
    hseep_eval eval;

    game_item *items;
    int nitems, citems;
    int open_from; /* items before it are all decided or carry no decision */
    game_pending *pend;
    int npend, cpend;
    game_log *log;
    int nlog, clog;
    /* game_hash's running digests of what only grows (game_hash.c): a
       cache, emptied with the log. */
    struct {
        uint64_t log, items;
        int nlog, nitems;
    } hashed;

    /* Context of the running callback. */
    int in_cb, readonly;
    const char *target;
    int failed;    /* a script error happened: the state may be half-changed */
    int stop_told; /* err already says so (game_apply words it once) */
    char err[1024];
};

/* A game at its start (turn 1, first role's move, turn 1 injects delivered).
   Returns NULL and writes the reason to err when a callback fails. */
game *game_new(const def_scenario *sc, const game_host *host, uint64_t seed, int variant, char *err,
               size_t errlen);
void game_free(game *g);
/* Every team moves at once (1) or one after another (0, hot-seat): set
   before the first command (the journal's header records it). */
void game_set_simultaneous(game *g, int on);
/* Start again from the beginning with a new seed (keeps allocations). */
int game_reset(game *g, uint64_t seed, int variant);

/* The variant picked by a seed in variant mode (weighted). */
int game_pick_variant(const def_scenario *sc, uint64_t seed);

/* What a command came to (session_apply answers the same). The values are
   part of the interface: 0 is success, and a caller may test "rc < 0". */
typedef enum game_rc {
    GAME_OK = 0,
    GAME_REFUSED = -1,     /* nothing changed; game_error says why */
    GAME_SCRIPT_ERROR = -2 /* a callback failed: the game is unusable, rebuild it by replay */
} game_rc;

/* THE entry point. */
game_rc game_apply(game *g, const cmd *c);
const char *game_error(const game *g);

/* A hash of everything that makes up the state. Its cost does not grow
   with the log: what is only appended is folded in once (game_hash.c). */
uint64_t game_hash(const game *g);

/* Queries for front ends and policies. */
const char *game_turn_label(const game *g, int turn);
/* 1 when the role may take the move now; else 0 with the reason in why. */
int game_move_available(game *g, int move, int role, char *why, size_t whylen);
/* Index of the open item carrying this event's decision, or -1. */
int game_open_item(const game *g, int event);
/* Inbox items whose decision the role makes and that are still open. */
int game_open_decisions(const game *g, int role, int *out, int max);
int game_item_for_role(const game *g, int item, int role);
/* Simultaneous play: 1 once the role has ended its move this turn. */
int game_role_done(const game *g, int role);
/* The option the participant votes for on an item (a move), or -1. */
int game_vote_of(const game *g, int item, const char *who);
double game_history(const game *g, int meter, int turn);

/* For the host while a callback runs (game_cb.c; each returns -1 after
   game_fail when not allowed or wrong). */
int game_cb_add(game *g, int meter, double delta);
int game_cb_set(game *g, int meter, double value);
int game_cb_reveal(game *g, int card);
int game_cb_deliver(game *g, int event);
int game_cb_after(game *g, int turns, int event);
int game_cb_state(game *g, const char *key, const val *v);
int game_cb_say(game *g, const char *text);
int game_cb_finish(game *g, int ending);
int game_cb_random(game *g, uint64_t *out);
/* A script error: the message goes to g->err and the game stops (every
   later game_apply answers GAME_SCRIPT_ERROR until it is rebuilt). */
void game_fail(game *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
