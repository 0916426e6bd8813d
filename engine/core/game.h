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
    /* A computed text (an ending's, an objective's) into buf; 0 or -1. NULL:
       the definitions' own text is used. */
    int (*text)(void *ud, game *g, int ref, char *buf, size_t size);
} game_host;

/* One entry in a role's inbox: a scenario event or an ad-hoc inject. */
typedef struct game_item {
    int event;          /* event index, -1 for an ad-hoc inject */
    char *title, *text; /* ad-hoc inject only */
    uint32_t to;        /* roles mask */
    int turn;           /* turn of delivery */
    int option;         /* move chosen, -1 while open (ad-hoc: the index in opts) */
    int by;             /* role that chose, -1 when by default */
    int expired;        /* closed by its deadline */
    char *rationale;
    /* An ad-hoc inject's own (game_adhoc.c): its id ("adhoc1", the word
       `choose` names its decision by), its channel (CH_*, -1 not given),
       and when it carries a decision the role that answers it (-1 none)
       and the labels of its options, chosen by number (`choose adhoc1 2`).
       Such a decision has no cost, effect or default: the facilitator
       plays its consequences (set, note, inject). */
    char *id;
    int channel, decider;
    char **opts;
    int nopts;
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
    LOG_GRADE,   /* ref = card, role = grader, value = reliability index * 10 + credibility, text */
    LOG_MARK,    /* ref = card, role = grader, value = hypothesis * 10 + def_fit, text */
    LOG_ANSWER,  /* an ad-hoc decision: ref = item, value = option index, role, text = rationale */
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

/* EV_CANCELLED: g:cancel dropped its delivery; its own turn or when no
   longer delivers it, but an effect or the facilitator still can. */
enum { EV_NONE, EV_SCHEDULED, EV_DELIVERED, EV_SUPPRESSED, EV_CANCELLED };

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
    /* The move timer (`timer`, journaled so that a replay restores it): its
       length, 0 none, and whether the turn closes at zero (the host's
       timer). It changes nothing in play; front ends count it down
       (movetimer.h). */
    int timer_ms, timer_closes;
    /* Ad-hoc injects held while paused (`inject ... at=resume`), delivered
       in order at the resume: the facilitator's alone (view.h's queue). */
    cmd *held;
    int nheld, cheld;
    /* Items of the ad-hoc injects that carry a decision (hashed whole). */
    int *adhoc_dec;
    int nadhoc_dec, cadhoc_dec;

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
    /* An event whose `when` failed with a script error is suspended and
       the game goes on (game_turn.c, suspend_broken): what to tell the
       facilitator waits here until game_apply hands it on, in err with
       GAME_OK. fatal: the failure cannot be got round that way (a ceiling
       across callbacks: every later callback would fail too). */
    int fatal;
    char notice[1024];
    /* What a scenario's callbacks changed that its definitions said (issue
       17; NULL: the definition's): each role's name, short name and brief,
       the points each turn gives it, the computed texts of the ending and
       the objectives; and the uses of each action on each of its targets
       (by def_move.target_base; counted from the log, so not hashed). */
    char **role_name, **role_short, **role_brief; /* [nroles] */
    int *allowance;                               /* [nroles] */
    char *ending_text;
    char **objective_text; /* [nobjectives] */
    int *target_uses;      /* [sc->ntarget_slots] */
    /* The team's analysis (issue 14, analysis.h): each card's grade as the
       grading team gave it and its marks against the board's hypotheses.
       Kept from the log's grade and mark entries (which are hashed). */
    char *grade_rel;     /* [ncards] 'A'..'F'; 0 not graded */
    uint8_t *grade_cred; /* [ncards] 1..6 */
    uint8_t *marks;      /* [ncards * CR_MAX_HYPOTHESES] def_fit */
    /* The session played (issue 14; def_session, -1: every turn): chosen
       before the first command, kept by game_reset. played[t]: turn t stops
       for the teams. */
    int session;
    uint8_t *played; /* [nturns + 2] */
};

/* A game at its start (turn 1, first role's move, turn 1 injects delivered).
   Returns NULL and writes the reason to err when a callback fails. */
game *game_new(const def_scenario *sc, const game_host *host, uint64_t seed, int variant, char *err,
               size_t errlen);
