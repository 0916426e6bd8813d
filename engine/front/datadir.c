/*
 * datadir.c -- the search order of datadir.h. The compiled-in places come
 * from engine/front/CMakeLists.txt.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "datadir.h"
#include "fs.h"
#include "util.h"

#ifndef CR_DATADIR
#define CR_DATADIR "/usr/local/share/crisisroom"
#endif
#ifndef CR_BIN_TO_DATA
#define CR_BIN_TO_DATA "../share/crisisroom"
#endif

/* Add a root unless it is already there; an existing folder by its real path. */
static void add_root(datadir_list *l, const char *dir)
{
    char real[PATH_MAX];
    if (!dir || !*dir || l->n >= DATADIR_MAX_ROOTS) return;
    const char *p = realpath(dir, real) ? real : dir;
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->dir[i], p) == 0) return;
    l->dir[l->n++] = xstrdup(p);
}

static void add_joined(datadir_list *l, const char *base, size_t n, const char *tail)
{
    if (n == 0 || base[0] != '/') return; /* XDG: relative paths are invalid */
    char p[PATH_MAX];
    str_fmt(p, sizeof p, "%.*s/%s", (int)n, base, tail);
    add_root(l, p);
}

/* $XDG_DATA_HOME, or ~/.local/share when it is unset or empty. */
static int data_home(char *out, size_t size)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    if (xdg && xdg[0] == '/')
        str_fmt(out, size, "%s", xdg);
    else if (home && *home)
        str_fmt(out, size, "%s/.local/share", home);
    else
        return -1;
    return 0;
}

static void add_xdg_dirs(datadir_list *l)
{
    const char *dirs = getenv("XDG_DATA_DIRS");
    if (!dirs || !*dirs) dirs = "/usr/local/share:/usr/share";
    for (const char *p = dirs; *p;) {
        size_t n = strcspn(p, ":");
        add_joined(l, p, n, "crisisroom");
        p += n + (p[n] == ':');
    }
}

/* The running executable's folder ("" when the system does not say). */
static void exe_dir(char *out, size_t size)
{
    ssize_t n = readlink("/proc/self/exe", out, size - 1);
    out[n > 0 ? n : 0] = '\0';
    char *slash = strrchr(out, '/');
    if (slash) *slash = '\0';
}

#if defined(CR_SOURCE_DIR) && defined(CR_BUILD_DIR)
/* Whether the executable was built here and not installed: it lies under
   the build folder it was compiled in. */
static int in_build_tree(const char *exe)
{
    char build[PATH_MAX];
    if (!*exe || !realpath(CR_BUILD_DIR, build)) return 0;
    size_t n = strlen(build);
    return strncmp(exe, build, n) == 0 && (exe[n] == '/' || exe[n] == '\0');
}
#endif

/* dir and a relative path, each leading "../" taken off dir, so that a
   root that does not exist still reads well in a message. */
static void join_up(char *out, size_t size, const char *dir, const char *rel)
{
    str_fmt(out, size, "%s", dir);
    for (char *slash; strncmp(rel, "../", 3) == 0 && (slash = strrchr(out, '/')) && slash > out;
         rel += 3)
        *slash = '\0';
    str_cat(out, size, "/%s", rel);
}

void datadir_roots(datadir_list *l)
{
    char p[PATH_MAX], exe[PATH_MAX];
    memset(l, 0, sizeof *l);
    add_root(l, getenv("CRISISROOM_DATA"));
    if (data_home(p, sizeof p) == 0) add_joined(l, p, strlen(p), "crisisroom");
    add_xdg_dirs(l);
    exe_dir(exe, sizeof exe);
    if (*exe) {
        join_up(p, sizeof p, exe, CR_BIN_TO_DATA);
        add_root(l, p);
    }
    add_root(l, CR_DATADIR);
#if defined(CR_SOURCE_DIR) && defined(CR_BUILD_DIR)
    if (in_build_tree(exe)) add_root(l, CR_SOURCE_DIR);
#endif
}

void datadir_list_free(datadir_list *l)
{
    for (int i = 0; i < l->n; i++) free(l->dir[i]);
    l->n = 0;
}

