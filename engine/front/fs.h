/*
 * fs.h -- the file system as a front end needs it: whether a path is a
 * folder, making a folder with its parents, and reading a whole file under a
 * ceiling. Errors say which file and why ("cannot read 'x': No such file or
 * directory", "'x' is larger than 4194304 bytes").
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

/* The whole file, NUL-terminated (*len excludes the NUL; embedded NULs are
   kept). A file larger than limit bytes is refused rather than truncated.
   NULL on failure, with the reason in err. The caller frees the result. */
char *fs_read(const char *path, size_t limit, size_t *len, char *err, size_t errlen);

#endif
