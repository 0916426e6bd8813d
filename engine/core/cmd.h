/*
 * cmd.h -- the command language: one command per line, shared by the text
 * mode, --commands files, the window, the journal and the README.
 *
 * CMD_LIST is the language, written once: the kinds, the names, the
 * parser's expectations and its messages, cmd_format, the text mode's help
 * and the README's list (a test compares them) all come from it.
 * CMD_LOOK_LIST holds the commands a prompt offers to look around: they
 * change nothing, are never journaled, and session_apply refuses them.
 *
 * A command's arguments are written as the user writes them, and the parser
 * takes its expectations from them:
 *   WORD       a required word              [WORD]     an optional one (last)
 *   VALUE, N   a number (N: a record's)     TITLE      one or more words
 *   TEXT       alone: the rest of the line, free text ("--" optional)
 *   -- word    text after " -- ", required  [-- word]  the same, optional
 *   MINUTES    a number, like VALUE         [name=WORD] an option, below
 * A command without "--" in its arguments takes no text after "--". What
 * follows a '|' names another value the word may take (`ROLE|all`); whether
 * a word names something that exists is game_apply's business.
 *
 * An option `[name=WORD]` is written `name=value` as one word, after the
 * words declared before it, in any order, each at most once; cmd_flag reads
 * it. A word of the form `name=` where an option may stand, naming none of
 * the command's, is refused (a typo must not become the first word of a
 * title). The text's own syntax is game_apply's: an inject's text may end
 * with options, `-- text || A | B` (game_adhoc.c).
 */
#ifndef CR_CMD_H
#define CR_CMD_H

#include <stddef.h>

#include "util.h"

#define CMD_TOKEN_MAX 64
#define CMD_TEXT_MAX  2000
#define CMD_TITLE_MAX 160
#define CMD_MAX_FLAGS 4 /* options a command may declare ([name=WORD]) */

/* Who sends a command: the players of a role, or the one running the room. */
typedef enum { CMD_BY_TEAM, CMD_BY_FACILITATOR } cmd_who;

/* X(KIND, name, arguments, who, help): journaled, in this order of help. */
// clang-format off
#define CMD_LIST(X) \
    X(CHOOSE,   "choose",   "EVENT OPTION [-- rationale]",         CMD_BY_TEAM,        "answer an inject's decision") \
    X(ACT,      "act",      "ROLE ACTION [TARGET] [-- rationale]", CMD_BY_TEAM,        "take a standing action") \
    X(END,      "end",      "[ROLE]",                              CMD_BY_TEAM,        "end a role's move (host: name it)") \
    X(PROPOSE,  "propose",  "EVENT OPTION [-- argument]",          CMD_BY_TEAM,        "put an option to the team's vote") \
    X(VOTE,     "vote",     "EVENT OPTION",                        CMD_BY_TEAM,        "vote for a proposed option") \
    X(GRADE,    "grade",    "CARD GRADE [-- why]",                 CMD_BY_TEAM,        "grade a card, e.g. B2 (A-F, 1-6)"   ) \
    X(MARK,     "mark",     "CARD HYPOTHESIS FIT [-- why]",        CMD_BY_TEAM,        "mark it c, i or n for a hypothesis"    ) \
    X(NOTE,     "note",     "TEXT",                                CMD_BY_FACILITATOR, "a note pinned to the turn") \
    X(SET,      "set",      "METER VALUE -- reason",               CMD_BY_FACILITATOR, "override a meter") \
    X(INJECT,   "inject",   "ROLE|all [via=CHANNEL] [decides=ROLE] [at=resume] TITLE -- text", \
                                                                   CMD_BY_FACILITATOR, "an ad-hoc inject (|| A | B: a choice)") \
    X(PAUSE,    "pause",    "",                                    CMD_BY_FACILITATOR, "stop the moves; inject and set go on") \
    X(RESUME,   "resume",   "",                                    CMD_BY_FACILITATOR, "go on after a pause") \
    X(FIRE,     "fire",     "EVENT",                               CMD_BY_FACILITATOR, "deliver a scheduled inject now") \
    X(SUPPRESS, "suppress", "EVENT",                               CMD_BY_FACILITATOR, "never deliver a scheduled inject") \
    X(CLOSE,    "close",    "",                                    CMD_BY_FACILITATOR, "close the turn (teams move at once)") \
    X(DEFAULT,  "default",  "EVENT",                               CMD_BY_FACILITATOR, "a decision takes its default now") \
    X(UNDO,     "undo",     "",                                    CMD_BY_FACILITATOR, "take back the last command") \
    X(FINISH,   "finish",   "[ENDING]",                            CMD_BY_FACILITATOR, "end the exercise") \
    X(SURVEY,   "survey",   "ROLE|observer -- answers",            CMD_BY_TEAM,        "hotwash answers (JSON), after the end") \
    X(TIMER,    "timer",    "MINUTES [close]",                     CMD_BY_FACILITATOR, "the move timer (0 off; close: host)") \
    X(OBSERVE,  "observe",  "OBJECTIVE CAP KIND -- text",          CMD_BY_FACILITATOR, "an observation (KIND strength|area)") \
    X(CAUSE,    "cause",    "N -- root cause",                     CMD_BY_FACILITATOR, "the root cause of observation N") \
    X(PLAN,     "plan",     "N ELEMENT START END -- action",       CMD_BY_FACILITATOR, "a corrective action for area N") \
    X(OWNER,    "owner",    "N -- organisation",                   CMD_BY_FACILITATOR, "who owns corrective action N") \
    X(EXERCISE, "exercise", "FIELD [ROLE] -- value",               CMD_BY_FACILITATOR, "the cover: sponsor, location...")

