/*
 * test_hotwash.c -- the participants' hotwash in the after-action report
 * (aar_hotwash.c): answers journaled after the end are summarised beside the
 * facilitator's ratings, named only when their author gave a name, escaped
 * like every text of the report; unreadable lines are left out; a report
 * without answers has no trace of the section.
 *
 * The answers are put into the session's journal as the host is to
 * journal them (`survey WHO -- JSON`, docs/running-an-exercise.md). Until
 * the command language has `survey`, the test appends the lines itself.
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "report.h"
#include "script.h"

static void journal_push(session *s, const char *line)
{
    if (s->nlog == s->clog)
        s->clog = s->clog * 2 + 8, s->log = xrealloc(s->log, (size_t)s->clog * sizeof *s->log);
    if (s->nlive == s->clive)
        s->clive = s->clive * 2 + 8,
        s->live = xrealloc(s->live, (size_t)s->clive * sizeof *s->live);
    memset(&s->log[s->nlog], 0, sizeof s->log[s->nlog]);
    s->log[s->nlog].cmd = xstrdup(line);
    s->log[s->nlog].turn = s->g->turn;
    s->live[s->nlive++] = s->nlog++;
}

static session *finished(script **scr)
{
    char err[4096];
    *scr = script_load(CR_SOURCE_DIR "/tests/fixtures/mini", NULL, err, sizeof err);
    CHECK_MSG(*scr != NULL, "load: %s", err);
    if (!*scr) return NULL;
    session *s = session_new(script_scenario(*scr), script_host(*scr), 1, -1, 0, err, sizeof err);
    CHECK_MSG(s != NULL, "session: %s", err);
    if (s) CHECK_EQ_INT(session_apply(s, "finish"), 0);
    return s;
}

static const char *const answers[] = {
    "survey a -- {\"name\":\"Ana <b>\",\"well\":\"We talked & listened\",\"improve\":\"\","
    "\"other\":\"\",\"ratings\":{\"o1\":4,\"o9\":5}}",
    "survey b -- {\"name\":\"\",\"well\":\"\",\"improve\":\"Slower <script>alert(1)</script>\","
    "\"other\":\"Line one\\nline two\",\"ratings\":{\"o1\":5}}",
    "survey observer -- {\"ratings\":{\"o1\":7}}", /* out of range: not counted */
    "survey a -- not json",                        /* unreadable: left out */
    "survey -- {\"well\":\"no author\"}",          /* no WHO: left out */
};

static void test_summary(const char *out)
{
    script *scr;
    session *s = finished(&scr);
    if (!s) return;
    for (size_t i = 0; i < sizeof answers / sizeof *answers; i++) journal_push(s, answers[i]);
    strbuf h = {0}, j = {0};
    CHECK_EQ_INT(report_html(s, NULL, &h), 0);
    CHECK_STR_HAS(h.s, "<a href=\"#hotwash\">Participants' feedback (hotwash)</a>");
    CHECK_STR_HAS(h.s, "<h2>13. Participants' feedback (hotwash)</h2>");
    CHECK_STR_HAS(h.s, "3 answers from the participants' devices after the end (Alpha 1 · Beta 1 "
                       "· observers 1)");
    CHECK_STR_HAS(h.s, "<td><b>4.5</b> of 5 <span class=\"muted\">(2 answers)</span></td>");
    CHECK_STR_HAS(h.s, "<td>0</td><td>0</td><td>0</td><td>1</td><td>1</td>"); /* 4 once, 5 once */
    CHECK_STR_HAS(h.s, "We talked &amp; listened</span> <span class=\"muted\">— Ana &lt;b&gt; "
                       "(Alpha)</span>");
    CHECK_STR_HAS(h.s, "Slower &lt;script&gt;alert(1)&lt;/script&gt;</span></li>"); /* anonymous */
    CHECK_MSG(!strstr(h.s, "<script>"), "a participant's text reached the page as markup");
    CHECK_MSG(!strstr(h.s, "no author"), "a line without its team was read");
    if (out) { /* for the ctest that parses it as XML, and for a look */
        FILE *f = fopen(out, "w");
        CHECK_MSG(f && fputs(h.s, f) >= 0 && fclose(f) == 0, "cannot write %s", out);
    }
    CHECK_EQ_INT(report_json(s, NULL, &j), 0);
    cJSON *root = cJSON_Parse(j.s);
    cJSON *hw = cJSON_GetObjectItem(root, "hotwash");
    CHECK_MSG(hw != NULL, "no hotwash in the JSON report");
    if (hw) {
        CHECK_EQ_INT(cJSON_GetObjectItem(hw, "answers")->valueint, 3);
        cJSON *o = cJSON_GetArrayItem(cJSON_GetObjectItem(hw, "objectives"), 0);
        CHECK_EQ_STR(cJSON_GetObjectItem(o, "facilitator")->valuestring, "M");
        CHECK_MSG(cJSON_GetObjectItem(o, "mean")->valuedouble == 4.5, "mean");
        cJSON *imp = cJSON_GetArrayItem(cJSON_GetObjectItem(hw, "improve"), 0);
        CHECK_MSG(cJSON_IsNull(cJSON_GetObjectItem(imp, "by")), "an anonymous answer is named");
        CHECK_EQ_INT(cJSON_GetObjectItem(cJSON_GetObjectItem(hw, "by_team"), "a")->valueint, 1);
    }
    cJSON_Delete(root);
    sb_free(&h), sb_free(&j);
    session_free(s);
    script_free(scr);
}

/* Without answers the report is what it was: no section, no column. */
static void test_none(void)
{
    script *scr;
    session *s = finished(&scr);
    if (!s) return;
    strbuf h = {0}, j = {0};
    report_html(s, NULL, &h);
    report_json(s, NULL, &j);
    CHECK_MSG(!strstr(h.s, "hotwash") && !strstr(h.s, "Participants"), "a trace of the hotwash");
    CHECK_MSG(!strstr(j.s, "hotwash"), "a hotwash key without answers");
    CHECK_STR_HAS(h.s, "<th>Rating</th></tr></thead>");
    sb_free(&h), sb_free(&j);
    session_free(s);
    script_free(scr);
}

int main(int argc, char **argv)
{
    test_summary(argc > 1 ? argv[1] : NULL);
    test_none();
    return check_report("hotwash");
}
