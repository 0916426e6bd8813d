/*
 * def.h -- a scenario's definitions: what the author declared, fixed once
 * loaded. The script layer fills these through the def_ builders; core only
 * reads them. Callbacks are opaque integer references (0 = none) that core
 * hands back to its host (game_host in game.h); core never knows what runs
 * them.
 *
 * Every definition remembers where it was declared (file:line) so that
 * errors found later (by check, or at run time) can point at it.
 */
#ifndef CR_DEF_H
#define CR_DEF_H

#include <stdint.h>

#include "val.h"

#define CR_MAX_ROLES 16
#define CR_MAX_TURNS 200
/* Hypotheses of one analysis board: columns of a matrix a projected
   screen can still show side by side. */
#define CR_MAX_HYPOTHESES 8

typedef struct def_where {
    const char *file; /* interned, relative to the scenario folder */
    int line;
} def_where;

typedef struct def_kv {
    char *key;
    char *val;
} def_kv;

typedef struct def_source {
    char *id, *title, *publisher, *date, *url, *file;
    def_where at; /* its url field (check's warning about it) */
} def_source;

typedef struct def_role {
    char *id, *name, *shortname, *brief, *secret;
    int budget;
    def_where at;
} def_role;

typedef enum { GOOD_HIGH, GOOD_LOW, GOOD_NONE } def_good;

typedef struct def_meter {
    char *id, *name, *unit, *text;
    double min, max, start;
    def_good good;
    int hidden;
    def_where at;
} def_meter;

typedef struct def_meter_delta {
    int meter;
    double value;
} def_meter_delta;

typedef struct def_state_set {
    char *key;
    val value;
} def_state_set;

/* One bundle of effects (see docs/scenario-api.md, "effects"). */
typedef struct def_effect {
    def_meter_delta *add, *set;
    int nadd, nset;
    int *cards, ncards;
    int *deliver, ndeliver;
    def_state_set *state;
    int nstate;
    char *text;
    int finish;    /* ending index, -1 none */
    int run;       /* callback ref, 0 none */
    int after;     /* turns of delay */
    double chance; /* 1.0 = always */
    int otherwise; /* effect index, -1 none */
    def_where at;
} def_effect;

typedef struct def_req {
    int *chosen, nchosen;         /* option indexes (global) */
    int *not_chosen, nnot_chosen; /* option indexes (global) */
    int *delivered, ndelivered;   /* event indexes */
    int *cards, ncards;
    def_meter_delta *min, *max;
    int nmin, nmax;
    def_state_set *state;
    int nstate;
    int turn; /* 0 = any */
    char *why;
    int fn; /* callback ref returning ok, reason */
} def_req;

/* An option of an event or a standing action: both are "moves". */
typedef struct def_move {
    char *id, *label, *text, *risk;
    int event; /* owning event index, or -1 for an action */
    int role;  /* action: its role; option: -1 (the event's decider) */
    int cost;
    int has_req;
    def_req req;
    int *effects, neffects;       /* effect indexes */
    int historical;               /* option: 1 when it is what happened */
    int *hist_turns, nhist_turns; /* action: turns it really happened */
    char **hist_targets;          /* action: the target each time (NULL: any) */
    def_kv *targets;              /* action targets: key id, val label */
    int ntargets;
    int max_uses; /* 0 = unlimited */
    int once_per_turn;
    int max_per_target; /* action: times on each target, 0 = unlimited */
    int target_base;    /* action: its targets' first slot in game.target_uses (def_finish) */
    def_where at;
} def_move;

typedef enum { CH_PHONE, CH_EMAIL, CH_NEWS, CH_SOCIAL, CH_INTEL, CH_BRIEF, CH_COUNT } def_channel;
extern const char *const def_channel_names[CH_COUNT];

typedef struct def_event {
    char *id, *title, *text, *note;
    uint32_t to; /* bit mask of roles */
    int decider; /* role index */
    def_channel channel;
    char **sources;
    int nsources;
    int turn; /* 0 = none */
    int when; /* callback ref */
    int from_turn;
    int after_event;  /* -1 none */
    int after_option; /* global option index, -1 none */
    int delay;
    int *options, noptions; /* move indexes */
    int expires;            /* 0 = never */
    int default_option;     /* move index, -1 none */
    int *on_deliver, non_deliver;
    int invented; /* historical = false: never said to have really happened */
    def_where at;
} def_event;

