/*
 * util.h -- the small modules every module uses, in one include: checked
 * allocation (xalloc.h), growable arrays (vec.h), bounded strings (str.h),
 * growable strings (sb.h) and the state hash (hash.h). Each has its own
 * file and prefix; include one alone where that is all a file needs.
 */
#ifndef CR_UTIL_H
#define CR_UTIL_H

#include "hash.h"
#include "sb.h"
#include "str.h"
#include "vec.h"
#include "xalloc.h"

#endif
