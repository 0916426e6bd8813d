/*
 * rewind.c -- what-if rewind (see rewind.h).
 */
#include "rewind.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "autoplay.h"
#include "util.h"

/* A session of the same game as s, journaling nowhere, with the first n of
   s's commands replayed. NULL with err when one of them no longer fits. */
static session *replayed(const session *s, int n, char *err, size_t errlen)
{
    session *r =
        session_new(s->sc, &s->host, s->h.seed, s->g->variant, s->h.variant_mode, err, errlen);
    if (!r) return NULL;
    r->h = s->h;
    journal_file jf = {.h = s->h, .e = s->log, .n = n};
    if (session_replay(r, &jf, err, errlen) < n) {
        session_free(r);
        return NULL;
    }
    return r;
}

/* Play r on to its end by policy k; the outcome into out. */
static int finish(session *r, policy_kind k, report_outcome *out, char *err, size_t errlen)
{
    int before = r->nlog;
    if (!r->g->ended && autoplay_session(r, k, err, errlen)) return -1;
    report_outcome_of(r, r->nlog - before, out);
    return 0;
}

static int original(const session *s, policy_kind k, report_whatif *out, char *err, size_t errlen)
{
    session *r = replayed(s, s->nlog, err, errlen);
    int rc = r ? finish(r, k, &out->original, err, errlen) : -1;
    session_free(r);
    return rc;
}

static int changed(const session *s, int at, const char *line, policy_kind k, report_whatif *out,
                   char *err, size_t errlen)
{
    session *r = replayed(s, at - 1, err, errlen);
    if (!r) return -1;
    journal_by by = {.kind = "facilitator", .name = "what-if"};
    int rc = session_apply_as(r, line, &by);
    if (rc)
        str_fmt(err, errlen, "command %d: `%s` was refused there: %s", at, line, r->err);
    else
        rc = finish(r, k, &out->whatif, err, errlen);
    session_free(r);
    return rc ? -1 : 0;
}

int rewind_run(const session *s, int at, const char *line, policy_kind k, report_whatif *out,
               char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    if (at < 1 || at > s->nlog) {
        str_fmt(err, errlen, "no command %d in the save: its commands are numbered 1 to %d", at,
                s->nlog);
        return -1;
    }
    out->at = at, out->policy = k;
    out->replaced = xstrdup(s->log[at - 1].cmd);
    out->line = xstrdup(line);
    if (original(s, k, out, err, errlen) || changed(s, at, line, k, out, err, errlen)) {
        report_whatif_free(out);
        return -1;
    }
    return 0;
}

int rewind_parse_spec(const char *spec, int *at, const char **line)
{
    char *end;
    if (!isdigit((unsigned char)spec[0])) return -1;
    long n = strtol(spec, &end, 10);
    if (*end != ':' || n < 1 || n > JOURNAL_MAX_LINES) return -1;
    *at = (int)n;
    *line = end + 1;
    while (isspace((unsigned char)**line)) (*line)++;
    return **line ? 0 : -1;
}
