/*
 * scratch.h -- a test's scratch folder: made under /tmp, files named in it,
 * small files written, and removed at the end. For the C tests that read
 * and write real files (test_journal, test_infile, test_outfile).
 */
#ifndef CR_TEST_SCRATCH_H
#define CR_TEST_SCRATCH_H

#include <stdio.h>
#include <stdlib.h>

#include "util.h"

static char scratch_dir[256];

/* "/tmp/crisisroom-NAME-XXXXXX" made; 0, or -1 when it cannot be. */
static int scratch_make(const char *name)
{
    str_fmt(scratch_dir, sizeof scratch_dir, "/tmp/crisisroom-%s-XXXXXX", name);
    return mkdtemp(scratch_dir) ? 0 : -1;
}

static void scratch_remove(void)
{
    char cmd[600];
    str_fmt(cmd, sizeof cmd, "rm -rf '%s'", scratch_dir);
    if (system(cmd) != 0) fprintf(stderr, "could not remove %s\n", scratch_dir);
}

/* The folder's NAME; the last four answers stay valid (a test names two or
   three files in one call). */
static const char *scratch_path(const char *name)
{
    static char p[4][512];
    static int k;
    k = (k + 1) % 4;
    str_fmt(p[k], sizeof p[k], "%s/%s", scratch_dir, name);
    return p[k];
}

static void scratch_write(const char *name, const char *text)
{
    FILE *f = fopen(scratch_path(name), "w");
    fputs(text, f);
    fclose(f);
}

#endif
