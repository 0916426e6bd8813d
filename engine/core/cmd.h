/*
 * cmd.h -- the command language: one command per line, shared by the text
 * mode, --commands files, the GUI and the journal.
 *
 *   choose EVENT OPTION [-- rationale]
 *   act ROLE ACTION [TARGET] [-- rationale]
 *   end                         end the current role's move
 *   note TEXT                   facilitator note pinned to the turn
 *   set METER VALUE -- reason   facilitator override
 *   inject ROLE|all TITLE -- TEXT
 *   pause | resume              stop and restart deliveries
 *   fire EVENT | suppress EVENT deliver now / never deliver a scheduled inject
 *   undo                        take back the last command
 *   finish [ENDING]             end the exercise
 *
 * cmd_parse checks the syntax only; whether a command fits the game is
 * game_apply's business.
 */
#ifndef CR_CMD_H
#define CR_CMD_H

#include <stddef.h>

#include "util.h"

#define CMD_TOKEN_MAX 64
#define CMD_TEXT_MAX  2000
#define CMD_TITLE_MAX 160

typedef enum {
    CMD_CHOOSE,
    CMD_ACT,
    CMD_END,
    CMD_NOTE,
    CMD_SET,
    CMD_INJECT,
    CMD_PAUSE,
    CMD_RESUME,
    CMD_FIRE,
    CMD_SUPPRESS,
    CMD_UNDO,
    CMD_FINISH,
    CMD_COUNT
} cmd_kind;

typedef struct cmd {
    cmd_kind kind;
    char a[CMD_TOKEN_MAX]; /* event / role / meter */
    char b[CMD_TOKEN_MAX]; /* option / action */
    char c[CMD_TOKEN_MAX]; /* target */
    double value;
    char title[CMD_TITLE_MAX];
    char text[CMD_TEXT_MAX]; /* rationale, note, reason or inject text */
    /* Set by a caller that already knows the indexes (the automatic players
       of a batch run): game_apply then skips the lookups by name. The names
       above must still be filled, for messages and the journal. */
    int resolved;
    int move; /* choose, act: the move index */
} cmd;

extern const char *const cmd_names[CMD_COUNT];

/* Parse one line. Returns 0, or -1 with a one-line message in err. */
int cmd_parse(const char *line, cmd *out, char *err, size_t errlen);
/* The canonical line for a command (what the journal stores). */
void cmd_format(const cmd *c, strbuf *out);
/* The usage line of every command, one per line. */
const char *cmd_usage(void);
/* True when the line holds nothing to run (blank or a # comment). */
int cmd_is_blank(const char *line);

#endif
