/*
 * session.h -- a game together with its journal: what every front end holds.
 *
 * session_apply() parses a command line and hands it to game_apply(); when
 * the game takes it, it is journaled (appended and flushed). `undo` is done
 * here: the game is rebuilt from the start by replaying the commands still in
 * effect, which the determinism of core makes exact. A script error in a
 * command is reported and the game is rebuilt to just before it.
 */
#ifndef CR_SESSION_H
#define CR_SESSION_H

#include "game.h"
#include "journal.h"
#include "version.h" /* CR_ENGINE_VERSION, from CMake's project() */

typedef struct session {
    const def_scenario *sc;
    game_host host;
    game *g;
    journal_header h;
    journal_entry *log; /* every journaled command, in order */
    int nlog, clog;
    int *live; /* indexes into log of the commands in effect */
    int nlive, clive;
    journal *j; /* NULL: not saving */
    char err[1024];
} session;

session *session_new(const def_scenario *sc, const game_host *host, uint64_t seed, int variant,
                     int variant_mode, char *err, size_t errlen);
void session_free(session *s);

/* Apply one command line: GAME_OK; GAME_REFUSED (s->err says why); or
   GAME_SCRIPT_ERROR (s->err; the game was rebuilt to before the command). */
game_rc session_apply(session *s, const char *line);
/* The same, sent by `by` (NULL: not recorded): the journal keeps who sent
   it, stamped with the time now unless by->at is set (a replay keeps the
   original time); by->participant is the command's sender for the game
   (votes). */
game_rc session_apply_as(session *s, const char *line, const journal_by *by);

/* Every team moves at once (1) or one after another (0): only before the
   first command. 0, or -1 when commands were applied. */
int session_set_simultaneous(session *s, int on);

/* Start journaling to a new file (its header and every command so far). */
int session_save_to(session *s, const char *path);
/* Write the journal so far to another file, atomically (the text mode's
   `save FILE`); the session keeps journaling where it did. */
int session_export(session *s, const char *path);
/* 1 when the journal failed to write (the game goes on in memory). */
int session_not_saving(const session *s);

/* Replay a journal's commands, in the journal's mode (hot-seat or
   simultaneous) and with their provenance. Returns the number applied;
   when one does not fit it stops there and writes "line N: `cmd`: reason"
   to err. */
int session_replay(session *s, const journal_file *jf, char *err, size_t errlen);

/* The live commands' lines (for hot reload: replay them into a new game). */
int session_lines(const session *s, const char ***lines);

/* Hot reload: a new session on a reloaded scenario (sc, host) with old's
   seed and variant (by id), into which old's live commands are replayed.
   NULL when the game cannot start there (err says why). When a command no
   longer fits, the replay stops before it and err holds
   "command N: `cmd`: reason"; the session is returned at that point. The
   new session keeps old's mode and each command's provenance, and journals
   nowhere (see session_save_to); old is untouched. */
session *session_rebuild_on(session *old, const def_scenario *sc, const game_host *host, char *err,
                            size_t errlen);

#endif
