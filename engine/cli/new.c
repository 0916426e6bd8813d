/*
 * new.c -- `crisisroom new NAME`: a new scenario folder copied from the
 * template scenario (found like any scenario, datadir.h), with its id and
 * title set, that passes `check` and `test` as created. It never
 * overwrites anything.
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "datadir.h"
#include "fs.h"
#include "infile.h"
#include "outfile.h"
#include "util.h"

#define NEW_MAX_FILE (4u << 20) /* the template's files are small */

static char *read_file(const char *path, size_t *len)
{
    char err[1024];
    char *buf = infile_read(path, NEW_MAX_FILE, len, err, sizeof err);
    if (!buf) fprintf(stderr, "crisisroom: %s\n", err);
    return buf;
}

/* Through the one file writer (outfile.h): the folder is new, made by
   copy_tree's mkdir, so nothing is there to replace. */
static int write_file(const char *path, const char *buf, size_t len)
{
    char err[OUTFILE_ERR_MAX];
    if (outfile_write(path, buf, len, err, sizeof err) == 0) return 0;
    fprintf(stderr, "crisisroom: %s\n", err);
    return -1;
}

/* Copy a folder's files and subfolders (not symbolic links: a template
   has no business pointing outside itself). */
static int copy_tree(const char *from, const char *to)
{
    if (mkdir(to, 0755)) return -1;
    DIR *d = opendir(from);
    if (!d) return -1;
    int rc = 0;
    for (struct dirent *e; rc == 0 && (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        char src[4096], dst[4096];
        str_fmt(src, sizeof src, "%s/%s", from, e->d_name);
        str_fmt(dst, sizeof dst, "%s/%s", to, e->d_name);
        struct stat st;
        if (lstat(src, &st))
            rc = -1;
        else if (S_ISDIR(st.st_mode))
            rc = copy_tree(src, dst);
        else if (S_ISREG(st.st_mode)) {
            size_t len;
            char *buf = read_file(src, &len);
            rc = buf ? write_file(dst, buf, len) : -1;
            free(buf);
        }
    }
    closedir(d);
    return rc;
}

/* The contents of `key = "..."` at or after p: [*a, *b). */
static int find_field(char *p, const char *key, char **a, char **b)
{
    size_t n = strlen(key);
    for (char *k = strstr(p, key); k; k = strstr(k + 1, key)) {
        if (k > p && (isalnum((unsigned char)k[-1]) || k[-1] == '_')) continue;
        char *q = k + n;
        while (*q == ' ' || *q == '\t') q++;
        if (*q++ != '=') continue;
        while (*q == ' ' || *q == '\t') q++;
        if (*q != '"') continue;
        *a = q + 1;
        *b = strchr(q + 1, '"');
        return *b ? 0 : -1;
    }
    return -1;
}

static void replace(strbuf *out, const char *text, char *a, char *b, const char *with)
{
    out->len = 0;
    sb_add(out, text, (size_t)(a - text));
    sb_puts(out, with);
    sb_puts(out, b);
}

/* Set id and title inside the scenario { ... } call. */
static int rename_scenario(const char *path, const char *name)
{
    size_t len;
    char *text = read_file(path, &len), *a, *b;
    char *call = text ? strstr(text, "\nscenario") : NULL;
    if (!call || find_field(call, "id", &a, &b)) {
        free(text);
        return -1;
    }
    strbuf out = {0};
    replace(&out, text, a, b, name);
    char title[64];
    str_fmt(title, sizeof title, "%s", name);
    title[0] = (char)toupper((unsigned char)title[0]);
    for (char *c = title; *c; c++)
        if (*c == '_') *c = ' ';
    free(text);
    text = out.s;
    out = (strbuf){0};
    if (find_field(strstr(text, "\nscenario"), "title", &a, &b) == 0)
        replace(&out, text, a, b, title);
    int rc = write_file(path, out.s ? out.s : text, strlen(out.s ? out.s : text));
    free(text);
    sb_free(&out);
    return rc;
}

static int make_scenario(const char *tdir, const char *dest, const char *name)
{
    char p[4096], q[4096];
    if (copy_tree(tdir, dest)) return -1;
    str_fmt(p, sizeof p, "%s/scenario.lua", dest);
    if (rename_scenario(p, name)) return -1;
    str_fmt(p, sizeof p, "%s/tests/template.lua", dest);
    str_fmt(q, sizeof q, "%s/tests/%s.lua", dest, name);
    return rename(p, q) && errno != ENOENT ? -1 : 0;
}

enum { NEW_DIR, NEW_NOPTS };
static const opt_spec new_opts[NEW_NOPTS] = {
    [NEW_DIR] =
        OPTION_FILE("dir", "DIR", "where to create it (default ./scenarios if there, else .)"),
};
static const opt_cmd new_cmd = {
    "new",
    "NAME",
    1,
    1,
    "Create the scenario folder DIR/NAME from the template scenario, with id NAME.\n"
    "NAME is an id: lower-case letters, digits and _, starting with a letter.\n"
    "It never overwrites: an existing folder is refused. Exit 0 created, 1 failed,\n"
    "2 on usage errors.\n",
    new_opts,
    NEW_NOPTS};

int cli_new(int argc, char **argv)
{
    opt_val v[NEW_NOPTS];
    opt_args a;
    int status = cli_options(&new_cmd, argc, argv, v, &a);
    if (status >= 0) return status;
    const char *name = a.v[0], *dir = v[NEW_DIR].str;
    if (!str_is_id(name)) {
        fprintf(stderr,
                "crisisroom: '%s' is not a valid id (lower-case letters, digits and _, "
                "starting with a letter, at most 40 characters)\n",
                name);
        return 2;
    }
    char tdir[4096], dest[4096], err[8192];
    if (datadir_scenario("template", tdir, sizeof tdir, err, sizeof err)) {
        fprintf(stderr, "crisisroom: %s\n", err);
        return 1;
    }
    if (!dir) dir = fs_is_dir("scenarios") ? "scenarios" : ".";
    str_fmt(dest, sizeof dest, "%s/%s", dir, name);
    struct stat st;
    if (lstat(dest, &st) == 0) {
        fprintf(stderr, "crisisroom: %s already exists; not overwriting it\n", dest);
        return 1;
    }
    if (make_scenario(tdir, dest, name)) {
        fprintf(stderr, "crisisroom: could not create %s: %s\n", dest, strerror(errno));
        return 1;
    }
    printf("Created %s (id '%s') from the template.\nNext: edit %s/scenario.lua, then\n"
           "  crisisroom check %s\n  crisisroom test %s\n",
           dest, name, dest, dest, dest);
    return 0;
}
