/*
 * fuzz_journal.c -- the save loader on any bytes: journal_read must refuse
 * or accept, never crash, leak or hang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "journal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[] = "/tmp/crfuzz-journal-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0) return 0;
    FILE *f = fdopen(fd, "wb");
    fwrite(data, 1, size, f);
    fclose(f);
    journal_file jf;
    char err[1024];
    if (journal_read(path, &jf, err, sizeof err) == 0) {
        /* What was accepted writes back and reads again the same. */
        char again[] = "/tmp/crfuzz-journal2-XXXXXX";
        int fd2 = mkstemp(again);
        if (fd2 >= 0) {
            close(fd2);
            journal_file jf2;
            if (journal_write_all(again, &jf.h, jf.e, jf.n, err, sizeof err) == 0) {
                if (journal_read(again, &jf2, err, sizeof err) != 0) {
                    fprintf(stderr, "a written save does not read back: %s\n", err);
                    abort();
                }
                if (jf2.n != jf.n) abort();
                journal_file_free(&jf2);
            }
            unlink(again);
        }
        journal_file_free(&jf);
    }
    unlink(path);
    return 0;
}
