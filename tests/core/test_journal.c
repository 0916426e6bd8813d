/*
 * test_journal.c -- the save file: round trip, a torn last line, malformed
 * lines refused with their number.
 */
#include <stdlib.h>
#include <unistd.h>

#include "../check.h"
#include "../scratch.h"
#include "journal.h"
#include "util.h"

static void test_roundtrip(void)
{
    journal_header h = {.engine = "0.1.0",
                        .scenario = "mini",
                        .scenario_hash = 0xabcdef0123456789ull,
                        .seed = 18446744073709551615ull,
                        .variant = "v1",
                        .variant_mode = 1,
                        .started = "2026-01-01T00:00:00Z",
                        .dir = "/somewhere",
                        .hash_version = 0}; /* 0: this engine's hash version */
    char err[512];
    journal *j = journal_create(scratch_path("a.jsonl"), &h, err, sizeof err);
    CHECK(j != NULL);
    journal_entry e = {.cmd = "choose e1 x -- a \"quoted\" reason, and ë ç",
                       .turn = 1,
                       .role = "pm",
                       .hash = 0x1234};
    CHECK(journal_append(j, &e) == 0);
    e.cmd = "end";
    e.turn = 2;
    CHECK(journal_append(j, &e) == 0);
    journal_close(j);
    journal_file jf;
    CHECK(journal_read(scratch_path("a.jsonl"), &jf, err, sizeof err) == 0);
    CHECK(jf.n == 2 && strcmp(jf.h.scenario, "mini") == 0);
    CHECK(jf.h.seed == 18446744073709551615ull); /* 64-bit seeds survive */
    CHECK(jf.h.scenario_hash == 0xabcdef0123456789ull && jf.h.variant_mode == 1);
    CHECK(strcmp(jf.e[0].cmd, "choose e1 x -- a \"quoted\" reason, and ë ç") == 0);
    CHECK(jf.e[0].hash == 0x1234 && jf.e[1].turn == 2 && strcmp(jf.e[1].role, "pm") == 0);
    CHECK(jf.warning[0] == '\0');
    CHECK_EQ_INT(jf.h.hash_version, JOURNAL_HASH_VERSION);
    journal_file_free(&jf);
}

static const char *header =
    "{\"kind\":\"crisisroom-journal\",\"format\":1,\"engine\":\"0.1.0\",\"scenario\":\"mini\","
    "\"scenario_hash\":\"00000000000000ff\",\"seed\":\"5\",\"variant\":\"\",\"started\":\"x\"}\n";