/* The first ROOT/item for which ok() holds. */
static int find_by(const char *item, int (*ok)(const char *), char *out, size_t size)
{
    datadir_list l;
    datadir_roots(&l);
    int rc = -1;
    for (int i = 0; rc && i < l.n; i++) {
        str_fmt(out, size, "%s/%s", l.dir[i], item);
        if (ok(out)) rc = 0;
    }
    datadir_list_free(&l);
    return rc;
}

static int exists(const char *path)
{
    return access(path, F_OK) == 0;
}

int datadir_find(const char *item, char *out, size_t size)
{
    return find_by(item, exists, out, size);
}

void datadir_looked(const char *item, char *out, size_t size)
{
    datadir_list l;
    datadir_roots(&l);
    out[0] = '\0';
    for (int i = 0; i < l.n; i++) str_cat(out, size, "%s%s/%s", i ? ", " : "", l.dir[i], item);
    if (!l.n) str_fmt(out, size, "nowhere: no data folder is known");
    datadir_list_free(&l);
}

/* A locale folder is one with a crisisroom.mo for some language. */
static int has_catalog(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) return 0;
    int found = 0;
    char p[PATH_MAX];
    for (struct dirent *e; !found && (e = readdir(d));) {
        if (e->d_name[0] == '.') continue;
        str_fmt(p, sizeof p, "%s/%s/LC_MESSAGES/crisisroom.mo", dir, e->d_name);
        found = exists(p);
    }
    closedir(d);
    return found;
}

/* Where the catalogs of a root are: the build folder's for the source tree. */
static void locale_of(const char *root, char *out, size_t size)
{
#if defined(CR_SOURCE_DIR) && defined(CR_BUILD_DIR)
    char src[PATH_MAX];
    if (realpath(CR_SOURCE_DIR, src) && strcmp(src, root) == 0) {
        str_fmt(out, size, "%s/locale", CR_BUILD_DIR);
        return;
    }
#endif
    str_fmt(out, size, "%s/../locale", root);
}

int datadir_locale(char *out, size_t size)
{
    datadir_list l;
    datadir_roots(&l);
    int rc = -1;
    for (int i = 0; rc && i < l.n; i++) {
        locale_of(l.dir[i], out, size);
        if (has_catalog(out)) rc = 0;
    }
    datadir_list_free(&l);
    return rc;
}

/* A scenario folder is one with its scenario.lua. */
static int has_scenario(const char *dir)
{
    char p[PATH_MAX];
    str_fmt(p, sizeof p, "%s/scenario.lua", dir);
    return exists(p);
}

int datadir_scenario(const char *arg, char *out, size_t size, char *err, size_t errlen)
{
    if (fs_is_dir(arg)) {
        str_fmt(out, size, "%s", arg);
        return 0;
    }
    char item[PATH_MAX];
    str_fmt(item, sizeof item, "%s/%s", DATADIR_SCENARIOS, arg);
    if (*arg && !strchr(arg, '/') && find_by(item, has_scenario, out, size) == 0) return 0;
    char looked[8192];
    datadir_looked(DATADIR_SCENARIOS, looked, sizeof looked);
    str_fmt(err, errlen, "no scenario '%s' (a folder, or a name in one of: %s)", arg, looked);
    return -1;
}

int datadir_saves(char *out, size_t size, char *err, size_t errlen)
{
    char home[PATH_MAX];
    if (data_home(home, sizeof home)) {
        str_fmt(err, errlen, "no folder for saves: neither XDG_DATA_HOME nor HOME is set");
        return -1;
    }
    str_fmt(out, size, "%s/crisisroom/saves", home);
    if (fs_mkdirs(out) == 0) return 0;
    str_fmt(err, errlen, "cannot create the saves folder %s: %s", out, strerror(errno));
    return -1;
}

int datadir_save_path(const char *scenario_id, char *out, size_t size, char *err, size_t errlen)
{
    char dir[PATH_MAX], stamp[32];
    if (datadir_saves(dir, sizeof dir, err, errlen)) return -1;
    time_t t = time(NULL);
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    str_fmt(out, size, "%s/%s-%s.jsonl", dir, scenario_id, stamp);
    return 0;
}