/* How a card bears on a hypothesis, in an analysis of competing
   hypotheses (issue 14): the analysts' mark, or the author's key. */
typedef enum { FIT_NONE, FIT_CONSISTENT, FIT_INCONSISTENT, FIT_NEUTRAL, FIT_COUNT } def_fit;
extern const char *const def_fit_names[FIT_COUNT]; /* "", "consistent", ... */

typedef struct def_board {
    char *id, *title, *text;
    char **columns, **rows;
    int ncolumns, nrows;
    char *column_attr, *row_attr;
    /* An analysis board (issue 14): its competing hypotheses (key id, val
       label) and the role that grades its cards and marks them against
       them (-1: none, an ordinary board). */
    def_kv *hyps;
    int nhyps;
    int graded_by;
    def_where at;
} def_board;

typedef struct def_card {
    char *id, *title, *text;
    char *source;   /* the first of sources (NULL: none) */
    char **sources; /* the source ids it cites */
    int nsources;
    int board;
    def_kv *attrs;
    int nattrs;
    /* Its true grades (Admiralty code: reliability 'A'..'F', credibility
       1..6; 0 none) and the author's key against its board's hypotheses,
       by their index (FIT_NONE: not keyed, read as neutral). */
    char reliability;
    int credibility;
    uint8_t fits[CR_MAX_HYPOTHESES];
    def_kv *fit_keys; /* as written (hypothesis id -> word), resolved after loading */
    int nfit_keys;
    def_where at;
} def_card;

typedef struct def_objective {
    char *id, *title, *text;
    int score;   /* callback ref */
    int text_fn; /* callback ref computing the text at the end, 0: text */
    def_where at;
} def_objective;

typedef struct def_ending {
    char *id, *title, *text;
    int when; /* callback ref, 0 = fallback */
    int early;
    int text_fn; /* callback ref computing the text when it is chosen, 0: text */
    def_where at;
} def_ending;

typedef struct def_variant {
    char *id, *title, *truth;
    char *hypothesis; /* the id of the hypothesis that is true in it, on analysis boards */
    double weight;
    def_where at;
} def_variant;

/* A way to play the scenario in less time (issue 14): the turns that stop
   for the teams; the others pass by themselves (game.h). */
typedef struct def_session {
    char *id, *title, *text;
    int *turns, nturns;   /* ascending, each 1..nturns of the scenario */
    int *pauses, npauses; /* the questions (0-based) put at their turn; the rest wait */
    int has_pauses;       /* 0: every question with a turn is a pause point */
    def_where at;
} def_session;
/* A translated string (strid.h): the text shown and the source it replaced. */
typedef struct def_tr {
    const char *shown;
    char *source;
} def_tr;

typedef struct def_scenario {
    char *id, *title, *summary, *version, *situation;
    char **learning, **questions;
    int nlearning, nquestions;
    int *question_turn; /* [nquestions]: the turn a question is put to the room, 0 at the end */
    int cquestion_turn;
    char *history; /* how the debrief names what really happened (NULL: its own words) */
    int skip_idle; /* a role with nothing it can do does not stop the turn (game.h) */
    def_session *sessions;
    int nsessions, csessions;
    char **accept; /* words of check warnings the author has accepted */
    int naccept, caccept;
    char **capabilities; /* HSEEP core capabilities it exercises, by id (hseep.h) */
    int ncapabilities;
    def_source *sources;
    int nsources;
    def_role *roles;
    def_meter *meters;
    char **turn_labels;
    def_event *events;
    def_move *moves; /* options and actions together */
    def_effect *effects;
    def_board *boards;
    def_card *cards;
    def_objective *objectives;
    def_ending *endings;
    def_variant *variants;
    int nroles, nmeters, nturns, nevents, nmoves, neffects, nboards, ncards, nobjectives, nendings,
        nvariants;
    int *actions, nactions; /* move indexes of standing actions */
    /* The actions again, grouped by role: role r's are
       by_role[role_first[r] .. role_first[r + 1] - 1] (built by def_finish). */
    int *by_role;
    int role_first[CR_MAX_ROLES + 1];
    /* Events by trigger, in declaration order (built by def_finish): those
       set for turn t are at_turn[turn_first[t] .. turn_first[t + 1] - 1];
       those with a `when` are with_when[0 .. nwith_when - 1]. */
    int *at_turn, *with_when, nwith_when;
    int turn_first[CR_MAX_TURNS + 2];
    /* capacities of the arrays above */
    int croles, cmeters, cturns, cevents, cmoves, ceffects, cboards, ccards, cobjectives, cendings,
        cvariants, csources, cactions, clearning, cquestions;
    char **files; /* interned file names */
    int nfiles, cfiles;
    uint64_t files_hash; /* hash of every file loaded */
    def_where at;        /* where scenario{} was called */
    int on_turn;         /* callback ref run at the start of every turn, 0 none */
    int ntarget_slots;   /* the actions' targets together (def_finish) */
    def_tr *tr;          /* translated strings, sorted by `shown` (strid_apply) */
    int ntr, ctr;
} def_scenario;

