/*
 * infile.h -- the one way the program opens a file it reads: a scenario and
 * its includes, a save (and the journal it appends to), a commands file,
 * a batch's shard results, the host's file of codes, the documents the
 * tools read. Only a regular file (directly or through links) is opened:
 *
 *   the open uses O_NONBLOCK, so that a FIFO with no writer cannot make it
 *     wait for ever (and opening a device has no side effect of waiting for
 *     a carrier); the descriptor is then fstat'ed, which tells what was
 *     really opened (no race between a check and the open), and anything
 *     but a regular file is refused, naming its kind: "not a regular file
 *     (a FIFO)", "(a character device)", "(a directory)". O_NONBLOCK is
 *     then cleared: reads of a regular file never wait anyway, and the
 *     descriptor behaves as fopen's would.
 *
 * A whole-file read is under a ceiling the caller names: a larger file is
 * refused (having read one chunk past the ceiling), never truncated. Line
 * readers (journal.h, cmdfile.h) open their file with infile_fopen and keep
 * their own limits per line.
 */
#ifndef CR_INFILE_H
#define CR_INFILE_H

#include <stddef.h>
#include <stdio.h>

/* Open path with open(2)'s flags (O_RDONLY; O_RDWR; O_WRONLY | O_CREAT |
   O_TRUNC for the journal, which creates the save it then appends to, new
   files 0666 less the umask): a descriptor, or -1 with the reason alone in
   why (strerror's, or "not a regular file (a FIFO)"), for the caller to say
   which file it is ("cannot open the save 'x': reason"). */
int infile_open(const char *path, int flags, char *why, size_t whylen);
/* The same as a stream, with fopen's modes ("r", "rb", "r+", "w"). NULL
   with the reason in why. */
FILE *infile_fopen(const char *path, const char *mode, char *why, size_t whylen);

/* What kind of file a stat's st_mode names: "a FIFO", "a directory", "a
   character device" ... (outfile.h's refusals say it too). */
const char *infile_kind(unsigned mode);

/* The whole file, NUL-terminated (*len excludes the NUL; embedded NULs are
   kept), when it is a regular file of at most limit bytes. NULL with the
   whole message in err otherwise: "cannot read 'PATH': reason" or
   "'PATH' is larger than 4 MiB" (bytes when limit is not a whole number of
   MiB). The caller frees the result. */
char *infile_read(const char *path, size_t limit, size_t *len, char *err, size_t errlen);

#endif