/* X(KIND, name, arguments, another name or NULL, help): not journaled. */
#define CMD_LOOK_LIST(X) \
    X(HELP,     "help",     "",     "?",    "this list") \
    X(STATUS,   "status",   "",     NULL,   "meters, budgets, the clock") \
    X(INBOX,    "inbox",    "",     NULL,   "this role's injects") \
    X(SHOW,     "show",     "EVENT", NULL,  "an inject in full, with its options") \
    X(ACTIONS,  "actions",  "",     NULL,   "this role's standing actions") \
    X(BOARD,    "board",    "",     NULL,   "the evidence boards") \
    X(TIMELINE, "timeline", "",     NULL,   "what has happened") \
    X(RELOAD,   "reload",   "",     NULL,   "re-read the scenario, replay the game") \
    X(JUMP,     "jump",     "TURN [POLICY]", NULL, "a policy plays the moves up to TURN") \
    X(SAVE,     "save",     "FILE", NULL,   "copy the save to FILE") \
    X(WHATIF,   "whatif",   "N [POLICY] LINE", NULL, "debrief: command N as LINE, played on") \
    X(QUIT,     "quit",     "",     "exit", "leave the game")
// clang-format on

#define CMD_KIND_(kind, ...) CMD_##kind,
typedef enum { CMD_LIST(CMD_KIND_) CMD_COUNT } cmd_kind;
#define CMD_LOOK_KIND_(kind, ...) CMD_LOOK_##kind,
typedef enum { CMD_LOOK_LIST(CMD_LOOK_KIND_) CMD_LOOK_COUNT } cmd_look;
#undef CMD_KIND_
#undef CMD_LOOK_KIND_

/* One row of either table. */
typedef struct cmd_spec {
    const char *name;
    const char *args;  /* as the user writes them; "" for none */
    const char *alias; /* another name (look-around only), or NULL */
    cmd_who who;       /* game commands only */
    int journaled;     /* 1 for a game command, 0 for a look-around one */
    const char *help;  /* one line */
} cmd_spec;

extern const cmd_spec cmd_specs[CMD_COUNT];
extern const cmd_spec cmd_look_specs[CMD_LOOK_COUNT];
extern const char *const cmd_names[CMD_COUNT];

typedef struct cmd {
    cmd_kind kind;
    char a[CMD_TOKEN_MAX]; /* the first word: event / role / meter / ending */
    char b[CMD_TOKEN_MAX]; /* the second: option / action */
    char c[CMD_TOKEN_MAX]; /* the third: target */
    double value;          /* VALUE */
    char title[CMD_TITLE_MAX];
    char text[CMD_TEXT_MAX]; /* after " -- ", or a note's TEXT */
    /* Set by a caller that already knows the indexes (the automatic players
       of a batch run): game_apply then skips the lookups by name. The names
       above must still be filled, for messages and the journal. */
    int resolved;
    int move; /* choose, act: the move index */
    /* The participant who sent it (propose, vote need one): not part of the
       line; the session fills it from the command's provenance (journal.h). */
    char by[CMD_TOKEN_MAX];
    /* The options given ([name=WORD]), in the order the table declares
       them; "" when absent. Read them with cmd_flag. */
    char flag[CMD_MAX_FLAGS][CMD_TOKEN_MAX];
} cmd;

/* The value of option `name` in c ("" when not given, or not one of the
   command's). */
const char *cmd_flag(const cmd *c, const char *name);

/* Parse one line. Returns 0, or -1 with a one-line message in err. */
int cmd_parse(const char *line, cmd *out, char *err, size_t errlen);
/* The canonical line for a command (what the journal stores). */
void cmd_format(const cmd *c, strbuf *out);
/* True when the line holds nothing to run (blank or a # comment). */
int cmd_is_blank(const char *line);

/* The kind named by the n bytes at word, or -1. */
int cmd_find(const char *word, size_t n);
/* The look-around command named by them (or by its other name), or -1. */
int cmd_look_find(const char *word, size_t n);
/* "name ARGS" of a row, as in the help and the "usage:" messages. */
void cmd_usage(const cmd_spec *s, char *buf, size_t size);
/* The message for an unknown first word (its control characters shown as
   '?'), listing the game commands, and the look-around ones when look. */
void cmd_unknown(const char *word, size_t n, int look, char *err, size_t errlen);
/* Every command, one per line under a heading per group (team, facilitator,
   look-around): the text mode's `help` and the README's list. A usage too
   long for the column stands on its own line, its help on the next. */
void cmd_help(strbuf *out);

#endif
