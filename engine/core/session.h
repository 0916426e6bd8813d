/*
 * session.h -- a game together with its journal: what every front end holds.
 *
 * session_apply() parses a command line and hands it to game_apply(); when
 * the game takes it, it is journaled (appended and flushed). `undo` is done
 * here: the game is rebuilt from the start by replaying the commands still in
 * effect, which the determinism of core makes exact. A script error in a
 * command is reported and the game is rebuilt to just before it.
 *
 * Hot reload (session_rebuild_on) never loses a command. It replays the
 * whole journal, undos included, on the reloaded scenario, so that a reload
 * that fits keeps the save line for line. A command that no longer fits
 * stops the replay there, and it and every command after it become the new
 * session's *pending* commands: the next reload tries them again after the
 * journal, as long as nothing has been journaled since (a command played
 * after them would otherwise come before them). A command that no longer
 * fits but was taken back by an undo later had no effect on the game as it
 * stands: it is left out with its undo, and the replay goes on. What a
 * reload leaves out (pending or left out) is kept on disk by the front end
 * (engine/front/reload.h: a backup beside the save, which session_backup
 * writes); core only keeps the pending commands in memory.
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
    /* The commands the last hot reload could not replay, from the one that
       stopped it on, in order (entries owned here); offered to the next
       reload while nlog == pending_at (see session_pending). */
    journal_entry *pending;
    int npending, pending_at;
    char pending_file[1024]; /* the backup keeping them on disk; "" none */
    /* For each entry of the game's log, the index in log of the command
       that made it, -1 for the game's own start (record.h reads who made
       each move by it); rebuilt with the game after an undo. */
    int *log_src;
    int clog_src;
    char opened[32]; /* when this session was opened (journal_by.opened) */
    int opened_told; /* a journaled command carries it */
    char err[1024];
} session;

session *session_new(const def_scenario *sc, const game_host *host, uint64_t seed, int variant,
                     int variant_mode, char *err, size_t errlen);
void session_free(session *s);

/* Apply one command line: GAME_OK (s->err empty, or what the facilitator
   must hear: an event suspended by a script error, a save that failed);
   GAME_REFUSED (s->err says why); or GAME_SCRIPT_ERROR (s->err; the game
   was rebuilt to before the command). */
game_rc session_apply(session *s, const char *line);
/* The same, sent by `by` (NULL: not recorded): the journal keeps who sent
   it, stamped with the time now unless by->at is set (a replay keeps the
   original time); by->participant is the command's sender for the game
   (votes). */
game_rc session_apply_as(session *s, const char *line, const journal_by *by);

/* Every team moves at once (1) or one after another (0): only before the
   first command. 0, or -1 when commands were applied. */
int session_set_simultaneous(session *s, int on);
/* Play the scenario's session `id` (def_session; NULL or "": every turn),
   recorded in the journal's header: only before the first command (the
   game starts again with it). 0, or -1 with the reason in err. */
int session_set_session(session *s, const char *id, char *err, size_t errlen);

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
   to err. Into a session with no command yet, the save's exercise goes on:
   the header keeps the save's start time (the exercise's date, never the
   time of a reload or a resume) and, when s has none, its scenario folder. */
int session_replay(session *s, const journal_file *jf, char *err, size_t errlen);

/* The pending commands the next reload will try: s->npending while nothing
   has been journaled since the reload that left them, else 0 (they were set
   aside: only the backup, s->pending_file, still holds them). */
int session_pending(const session *s);
/* Make n copies of e s's pending commands, kept in file ("" none), as if
   the reload that left them had just happened (resuming a save beside its
   backup: engine/front/reload.h). */
void session_set_pending(session *s, const journal_entry *e, int n, const char *file);
/* Write s's journal and then its pending commands on offer (everything a
   reload of s starts from: a save that replays them all on a scenario that
   takes them) to path, atomically. 0, or -1 with the reason in err. */
int session_backup(const session *s, const char *path, char *err, size_t errlen);

/* What a hot reload did with the commands it tried. */
typedef struct session_rebuilt {
    int tried;                /* old's journal, then its pending commands on offer */
    int replayed;             /* journaled again in the new session */
    int pending;              /* from the one that stopped the replay on (stop) */
    int stop;                 /* that one's number among the tried, from 1; 0 none */
    int left_out;             /* undone commands that no longer fit, left out with their undo */
    char left_out_first[256]; /* "command N: `cmd`: reason" of the first */
} session_rebuilt;

/* Hot reload: a new session on a reloaded scenario (sc, host) with old's
   seed and variant (by id), into which old's journal (every entry, undos
   included) and then its pending commands on offer are replayed, by the
   rules above; *out says how it went. NULL when the game cannot start there
   (err says why). When a command no longer fits, err holds
   "command N: `cmd`: reason", and the new session holds it and those after
   it as pending (s->pending_file stays "": the front end says where they
   are kept). The new session journals nowhere (see session_save_to); old is
   untouched. The new session keeps old's mode and each command's provenance. */
session *session_rebuild_on(session *old, const def_scenario *sc, const game_host *host,
                            session_rebuilt *out, char *err, size_t errlen);

#endif
