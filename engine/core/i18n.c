/*
 * i18n.c -- see i18n.h: whether the interface's messages are translated.
 */
#include "i18n.h"

int i18n_on;
