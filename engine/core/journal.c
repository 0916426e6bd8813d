/*
 * journal.c -- see journal.h. cJSON writes and reads each line.
 */
#define _POSIX_C_SOURCE 200809L
#include "journal.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "infile.h"
#include "outfile.h"
#include "util.h"

#define JOURNAL_KIND   "crisisroom-journal"
#define JOURNAL_FORMAT 1

void journal_now(char *buf, size_t size)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void journal_now_ms(char *buf, size_t size)
{
    struct timespec ts;
    struct tm tm;
    char secs[24];
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(secs, sizeof secs, "%Y-%m-%dT%H:%M:%S", &tm);
    str_fmt(buf, size, "%s.%03ldZ", secs, ts.tv_nsec / 1000000);
}

static cJSON *header_json(const journal_header *h)
{
    char num[32];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "kind", JOURNAL_KIND);
    cJSON_AddNumberToObject(o, "format", JOURNAL_FORMAT);
    cJSON_AddStringToObject(o, "engine", h->engine);
    cJSON_AddStringToObject(o, "scenario", h->scenario);
    str_fmt(num, sizeof num, "%016" PRIx64, h->scenario_hash);
    cJSON_AddStringToObject(o, "scenario_hash", num);
    /* Seeds are 64-bit: a JSON number (a double) would round them. */
    str_fmt(num, sizeof num, "%" PRIu64, h->seed);
    cJSON_AddStringToObject(o, "seed", num);
    cJSON_AddStringToObject(o, "variant", h->variant);
    cJSON_AddBoolToObject(o, "variant_mode", h->variant_mode);
    cJSON_AddStringToObject(o, "started", h->started);
    cJSON_AddStringToObject(o, "dir", h->dir);
    /* 0: a header made by this engine, whose hashes are of this version. */
    cJSON_AddNumberToObject(o, "state_hash_version",
                            h->hash_version ? h->hash_version : JOURNAL_HASH_VERSION);
    if (h->simultaneous) cJSON_AddStringToObject(o, "mode", "simultaneous");
    if (h->session[0]) cJSON_AddStringToObject(o, "session", h->session);
    return o;
}

/* Provenance: only the keys that say something (older readers ignore them). */
static void by_json(cJSON *o, const journal_by *by)
{
    const char *keys[] = {"by", "team", "participant", "name"};
    const char *vals[] = {by->kind, by->team, by->participant, by->name};
    for (int i = 0; i < 4; i++)
        if (vals[i][0]) cJSON_AddStringToObject(o, keys[i], vals[i]);
    if (by->seq > 0) cJSON_AddNumberToObject(o, "seq", (double)by->seq);
    if (by->at[0]) cJSON_AddStringToObject(o, "at", by->at);
    if (by->opened[0]) cJSON_AddStringToObject(o, "opened", by->opened);
}

static cJSON *entry_json(const journal_entry *e)
{
    char num[32];
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "cmd", e->cmd);
    cJSON_AddNumberToObject(o, "turn", e->turn);
    cJSON_AddStringToObject(o, "role", e->role);
    str_fmt(num, sizeof num, "%016" PRIx64, e->hash);
    cJSON_AddStringToObject(o, "hash", num);
    by_json(o, &e->by);
    return o;
}

/* Write one JSON object as a line; 0 or -1 with errno set. */
static int write_line(FILE *f, cJSON *o)
{
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!s) {
        errno = ENOMEM;
        return -1;
    }
    int rc = fputs(s, f) < 0 || fputc('\n', f) == EOF ? -1 : 0;
    free(s);
    return rc;
}

static int sync_file(FILE *f, int durable)
{
    if (fflush(f) != 0) return -1;
    return durable ? fdatasync(fileno(f)) : 0;
}

journal *journal_create(const char *path, const journal_header *h, char *err, size_t errlen)
{
    char why[256];
    FILE *f = infile_fopen(path, "w", why, sizeof why);
    if (!f) {
        str_fmt(err, errlen, "cannot create the save '%s': %s", path, why);
        return NULL;
    }
    if (write_line(f, header_json(h)) || sync_file(f, 1)) {
        str_fmt(err, errlen, "cannot write the save '%s': %s", path, strerror(errno));
        fclose(f);
        return NULL;
    }
    journal *j = xcalloc(1, sizeof *j);
    j->f = f;
    j->path = xstrdup(path);
    j->durable = 1;
    return j;
}

