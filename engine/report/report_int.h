/*
 * report_int.h -- what the after-action report's HTML (aar_html.c) and
 * JSON (aar_json.c) writers share, so that they never disagree: which
 * option history took, which log lines are the timeline, who settled each
 * decision and the walk over the facilitator's interventions (aar.c). Who
 * made each move and how long it took is core's record.h.
 */
#ifndef CR_REPORT_INT_H
#define CR_REPORT_INT_H

#include "logtext.h"
#include "record.h"
#include "report.h"
#include "view.h"

/* Whom the report is for (report.h): the facilitator. */
viewer aar_reader(void);

/* The option of ev flagged historical, -1 when none is. */
int aar_historical(const def_scenario *sc, const def_event *ev);
/* Item i carries a decision (an event with options). */
int aar_decided(const game *g, int i);
/* Log entry i in words into o when it belongs on the timeline: what the
   debrief saw of play (injects, decisions and what came of them, the
   facilitator's ad-hoc injects, which players received); 0 for the rest. */
int aar_on_timeline(const game *g, int i, logtext *o);

/* Calls fn for every intervention in order of turns: the game's log first,
   then the journal's undos of that turn (they left no trace in the log). */
typedef void (*aar_each_fn)(void *ud, int turn, const logtext *l);
void aar_each_intervention(const session *s, aar_each_fn fn, void *ud);

/* Who settled item's decision (core's record.h, the one reader of the
   journal's provenance) into *m and in words; its kind as the JSON and the
   CSV name it (record_made_kind), "open" while nobody has. */
const char *aar_item_made(const session *s, int item, record_made *m, char *words, size_t size);
/* The size of a "who made it" in words. */
enum { AAR_WHO_MAX = 200 };

/* The evaluation sections (aar_eval.c) and the what-if annex (aar_whatif.c),
   apart from the rest so that the page's other sections can change beside
   them. The section numbers are those of aar_html.c's table. */
void aar_section(strbuf *b, int i);
/* The stylesheet rules of those sections, after the page's own. */
extern const char aar_eval_css[];
void aar_eval_cover(strbuf *b, const session *s);
void aar_eval_particulars(strbuf *b, const session *s, const report_opts *o, const record_times *t);
void aar_eval_analysis(strbuf *b, const session *s, int section);
void aar_eval_time(strbuf *b, const session *s, const record_times *t, int section);
void aar_eval_plan(strbuf *b, const session *s, int section);
void aar_whatif_annex(strbuf *b, const session *s, const report_opts *o, int section);
/* The same in the JSON report. */
struct cJSON;
void aar_eval_json(struct cJSON *root, const session *s, const record_times *t);
void aar_whatif_json(struct cJSON *root, const session *s, const report_opts *o);
/* One CSV cell (RFC 4180 quoting, formulas defused: csv.c), then a comma,
   or CRLF when last; a whole number as a cell. */
void csv_cell(strbuf *b, const char *text, int last);
void csv_int(strbuf *b, long v, int last);

/* The facilitator named for the cover: the option, else the exercise's own. */
const char *aar_facilitator(const session *s, const report_opts *o);

/* History told straight (aar_history.c, issue 14): each inject's note with
   its sources in full, the intelligence assessment scored, the questions
   with the turn each was put; and the same in the JSON. */
void aar_history_notes(strbuf *b, const game *g);
void aar_assessment(strbuf *b, const game *g);
void aar_questions(strbuf *b, const game *g);
void aar_history_json(struct cJSON *root, const game *g);

/* The participants' hotwash (aar_hotwash.c): their answers after the end,
   read from the journal; the report summarises them beside the
   facilitator's ratings, and a report without any is what it was. */
enum { AAR_WELL, AAR_IMPROVE, AAR_OTHER, AAR_NTEXTS }; /* the free-text questions */
extern const char *const aar_hotwash_keys[AAR_NTEXTS]; /* their keys in the answer */

typedef struct aar_answer {
    char who[CMD_TOKEN_MAX]; /* the team's role id, or "observer" */
    char *name;              /* "" when not given: anonymous */
    char *text[AAR_NTEXTS];  /* "" when not given */
    int *rating;             /* [nobjectives]: 1..5, 0 not rated */
} aar_answer;

typedef struct aar_hotwash {
    aar_answer *a;
    int n, nobj;
    int (*tally)[6]; /* [nobj][rating]: how many gave it (0: not rated) */
} aar_hotwash;

int aar_hotwash_read(const session *s, aar_hotwash *h); /* the number of answers */
void aar_hotwash_free(aar_hotwash *h);
/* The mean rating of objective obj, over the *n answers that rated it. */
double aar_hotwash_mean(const aar_hotwash *h, int obj, int *n);
void aar_hotwash_who(const session *s, const aar_hotwash *h, strbuf *out);
void aar_hotwash_author(const session *s, const aar_answer *a, strbuf *out);

#endif
