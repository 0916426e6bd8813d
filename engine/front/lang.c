/*
 * lang.c -- the interface's catalog and scenarios' PO files (lang.h).
 *
 * PO files are read and written by Debian's libgettextpo, the gettext
 * tools' own parser and writer, so that what msgfmt, msgmerge and a PO
 * editor accept is exactly what is accepted here. Its error handler must
 * not return on a fatal error: that one jumps back out of the call
 * (po_jump), the library's memory left to po_file_free.
 */
#include "lang.h"

#include <errno.h>
#include <fcntl.h>
#include <gettext-po.h>
#include <limits.h>
#include <locale.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datadir.h"
#include "i18n.h"
#include "infile.h"
#include "outfile.h"
#include "strid.h"
#include "util.h"

#define LANG_MAX_CODE 16 /* "pt_BR@latin": longer is no language code */

static char current[LANG_MAX_CODE];

/* The interface -------------------------------------------------------------- */

static int lang_code_ok(const char *ll)
{
    size_t n = strlen(ll);
    if (n < 2 || n >= LANG_MAX_CODE) return 0;
    for (size_t i = 0; i < n; i++)
        if (!(ll[i] >= 'a' && ll[i] <= 'z') && !(ll[i] >= 'A' && ll[i] <= 'Z') && ll[i] != '_' &&
            ll[i] != '@')
            return 0;
    return ll[0] >= 'a' && ll[0] <= 'z';
}

static void bind_catalog(void)
{
    char dir[PATH_MAX];
    if (datadir_locale(dir, sizeof dir) == 0) bindtextdomain(CR_TEXTDOMAIN, dir);
    bind_textdomain_codeset(CR_TEXTDOMAIN, "UTF-8"); /* the window and the pages are UTF-8 */
    textdomain(CR_TEXTDOMAIN);                       /* also makes gettext read LANGUAGE again */
    /* gettext("") is the catalog's header when one answers for the language
       now chosen, and "" when the messages stay in English. */
    i18n_on = gettext("")[0] != '\0';
}

int lang_select(const char *ll, char *err, size_t errlen)
{
    if (ll && !lang_code_ok(ll)) {
        str_fmt(err, errlen, "--lang takes a language code such as fr or pt_BR, not '%s'", ll);
        return -1;
    }
    const char *m = setlocale(LC_MESSAGES, "");
    /* gettext ignores LANGUAGE in the C locale; C.UTF-8 is glibc's own, always there */
    if (ll && (!m || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0))
        setlocale(LC_MESSAGES, "C.UTF-8");
    if (ll) {
        setenv("LANGUAGE", ll, 1);
        str_fmt(current, sizeof current, "%s", ll);
    }
    bind_catalog();
    return 0;
}

const char *lang_current(void)
{
    return current[0] ? current : NULL;
}

/* Reading -------------------------------------------------------------------- */

static jmp_buf *po_jump;
static char *po_err;
static size_t po_errlen;
static int po_failed;

static void on_error(int severity, po_message_t m, const char *file, size_t line, size_t col,
                     int multiline, const char *text)
{
    (void)m, (void)col, (void)multiline;
    if (severity == PO_SEVERITY_WARNING) return;
    if (!po_failed) {
        if (file && line != (size_t)-1)
            str_fmt(po_err, po_errlen, "%s:%zu: %s", file, line, text);
        else
            str_fmt(po_err, po_errlen, "%s%s%s", file ? file : "", file ? ": " : "", text);
        size_t n = strlen(po_err);
        while (n && po_err[n - 1] == '\n') po_err[--n] = '\0';
    }
    po_failed = 1;
    if (severity == PO_SEVERITY_FATAL_ERROR) longjmp(*po_jump, 1);
}

static void on_error2(int severity, po_message_t m1, const char *f1, size_t l1, size_t c1, int ml1,
                      const char *t1, po_message_t m2, const char *f2, size_t l2, size_t c2,
                      int ml2, const char *t2)
{
    (void)m2, (void)f2, (void)l2, (void)c2, (void)ml2, (void)t2;
    on_error(severity, m1, f1, l1, c1, ml1, t1);
}

static const struct po_xerror_handler po_handler = {on_error, on_error2};

static int by_ctx(const void *a, const void *b)
{
    return strcmp(((const lang_entry *)a)->ctx, ((const lang_entry *)b)->ctx);
}

