/*
 * datadir.h -- where Crisis Room's data is: scenarios, fonts, web assets, and
 * the player's saves. Every front end finds them here, in one order:
 *
 *   1. $CRISISROOM_DATA                      (one folder, for a test or a demo)
 *   2. $XDG_DATA_HOME/crisisroom             (default ~/.local/share/crisisroom)
 *   3. each DIR/crisisroom of $XDG_DATA_DIRS (default /usr/local/share:/usr/share)
 *   4. the program's own prefix: BINDIR/../share/crisisroom next to the running
 *      executable, so that an installed tree still works after being moved
 *   5. the configured install datadir (CMake's GNUInstallDirs, compiled in)
 *   6. the source tree, only while the program runs from its build tree
 *      (the executable lies under the build folder it was compiled in)
 *
 * A root holds the same layout as the source tree: scenarios/NAME/,
 * assets/fonts/, assets/web/. Relative entries of the XDG variables are
 * ignored (the XDG spec says so) and a folder is listed once. The first root
 * that has the item wins, so a user's own copy in XDG_DATA_HOME shadows the
 * installed one. Saves are not data: they go to $XDG_DATA_HOME/crisisroom/saves
 * only.
 */
#ifndef CR_DATADIR_H
#define CR_DATADIR_H

#include <stddef.h>

#define DATADIR_MAX_ROOTS 16 /* XDG_DATA_DIRS past the first ten are not searched */

/* The data items a root holds (relative to the root). */
#define DATADIR_SCENARIOS "scenarios"
#define DATADIR_FONTS     "assets/fonts"
#define DATADIR_WEB       "assets/web"

typedef struct datadir_list {
    int n;
    char *dir[DATADIR_MAX_ROOTS]; /* the roots in the order above, existing or not */
} datadir_list;

/* The roots for the current environment; free with datadir_list_free. */
void datadir_roots(datadir_list *l);
void datadir_list_free(datadir_list *l);

/* The first ROOT/item that exists, into out. 0, or -1 when none does. */
int datadir_find(const char *item, char *out, size_t size);
/* Where datadir_find looked, for an error message: "A/item, B/item, ...". */
void datadir_looked(const char *item, char *out, size_t size);

/* A scenario folder from what a person typed: an existing folder is taken
   as it is; a bare name (no '/') is scenarios/NAME in the first root where
   NAME has a scenario.lua. 0, or -1 with err "no scenario 'x' (looked in
   A/scenarios, B/scenarios, ...)". */
int datadir_scenario(const char *arg, char *out, size_t size, char *err, size_t errlen);

/* The folder of the interface's translations (LL/LC_MESSAGES/crisisroom.mo,
   for bindtextdomain): beside each root in the order above, ROOT/../locale
   (an installed share/crisisroom has them in share/locale), and the build
   folder's locale/ for the source tree. The first that holds a crisisroom.mo
   for any language; 0, or -1 when none does. */
int datadir_locale(char *out, size_t size);

/* $XDG_DATA_HOME/crisisroom/saves (or ~/.local/share/...), created with its
   parents. 0, or -1 with err naming the folder and the reason. */
int datadir_saves(char *out, size_t size, char *err, size_t errlen);
/* A new save file in that folder: SCENARIO-YYYYmmdd-HHMMSS.jsonl (local
   time). 0, or -1 with err as for datadir_saves. */
int datadir_save_path(const char *scenario_id, char *out, size_t size, char *err, size_t errlen);

#endif
