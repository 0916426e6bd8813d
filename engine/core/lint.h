/*
 * lint.h -- what `crisisroom check` finds beyond load errors: mistakes a
 * scenario loads with but that an author would want to hear about (an
 * event nothing delivers, an option that does nothing, text that overflows
 * its box on screen). Pure analysis of a def_scenario, so that the GUI and
 * other front ends can show the same findings. The play-through checks of
 * `check --runs` add their findings to the same list (see stats.h).
 */
#ifndef CR_LINT_H
#define CR_LINT_H

#include <stddef.h>

#include "def.h"

/* What the GUI fits at 1280x720: an inject body is shown in a panel about
   60 characters wide and 14 lines high, a title on one line, an option label
   on one button. Counted in characters (UTF-8 code points), not bytes.
   docs/authoring-guide.md quotes these figures. */
#define LINT_TEXT_MAX  800 /* event text */
#define LINT_TITLE_MAX 70  /* event title */
#define LINT_LABEL_MAX 60  /* option or action label */

/* A note is a warning the author accepted (scenario { accept = {...} }):
   still shown, never failing --strict. */
typedef enum { LINT_ERROR, LINT_WARNING, LINT_NOTE } lint_severity;

/* What a finding is about, when a later finding can settle it (an event
   the analysis cannot see delivered may be delivered by a function). */
typedef enum {
    LINT_R_OTHER,
    LINT_R_UNDELIVERED,     /* ref: event nothing can deliver (static) */
    LINT_R_SHADOWED,        /* ref: ending after the fallback (static) */
    LINT_R_RUN_UNDELIVERED, /* ref: event the runs never delivered */
    LINT_R_RUN_UNREACHED,   /* ref: ending the runs never reached */
    LINT_R_RUN_UNAVAILABLE, /* ref: move the runs never found available */
    LINT_R_RUN_DEAD_END,    /* ref: event with a dead end in a run */
    LINT_R_RUN_PINNED,      /* ref: meter at a bound for most turns */
    LINT_R_RUN_ERROR        /* a script error of a run (ref -1) */
} lint_rule;

typedef struct lint_item {
    lint_severity sev;
    def_where at;
    char *msg;
    lint_rule rule;
    int ref; /* LINT_R_UNDELIVERED: the event index */
} lint_item;

typedef struct lint_list {
    lint_item *v;
    int n, cap;
    int errors, warnings;
} lint_list;

/* Append the static findings for sc; returns how many were added. */
int lint_scenario(const def_scenario *sc, lint_list *out);

/* Errors and warnings are counted; a note is not. */
void lint_add(lint_list *l, lint_severity sev, def_where at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Remove the findings of a rule about ref (e.g. an event the runs did
   deliver). */
void lint_drop(lint_list *l, lint_rule rule, int ref);
/* Tag the last finding added with its rule and subject. */
void lint_tag(lint_list *l, lint_rule rule, int ref);
/* Order by file, then line (stable: equal places keep their order). */
void lint_sort(lint_list *l);
/* Turn into notes the warnings whose message holds one of the scenario's
   accepted words; returns how many. */
int lint_accept(lint_list *l, const def_scenario *sc);
void lint_free(lint_list *l);
const char *lint_severity_name(lint_severity sev);

/* A script error of a game, for a finding: *at is where it happened in the
   scenario's files (where Lua raised it or the budget ran out, else where
   the callback was declared, else scenario{}), and buf the message with
   that place taken out and the callback's name moved to the end:
   "attempt to index a nil value (in event 'x' when (events.lua:12))",
   its traceback lines after it. */
void lint_script_error(const def_scenario *sc, const char *msg, def_where *at, char *buf,
                       size_t size);

/* Characters (UTF-8 code points) of a string; 0 for NULL. */
int lint_chars(const char *s);

#endif
