/*
 * lang.h -- playing in another language: the interface's catalog (GNU
 * gettext, po/LL.po built into LL/LC_MESSAGES/crisisroom.mo) and a
 * scenario's translation (SCENARIO/lang/LL.po, read by Debian's
 * libgettextpo), both chosen by `--lang LL`.
 *
 * A scenario string is replaced only when its PO entry (msgctxt = the id
 * of strid.h) has a translation, is not fuzzy, and its msgid is today's
 * source text; anything else stays as the author wrote it, string by
 * string. The language is a display preference: core still sees the
 * source texts (def_source_text), so games, hashes and saves do not
 * depend on it.
 */
#ifndef CR_LANG_H
#define CR_LANG_H

#include <stddef.h>

#include "def.h"
#include "script.h"

#define LANG_MAX_PO (16u << 20) /* a PO file's size: far above any scenario's strings */

/* The interface in the environment's language (LC_MESSAGES, LANGUAGE),
   or in ll when not NULL (which then also translates scenarios loaded
   later through lang_script). Only LC_MESSAGES and LC_CTYPE are taken
   from the locale: numbers in saves and JSON keep their '.'. 0, or -1
   with err when ll is not a language code ("fr", "pt_BR"). */
int lang_select(const char *ll, char *err, size_t errlen);
/* The --lang given, or NULL. */
const char *lang_current(void);

/* Translate a freshly loaded script's scenario into the current --lang
   (nothing without one). 0; 1 with a note in err when the scenario has no
   such translation (its texts stay as written); -1 with err when the PO
   file is unreadable. */
int lang_script(script *s, char *err, size_t errlen);

/* One entry of a PO file. */
typedef struct lang_entry {
    char *ctx, *id, *str; /* msgctxt, msgid, msgstr */
    int fuzzy;
} lang_entry;

typedef struct lang_po {
    lang_entry *e; /* sorted by ctx */
    int n, cap;
    char *header; /* the header entry's msgstr, NULL when none */
} lang_po;

/* Read path. 0; -1 with "path:line: why" in err (a missing file: errno
   ENOENT and the reason). Free with lang_po_free, even after a failure. */
int lang_po_read(const char *path, lang_po *po, char *err, size_t errlen);
void lang_po_free(lang_po *po);
/* The entry with msgctxt ctx, or NULL. */
const lang_entry *lang_po_find(const lang_po *po, const char *ctx);
/* SCENARIO/lang/LL.po of a scenario folder. */
void lang_po_path(const char *dir, const char *ll, char *out, size_t size);

/* A PO file of sc's strings into out (a template when ll is NULL; else
   for language ll, keeping the translations of old (may be NULL): a
   changed source is kept fuzzy with its previous msgid, an id no longer
   declared kept obsolete, as msgmerge does). Written in the gettext
   tools' own format (libgettextpo). 0, or -1 with err. */
int lang_po_write(def_scenario *sc, const char *ll, const lang_po *old, const char *out, char *err,
                  size_t errlen);

#endif
