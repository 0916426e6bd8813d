/*
 * reload.h -- hot reload as every front end does it (the text mode's
 * `reload`, the window's F5): the scenario read again from its folder, the
 * game replayed on it by session_rebuild_on (session.h), and the save
 * rewritten to follow the new game.
 *
 * A reload never removes a command from the disk. When the replay leaves
 * commands out (it stopped at one that no longer fits: those are pending;
 * or an undone one no longer fits), everything the reload started from is
 * first written to a backup beside the save, SAVE.before-reload.jsonl
 * (-2, -3 ... when that name is taken: an existing file is never
 * replaced), itself a save that `crisisroom resume` plays. Only then is
 * the save rewritten; when the backup cannot be written the reload is
 * refused and the game goes on unchanged. A reload that tries the pending
 * commands of the last one again keeps that reload's backup (it holds them
 * all), and once they are all in the save again the backup, now equal to
 * the save, is removed. Without a save the pending commands live in memory
 * only, as the rest of such a game does.
 *
 * The pending commands are offered to the next reload while nothing has
 * been journaled since; a command played first sets them aside (they stay
 * in the backup). Resuming a save whose newest backup continues it offers
 * them again (reload_resume).
 */
#ifndef CR_RELOAD_H
#define CR_RELOAD_H

#include <stddef.h>

#include "sb.h"
#include "script.h"
#include "session.h"

/* Backups beside one save: a hundred reloads that each left commands out
   and were played on from. Past it a reload that would need another one is
   refused rather than replace one. */
#define RELOAD_MAX_BACKUPS 99
#define RELOAD_PATH_MAX    4096

typedef struct reload_info {
    session_rebuilt r;
    char dir[RELOAD_PATH_MAX];     /* the scenario's folder */
    char stop[1024];               /* "command N: `cmd`: reason"; "" all replayed */
    char backup[RELOAD_PATH_MAX];  /* where the commands left out are kept; "" nowhere */
    char removed[RELOAD_PATH_MAX]; /* a backup no longer needed, removed; "" none */
    char save_err[512];            /* the save could not follow ("" it did) */
} reload_info;

/* Reload *scp's scenario and replay *sp on it. 0: *sp and *scp are the new
   ones (the old ones freed), the save at path (NULL or "": none) follows
   the new game, and out says how it went. -1: nothing changed, and err
   says why (the scenario does not load, the game cannot start there, the
   backup cannot be written). */
int reload_game(session **sp, script **scp, const char *path, reload_info *out, char *err,
                size_t errlen);

/* How a front end says two things in the sentences below. */
typedef struct reload_words {
    const char *again; /* how to reload: "type 'reload'" */
    const char *next;  /* what sets the pending aside: "the next command" */
    const char *first; /* the same, played first: "a command" */
    const char *open;  /* before a save's name, how to go on from it */
} reload_words;

/* What reload_game did, in sentences for the people at the screen. */
void reload_describe(const reload_info *in, const reload_words *w, strbuf *out);

/* After resuming the save at path into s: the backups a reload left beside
   it, newest first. When the save is still where the reload that wrote the
   newest one left it (its commands begin that backup's), the rest are s's
   pending commands again. Each backup is told in out (nothing when none).
   Returns the number of pending commands set. */
int reload_resume(session *s, const char *path, const reload_words *w, strbuf *out);

#endif
