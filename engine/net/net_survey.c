/*
 * net_survey.c -- the hotwash survey from the devices (docs/protocol.md,
 * "survey"). After the facilitator ends the exercise each participant of a
 * team or of the observers may answer once: what went well, what to
 * improve, anything else, a rating from 1 to 5 for each of the scenario's
 * objectives, and a name only if they want one. The answers are checked
 * here on the owner's thread and journaled as one command,
 *     survey ROLE|observer -- {"name": ..., "well": ..., "improve": ...,
 *                              "other": ..., "ratings": {"OBJ": 1..5}}
 * which engine/report reads back (aar_hotwash.c). The line's provenance
 * names the team and nothing else, no participant, name or seq: an answer
 * is anonymous unless it carries a name. That a participant has answered
 * is kept in the host file (one survey each, even after a restart); what
 * they answered is only in the journal.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "net_int.h"

static const char *const texts[] = {"well", "improve", "other"};

/* Free text as it goes into the journal: control characters other than
   line breaks and tabs dropped, blanks trimmed at both ends. NULL (with
   why) when it is not a string, is too long or is not UTF-8. */
static char *answer_text(cJSON *o, const char *key, const char **code, char *err, size_t errlen)
{
    cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v || cJSON_IsNull(v)) return xstrdup("");
    size_t n = cJSON_IsString(v) ? strlen(v->valuestring) : 0;
    *code = "malformed";
    if (!cJSON_IsString(v)) {
        str_fmt(err, errlen, "survey: \"%s\" is text", key);
        return NULL;
    }
    if (!net_utf8_ok((const unsigned char *)v->valuestring, n)) {
        str_fmt(err, errlen, "survey: \"%s\" is not UTF-8", key);
        return NULL;
    }
    char *out = xmalloc(n + 1);
    size_t k = 0;
    for (const unsigned char *p = (const unsigned char *)v->valuestring; *p; p++)
        if (*p >= 0x20 ? *p != 0x7f : *p == '\n' || *p == '\t') out[k++] = (char)*p;
    while (k && strchr(" \t\n", out[k - 1])) k--;
    out[k] = '\0';
    size_t lead = strspn(out, " \t\n");
    memmove(out, out + lead, k - lead + 1);
    if (k - lead > NET_SURVEY_TEXT_MAX) {
        *code = "too_large";
        str_fmt(err, errlen, "survey: \"%s\" is %zu bytes; at most %d", key, k - lead,
                NET_SURVEY_TEXT_MAX);
        free(out);
        return NULL;
    }
    return out;
}

/* The ratings in the scenario's order: each key an objective, each value a
   whole number from 1 to 5. -1 with why otherwise. */
static int ratings(const def_scenario *sc, cJSON *o, cJSON *out, char *err, size_t errlen)
{
    cJSON *r = cJSON_GetObjectItemCaseSensitive(o, "ratings"), *e;
    if (!r || cJSON_IsNull(r)) return 0;
    if (!cJSON_IsObject(r)) {
        str_fmt(err, errlen, "survey: \"ratings\" is an object, {\"OBJECTIVE\": 1..5}");
        return -1;
    }
    cJSON_ArrayForEach(e, r)
    {
        int obj = -1;
        for (int i = 0; i < sc->nobjectives; i++)
            if (strcmp(sc->objectives[i].id, e->string) == 0) obj = i;
        if (obj < 0) {
            str_fmt(err, errlen, "survey: no objective '%.64s'; this scenario's:", e->string);
            for (int i = 0; i < sc->nobjectives; i++)
                str_cat(err, errlen, "%s %s", i ? "," : "", sc->objectives[i].id);
            if (!sc->nobjectives) str_cat(err, errlen, " none");
            return -1;
        }
        if (!cJSON_IsNumber(e) || e->valuedouble != (int)e->valuedouble || e->valuedouble < 1 ||
            e->valuedouble > 5) {
            str_fmt(err, errlen, "survey: the rating of '%s' is a whole number from 1 to 5",
                    e->string);
            return -1;
        }
    }
    for (int i = 0; i < sc->nobjectives; i++) {
        cJSON *v = cJSON_GetObjectItemCaseSensitive(r, sc->objectives[i].id);
        if (v) cJSON_AddNumberToObject(out, sc->objectives[i].id, v->valuedouble);
    }
    return 0;
}