static void po_take(lang_po *po, po_file_t f)
{
    const char *h = po_file_domain_header(f, NULL);
    po->header = h ? xstrdup(h) : NULL;
    po_message_iterator_t it = po_message_iterator(f, NULL);
    for (po_message_t m; (m = po_next_message(it));) {
        const char *ctx = po_message_msgctxt(m);
        if (!ctx || po_message_is_obsolete(m)) continue; /* the header, or not one of ours */
        lang_entry *e = VEC_PUSH(po->e, po->n, po->cap);
        e->ctx = xstrdup(ctx);
        e->id = xstrdup(po_message_msgid(m));
        e->str = xstrdup(po_message_msgstr(m));
        e->fuzzy = po_message_is_fuzzy(m);
    }
    po_message_iterator_free(it);
    qsort(po->e, (size_t)po->n, sizeof *po->e, by_ctx);
}

int lang_po_read(const char *path, lang_po *po, char *err, size_t errlen)
{
    memset(po, 0, sizeof *po);
    /* libgettextpo opens the file by its name: check first, through the one
       reader's opening, that it is a regular file (a FIFO would make it wait
       for ever). Swapping the file between the two opens needs write access
       to the scenario's folder, which can change the translation anyway. */
    char why[256];
    struct stat st;
    int fd = infile_open(path, O_RDONLY, why, sizeof why);
    if (fd < 0 || fstat(fd, &st) != 0) {
        str_fmt(err, errlen, "%s: %s", path, fd < 0 ? why : strerror(errno));
        if (fd >= 0) close(fd);
        return -1;
    }
    close(fd);
    if (st.st_size > (off_t)LANG_MAX_PO) {
        str_fmt(err, errlen, "%s: larger than %u MiB", path, LANG_MAX_PO >> 20);
        return -1;
    }
    jmp_buf jb;
    po_jump = &jb, po_err = err, po_errlen = errlen, po_failed = 0;
    po_file_t volatile f = NULL;
    if (setjmp(jb) == 0) f = po_file_read(path, &po_handler);
    if (f && !po_failed)
        po_take(po, f);
    else if (!po_failed)
        str_fmt(err, errlen, "%s: %s", path, strerror(errno));
    if (f) po_file_free(f);
    return f && !po_failed ? 0 : -1;
}

void lang_po_free(lang_po *po)
{
    for (int i = 0; i < po->n; i++) free(po->e[i].ctx), free(po->e[i].id), free(po->e[i].str);
    free(po->e), free(po->header);
    memset(po, 0, sizeof *po);
}

const lang_entry *lang_po_find(const lang_po *po, const char *ctx)
{
    lang_entry key = {.ctx = (char *)ctx};
    return po->n ? bsearch(&key, po->e, (size_t)po->n, sizeof *po->e, by_ctx) : NULL;
}

void lang_po_path(const char *dir, const char *ll, char *out, size_t size)
{
    str_fmt(out, size, "%s/lang/%s.po", dir, ll);
}

/* Applying ------------------------------------------------------------------- */

static const char *translate(void *ud, const char *id, const char *source)
{
    const lang_entry *e = lang_po_find(ud, id);
    if (!e || e->fuzzy || !*e->str || strcmp(e->id, source) != 0) return NULL;
    return e->str;
}

/* SCENARIO/lang/LL.po, or LL without its territory (fr_CA: fr.po). */
static int find_po(const char *dir, const char *ll, char *out, size_t size)
{
    lang_po_path(dir, ll, out, size);
    if (access(out, F_OK) == 0) return 0;
    char base[LANG_MAX_CODE];
    str_fmt(base, sizeof base, "%.*s", (int)strcspn(ll, "_@"), ll);
    lang_po_path(dir, base, out, size);
    return access(out, F_OK) == 0 ? 0 : -1;
}

int lang_script(script *s, char *err, size_t errlen)
{
    if (!current[0]) return 0;
    char path[PATH_MAX];
    if (find_po(script_dir(s), current, path, sizeof path)) {
        str_fmt(err, errlen,
                _("scenario '%s' has no translation for '%s' (%s): its texts stay as written"),
                script_scenario(s)->id, current, path);
        return 1;
    }
    lang_po po;
    int rc = lang_po_read(path, &po, err, errlen);
    if (rc == 0) strid_apply(script_scenario_mut(s), translate, &po);
    lang_po_free(&po);
    return rc;
}

/* Writing -------------------------------------------------------------------- */

typedef struct po_out {
    po_message_iterator_t it;
    const lang_po *old;
    char *used; /* old entries that are still declared */
    strbuf computed;
} po_out;

static void put_message(po_out *o, const char *id, char **slot, def_where at)
{
    po_message_t m = po_message_create();
    po_message_set_msgctxt(m, id);
    po_message_set_msgid(m, *slot);
    po_message_set_msgstr(m, "");
    if (at.file) po_message_add_filepos(m, at.file, (size_t)at.line);
    const lang_entry *e = o->old ? lang_po_find(o->old, id) : NULL;
    if (e) {
        o->used[e - o->old->e] = 1;
        po_message_set_msgstr(m, e->str);
        po_message_set_fuzzy(m, e->fuzzy);
        if (strcmp(e->id, *slot) != 0 && *e->str) { /* the source changed since */
            po_message_set_prev_msgid(m, e->id);
            po_message_set_fuzzy(m, 1);
        }
    }
    po_message_insert(o->it, m);
}

