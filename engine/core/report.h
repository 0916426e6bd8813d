/*
 * report.h -- the after-action report of a session, in the shape of the
 * HSEEP after-action report / improvement plan: overview, objectives rated
 * P/S/M/U, a timeline of injects and decisions, the facilitator's
 * interventions, a chart of every meter, the choices beside history,
 * strengths and areas for improvement, a blank improvement plan, and the
 * scenario's questions, sources and hidden truth.
 *
 * Both generators only read the session (replayed from its save by the
 * caller); the CLI writes their output to a file, the GUI's debrief calls
 * them the same way. The HTML is one self-contained page that also parses
 * as XML (XHTML syntax), so tests can check it with an XML parser.
 */
#ifndef CR_REPORT_H
#define CR_REPORT_H

#include "session.h"
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

#endif