/* The answers as journaled, or NULL with the code and why. */
static cJSON *answers(const def_scenario *sc, cJSON *o, const char **code, char *err, size_t errlen)
{
    cJSON *name = cJSON_GetObjectItemCaseSensitive(o, "name");
    char clean[NET_NAME_MAX + 1] = "";
    *code = "malformed";
    if (name && !cJSON_IsNull(name) && !cJSON_IsString(name)) {
        str_fmt(err, errlen, "survey: \"name\" is text (or empty: anonymous)");
        return NULL;
    }
    if (cJSON_IsString(name)) net_name_clean(name->valuestring, clean);
    cJSON *a = cJSON_CreateObject();
    cJSON_AddStringToObject(a, "name", clean);
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        char *t = answer_text(o, texts[i], code, err, errlen);
        if (!t) {
            cJSON_Delete(a);
            return NULL;
        }
        cJSON_AddStringToObject(a, texts[i], t);
        free(t);
    }
    *code = "malformed";
    if (ratings(sc, o, cJSON_AddObjectToObject(a, "ratings"), err, errlen)) {
        cJSON_Delete(a);
        return NULL;
    }
    return a;
}

/* Who may answer, and when. */
static int may_answer(const net *n, const session *s, int slot, int k, const char **code, char *err,
                      size_t errlen)
{
    *code = "not_allowed";
    if (slot == net_slot_facilitator(n)) {
        str_fmt(err, errlen,
                "the survey is the participants'; you rate the objectives in the "
                "console");
        return -1;
    }
    *code = "refused";
    if (!s->g->ended) {
        str_fmt(err, errlen, "the survey opens when the facilitator ends the exercise");
        return -1;
    }
    if (n->parts[k].surveyed) {
        str_fmt(err, errlen,
                "your answers are already in (one survey each: it is anonymous, so "
                "it cannot be changed)");
        return -1;
    }
    return 0;
}

int net_survey_line(const net *n, const session *s, const net_req *r, int k, strbuf *line,
                    journal_by *by, const char **code, char *err, size_t errlen)
{
    if (may_answer(n, s, r->slot, k, code, err, errlen)) return -1;
    cJSON *a = answers(s->sc, r->answers, code, err, errlen);
    if (!a) return -1;
    char *json = cJSON_PrintUnformatted(a);
    cJSON_Delete(a);
    size_t len = json ? strlen(json) : 0;
    if (!json || len >= CMD_TEXT_MAX) {
        *code = "too_large";
        str_fmt(err, errlen, "the answers are %zu bytes together; at most %d: shorten them", len,
                CMD_TEXT_MAX - 1);
        free(json);
        return -1;
    }
    const char *who = net_slot_name(n, r->slot);
    sb_printf(line, "%s %s -- %s", cmd_names[CMD_SURVEY], who, json);
    free(json);
    memset(by, 0, sizeof *by);
    int team = r->slot < n->sc->nroles;
    str_fmt(by->kind, sizeof by->kind, "%s", team ? "team" : "observer");
    if (team) str_fmt(by->team, sizeof by->team, "%s", who);
    return 0;
}

int net_survey_count(const session *s)
{
    int k = 0;
    size_t n = strlen(cmd_names[CMD_SURVEY]);
    for (int i = 0; i < s->nlive; i++) {
        const char *c = s->log[s->live[i]].cmd;
        k += strncmp(c, cmd_names[CMD_SURVEY], n) == 0 && c[n] == ' ';
    }
    return k;
}

net_msg *net_survey_sent(const net_msg *m)
{
    /* net_view_state ends every team's and observer's state with it. */
    static const char tail[] = "\"sent\":false}}", sent[] = "\"sent\":true}}";
    size_t t = sizeof tail - 1, keep = m ? m->len - t : 0;
    if (!m || m->len < t || memcmp(m->data + keep, tail, t) != 0) return NULL;
    char *buf = xmalloc(keep + sizeof sent);
    memcpy(buf, m->data, keep);
    memcpy(buf + keep, sent, sizeof sent);
    net_msg *out = net_msg_new(buf, keep + sizeof sent - 1);
    free(buf);
    return out;
}