journal *journal_append_to(const char *path, char *err, size_t errlen)
{
    char why[256] = "";
    FILE *f = infile_fopen(path, "r+", why, sizeof why);
    if (f && fseek(f, 0, SEEK_END) != 0) str_fmt(why, sizeof why, "%s", strerror(errno));
    if (!f || why[0]) {
        str_fmt(err, errlen, "cannot reopen the save '%s': %s", path, why);
        if (f) fclose(f);
        return NULL;
    }
    /* A torn last line was dropped on load: cut it off so that the next
       line starts clean. */
    long end = ftell(f);
    long keep = end;
    while (keep > 0) {
        fseek(f, keep - 1, SEEK_SET);
        if (fgetc(f) == '\n') break;
        keep--;
    }
    if (keep != end && ftruncate(fileno(f), keep) != 0) {
        str_fmt(err, errlen, "cannot repair the save '%s': %s", path, strerror(errno));
        fclose(f);
        return NULL;
    }
    fseek(f, 0, SEEK_END);
    journal *j = xcalloc(1, sizeof *j);
    j->f = f;
    j->path = xstrdup(path);
    j->durable = 1;
    return j;
}

int journal_append(journal *j, const journal_entry *e)
{
    if (!j || j->failed) return j ? -1 : 0;
    if (write_line(j->f, entry_json(e)) || sync_file(j->f, j->durable)) {
        j->failed = 1;
        str_fmt(j->err, sizeof j->err, "cannot write to the save '%s': %s", j->path,
                strerror(errno));
        return -1;
    }
    j->count++;
    return 0;
}

void journal_hold(journal *j)
{
    if (j) j->durable = 0;
}

int journal_release(journal *j)
{
    if (!j) return 0;
    int was = j->durable;
    j->durable = 1;
    if (was || j->failed) return j->failed ? -1 : 0;
    if (sync_file(j->f, 1)) {
        j->failed = 1;
        str_fmt(j->err, sizeof j->err, "cannot write to the save '%s': %s", j->path,
                strerror(errno));
        return -1;
    }
    return 0;
}

void journal_close(journal *j)
{
    if (!j) return;
    if (j->f) fclose(j->f);
    free(j->path);
    free(j);
}

/* Reading ------------------------------------------------------------------ */

static int get_str(cJSON *o, const char *key, char *dst, size_t size, int required)
{
    cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    if (!v) {
        if (!required) dst[0] = '\0';
        return required ? -1 : 0;
    }
    if (!cJSON_IsString(v) || strlen(v->valuestring) >= size) return -1;
    strcpy(dst, v->valuestring);
    return 0;
}

static int parse_u64(const char *s, int base, uint64_t *out)
{
    char *end;
    errno = 0;
    *out = strtoull(s, &end, base);
    return (*s == '\0' || *end || errno) ? -1 : 0;
}

static int parse_header(cJSON *o, journal_header *h, char *why, size_t whylen)
{
    char kind[64], num[32];
    memset(h, 0, sizeof *h);
    if (!cJSON_IsObject(o) || get_str(o, "kind", kind, sizeof kind, 1) ||
        strcmp(kind, JOURNAL_KIND) != 0) {
        str_fmt(why, whylen, "not a Crisis Room save (the first line is no journal header)");
        return -1;
    }
    cJSON *fmt = cJSON_GetObjectItemCaseSensitive(o, "format");
    if (!cJSON_IsNumber(fmt) || fmt->valueint != JOURNAL_FORMAT) {
        str_fmt(why, whylen, "unsupported save format (this engine reads format %d)",
                JOURNAL_FORMAT);
        return -1;
    }
    if (get_str(o, "engine", h->engine, sizeof h->engine, 1) ||
        get_str(o, "scenario", h->scenario, sizeof h->scenario, 1) ||
        get_str(o, "scenario_hash", num, sizeof num, 1) || parse_u64(num, 16, &h->scenario_hash) ||
        get_str(o, "seed", num, sizeof num, 1) || parse_u64(num, 10, &h->seed) ||
        get_str(o, "variant", h->variant, sizeof h->variant, 0) ||
        get_str(o, "started", h->started, sizeof h->started, 0) ||
        get_str(o, "dir", h->dir, sizeof h->dir, 0)) {
        str_fmt(why, whylen,
                "header: a field is missing or of the wrong type (engine, "
                "scenario, scenario_hash, seed)");
        return -1;
    }
    h->variant_mode = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "variant_mode"));
    cJSON *hv = cJSON_GetObjectItemCaseSensitive(o, "state_hash_version");
    if (hv && (!cJSON_IsNumber(hv) || hv->valuedouble < 1 || hv->valuedouble > 1e6)) {
        str_fmt(why, whylen, "header: \"state_hash_version\" must be a positive whole number");
        return -1;
    }
    h->hash_version = hv ? hv->valueint : 1; /* saves from before it have version 1 */
    char mode[16];
    if (get_str(o, "mode", mode, sizeof mode, 0) ||
        (mode[0] && strcmp(mode, "simultaneous") && strcmp(mode, "hot-seat"))) {
        str_fmt(why, whylen, "header: \"mode\" is \"hot-seat\" or \"simultaneous\"");
        return -1;
    }
    h->simultaneous = strcmp(mode, "simultaneous") == 0;
    if (get_str(o, "session", h->session, sizeof h->session, 0)) {
        str_fmt(why, whylen, "header: \"session\" must be a session's id (a string)");
        return -1;
    }
    return 0;
}

