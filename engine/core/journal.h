/*
 * journal.h -- the save file: JSON lines. The first line is a header (engine
 * version, scenario id, a hash of the scenario's files, seed, variant, the
 * version of the state hash); then one line per command with the state hash
 * after it, appended and flushed to disk as it is applied, so a crash loses
 * at most the command being typed. A torn last line (power cut, kill -9) is
 * dropped with a warning on load; any other malformed line is refused with
 * its line number.
 *
 * A save is read a line at a time, never whole: a line longer than
 * JOURNAL_LINE_MAX, a command longer than JOURNAL_CMD_MAX or more lines
 * than a header and JOURNAL_MAX_LINES (blank lines count) is refused at
 * that line, having held one line in memory.
 */
#ifndef CR_JOURNAL_H
#define CR_JOURNAL_H

#include <stdint.h>
#include <stdio.h>

#define JOURNAL_MAX_LINES 100000
/* Bytes of one line: far above the longest command line written (a 2,000-
   byte text, JSON-escaped, is about 12 KiB). */
#define JOURNAL_LINE_MAX (64 * 1024)
/* Bytes of one command: the command parser takes no longer line (cmd.h's
   longest command is about 2.4 KB; CMDFILE_MAX_LINE is the same bound). */
#define JOURNAL_CMD_MAX 4096
/* What the state hash of each line means (game_hash.c): version 2 folds
   the log in as it grows. A save without it (version 1) was written before;
   its lines' hashes are of the old definition, and are not compared. */
#define JOURNAL_HASH_VERSION 2

typedef struct journal_header {
    char engine[32];
    char scenario[64];
    uint64_t scenario_hash;
    uint64_t seed;
    char variant[64]; /* "" when the scenario has none */
    int variant_mode; /* the variant was drawn by the seed */
    char started[32]; /* ISO 8601 UTC */
    char dir[1024];   /* where the scenario was loaded from: a hint for resume */
    int hash_version; /* of the lines' state hashes; 1 when absent */
    int simultaneous; /* teams move at once (`crisisroom host`); key "mode", absent: hot-seat */
    char session[64]; /* the scenario's session played (def_session); "" (absent): every turn */
} journal_header;

/* Who sent a command, and when it was applied (docs/protocol.md,
   "Provenance"): optional keys of its line, empty in older saves. Replay
   hands the participant back to the game (votes) and ignores the rest.
   An empty kind is read by the command's table (cmd.h: a team's command
   or the facilitator's; record.h). */
typedef struct journal_by {
    char kind[16];        /* "team", "facilitator", "default", "policy"; "" not recorded */
    char team[64];        /* the role a team's command was sent for */
    char participant[24]; /* the id the server gave at join; "" none */
    char name[64];        /* a participant's display name, a policy's name, "timer" */
    long long seq;        /* the client's sequence number; 0 none */
    char at[32];          /* wall-clock time applied, ISO 8601 UTC with milliseconds */
    /* On the first command a session applies: when that session (a
       program's run on this save) was opened. The program was closed
       between the line before and this time (record.h leaves it out of
       the exercise's duration). "" on every other line. */
    char opened[32];
} journal_by;

typedef struct journal_entry {
    char *cmd;     /* the canonical command line */
    int turn;      /* turn when it was applied */
    char role[64]; /* whose move it was */
    uint64_t hash; /* state hash after it (0 when absent) */
    journal_by by;
} journal_entry;

typedef struct journal {
    FILE *f;
    char *path;
    int durable; /* fsync after each line (else journal_hold is in force) */
    int failed;  /* a write failed: the game goes on in memory */
    int count;   /* command lines written */
    char err[512];
} journal;

/* Create (truncate) a journal and write its header. NULL + err on failure. */
journal *journal_create(const char *path, const journal_header *h, char *err, size_t errlen);
/* Reopen an existing journal to append to it (after a load). */
journal *journal_append_to(const char *path, char *err, size_t errlen);
/* Append one command. -1 when the write failed (j->err says why; the
   journal stays failed, later appends are skipped). */
int journal_append(journal *j, const journal_entry *e);
/* Hold the disk syncs of the appends that follow (a commands file, which
   nobody sees acknowledged before its end): each line is still written to
   the system as it is applied, so the program's own crash (kill -9) loses
   nothing; only a power cut can lose the lines since the hold.
   journal_release syncs them all at once and returns to a sync per line;
   -1 when that failed (j->err). Either accepts NULL (not saving). */
void journal_hold(journal *j);
int journal_release(journal *j);
void journal_close(journal *j);

typedef struct journal_file {
    journal_header h;
    journal_entry *e;
    int n, cap;
    char warning[512]; /* e.g. the torn last line dropped */
} journal_file;

/* Read a journal. 0, or -1 with "FILE:LINE: reason" in err. */
int journal_read(const char *path, journal_file *out, char *err, size_t errlen);
void journal_file_free(journal_file *jf);
/* The first of jf's entries whose state hash differs from that of the
   same command replayed (replayed[i] for jf->e[i], i < n), or -1. Only a
   save of this JOURNAL_HASH_VERSION is compared; lines without a hash are
   skipped. */
int journal_diverges(const journal_file *jf, const journal_entry *replayed, int n);

/* Write the header and entries to path through outfile.h (atomic replace
   of a file; a device or FIFO in place; a link's target, never the link). */
int journal_write_all(const char *path, const journal_header *h, const journal_entry *e, int n,
                      char *err, size_t errlen);

void journal_now(char *buf, size_t size);    /* ISO 8601 UTC time */
void journal_now_ms(char *buf, size_t size); /* the same with milliseconds */

#endif
