/*
 * cmdfile.h -- a file of commands (--commands FILE): one command of the
 * language (cmd.h) a line, blank lines and '#' comments skipped, each line
 * through session_apply() and so journaled like a typed one.
 *
 * A line is read whole or not at all: one longer than CMDFILE_MAX_LINE is an
 * error naming the file and the line, never two commands. The first refused
 * command stops the file; the ones before it stay applied.
 *
 * The journal is synced to disk once, when the file ends (or stops at a
 * refusal), not after each command: each line still reaches the system as
 * it is applied, so a crash of the program keeps every command applied so
 * far; a power cut in the middle can lose the file's commands since it
 * began (never those before it).
 */
#ifndef CR_CMDFILE_H
#define CR_CMDFILE_H

#include <stddef.h>
#include <stdio.h>

#include "session.h"

/* Bytes in one line, without its newline. The longest command the parser
   takes (a CMD_TEXT_MAX text, a title and three words) is about 2.4 KB; the
   reader allows more so that an over-long text gets the parser's own
   message, which says what the limit of that field is. */
#define CMDFILE_MAX_LINE 4096

/* One line into buf, which holds CMDFILE_MAX_LINE + 2 bytes, without its
   newline (a carriage return ends it too). 1 read; 0 at the end of the
   file; -1 when the line is longer than CMDFILE_MAX_LINE: nothing of it is
   returned, and the next call reads the line after it. */
int cmdfile_read_line(FILE *f, char *buf);

/* Told of a command that was taken but left a message (s->err), e.g. the
   journal could not be written: the game goes on in memory. */
typedef void (*cmdfile_warn_fn)(void *ud, const char *msg);

/* Apply the commands of path ("-": standard input). 0 when every command
   was taken; -1 with err "PATH:LINE: reason" for a refused command or an
   over-long line, or "cannot open 'PATH': reason". warn may be NULL. */
int cmdfile_apply(session *s, const char *path, cmdfile_warn_fn warn, void *ud, char *err,
                  size_t errlen);

#endif
