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

#define _(s)  gettext(s)
#define N_(s) (s)

#endif
