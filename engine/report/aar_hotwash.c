/*
 * aar_hotwash.c -- the participants' hotwash, as both forms of the report
 * summarise it (report_int.h): the answers the devices sent after the end
 * (assets/web/js/hotwash.js), read back from the journal.
 *
 * One answer is one journaled line (docs/running-an-exercise.md, "The
 * hotwash"):
 *     survey WHO -- {"name": "...", "well": "...", "improve": "...",
 *                    "other": "...", "ratings": {"OBJECTIVE": 1..5}}
 * WHO is the team's role id or "observer". An answer is anonymous unless
 * its own "name" is set: the report never names a participant from the
 * line's provenance. Lines that do not parse, ratings outside 1..5 and
 * objectives the scenario does not have are left out, not refused: the
 * report shows what it can read.
 */
#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "report_int.h"

const char *const aar_hotwash_keys[AAR_NTEXTS] = {"well", "improve", "other"};

static char *hw_string(const cJSON *o, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    return xstrdup(cJSON_IsString(v) && v->valuestring ? v->valuestring : "");
}

static void hw_ratings(const def_scenario *sc, const cJSON *o, int *rating)
{
    const cJSON *r = cJSON_GetObjectItemCaseSensitive(o, "ratings"), *e;
    if (!cJSON_IsObject(r)) return;
    cJSON_ArrayForEach(e, r)
    {
        if (!cJSON_IsNumber(e) || e->valuedouble != (int)e->valuedouble) continue;
        int v = (int)e->valuedouble;
        for (int i = 0; i < sc->nobjectives; i++)
            if (v >= 1 && v <= 5 && strcmp(sc->objectives[i].id, e->string) == 0) rating[i] = v;
    }
}

/* One journaled line into a; 0, or -1 when it is not a readable answer. */
static int hw_parse(const def_scenario *sc, const char *line, aar_answer *a)
{
    cmd c;
    char err[8];
    /* The game's own parser: the line is the command it took. */
    if (cmd_parse(line, &c, err, sizeof err) || c.kind != CMD_SURVEY) return -1;
    size_t n = strlen(c.a);
    if (n == 0 || n >= sizeof a->who) return -1;
    cJSON *o = cJSON_Parse(c.text);
    if (!cJSON_IsObject(o)) {
        cJSON_Delete(o);
        return -1;
    }
    memcpy(a->who, c.a, n + 1);
    a->name = hw_string(o, "name");
    for (int k = 0; k < AAR_NTEXTS; k++) a->text[k] = hw_string(o, aar_hotwash_keys[k]);
    a->rating = xcalloc((size_t)sc->nobjectives + 1, sizeof *a->rating);
    hw_ratings(sc, o, a->rating);
    cJSON_Delete(o);
    return 0;
}

int aar_hotwash_read(const session *s, aar_hotwash *h)
{
    memset(h, 0, sizeof *h);
    h->nobj = s->sc->nobjectives;
    h->tally = xcalloc((size_t)h->nobj + 1, sizeof *h->tally);
    for (int i = 0; i < s->nlive; i++) {
        aar_answer a = {0};
        if (hw_parse(s->sc, s->log[s->live[i]].cmd, &a)) continue;
        h->a = xrealloc(h->a, (size_t)(h->n + 1) * sizeof *h->a);
        h->a[h->n++] = a;
        for (int k = 0; k < h->nobj; k++) h->tally[k][a.rating[k]]++;
    }
    return h->n;
}

void aar_hotwash_free(aar_hotwash *h)
{
    for (int i = 0; i < h->n; i++) {
        free(h->a[i].name), free(h->a[i].rating);
        for (int k = 0; k < AAR_NTEXTS; k++) free(h->a[i].text[k]);
    }
    free(h->a);
    free(h->tally);
    memset(h, 0, sizeof *h);
}

double aar_hotwash_mean(const aar_hotwash *h, int obj, int *n)
{
    int sum = 0;
    *n = 0;
    for (int v = 1; v <= 5; v++) sum += v * h->tally[obj][v], *n += h->tally[obj][v];
    return *n ? (double)sum / *n : 0;
}

/* "PM 3 · AKSHI 2 · observers 1": who answered, in the roles' order. */
void aar_hotwash_who(const session *s, const aar_hotwash *h, strbuf *out)
{
    const def_scenario *sc = s->sc;
    for (int r = 0; r <= sc->nroles; r++) {
        const char *id = r < sc->nroles ? sc->roles[r].id : "observer";
        int n = 0;
        for (int i = 0; i < h->n; i++) n += strcmp(h->a[i].who, id) == 0;
        if (!n) continue;
        const char *label = r < sc->nroles ? logtext_role(sc, r) : "observers";
        sb_printf(out, "%s%s %d", out->len ? " · " : "", label, n);
    }
}

/* Who wrote an answer, as the report shows it: "Ana (PM)", or "" when the
   participant gave no name. */
void aar_hotwash_author(const session *s, const aar_answer *a, strbuf *out)
{
    if (!a->name[0]) return;
    int r = def_role_find(s->sc, a->who);
    sb_printf(out, "%s (%s)", a->name, r >= 0 ? logtext_role(s->sc, r) : "observer");
}