/* The optional provenance keys; -1 when one is of the wrong type or too long. */
static int parse_by(cJSON *o, journal_by *by)
{
    cJSON *seq = cJSON_GetObjectItemCaseSensitive(o, "seq");
    if (seq && (!cJSON_IsNumber(seq) || seq->valuedouble < 0 || seq->valuedouble > 9.007e15))
        return -1;
    by->seq = seq ? (long long)seq->valuedouble : 0;
    return get_str(o, "by", by->kind, sizeof by->kind, 0) ||
                   get_str(o, "team", by->team, sizeof by->team, 0) ||
                   get_str(o, "participant", by->participant, sizeof by->participant, 0) ||
                   get_str(o, "name", by->name, sizeof by->name, 0) ||
                   get_str(o, "at", by->at, sizeof by->at, 0) ||
                   get_str(o, "opened", by->opened, sizeof by->opened, 0)
               ? -1
               : 0;
}

static int parse_entry(cJSON *o, journal_entry *e, char *why, size_t whylen)
{
    char num[32];
    memset(e, 0, sizeof *e);
    cJSON *c = cJSON_GetObjectItemCaseSensitive(o, "cmd");
    cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "turn");
    if (!cJSON_IsObject(o) || !cJSON_IsString(c) || !cJSON_IsNumber(t)) {
        str_fmt(why, whylen, "expected an object with \"cmd\" (a string) and \"turn\" (a number)");
        return -1;
    }
    if (get_str(o, "role", e->role, sizeof e->role, 0) || get_str(o, "hash", num, sizeof num, 0) ||
        (num[0] && parse_u64(num, 16, &e->hash))) {
        str_fmt(why, whylen, "\"role\" or \"hash\" is of the wrong type");
        return -1;
    }
    if (strlen(c->valuestring) > JOURNAL_CMD_MAX) {
        str_fmt(why, whylen, "a command longer than %d bytes (no command is)", JOURNAL_CMD_MAX);
        return -1;
    }
    if (parse_by(o, &e->by)) {
        str_fmt(why, whylen,
                "\"by\", \"team\", \"participant\", \"name\", \"seq\", \"at\" or "
                "\"opened\" is of the wrong type or too long");
        return -1;
    }
    e->cmd = xstrdup(c->valuestring);
    e->turn = t->valueint;
    return 0;
}

/* Lines, read through a buffer of one line's limit. */
typedef enum { LINE_END, LINE_WHOLE, LINE_TORN, LINE_LONG, LINE_BINARY } line_kind;

/* One line of f into buf (JOURNAL_LINE_MAX + 1 bytes), without its newline
   and terminated: LINE_WHOLE; LINE_TORN when the file ends without a
   newline; LINE_LONG when it is longer than JOURNAL_LINE_MAX (the rest of
   it is read and dropped; *torn says whether it ended the file unfinished);
   LINE_BINARY when it holds a NUL byte; LINE_END at the end of the file. */
static line_kind next_line(FILE *f, char *buf, int *torn)
{
    size_t n = 0;
    int c, nul = 0;
    while ((c = getc_unlocked(f)) != EOF && c != '\n') {
        nul |= c == '\0';
        if (n < JOURNAL_LINE_MAX) buf[n] = (char)c;
        n++;
    }
    buf[n < JOURNAL_LINE_MAX ? n : JOURNAL_LINE_MAX] = '\0';
    *torn = c == EOF;
    if (c == EOF && n == 0) return LINE_END;
    if (n > JOURNAL_LINE_MAX) return LINE_LONG;
    if (nul) return LINE_BINARY;
    return c == EOF ? LINE_TORN : LINE_WHOLE;
}

