/*
 * report.h -- the pages the program writes from a game or a batch; the
 * presentation layer over core (engine/core knows no HTML).
 *
 * The after-action report of a session, in the shape of the HSEEP
 * after-action report / improvement plan: overview, objectives rated
 * P/S/M/U, a timeline of injects and decisions, the facilitator's
 * interventions, a chart of every meter, the choices beside history,
 * strengths and areas for improvement, a blank improvement plan, and the
 * scenario's questions, sources and hidden truth. Both forms only read the
 * session (replayed from its save by the caller).
 *
 * Its reader is the facilitator (view.h: view_facilitator, report_int.h's
 * aar_reader): hidden meters, the truth, every team's reasons and the
 * facilitator's own notes and override reasons are in it, the last only in
 * the interventions section. Its timeline is what the room saw in play and
 * at the debrief (view_debrief), so notes never mix into it. Hand it to the
 * sponsor, not to the teams. The HTML is one
 * self-contained page that also parses as XML (XHTML syntax), so tests can
 * check it with an XML parser.
 *
 * The batch report: what many playthroughs added up to (stats.h), as one
 * self-contained HTML page with bar charts.
 *
 * Every generator appends to a strbuf and never touches a file: front ends
 * write the result with outfile.h, the one file writer.
 */
#ifndef CR_REPORT_H
#define CR_REPORT_H

#include "policy.h"
#include "session.h"
#include "stats.h"
#include "util.h"

typedef struct report_opts {
    const char *facilitator; /* NULL or "": "not recorded" */
} report_opts;

/* Append the report to out. 0, or -1 when the session has no game. */
int report_html(const session *s, const report_opts *o, strbuf *out);
/* The same data as one JSON object (for comparing teams). */
int report_json(const session *s, const report_opts *o, strbuf *out);

/* "Performed without challenges"... for 'P', 'S', 'M', 'U'; else "Not rated". */
const char *report_rating_text(char rating);

/* How a batch was played, for its page's opening line. */
typedef struct report_batch {
    policy_kind policy;
    uint64_t seed; /* run r played seed + r */
    long runs;     /* runs asked for */
    double secs;   /* wall time taken */
} report_batch;

/* Append the batch's page to out: endings, objective ratings, meters at the
   end, events delivered, options chosen and the errors kept. */
void report_batch_html(const stats *st, const report_batch *how, strbuf *out);

#endif
