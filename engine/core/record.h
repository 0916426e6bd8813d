/*
 * record.h -- the record of an exercise, read from its session's journal:
 * who made each move, the exercise's date, its duration and the time each
 * team took per move, who recorded each observation. The one reader of the
 * journal's provenance: the debrief (the window, the text mode), the
 * what-if screen and the after-action report all read it here, and say who
 * made a move in the same words; the game itself knows none of it.
 *
 * Who made a move. Every journaled command carries its provenance
 * (journal.h): a team (its players at the window, the terminal or their
 * devices), the facilitator, a default ("default": a deadline, the host's
 * timer) or a policy ("policy", `--auto`, a jump to a turn; its name is
 * the policy's). A line without one (older saves, the window's and the
 * terminal's own moves) is read by the command's table: a team's command
 * is the team's, the facilitator's the facilitator's. A decision's expiry
 * (the log's LOG_EXPIRE) is always a default, whatever command ended the
 * turn; it was sent by the host's timer, by the facilitator (`default`),
 * or by nobody (the turn closed on it: "deadline"). So no reader credits a
 * team with a policy's or a default's move.
 *
 * Time. Each line records the wall-clock time it was applied (`at`) and the
 * first line of each run of the program the time that run began
 * (`opened`). The header's `started` is the exercise's date: it is written
 * once, when the game begins, and no resume, reload or restart changes it
 * (session.h). The time between two lines belongs to the move that was in
 * progress (the state before the later line); it is left out while the
 * game was paused and while the program was not running (from the line
 * before an `opened` to that time: counted as closed, or as paused when the
 * game was paused then). The time after the last line is not
 * known: the record ends there. The first move's time counts from the
 * start, the briefing included.
 */
#ifndef CR_RECORD_H
#define CR_RECORD_H

#include "session.h"

typedef enum {
    RECORD_GAME,        /* the game's own start (the first turn's injects) */
    RECORD_TEAM,        /* the team's own move */
    RECORD_FACILITATOR, /* the facilitator's command (on a team's behalf too) */
    RECORD_DEFAULT,     /* a default: a deadline, or the host's timer ran out */
    RECORD_POLICY       /* an automatic player (--auto, a jump to a turn) */
} record_maker;

/* Who sent a journal line: its provenance, or when it has none, the
   command's table (a team's command, or the facilitator's). */
record_maker record_maker_of_line(const journal_entry *e);
/* Who made entry `entry` of s->g->log (a decision, an action, an expiry,
   anything the log holds); *line, when not NULL, receives the journal line
   of the command that made it (NULL for RECORD_GAME). */
record_maker record_maker_of(const session *s, int entry, const journal_entry **line);
/* The log entry that settled an inbox item's decision (its LOG_CHOOSE,
   LOG_ANSWER or LOG_EXPIRE), -1 while open or when it carries none. */
int record_decision_entry(const session *s, int item);
/* Who made a move, in full: for the debrief, the report, the what-if. */
typedef struct record_made {
    record_maker maker;
    int role;                  /* the team it was made for, -1 none */
    const char *name;          /* a participant's or a policy's name; NULL none */
    const journal_entry *line; /* the command that made it; NULL for RECORD_GAME */
} record_made;
/* Who made log entry `entry` (as record_maker_of). */
void record_made_of(const session *s, int entry, record_made *out);
/* Who settled inbox item `item`'s decision (record_decision_entry's entry),
   for the team the item was for. */
void record_made_of_item(const session *s, int item, record_made *out);
/* Who sent journal line e, for team `role` (-1 none). */
void record_made_of_line(const session *s, const journal_entry *e, int role, record_made *out);
/* The one wording of who made a move, for every reader: "PM", "PM (A.
   Hoxha)", "the facilitator, for PM", "automatic player (first), for PM",
   "a default at its deadline", "a default when the timer ran out", "a
   default, applied by the facilitator", "the game". */
void record_made_words(const session *s, const record_made *m, char *buf, size_t size);
/* Its kind as the report's JSON and CSV name it: "team", "facilitator",
   "policy", "default" (sent by the timer or the facilitator), "deadline"
   (nobody sent it: the turn closed on the decision), "game". */
const char *record_made_kind(const record_made *m);
/* record_made_of and record_made_words in one. */
void record_maker_words(const session *s, int entry, char *buf, size_t size);

/* Who recorded observation obs (from 0, of the live `observe` lines): the
   name its line gives (an evaluator's on the room's devices), else the
   participant; NULL when it says nobody (the window's console, the
   terminal). */
const char *record_obs_author(const session *s, int obs);

/* Milliseconds since 1970 of an ISO 8601 UTC time as the journal writes it
   ("2026-03-04T09:15:00Z", with or without ".123"); -1 when it is not one. */
long long record_time_ms(const char *iso);

/* One team's move: the time it had it. In simultaneous play every team's
   move of a turn lasts from the turn's start to its own `end` (or the
   turn's close). */
typedef struct record_move {
    int turn, role;
    long long ms;
    int ended;       /* the team ended it itself (`end`), not a close or the game's end */
    record_maker by; /* who sent that `end` (RECORD_POLICY: no team's time); RECORD_GAME none */
} record_move;

typedef struct record_times {
    int known;             /* the journal carries times */
    const char *date;      /* the header's start, ISO 8601 UTC ("" not recorded), or the first
                              line's when older (a header rewritten by a reload) */
    long long duration_ms; /* from the start to the last line: pauses, closed program excluded */
    long long paused_ms;   /* the pauses' time (a pause over a closed program included) */
    long long closed_ms;   /* the program closed between two runs (journal.h's opened) */
    record_move *moves;    /* in the order of turns, then roles */
    int nmoves;
    /* The move in progress (s->g's): its time so far, up to the last line,
       counted from its start or from the last `timer` command in it (a
       resumed game's move timer goes on from there). */
    long long current_ms;
} record_times;

/* "42s", "3m 05s", "1h 20m" */
void record_duration_words(long long ms, char *buf, size_t size);

/* Fill *out from s's journal (free it with record_times_free). Lines
   without a time (older saves) add nothing. */
void record_times_of(const session *s, record_times *out);
void record_times_free(record_times *t);

#endif