static int read_line(journal_file *out, const char *path, int lineno, const char *line,
                     int last_torn, char *err, size_t errlen)
{
    char why[256];
    cJSON *o = cJSON_Parse(line);
    if (!o) {
        if (last_torn && lineno > 1) {
            str_fmt(out->warning, sizeof out->warning,
                    "%s:%d: the last line was cut off (the game was interrupted while "
                    "saving); it was dropped",
                    path, lineno);
            return 0;
        }
        str_fmt(err, errlen, "%s:%d: malformed line (not JSON)", path, lineno);
        return -1;
    }
    int rc = 0;
    if (lineno == 1) {
        rc = parse_header(o, &out->h, why, sizeof why);
    } else {
        journal_entry *e = VEC_PUSH(out->e, out->n, out->cap);
        rc = parse_entry(o, e, why, sizeof why);
        if (rc) out->n--;
    }
    cJSON_Delete(o);
    if (rc) str_fmt(err, errlen, "%s:%d: %s", path, lineno, why);
    return rc;
}

/* What a line that cannot be read at all means: 0 (a torn last line,
   dropped) or -1 with err. */
static int bad_line(journal_file *out, const char *path, int lineno, line_kind k, int torn,
                    char *err, size_t errlen)
{
    if (k == LINE_LONG && torn && lineno > 1)
        return read_line(out, path, lineno, "", 1, err, errlen); /* cut off while saving */
    if (k == LINE_LONG)
        str_fmt(err, errlen, "%s:%d: a line longer than %d bytes (no save has one)", path, lineno,
                JOURNAL_LINE_MAX);
    else
        str_fmt(err, errlen, "%s:%d: binary data in a save", path, lineno);
    return -1;
}

static int read_lines(FILE *f, const char *path, journal_file *out, char *err, size_t errlen)
{
    char *buf = xmalloc(JOURNAL_LINE_MAX + 1);
    int lineno = 0, rc = 0, torn;
    line_kind k;
    while (rc == 0 && (k = next_line(f, buf, &torn)) != LINE_END) {
        if (++lineno > JOURNAL_MAX_LINES + 1) {
            str_fmt(err, errlen,
                    "%s:%d: more than %d commands: a save holds its header and at most %d lines "
                    "after it (blank lines count)",
                    path, lineno, JOURNAL_MAX_LINES, JOURNAL_MAX_LINES);
            rc = -1;
        } else if (k == LINE_LONG || k == LINE_BINARY) {
            rc = bad_line(out, path, lineno, k, torn, err, errlen);
        } else if (buf[0] || lineno == 1) {
            rc = read_line(out, path, lineno, buf, k == LINE_TORN, err, errlen);
        }
    }
    free(buf);
    if (rc == 0 && lineno == 0) {
        str_fmt(err, errlen, "%s:1: the save is empty", path);
        rc = -1;
    }
    return rc;
}

int journal_read(const char *path, journal_file *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    char why[256];
    FILE *f = infile_fopen(path, "rb", why, sizeof why);
    if (!f) {
        str_fmt(err, errlen, "cannot open the save '%s': %s", path, why);
        return -1;
    }
    int rc = read_lines(f, path, out, err, errlen);
    if (rc == 0 && ferror(f)) {
        str_fmt(err, errlen, "cannot read the save '%s': %s", path, strerror(errno));
        rc = -1;
    }
    fclose(f);
    if (rc) journal_file_free(out);
    return rc;
}

int journal_diverges(const journal_file *jf, const journal_entry *replayed, int n)
{
    if (jf->h.hash_version != JOURNAL_HASH_VERSION) return -1;
    for (int i = 0; i < n && i < jf->n; i++)
        if (jf->e[i].hash && jf->e[i].hash != replayed[i].hash) return i;
    return -1;
}

void journal_file_free(journal_file *jf)
{
    for (int i = 0; i < jf->n; i++) free(jf->e[i].cmd);
    free(jf->e);
    jf->e = NULL;
    jf->n = jf->cap = 0;
}

/* One JSON object as a line of b; false when cJSON ran out of memory. */
static int add_line(strbuf *b, cJSON *o)
{
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (s) sb_puts(b, s), sb_puts(b, "\n");
    free(s);
    return s != NULL;
}

/* The whole journal goes through the one file writer (outfile.h): atomic
   for a file, in place for a device, never replacing a link. */
int journal_write_all(const char *path, const journal_header *h, const journal_entry *e, int n,
                      char *err, size_t errlen)
{
    strbuf b = {0};
    int ok = add_line(&b, header_json(h));
    for (int i = 0; ok && i < n; i++) ok = add_line(&b, entry_json(&e[i]));
    int rc = ok ? outfile_write(path, b.s, b.len, err, errlen) : -1;
    if (!ok) str_fmt(err, errlen, "cannot save to '%s': out of memory", path);
    sb_free(&b);
    return rc;
}
