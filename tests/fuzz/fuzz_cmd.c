/*
 * fuzz_cmd.c -- the command language: parsing any line never crashes, and
 * what parses prints back to a line that parses to the same command:
 * parse(format(parse(x))) == parse(x).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int same(const cmd *a, const cmd *b)
{
    return a->kind == b->kind && strcmp(a->a, b->a) == 0 && strcmp(a->b, b->b) == 0 &&
           strcmp(a->c, b->c) == 0 && a->value == b->value && strcmp(a->title, b->title) == 0 &&
           strcmp(a->text, b->text) == 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* One line of text, as the readers deliver it. */
    if (size > CMD_TEXT_MAX + 1024 || memchr(data, '\n', size) || memchr(data, '\r', size) ||
        memchr(data, '\0', size))
        return 0;
    char *line = malloc(size + 1);
    memcpy(line, data, size);
    line[size] = '\0';
    cmd c1, c2;
    char err[512];
    if (cmd_parse(line, &c1, err, sizeof err) == 0) {
        strbuf out = {0};
        cmd_format(&c1, &out);
        if (cmd_parse(out.s, &c2, err, sizeof err) != 0) {
            fprintf(stderr, "`%s` formats as `%s`, which does not parse: %s\n", line, out.s, err);
            abort();
        }
        if (!same(&c1, &c2)) {
            fprintf(stderr, "`%s` formats as `%s`, which parses differently\n", line, out.s);
            abort();
        }
        sb_free(&out);
    }
    free(line);
    return 0;
}
