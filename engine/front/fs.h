/*
 * fs.h -- folders as a front end needs them: whether a path is one, and
 * making one with its parents. Files are read through core's infile.h
 * (regular files only, under a ceiling) and written through outfile.h.
 */
#ifndef CR_FS_H
#define CR_FS_H

#include <stddef.h>

/* 1 when path names a folder (symbolic links followed), else 0. */
int fs_is_dir(const char *path);

/* mkdir -p: the folder and every missing parent, mode 0755 (less the
   umask). 0 when it exists as a folder afterwards; -1 with errno otherwise
   (ENOTDIR when a part is a file). */
int fs_mkdirs(const char *path);

#endif
