/*
 * test_outfile.c -- the one file writer against every kind of target: an
 * absent path, a regular file (replaced atomically, mode kept), symlinks
 * (the link kept), a dangling link, a directory, a FIFO with and without a
 * reader, a socket, character devices of our own (mknod, when permitted),
 * /dev/null through a link (only once the checks before it passed), a
 * write that fails half-way, and a read-only folder.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/un.h>
#include <dirent.h>
#include <unistd.h>

#include "../check.h"
#include "../scratch.h"
#include "outfile.h"
#include "util.h"

static int own_devices_ok; /* our own /dev/null twin was written in place */

static const char *slurp(const char *name)
{
    static char buf[8192];
    FILE *f = fopen(scratch_path(name), "r");
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f) fclose(f);
    buf[n] = '\0';
    return f ? buf : "(none)";
}

static mode_t kind_of(const char *name)
{
    struct stat st;
    return lstat(scratch_path(name), &st) == 0 ? st.st_mode & S_IFMT : 0;
}

/* Files whose name holds ".tmp-" in folder sub of the test's folder. */
static int temporaries(const char *sub)
{
    DIR *d = opendir(scratch_path(sub));
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));) n += strstr(e->d_name, ".tmp-") != NULL;
    if (d) closedir(d);
    return n;
}

static int put(const char *name, const char *text, char *err, size_t errlen)
{
    return outfile_write(scratch_path(name), text, strlen(text), err, errlen);
}

static void test_absent_and_regular(void)
{
    char err[OUTFILE_ERR_MAX];
    struct stat st, before;
    CHECK_EQ_INT(put("new.txt", "fresh", err, sizeof err), 0);
    CHECK_EQ_STR(slurp("new.txt"), "fresh");
    CHECK(stat(scratch_path("new.txt"), &st) == 0);
    CHECK_EQ_INT(st.st_mode & 0777, 0644); /* 0666 less the umask 022 */

    scratch_write("old.txt", "the old text, longer than the new");
    chmod(scratch_path("old.txt"), 0600);
    stat(scratch_path("old.txt"), &before);
    CHECK_EQ_INT(put("old.txt", "new", err, sizeof err), 0);
    CHECK_EQ_STR(slurp("old.txt"), "new");
    CHECK(stat(scratch_path("old.txt"), &st) == 0);
    CHECK_EQ_INT(st.st_mode & 0777, 0600); /* the mode is kept */
    CHECK(st.st_ino != before.st_ino);     /* replaced by rename, not rewritten */
    CHECK_EQ_INT(temporaries("."), 0);
}

static void test_stream_and_abort(void)
{
    char err[OUTFILE_ERR_MAX];
    scratch_write("s.txt", "kept");
    outfile *o = outfile_open(scratch_path("s.txt"), err, sizeof err);
    CHECK(o != NULL);
    CHECK_EQ_INT(outfile_put(o, "half", 4), 0);
    CHECK_EQ_INT(temporaries("."), 1);
    outfile_abort(o);
    CHECK_EQ_STR(slurp("s.txt"), "kept");
    CHECK_EQ_INT(temporaries("."), 0);
    o = outfile_open(scratch_path("s.txt"), err, sizeof err);
    CHECK(o != NULL);
    outfile_put(o, "one ", 4), outfile_put(o, "two", 3);
    CHECK_EQ_STR(slurp("s.txt"), "kept"); /* nothing shows before the close */
    CHECK_EQ_INT(outfile_close(o, err, sizeof err), 0);
    CHECK_EQ_STR(slurp("s.txt"), "one two");
}