static void test_torn_and_malformed(void)
{
    char text[2048], err[512];
    journal_file jf;
    str_fmt(text, sizeof text, "%s{\"cmd\":\"end\",\"turn\":1}\n{\"cmd\":\"en", header);
    scratch_write("torn.jsonl", text);
    CHECK(journal_read(scratch_path("torn.jsonl"), &jf, err, sizeof err) == 0);
    CHECK(jf.n == 1);
    CHECK_STR_HAS(jf.warning, "torn.jsonl:3:");
    CHECK_STR_HAS(jf.warning, "dropped");
    journal_file_free(&jf);

    /* The same damage in the middle is not a torn line: refused, with its number. */
    str_fmt(text, sizeof text,
            "%s{\"cmd\":\"end\",\"turn\":1}\n{\"cmd\":\"en\n{\"cmd\":\"end\",\"turn\":1}\n",
            header);
    scratch_write("bad.jsonl", text);
    CHECK(journal_read(scratch_path("bad.jsonl"), &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "bad.jsonl:3: malformed line");

    str_fmt(text, sizeof text, "%s{\"cmd\":5,\"turn\":1}\n", header);
    scratch_write("type.jsonl", text);
    CHECK(journal_read(scratch_path("type.jsonl"), &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "type.jsonl:2:");

    scratch_write("nohead.jsonl", "{\"cmd\":\"end\",\"turn\":1}\n");
    CHECK(journal_read(scratch_path("nohead.jsonl"), &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "nohead.jsonl:1: not a Crisis Room save");

    scratch_write("empty.jsonl", "");
    CHECK(journal_read(scratch_path("empty.jsonl"), &jf, err, sizeof err) == -1);
    CHECK(journal_read(scratch_path("missing.jsonl"), &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "cannot open");
}

/* A save is read a line at a time under its limits, each refusal naming
   the line; a header from before the state hash had a version reads as
   version 1, whose hashes are never compared. */
static void test_limits_and_versions(void)
{
    char err[512];
    journal_file jf;
    strbuf b = {0};
    sb_puts(&b, header);
    sb_puts(&b, "{\"cmd\":\"end\",\"turn\":1,\"hash\":\"00000000000000aa\"}\n");
    scratch_write("v1.jsonl", b.s);
    CHECK(journal_read(scratch_path("v1.jsonl"), &jf, err, sizeof err) == 0);
    CHECK_EQ_INT(jf.h.hash_version, 1);
    journal_entry other = {.cmd = "end", .turn = 1, .role = "", .hash = 0xbb};
    CHECK_EQ_INT(journal_diverges(&jf, &other, 1), -1); /* version 1: not compared */
    jf.h.hash_version = JOURNAL_HASH_VERSION;
    CHECK_EQ_INT(journal_diverges(&jf, &other, 1), 0);
    other.hash = 0xaa;
    CHECK_EQ_INT(journal_diverges(&jf, &other, 1), -1);
    journal_file_free(&jf);

    /* One line past JOURNAL_LINE_MAX, in the middle: refused by number. */
    FILE *f = fopen(scratch_path("long.jsonl"), "w");
    fputs(header, f);
    fputs("{\"cmd\":\"end\",\"turn\":1}\n{\"cmd\":\"note ", f);
    for (int i = 0; i < JOURNAL_LINE_MAX; i++) fputc('x', f);
    fputs("\",\"turn\":1}\n{\"cmd\":\"end\",\"turn\":1}\n", f);
    fclose(f);
    CHECK(journal_read(scratch_path("long.jsonl"), &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "long.jsonl:3: a line longer than 65536 bytes");
    /* The same line cut off at the end is a torn last line: dropped. */
    off_t cut =
        (off_t)(strlen(header) + strlen("{\"cmd\":\"end\",\"turn\":1}\n") + 20) + JOURNAL_LINE_MAX;
    CHECK(truncate(scratch_path("long.jsonl"), cut) == 0); /* inside line 3, past the limit */
    CHECK(journal_read(scratch_path("long.jsonl"), &jf, err, sizeof err) == 0);
    CHECK(jf.n == 1 && strstr(jf.warning, "long.jsonl:3: the last line was cut off"));
    journal_file_free(&jf);

    sb_free(&b);
    sb_puts(&b, header);
    sb_puts(&b, "{\"cmd\":\"end\",\"turn\":1}\n{\"cmd\":\"");
    for (int i = 0; i <= JOURNAL_CMD_MAX; i++) sb_puts(&b, "y");
    sb_puts(&b, "\",\"turn\":1}\n");
    scratch_write("cmd.jsonl", b.s);
    CHECK(journal_read(scratch_path("cmd.jsonl"), &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "cmd.jsonl:3: a command longer than 4096 bytes");

    f = fopen(scratch_path("nul.jsonl"), "w");
    fputs(header, f);
    fputs("{\"cmd\":\"end\",\"turn\":1}\n{\"cmd\":\"e\0nd\",\"turn\":1}\n", f);
    static const char nul_line[] = "{\"cmd\":\"e\0nd\"}\n"; /* sizeof counts past the NUL */
    fwrite(nul_line, 1, sizeof nul_line - 1, f);
    fclose(f);
    CHECK(journal_read(scratch_path("nul.jsonl"), &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "nul.jsonl:3: binary data");

    /* Blank lines count: a header and JOURNAL_MAX_LINES of them is the most. */
    f = fopen(scratch_path("blank.jsonl"), "w");
    fputs(header, f);
    for (int i = 0; i < JOURNAL_MAX_LINES; i++) fputc('\n', f);
    fclose(f);
    CHECK(journal_read(scratch_path("blank.jsonl"), &jf, err, sizeof err) == 0 && jf.n == 0);
    journal_file_free(&jf);
    f = fopen(scratch_path("blank.jsonl"), "a");
    fputc('\n', f);
    fclose(f);
    CHECK(journal_read(scratch_path("blank.jsonl"), &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "blank.jsonl:100002: more than 100000 commands");
    sb_free(&b);
}

/* While the syncs are held, each line is still written to the system (a
   reader sees it before the release). */
static void test_hold(void)
{
    journal_header h = {.engine = "0.1.0", .scenario = "mini"};
    char err[512];
    journal *j = journal_create(scratch_path("hold.jsonl"), &h, err, sizeof err);
    journal_hold(j);
    journal_entry e = {.cmd = "end", .turn = 1, .role = "a"};
    CHECK(journal_append(j, &e) == 0 && journal_append(j, &e) == 0);
    journal_file jf;
    CHECK(journal_read(scratch_path("hold.jsonl"), &jf, err, sizeof err) == 0 && jf.n == 2);
    journal_file_free(&jf);
    CHECK(!j->durable && journal_release(j) == 0 && j->durable);
    CHECK(journal_release(NULL) == 0);
    journal_hold(NULL);
    journal_close(j);
}

/* Reopening after a torn line cuts it off, so appends start clean. */
static void test_append_after_torn(void)
{
    char text[2048], err[512];
    str_fmt(text, sizeof text, "%s{\"cmd\":\"end\",\"turn\":1}\n{\"cmd\":\"en", header);
    scratch_write("re.jsonl", text);
    journal *j = journal_append_to(scratch_path("re.jsonl"), err, sizeof err);
    CHECK(j != NULL);
    journal_entry e = {.cmd = "note after", .turn = 1, .role = "a"};
    CHECK(journal_append(j, &e) == 0);
    journal_close(j);
    journal_file jf;
    CHECK(journal_read(scratch_path("re.jsonl"), &jf, err, sizeof err) == 0);
    CHECK(jf.n == 2 && strcmp(jf.e[1].cmd, "note after") == 0 && !jf.warning[0]);
    journal_file_free(&jf);
}

/* Provenance keys are optional: a line without them (every save before
   them) reads with nothing recorded; one of the wrong type is refused. */
static void test_provenance_keys(void)
{
    char text[2048], err[512];
    journal_file jf;
    str_fmt(text, sizeof text,
            "%s{\"cmd\":\"end\",\"turn\":1,\"role\":\"a\",\"hash\":\"0000000000000001\"}\n"
            "{\"cmd\":\"end\",\"turn\":1,\"by\":\"team\",\"team\":\"b\",\"participant\":"
            "\"p2\",\"name\":\"Bo\",\"seq\":4,\"at\":\"2026-01-01T00:00:00.000Z\"}\n",
            header);
    scratch_write("by.jsonl", text);
    CHECK_MSG(journal_read(scratch_path("by.jsonl"), &jf, err, sizeof err) == 0, "%s", err);
    CHECK_EQ_INT(jf.n, 2);
    CHECK_EQ_STR(jf.e[0].by.kind, "");
    CHECK_EQ_STR(jf.e[0].by.at, "");
    CHECK_EQ_INT(jf.e[0].by.seq, 0);
    CHECK_EQ_STR(jf.e[1].by.participant, "p2");
    CHECK_EQ_INT(jf.e[1].by.seq, 4);
    CHECK(!jf.h.simultaneous);
    journal_file_free(&jf);

    str_fmt(text, sizeof text, "%s{\"cmd\":\"end\",\"turn\":1,\"seq\":\"4\"}\n", header);
    scratch_write("badseq.jsonl", text);
    CHECK(journal_read(scratch_path("badseq.jsonl"), &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "badseq.jsonl:2: \"by\"");

    /* The mode is in the header: hot-seat when absent. */
    char head[600];
    str_fmt(head, sizeof head, "%.*s,\"mode\":\"simultaneous\"}\n", (int)strlen(header) - 2,
            header);
    scratch_write("mode.jsonl", head);
    CHECK(journal_read(scratch_path("mode.jsonl"), &jf, err, sizeof err) == 0);
    CHECK(jf.h.simultaneous);
    journal_file_free(&jf);
    str_fmt(head, sizeof head, "%.*s,\"mode\":\"both\"}\n", (int)strlen(header) - 2, header);
    scratch_write("badmode.jsonl", head);
    CHECK(journal_read(scratch_path("badmode.jsonl"), &jf, err, sizeof err) == -1);
    CHECK_STR_HAS(err, "badmode.jsonl:1: header: \"mode\"");
}

int main(void)
{
    if (scratch_make("journal")) return 2;
    test_roundtrip();
    test_torn_and_malformed();
    test_append_after_torn();
    test_limits_and_versions();
    test_hold();
    test_provenance_keys();
    scratch_remove();
    return check_report("journal");
}