void game_free(game *g);
/* Every team moves at once (1) or one after another (0, hot-seat): set
   before the first command (the journal's header records it). */
void game_set_simultaneous(game *g, int on);
/* Play a session of the scenario (-1: every turn). Set before the first
   command: the game starts again from turn 1 with it (callbacks read it,
   turn 1 included). 0, or -1 when that start failed (game_error). */
int game_set_session(game *g, int session);
/* 1 when turn t stops for the teams in the session played. */
int game_turn_played(const game *g, int t);
/* The turn at whose end an item's open decision takes its default: its
   `expires` counted in turns that stop for the teams (0: it never expires;
   past the last turn: the game's end). */
int game_item_deadline(const game *g, int item);
/* The turn at whose start question q is put to the room (the first played
   turn at or after the one it names), 0 when at the debrief only (as when
   the session played does not keep it among its pauses), -1 when
   the session leaves no such turn (it is then asked at the debrief). */
int game_question_turn(const game *g, int q);
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
/* Inbox items whose decision the role makes and that are still open (the
   scenario's injects; role -1: every role's). */
int game_open_decisions(const game *g, int role, int *out, int max);
/* The same for ad-hoc injects that carry a decision (game_adhoc.c). */
int game_open_adhoc(const game *g, int role, int *out, int max);
/* The item of the ad-hoc inject with this id ("adhoc1"), -1 none. */
int game_adhoc_find(const game *g, const char *id);
/* What ending the role's move now would leave undone, for a warning before
   `end` (the window, the text mode and the host ask first, once): its open
   decisions (each with what its deadline will do) and its action points
   while one of its standing actions is available. 0 when there is nothing
   (out untouched), else 1 with one sentence appended to out, worded for
   the team (view.h: it names only what the team sees). */
int game_end_warning(game *g, int role, strbuf *out);
int game_item_for_role(const game *g, int item, int role);
/* Simultaneous play: 1 once the role has ended its move this turn. */
int game_role_done(const game *g, int role);
/* The option the participant votes for on an item (a move), or -1. */
int game_vote_of(const game *g, int item, const char *who);
double game_history(const game *g, int meter, int turn);
/* A role's name, short name and brief as they are now (a callback may have
   changed them; else the definition's). */
const char *game_role_name(const game *g, int role);
const char *game_role_short(const game *g, int role);
const char *game_role_brief(const game *g, int role);
/* The ending's text and an objective's, computed at the end when the
   scenario gave a function (else the definition's; "" for none). */
const char *game_ending_text(const game *g);
const char *game_objective_text(const game *g, int objective);
/* Times the action was taken on its target t (an index of its targets). */
int game_target_uses(const game *g, int move, int t);
/* 1 when the action may still be taken on target t (max_uses_per_target);
   else 0 with the reason in why. */
int game_target_available(const game *g, int move, int t, char *why, size_t whylen);

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
/* name or shortname NULL: unchanged. */
int game_cb_rename(game *g, int role, const char *name, const char *shortname);
int game_cb_brief(game *g, int role, const char *text);
/* Points: each turn's too (every_turn), or this turn's only; never below 0. */
int game_cb_budget(game *g, int role, int delta, int every_turn);
/* 1 when a delivery still to come was dropped, 0 when there was none. */
int game_cb_cancel(game *g, int event);
/* A script error: the message goes to g->err and the game stops (every
   later game_apply answers GAME_SCRIPT_ERROR until it is rebuilt). */
void game_fail(game *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The same, where no event may be suspended to go on (g->fatal). */
void game_fail_fatal(game *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Events suspended by a script error in their `when`: each is suppressed
   (EV_SUPPRESSED) and logged as LOG_SUPPRESS with the error's first line as
   its text (a facilitator's `suppress` has none). The next such log entry
   after `from` (-1: the first), or -1. */
int game_next_broken(const game *g, int from);
/* 1 when the event was suspended that way. */
int game_suspended_by_error(const game *g, int event);
/* What to tell about one: "file:line: error: event 'x' is suspended ...",
   with the fix. */
void game_broken_words(const game *g, int entry, char *buf, size_t size);
/* The prefix of a message kept for a check (stats) about a suspended event
   rather than a failed run. */
#define GAME_SUSPENDED "suspended: "

#endif
