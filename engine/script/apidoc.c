/*
 * apidoc.c -- the reference tables of the scenario API as markdown,
 * generated from api.h's lists: one table of fields per kind, g's reads and
 * changes, the test API and the limits. docs/scenario-api.md holds them
 * between marker comments (cr_apidoc rewrites them; a ctest compares).
 */
#include <math.h>
#include <string.h>

#include "api.h"
#include "def.h"
#include "journal.h"
#include "util.h"

static const struct {
    const char *name, *args, *doc;
    api_kind kind;
    api_use use;
} g_methods[] = {
#define X(name, kind, use, args, doc) {#name, args, doc, K_##kind, API_##use},
    API_G_METHODS(X)
#undef X
};

static const struct {
    const char *name, *doc;
} g_fields[] = {
#define X(name, doc) {#name, doc},
    API_G_FIELDS(X)
#undef X
};

static const struct {
    const char *name;
    api_where where;
    const char *args, *doc;
} tests[] = {
#define X(name, where, args, doc) {#name, API_##where, args, doc},
    API_TESTS(X)
#undef X
};

static const struct {
    const char *name;
    long value;
    api_unit unit;
    const char *doc;
} limits[] = {
#define X(owner, name, value, unit, doc) {#name, (long)(name), API_##unit, doc},
    API_LIMITS(X)
#undef X
};

#define COUNT(a) ((int)(sizeof(a) / sizeof((a)[0])))

static void range_doc(const api_field *f, strbuf *out)
{
    if (!f->has_range) return;
    if (isinf(f->hi))
        sb_printf(out, " ≥ %g", f->lo);
    else
        sb_printf(out, " %g to %g", f->lo, f->hi);
}

static void names_doc(api_kind ref, strbuf *out)
{
    if (ref == K_option)
        sb_puts(out, "`\"event.option\"`");
    else
        sb_printf(out, "%s id", api_kinds[ref].name);
}

/* The type column: as the author writes the value. */
static void type_doc(const api_field *f, strbuf *out)
{
    static const char *const plain[] = {
        [API_STR] = "string",
        [API_ID] = "id",
        [API_NUM] = "number",
        [API_INT] = "integer",
        [API_BOOL] = "boolean",
        [API_FN] = "function(g)",
        [API_STRS] = "list of strings",
        [API_DELTAS] = "table meter id → number",
        [API_STATES] = "table key → number, string or boolean",
        [API_EFFECTS] = "effects",
        [API_REQUIRES] = "requirements or function(g) → ok, reason",
    };
    if (f->shape) {
        sb_puts(out, f->shape);
    } else if (f->type == API_NAME || f->type == API_NAMES) {
        names_doc(f->ref, out);
        if (f->type == API_NAMES) sb_puts(out, ", or a list of them");
    } else if (f->type == API_CHOICE) {
        for (int i = 0; i < f->nchoices; i++)
            sb_printf(out, "%s`\"%s\"`",
                      i == 0                 ? ""
                      : i == f->nchoices - 1 ? " or "
                                             : ", ",
                      f->choices[i]);
    } else {
        sb_puts(out, plain[f->type]);
        range_doc(f, out);
    }
}

static void default_doc(const api_field *f, strbuf *out)
{
    if (f->required)
        sb_puts(out, "required");
    else if (f->has_def && f->str)
        sb_printf(out, "`\"%s\"`", f->str);
    else if (f->has_def && f->type == API_BOOL)
        sb_puts(out, f->num ? "`true`" : "`false`");
    else if (f->has_def)
        sb_printf(out, "`%g`", f->num);
}

static int fields_doc(api_kind k, strbuf *out)
{
    int n;
    const api_field *f = api_fields_of(k, &n);
    if (n == 0) return -1;
    sb_puts(out, "| field | type | default | meaning |\n|---|---|---|---|\n");
    for (int i = 0; i < n; i++) {
        sb_printf(out, "| `%s` | ", f[i].name);
        type_doc(&f[i], out);
        sb_puts(out, " | ");
        default_doc(&f[i], out);
        sb_printf(out, " | %s |\n", f[i].doc);
    }
    return 0;
}

static void g_doc(api_use use, strbuf *out)
{
    sb_printf(out, "| %s | meaning |\n|---|---|\n", use == API_READ ? "read" : "change");
    if (use == API_READ)
        for (int i = 0; i < COUNT(g_fields); i++)
            sb_printf(out, "| `g.%s` | %s |\n", g_fields[i].name, g_fields[i].doc);
    for (int i = 0; i < COUNT(g_methods); i++)
        if (g_methods[i].use == use)
            sb_printf(out, "| `g:%s%s` | %s |\n", g_methods[i].name, g_methods[i].args,
                      g_methods[i].doc);
}

static void tests_doc(strbuf *out)
{
    static const char *const prefix[] = {
        [API_GLOBAL] = "", [API_METHOD] = "t:", [API_FIELD] = "t."};
    sb_puts(out, "| call | meaning |\n|---|---|\n");
    for (int i = 0; i < COUNT(tests); i++)
        sb_printf(out, "| `%s%s%s` | %s |\n", prefix[tests[i].where], tests[i].name, tests[i].args,
                  tests[i].doc);
}

/* 20000000 -> "20,000,000": long numbers read at a glance. */
static void grouped(long v, strbuf *out)
{
    char digits[32];
    str_fmt(digits, sizeof digits, "%ld", v);
    int len = (int)strlen(digits);
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0 && len > 4) sb_puts(out, ",");
        sb_add(out, &digits[i], 1);
    }
}

static void limits_doc(strbuf *out)
{
    sb_puts(out, "| what | limit | constant |\n|---|---|---|\n");
    for (int i = 0; i < COUNT(limits); i++) {
        long v = limits[i].value;
        sb_printf(out, "| %s | ", limits[i].doc);
        if (limits[i].unit == API_BYTES && v % (1 << 20) == 0)
            sb_printf(out, "%ld MiB", v >> 20);
        else if (limits[i].unit == API_BYTES && v % 1024 == 0)
            sb_printf(out, "%ld KiB", v >> 10);
        else if (limits[i].unit == API_BYTES)
            sb_printf(out, "%ld bytes", v);
        else if (limits[i].unit == API_MS)
            sb_printf(out, "%ld ms", v);
        else
            grouped(v, out);
        sb_printf(out, " | `%s` |\n", limits[i].name);
    }
}

static void g_read_doc(strbuf *out)
{
    g_doc(API_READ, out);
}

static void g_change_doc(strbuf *out)
{
    g_doc(API_CHANGE, out);
}

/* The sections that are not a kind's fields. */
static const struct {
    const char *name;
    void (*write)(strbuf *out);
} others[] = {{"g-read", g_read_doc},
              {"g-change", g_change_doc},
              {"test", tests_doc},
              {"limits", limits_doc}};

const char *api_doc_section(int i)
{
    for (int k = 0; k < K_COUNT; k++) {
        int n;
        api_fields_of((api_kind)k, &n);
        if (n && i-- == 0) return api_kinds[k].name;
    }
    return i < COUNT(others) ? others[i].name : NULL;
}

int api_doc(const char *section, strbuf *out)
{
    for (int i = 0; i < COUNT(others); i++)
        if (strcmp(section, others[i].name) == 0) {
            others[i].write(out);
            return 0;
        }
    for (int k = 0; k < K_COUNT; k++)
        if (strcmp(section, api_kinds[k].name) == 0) return fields_doc((api_kind)k, out);
    return -1;
}