def_scenario *def_new(void);
void def_free(def_scenario *sc);

/* Index lookups by id; -1 when absent. */
int def_role_find(const def_scenario *sc, const char *id);
int def_meter_find(const def_scenario *sc, const char *id);
int def_event_find(const def_scenario *sc, const char *id);
int def_card_find(const def_scenario *sc, const char *id);
int def_board_find(const def_scenario *sc, const char *id);
int def_ending_find(const def_scenario *sc, const char *id);
int def_variant_find(const def_scenario *sc, const char *id);
int def_session_find(const def_scenario *sc, const char *id);
/* A hypothesis of a board by id, or -1. */
int def_hyp_find(const def_board *b, const char *id);
/* The word ("consistent", ...) or its first letter, as a fit; -1 when it
   is neither. */
int def_fit_parse(const char *word);
int def_action_find(const def_scenario *sc, const char *id);
int def_option_find(const def_scenario *sc, int event, const char *id);
/* "event.option" -> move index, -1 when either part is unknown. */
int def_option_path(const def_scenario *sc, const char *path);
/* v within the meter's bounds. */
double def_meter_clamp(const def_meter *m, double v);

/* Builders: each returns a zeroed element appended to its array. */
def_role *def_add_role(def_scenario *sc);
def_meter *def_add_meter(def_scenario *sc);
def_event *def_add_event(def_scenario *sc);
def_move *def_add_move(def_scenario *sc, int *index);
def_effect *def_add_effect(def_scenario *sc, int *index);
def_board *def_add_board(def_scenario *sc);
def_card *def_add_card(def_scenario *sc);
def_objective *def_add_objective(def_scenario *sc);
def_ending *def_add_ending(def_scenario *sc);
def_variant *def_add_variant(def_scenario *sc);
def_source *def_add_source(def_scenario *sc);
def_session *def_add_session(def_scenario *sc);
/* A URL a page may make a link of: http or https (the scheme in any case),
   nothing else (javascript:, data:, file: ... are shown as text). */
int def_url_linkable(const char *url);
void def_add_turn(def_scenario *sc, const char *label);
void def_add_learning(def_scenario *sc, const char *text);
void def_add_question(def_scenario *sc, const char *text);
/* The same, put to the room at the start of a turn (0: at the end). */
void def_add_question_at(def_scenario *sc, const char *text, int turn);
const char *def_intern_file(def_scenario *sc, const char *file);

/* Build the indexes front ends and players use (after loading). */
void def_finish(def_scenario *sc);

/* Check rules that span definitions (an ending to fall back on, option
   defaults, starts inside bounds...). Appends one "file:line: message\n" per
   problem to *errors; returns the count. */
struct strbuf;
int def_validate(const def_scenario *sc, struct strbuf *errors);

/* The option that really happened in an event's decision, or -1 (none is
   marked, or the event itself did not happen: historical = false). */
int def_historical_option(const def_scenario *sc, int event);

/* The source text of a string of the definitions: s itself unless a
   translation replaced it (strid.h). Whatever makes up the game (its hash,
   its log, what a callback reads) goes through this, so that the language
   never changes a game. */
const char *def_source_text(const def_scenario *sc, const char *s);

/* Short name of a move for messages: "event.option" or the action id. */
void def_move_path(const def_scenario *sc, int move, char *buf, int size);

#endif
