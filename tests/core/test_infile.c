/*
 * test_infile.c -- the one file reader and the journal's opens through it:
 * a regular file (and one through a link) is read, under its ceiling; a
 * FIFO with no writer, /dev/zero, a directory and a socket are refused at
 * once, naming their kind, for a whole-file read, a stream, the save read,
 * created and reopened. alarm() turns a hang into a failure.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "../check.h"
#include "../scratch.h"
#include "infile.h"
#include "journal.h"
#include "util.h"

#define HANG_SECONDS 20 /* far above what refusing a file takes */

static void test_regular(void)
{
    char err[4200];
    size_t len = 0;
    scratch_write("file", "12345");
    char *s = infile_read(scratch_path("file"), 5, &len, err, sizeof err);
    CHECK_EQ_STR(s, "12345");
    CHECK_EQ_INT(len, 5);
    free(s);
    CHECK(symlink("file", scratch_path("link")) == 0);
    s = infile_read(scratch_path("link"), 5, &len, err, sizeof err);
    CHECK_EQ_STR(s, "12345");
    free(s);
    CHECK(infile_read(scratch_path("file"), 4, &len, err, sizeof err) == NULL);
    char want[4200];
    str_fmt(want, sizeof want, "'%s' is larger than 4 bytes", scratch_path("file"));
    CHECK_EQ_STR(err, want);
    CHECK(infile_read(scratch_path("none"), 4, &len, err, sizeof err) == NULL);
    str_fmt(want, sizeof want, "cannot read '%s': No such file or directory", scratch_path("none"));
    CHECK_EQ_STR(err, want);
    scratch_write("empty", "");
    s = infile_read(scratch_path("empty"), 4, &len, err, sizeof err);
    CHECK(s && len == 0 && s[0] == '\0');
    free(s);
}

/* The file's descriptor is blocking again once open (fdopen's stream
   reads as fopen's would). */
static void test_blocking_cleared(void)
{
    char why[256];
    int fd = infile_open(scratch_path("file"), O_RDONLY, why, sizeof why);
    CHECK_MSG(fd >= 0, "open: %s", why);
    CHECK((fcntl(fd, F_GETFL) & O_NONBLOCK) == 0);
    close(fd);
}

/* Each way of opening path is refused with "not a regular file (KIND)". */
static void refused(const char *path, const char *kind)
{
    char err[4200], why[256], want[300];
    size_t len;
    str_fmt(want, sizeof want, "not a regular file (%s)", kind);
    CHECK_MSG(infile_read(path, 1 << 20, &len, err, sizeof err) == NULL, "%s was read", path);
    CHECK_STR_HAS(err, want);
    CHECK_STR_HAS(err, path);
    static const char *modes[] = {"r", "r+", "w"};
    for (int i = 0; i < 3; i++) {
        why[0] = '\0';
        FILE *f = infile_fopen(path, modes[i], why, sizeof why);
        CHECK_MSG(f == NULL, "%s opened with \"%s\"", path, modes[i]);
        if (f) fclose(f);
        CHECK_STR_HAS(why, want);
    }
}

/* The save read, created over and reopened: the same refusal, the save
   named. */
static void refused_as_save(const char *path, const char *kind)
{
    char err[4200], want[300];
    str_fmt(want, sizeof want, "not a regular file (%s)", kind);
    journal_file jf;
    CHECK(journal_read(path, &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "cannot open the save");
    CHECK_STR_HAS(err, want);
    journal_header h = {.hash_version = JOURNAL_HASH_VERSION};
    CHECK(journal_create(path, &h, err, sizeof err) == NULL);
    CHECK_STR_HAS(err, want);
    CHECK(journal_append_to(path, err, sizeof err) == NULL);
    CHECK_STR_HAS(err, want);
}

static void test_not_regular(void)
{
    CHECK(mkfifo(scratch_path("fifo"), 0600) == 0);
    refused(scratch_path("fifo"), "a FIFO");
    refused_as_save(scratch_path("fifo"), "a FIFO");
    CHECK(symlink("fifo", scratch_path("to-fifo")) == 0);
    refused(scratch_path("to-fifo"), "a FIFO");
    refused("/dev/zero", "a character device");
    refused_as_save("/dev/null", "a character device");
    CHECK(mkdir(scratch_path("folder"), 0755) == 0);
    refused(scratch_path("folder"), "a directory");
    refused_as_save(scratch_path("folder"), "a directory");
    struct sockaddr_un a = {.sun_family = AF_UNIX};
    str_fmt(a.sun_path, sizeof a.sun_path, "%s", scratch_path("sock"));
    int sd = socket(AF_UNIX, SOCK_STREAM, 0);
    CHECK(sd >= 0 && bind(sd, (struct sockaddr *)&a, sizeof a) == 0);
    refused(scratch_path("sock"), "a socket");
    close(sd);
}

int main(void)
{
    alarm(HANG_SECONDS); /* a blocking open kills the test instead of hanging */
    if (scratch_make("infile")) return 2;
    test_regular();
    test_blocking_cleared();
    test_not_regular();
    scratch_remove();
    return check_report("infile");
}