static void test_symlinks(void)
{
    char err[OUTFILE_ERR_MAX], to[64];
    mkdir(scratch_path("sub"), 0755);
    scratch_write("sub/t.txt", "old");
    chmod(scratch_path("sub/t.txt"), 0640);
    CHECK(symlink("sub/t.txt", scratch_path("l1")) == 0);
    CHECK(symlink("l1", scratch_path("l2")) == 0); /* a chain of two */
    CHECK_EQ_INT(put("l2", "through the links", err, sizeof err), 0);
    CHECK_EQ_INT(kind_of("l1"), S_IFLNK);
    CHECK_EQ_INT(kind_of("l2"), S_IFLNK);
    ssize_t n = readlink(scratch_path("l2"), to, sizeof to - 1);
    to[n > 0 ? n : 0] = '\0';
    CHECK_EQ_STR(to, "l1");
    CHECK_EQ_STR(slurp("sub/t.txt"), "through the links");
    struct stat st;
    stat(scratch_path("sub/t.txt"), &st);
    CHECK_EQ_INT(st.st_mode & 0777, 0640);
    CHECK_EQ_INT(temporaries("."), 0);
    CHECK_EQ_INT(temporaries("sub"), 0);

    /* A link to nothing: refused, and nothing created where it points. */
    CHECK(symlink("nowhere.txt", scratch_path("dangling")) == 0);
    CHECK_EQ_INT(put("dangling", "x", err, sizeof err), -1);
    CHECK_STR_HAS(err, scratch_path("dangling"));
    CHECK_STR_HAS(err, "'nowhere.txt', which does not exist");
    CHECK_EQ_INT(kind_of("nowhere.txt"), 0);
    CHECK_EQ_INT(kind_of("dangling"), S_IFLNK);

    /* A failure behind a link names both. */
    CHECK(symlink("sub", scratch_path("lsub")) == 0);
    CHECK_EQ_INT(put("lsub", "x", err, sizeof err), -1);
    CHECK_STR_HAS(err, "it is a directory");
}

static void test_directory(void)
{
    char err[OUTFILE_ERR_MAX];
    mkdir(scratch_path("d"), 0755);
    CHECK_EQ_INT(put("d", "x", err, sizeof err), -1);
    CHECK_STR_HAS(err, scratch_path("d"));
    CHECK_STR_HAS(err, "it is a directory");
    CHECK_EQ_INT(kind_of("d"), S_IFDIR);
    CHECK_EQ_INT(temporaries("."), 0);
    CHECK_EQ_INT(put("nofolder/x.txt", "x", err, sizeof err), -1);
    CHECK_STR_HAS(err, "No such file or directory");
}

static void test_fifo(void)
{
    char err[OUTFILE_ERR_MAX], got[64] = {0};
    CHECK(mkfifo(scratch_path("fifo"), 0644) == 0);
    alarm(10); /* a hang fails the test instead of stalling it */
    CHECK_EQ_INT(put("fifo", "nobody reads", err, sizeof err), -1);
    CHECK_STR_HAS(err, "no process is reading it");
    /* With a reader: written in place (less than a pipe's buffer, so that
       one process can be both ends). */
    int rd = open(scratch_path("fifo"), O_RDONLY | O_NONBLOCK);
    CHECK(rd >= 0);
    CHECK_EQ_INT(put("fifo", "through the pipe", err, sizeof err), 0);
    CHECK(read(rd, got, sizeof got - 1) > 0);
    CHECK_EQ_STR(got, "through the pipe");
    close(rd);
    alarm(0);
    CHECK_EQ_INT(kind_of("fifo"), S_IFIFO);
    CHECK_EQ_INT(temporaries("."), 0);
}

static void test_socket(void)
{
    char err[OUTFILE_ERR_MAX];
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    str_fmt(a.sun_path, sizeof a.sun_path, "%s", scratch_path("sock"));
    int s = socket(AF_UNIX, SOCK_STREAM, 0);
    if (s < 0 || bind(s, (struct sockaddr *)&a, sizeof a) != 0) {
        printf("skip: no Unix socket could be made: %s\n", strerror(errno));
        return;
    }
    CHECK_EQ_INT(put("sock", "x", err, sizeof err), -1);
    CHECK_STR_HAS(err, "it is a socket");
    CHECK_EQ_INT(kind_of("sock"), S_IFSOCK);
    close(s);
}

/* Devices of our own (mknod needs root or CAP_MKNOD): a wrong rename would
   replace only these. */
