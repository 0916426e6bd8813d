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
 * A what-if (engine/front/rewind.h) compares a game with the same game
 * played on from one changed command; the report can carry chosen ones as
 * an annex.
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

/* One game's outcome, as a what-if compares two (engine/front/rewind.h
   fills them; report_outcome_of reads one off a game). */
typedef struct report_outcome {
    int ended, ending; /* the ending's index once ended */
    int turns;         /* turns played: history has turns + 1 rows */
    double *history;   /* [(turns + 1) * nmeters]: the start, then each turn's end */
    char *ratings;     /* [nobjectives]: 'P' 'S' 'M' 'U', 0 when not ended */
    uint64_t hash;     /* game_hash at the end */
    int commands;      /* journaled commands */
    int by_policy;     /* of them, the automatic player's */
} report_outcome;

/* A what-if: the save's command `at` (from 1) replaced by `line`, played
   on by `policy`, beside the original. */
typedef struct report_whatif {
    int at;
    char *replaced, *line;
    policy_kind policy;
    report_outcome original, whatif;
} report_whatif;

void report_outcome_of(const session *s, int by_policy, report_outcome *out);
void report_whatif_free(report_whatif *w);
/* {"at":..,"replaced":..,"line":..,"policy":..,"original":{...},"whatif":{...}},
   each outcome with ending, ended, meters (id -> values by turn), objectives
   (id -> rating), state_hash, turns and commands. */
void report_whatif_json(const def_scenario *sc, const report_whatif *w, strbuf *out);

typedef struct report_opts {
    const char *facilitator;      /* NULL or "": the exercise's own, else "not recorded" */
    const report_whatif *whatifs; /* an annex of what-ifs, NULL none */
    int nwhatifs;
} report_opts;

/* Append the report to out. 0, or -1 when the session has no game. */
int report_html(const session *s, const report_opts *o, strbuf *out);
/* The same data as one JSON object (for comparing teams). */
int report_json(const session *s, const report_opts *o, strbuf *out);

/* The evaluation for the facilitator's page on the room's devices
   (aar_eval_json.c): {"observations", "plan", "exercise", "capabilities",
   "elements"}, with the JSON report's keys. Only for a viewer
   view_sees_evaluation lets see it. The caller owns the object. */
struct cJSON;
struct cJSON *report_evaluation_json(const session *s);

/* CSV (RFC 4180, csv.c): the improvement plan, one row per corrective
   action (and per area for improvement still without one), and the
   decision log, one row per decision asked for. */
int report_plan_csv(const session *s, strbuf *out);
int report_decisions_csv(const session *s, strbuf *out);

/* The facilitator's handbook of a scenario (handbook.c): the situation
   manual and facilitator guide as one printable page, and its master
   scenario events list (MSEL) as CSV. Facilitators only: it holds the
   schedule and the hidden truth. */
void report_handbook_html(const def_scenario *sc, strbuf *out);
void report_msel_csv(const def_scenario *sc, strbuf *out);
/* The players' edition: the team page of role (index), or of every team
   (-1), each on a page of its own and nothing else of the handbook. */
void report_handouts_html(const def_scenario *sc, int role, strbuf *out);

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
