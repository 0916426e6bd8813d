/*
 * i18n.h -- the engine's own interface strings through GNU gettext
 * (libintl is part of glibc: this is the C library, not a presentation
 * library, so core may use it). _() translates a message where it is
 * used; N_() marks one for po/crisisroom.pot where it is declared (a
 * table) and leaves the translating to the code that shows it. The
 * catalog is bound by engine/front/lang.c; until then, and for any
 * message without a translation, gettext returns the English text.
 *
 * Only what a person reads goes through here: never a command, a save's
 * field, an id or anything hashed (a game is the same in every language).
 */
#ifndef CR_I18N_H
#define CR_I18N_H

#include <libintl.h>

#define CR_TEXTDOMAIN "crisisroom"

/* Set by engine/front/lang.c when a catalog answers for the language of
   the messages (the program speaks English otherwise): until then _() is
   one test, not a catalog lookup. A lookup costs some 1,600 instructions
   (glibc reads LANGUAGE each time), and the automatic players ask why a
   move is not available thousands of times a game. */
extern int i18n_on;

#define _(s)  (i18n_on ? gettext(s) : (s))
#define N_(s) (s)

#endif
