/*
 * outfile.h -- the one way the program writes an output file: reports, the
 * batch page, saves written whole (`save FILE`, journal_write_all) and
 * screenshots. What happens depends on what the path names when it is
 * opened:
 *
 *   absent, or a regular file: the bytes go to a new temporary file beside
 *     it (PATH.tmp-PID-N, in the same folder so that the rename cannot cross
 *     file systems), are fsync'ed, and the temporary is renamed over PATH:
 *     readers see the old file or the new one, never half of either. Any
 *     failure (a full disk included) removes the temporary and leaves the
 *     old file as it was. A replaced file keeps its permission bits (and its
 *     owner and group where the process may set them); a new one gets 0666
 *     less the umask, as fopen would give it. Only kill -9 or a power cut
 *     can leave a temporary behind, never a torn PATH.
 *   a symbolic link: the link stays; the file it points at (resolved through
 *     every link, as realpath does) is replaced as above, beside that file.
 *     A link to nothing is refused, as cp refuses to write through a
 *     dangling link: it may point anywhere. /dev/stdout that the shell
 *     redirected to a file is such a link: the file ends up holding exactly
 *     the output, as with '>' (even after '>>'); a front end's '-' writes to
 *     the stream as it is.
 *   a character device, a FIFO or a socket, directly or through links
 *     (/dev/null, /dev/stdout on a terminal or a pipe): written in place,
 *     opened without O_CREAT or O_TRUNC; nothing is created, renamed or
 *     removed. The open uses O_NONBLOCK so that it cannot wait for ever: a
 *     FIFO that no process reads is refused ("no process is reading it")
 *     instead of hanging; once open, writes block as on any pipe. A socket
 *     cannot be opened as a file: the kernel refuses it, and err says so.
 *   anything else (a directory, a block device): refused.
 *
 * Every refusal or failure returns -1 (or NULL) with
 * "cannot write 'PATH': reason" in err, where reason is strerror's or says
 * what kind of file PATH is and what is written; when PATH is a link, its
 * target is named too. Not for the journal's own appends (journal.h).
 */
#ifndef CR_OUTFILE_H
#define CR_OUTFILE_H

#include <stddef.h>

/* Room for an error: a path, a link's target and the reason. */
#define OUTFILE_ERR_MAX (2 * 4096 + 256)

typedef struct outfile outfile;

/* Start writing path; NULL (err says why) when it cannot be written. */
outfile *outfile_open(const char *path, char *err, size_t errlen);
/* Append n bytes. 0, or -1 after a failed write (the reason is kept and
   reported by outfile_close; later puts do nothing). */
int outfile_put(outfile *o, const void *data, size_t n);
/* Finish: fsync and rename into place (or just close, in place). 0, or -1
   with err (the first failure of any put, fsync, close or rename); nothing
   is replaced on failure. o is freed either way. */
int outfile_close(outfile *o, char *err, size_t errlen);
/* Give up: the temporary file is removed, nothing is replaced; o is freed. */
void outfile_abort(outfile *o);

/* The whole of data to path at once (open, put, close). 0 or -1 with err. */
int outfile_write(const char *path, const void *data, size_t len, char *err, size_t errlen);

#endif
