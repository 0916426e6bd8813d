/*
 * logtext.h -- an entry of a game's log in words: who, what, and why. The
 * one place where the log becomes text, shared by the terminal, the
 * window's timeline and the after-action report, so that they never tell
 * the same event differently.
 */
#ifndef CR_LOGTEXT_H
#define CR_LOGTEXT_H

#include "i18n.h"
#include "game.h"
#include "util.h"

typedef enum {
    LT_INJECT,   /* a scenario inject reached roles */
    LT_ADHOC,    /* an ad-hoc inject from the facilitator */
    LT_DECISION, /* a role chose an option */
    LT_ACTION,   /* a role took a standing action */
    LT_EXPIRED,  /* a decision's deadline passed: its default applied */
    LT_OUTCOME,  /* what came of it */
    LT_EVIDENCE, /* a card was revealed */
    LT_NOTE,     /* a facilitator's note */
    LT_SET,      /* a facilitator's override */
    LT_FIRE,     /* the facilitator delivered an inject at once */
    LT_SUPPRESS, /* the facilitator suppressed an inject */
    LT_PAUSE,
    LT_RESUME,
    LT_END,      /* the exercise ended */
    LT_UNDO,     /* a command taken back (from the journal: the log keeps no trace) */
    LT_PROPOSAL, /* a team member put an option to the team's vote (host) */
    LT_VOTE,     /* a team member voted for a proposed option */
    LT_GRADE,    /* the grading team graded a card (analysis.h) */
    LT_MARK,     /* it marked a card against a hypothesis */
    LT_KINDS
} logtext_kind;

/* Machine names ("decision", "adhoc_inject"...), for the JSON report. */
extern const char *const logtext_names[LT_KINDS];

typedef struct logtext {
    logtext_kind kind;
    int facilitator; /* an intervention of the facilitator's, not the players' */
    strbuf who;      /* roles, e.g. "PM" or "all roles"; may be empty */
    strbuf what;     /* the sentence */
    const char *why; /* the rationale or reason, or NULL (points into the game) */
} logtext;

/* Put entry l in words. 0 when the entry has none (the start of a turn). */
int logtext_of(const game *g, const game_log *l, logtext *o);
void logtext_free(logtext *o);

/* Helpers the front ends share. */
const char *logtext_role(const def_scenario *sc, int role); /* its short name */
void logtext_roles(const def_scenario *sc, uint32_t mask, strbuf *out);
const char *logtext_item_title(const game *g, int item);
/* A citation as a student reads it (issue 14): "Publisher, “Title”, date,
   URL" from the scenario's sources, "invented for the exercise" for
   "fiction", the id itself when the scenario does not declare it. */
void logtext_citation(const def_scenario *sc, const char *id, strbuf *out);
/* The same, short: "Publisher, date". */
void logtext_source(const def_scenario *sc, const char *id, strbuf *out);
/* How the debrief names what really happened (scenario.history), and the
   hidden truth of the variant played: two different things, labelled so
   everywhere (issue 14). */
const char *logtext_history_label(const def_scenario *sc);
#define LOGTEXT_TRUTH_LABEL N_("In this game's hidden truth")

#endif
