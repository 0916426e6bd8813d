/*
 * apidoc_main.c -- cr_apidoc, the scenario API's reference tables from its
 * one definition (api.h), for the documents that hold them:
 *
 *   cr_apidoc SECTION          print one table (cr_apidoc --list names them)
 *   cr_apidoc --print FILE     print FILE with every table between
 *                              <!-- api:SECTION --> and <!-- /api:SECTION -->
 *                              generated again (the rest as it is)
 *   cr_apidoc --missing FILE.. list the sections none of the files holds
 *
 * scripts/api-doc rewrites the documents with --print; the ctest apidoc
 * fails when they differ from it, or when a section is missing.
 * Exit status: 0, 1 on a problem (said on stderr), 2 on usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"
#include "infile.h"
#include "util.h"

#define APIDOC_MAX_FILE     (1 << 20) /* bytes of one document */
#define APIDOC_MAX_SECTION  64        /* bytes of a section's name */
#define APIDOC_MAX_SECTIONS 64        /* tables api_doc knows (about 25) */

static char *slurp(const char *path)
{
    char err[4200];
    size_t len;
    char *text = infile_read(path, APIDOC_MAX_FILE, &len, err, sizeof err);
    if (!text) fprintf(stderr, "cr_apidoc: %s\n", err);
    return text;
}

/* The section a marker line opens ("<!-- api:event -->"), or 0. */
static int opens(const char *line, size_t len, char *name)
{
    static const char pre[] = "<!-- api:", post[] = " -->";
    size_t np = sizeof pre - 1, nq = sizeof post - 1;
    if (len <= np + nq || strncmp(line, pre, np) || strncmp(line + len - nq, post, nq)) return 0;
    if (len - np - nq >= APIDOC_MAX_SECTION) return 0;
    str_fmt(name, APIDOC_MAX_SECTION, "%.*s", (int)(len - np - nq), line + np);
    return 1;
}

static void list_sections(FILE *out, const char *sep)
{
    for (int i = 0; api_doc_section(i); i++) fprintf(out, "%s%s", i ? sep : "", api_doc_section(i));
}

/* FILE's text with its tables generated again into out; the sections seen
   are marked in seen[]. Returns 0, or -1 after saying where it failed. */
static int splice(const char *path, const char *text, strbuf *out, int *seen)
{
    char name[APIDOC_MAX_SECTION], close[APIDOC_MAX_SECTION + 16];
    int lineno = 0, in = 0, opened = 0;
    for (const char *p = text; *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) : strlen(p);
        lineno++;
        if (in && len == strlen(close) && strncmp(p, close, len) == 0) in = 0;
        if (!in) sb_add(out, p, len), sb_puts(out, nl ? "\n" : "");
        if (!in && opens(p, len, name)) {
            int s = 0;
            while (api_doc_section(s) && strcmp(api_doc_section(s), name)) s++;
            if (!api_doc_section(s) || api_doc(name, out)) {
                fprintf(stderr, "%s:%d: no API table '%s' (tables are ", path, lineno, name);
                list_sections(stderr, ", ");
                fprintf(stderr, ")\n");
                return -1;
            }
            if (s < APIDOC_MAX_SECTIONS) seen[s] = 1;
            str_fmt(close, sizeof close, "<!-- /api:%s -->", name);
            in = 1, opened = lineno;
        }
        p = nl ? nl + 1 : p + len;
    }
    if (in) {
        fprintf(stderr, "%s:%d: <!-- api:%s --> is never closed by %s\n", path, opened, name,
                close);
        return -1;
    }
    return 0;
}

static int print_file(const char *path, int *seen)
{
    char *text = slurp(path);
    if (!text) return 1;
    strbuf out = {0};
    int rc = splice(path, text, &out, seen);
    if (rc == 0) fputs(out.s ? out.s : "", stdout);
    sb_free(&out);
    free(text);
    return rc ? 1 : 0;
}

static int missing(int nfiles, char **files)
{
    int seen[APIDOC_MAX_SECTIONS] = {0}, rc = 0;
    for (int i = 0; i < nfiles; i++) {
        char *text = slurp(files[i]);
        strbuf out = {0};
        if (!text || splice(files[i], text, &out, seen)) rc = 1;
        sb_free(&out);
        free(text);
    }
    for (int s = 0; api_doc_section(s); s++)
        if (s >= APIDOC_MAX_SECTIONS || !seen[s]) {
            printf("%s\n", api_doc_section(s));
            rc = 1;
        }
    return rc;
}

static int usage(void)
{
    fprintf(stderr, "usage: cr_apidoc SECTION | --list | --print FILE | --missing FILE...\n");
    return 2;
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--list") == 0) {
        list_sections(stdout, "\n");
        printf("\n");
        return 0;
    }
    if (argc == 3 && strcmp(argv[1], "--print") == 0) {
        int seen[APIDOC_MAX_SECTIONS] = {0};
        return print_file(argv[2], seen);
    }
    if (argc >= 3 && strcmp(argv[1], "--missing") == 0) return missing(argc - 2, argv + 2);
    if (argc != 2 || argv[1][0] == '-') return usage();
    strbuf out = {0};
    int rc = api_doc(argv[1], &out);
    if (rc == 0)
        fputs(out.s, stdout);
    else {
        fprintf(stderr, "cr_apidoc: no table '%s' (tables are ", argv[1]);
        list_sections(stderr, ", ");
        fprintf(stderr, ")\n");
    }
    sb_free(&out);
    return rc ? 1 : 0;
}
