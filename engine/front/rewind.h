/*
 * rewind.h -- what-if rewind: a save's game played again with one of its
 * journaled commands replaced, and on to the end by an automatic player
 * (autoplay.h), beside the game as the room played it. `crisisroom
 * whatif`, the text mode's `whatif`, the window's debrief and the report's
 * annex all go through rewind_run.
 *
 * The N-th journaled command (from 1, as the journal lists them: undos and
 * undone commands count) is replaced by LINE; the commands before it are
 * replayed as they were, with their provenance; those after it are
 * dropped, since the game they answered no longer happens; the policy then
 * plays every move to the end. The original is the journal replayed whole,
 * and, when it had not ended, played on by the same policy. Both run in
 * sessions of their own that journal nowhere: the caller's session and its
 * save are never changed.
 */
#ifndef CR_REWIND_H
#define CR_REWIND_H

#include <stddef.h>

#include "policy.h"
#include "report.h"
#include "session.h"

/* Fill out (report.h: the two outcomes, the command replaced and the
   line). 0, or -1 with err: N out of range, LINE refused there ("command
   N: `LINE` was refused: why"), a script error, or the policy stuck. */
int rewind_run(const session *s, int at, const char *line, policy_kind k, report_whatif *out,
               char *err, size_t errlen);

/* "N:LINE" (the report's --whatif) into *at and the line; -1 when it is
   not of that form. */
int rewind_parse_spec(const char *spec, int *at, const char **line);

#endif