static void on_string(void *ud, const char *id, char **slot, def_where at)
{
    po_out *o = ud;
    if (slot) {
        put_message(o, id, slot, at);
        return;
    }
    sb_printf(&o->computed, "  %s (%s:%d)\n", id, at.file ? at.file : "?", at.line);
}

static void put_obsolete(po_out *o)
{
    for (int i = 0; o->old && i < o->old->n; i++) {
        const lang_entry *e = &o->old->e[i];
        if (o->used[i] || !*e->str) continue;
        po_message_t m = po_message_create();
        po_message_set_msgctxt(m, e->ctx);
        po_message_set_msgid(m, e->id);
        po_message_set_msgstr(m, e->str);
        po_message_set_obsolete(m, 1);
        po_message_insert(o->it, m);
    }
}

static char *header_text(const def_scenario *sc, const char *ll)
{
    strbuf b = {0};
    sb_printf(&b, "Project-Id-Version: %s %s\n", sc->id, sc->version ? sc->version : "");
    /* the fields msgfmt looks for, with xgettext's placeholders for the translator */
    sb_printf(&b, "PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\n");
    sb_printf(&b, "Last-Translator: FULL NAME <EMAIL@ADDRESS>\n");
    sb_printf(&b, "Language-Team: %s\n", ll ? ll : "LANGUAGE <LL@li.org>");
    sb_printf(&b, "Language: %s\n", ll ? ll : "");
    sb_printf(&b, "MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\n");
    sb_printf(&b, "Content-Transfer-Encoding: 8bit\n");
    return b.s;
}

static void put_header(po_out *o, const def_scenario *sc, const char *ll)
{
    po_message_t m = po_message_create();
    po_message_set_msgid(m, "");
    char *h = o->old && o->old->header ? xstrdup(o->old->header) : header_text(sc, ll);
    po_message_set_msgstr(m, h);
    free(h);
    strbuf c = {0};
    sb_printf(&c,
              "Strings of the scenario '%s' (crisisroom strings). msgctxt is each string's\n"
              "id, msgid its source text; a translation whose msgid is no longer the\n"
              "source is not used (check --lang calls it stale).\n",
              sc->id);
    sb_printf(&c, "Texts computed while a game runs (g:say, g:rename, g:set_brief and\n"
                  "any text = function) cannot be extracted or translated.\n");
    if (o->computed.len) sb_printf(&c, "Computed here:\n%s", o->computed.s);
    po_message_set_comments(m, c.s);
    sb_free(&c);
    if (!ll) po_message_set_fuzzy(m, 1); /* a template's header, as xgettext writes it */
    po_message_insert(o->it, m);
}

/* libgettextpo writes to a file name only: a temporary, then outfile.h. */
static int write_via_temp(po_file_t f, const char *out, char *err, size_t errlen)
{
    const char *tmpdir = getenv("TMPDIR");
    char tmp[PATH_MAX];
    str_fmt(tmp, sizeof tmp, "%s/crisisroom-po-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
    int fd = mkstemp(tmp);
    if (fd < 0) {
        str_fmt(err, errlen, "%s: %s", tmp, strerror(errno));
        return -1;
    }
    close(fd);
    jmp_buf jb;
    po_jump = &jb, po_err = err, po_errlen = errlen, po_failed = 0;
    if (setjmp(jb) == 0) po_file_write(f, tmp, &po_handler);
    size_t n = 0;
    char *text = po_failed ? NULL : infile_read(tmp, LANG_MAX_PO, &n, err, errlen);
    unlink(tmp);
    int rc = text ? outfile_write(out, text, n, err, errlen) : -1;
    free(text);
    return rc;
}

int lang_po_write(def_scenario *sc, const char *ll, const lang_po *old, const char *out, char *err,
                  size_t errlen)
{
    po_file_t f = po_file_create();
    po_out o = {
        po_message_iterator(f, NULL), old, old ? xcalloc((size_t)old->n + 1, 1) : NULL, {0}};
    strid_walk_computed(sc, on_string, &o);
    put_header(&o, sc, ll);
    strid_walk(sc, on_string, &o);
    put_obsolete(&o);
    po_message_iterator_free(o.it);
    int rc = write_via_temp(f, out, err, errlen);
    po_file_free(f);
    free(o.used), sb_free(&o.computed);
    return rc;
}