static void test_own_devices(void)
{
    char err[OUTFILE_ERR_MAX];
    if (mknod(scratch_path("null"), S_IFCHR | 0666, makedev(1, 3)) != 0) {
        printf("skip: mknod not permitted (%s): own character devices not tried\n",
               strerror(errno));
        return;
    }
    int before = check_failures;
    CHECK_EQ_INT(put("null", "into the void", err, sizeof err), 0);
    CHECK_EQ_INT(kind_of("null"), S_IFCHR);
    CHECK_EQ_INT(temporaries("."), 0);
    own_devices_ok = check_failures == before;
    /* /dev/full's twin: every write fails with ENOSPC, in place. */
    CHECK(mknod(scratch_path("full"), S_IFCHR | 0666, makedev(1, 7)) == 0);
    CHECK_EQ_INT(put("full", "no room", err, sizeof err), -1);
    CHECK_STR_HAS(err, "No space left on device");
    CHECK_EQ_INT(kind_of("full"), S_IFCHR);
    /* A block device is refused. */
    if (mknod(scratch_path("blk"), S_IFBLK | 0600, makedev(7, 200)) == 0) {
        CHECK_EQ_INT(put("blk", "x", err, sizeof err), -1);
        CHECK_STR_HAS(err, "it is a block device");
        CHECK_EQ_INT(kind_of("blk"), S_IFBLK);
    }
}

/* The machine's /dev/null, through a link, only once our own twin of it
   was written in place and everything else passed: a writer that renamed
   over devices fails there first, on a node that is ours to lose. */
static void test_dev_null(void)
{
    char err[OUTFILE_ERR_MAX];
    struct stat st;
    if (check_failures || !own_devices_ok) {
        printf("skip: /dev/null not tried: %s\n",
               check_failures ? "checks above failed" : "no device of our own proved it first");
        return;
    }
    CHECK(symlink("/dev/null", scratch_path("devnull")) == 0);
    CHECK_EQ_INT(put("devnull", "discarded", err, sizeof err), 0);
    CHECK_EQ_INT(kind_of("devnull"), S_IFLNK);
    CHECK(stat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
    CHECK(lstat("/dev/null", &st) == 0 && S_ISCHR(st.st_mode));
}

/* A write that fails half-way (the file size limit stands in for a full
   disk; tests/cli/outputs.sh fills a real one): the old file stays. */
static void test_failed_write(void)
{
    char err[OUTFILE_ERR_MAX];
    static char big[6000];
    memset(big, 'x', sizeof big - 1);
    scratch_write("keep.txt", "the previous report");
    struct rlimit old, lim = {1000, 1000};
    getrlimit(RLIMIT_FSIZE, &old);
    signal(SIGXFSZ, SIG_IGN);
    lim.rlim_max = old.rlim_max;
    CHECK(setrlimit(RLIMIT_FSIZE, &lim) == 0);
    int rc = put("keep.txt", big, err, sizeof err);
    setrlimit(RLIMIT_FSIZE, &old);
    CHECK_EQ_INT(rc, -1);
    CHECK_STR_HAS(err, scratch_path("keep.txt"));
    CHECK_STR_HAS(err, "File too large");
    CHECK_STR_HAS(err, "(the file there is unchanged)");
    CHECK_EQ_STR(slurp("keep.txt"), "the previous report");
    CHECK_EQ_INT(temporaries("."), 0);
}

static void test_read_only_folder(void)
{
    char err[OUTFILE_ERR_MAX];
    if (geteuid() == 0) {
        printf("skip: root writes into a mode 0555 folder (tests/cli/outputs.sh mounts a "
               "read-only one)\n");
        return;
    }
    mkdir(scratch_path("ro"), 0755);
    scratch_write("ro/was.txt", "before");
    chmod(scratch_path("ro"), 0555);
    CHECK_EQ_INT(put("ro/new.txt", "x", err, sizeof err), -1);
    CHECK_STR_HAS(err, "Permission denied");
    CHECK_EQ_INT(put("ro/was.txt", "x", err, sizeof err), -1);
    CHECK_EQ_STR(slurp("ro/was.txt"), "before");
    chmod(scratch_path("ro"), 0755);
}

int main(void)
{
    umask(022);
    if (scratch_make("outfile")) return 2;
    test_absent_and_regular();
    test_stream_and_abort();
    test_symlinks();
    test_directory();
    test_fifo();
    test_socket();
    test_own_devices();
    test_failed_write();
    test_read_only_folder();
    test_dev_null();
    scratch_remove();
    return check_report("outfile");
}
