/*
 * test_cmd.c -- the command language follows its table (cmd.h): a line
 * made from each command's arguments parses and prints back unchanged, the
 * messages name the usage the table gives, and the lists the user reads
 * (help, "commands are:") hold every command.
 */
#include <stdlib.h>
#include <string.h>

#include "../check.h"
#include "cmd.h"
#include "util.h"

/* A line a user could type for a row: each argument filled with a sample. */
static void sample_line(const cmd_spec *s, char *buf, size_t size)
{
    str_fmt(buf, size, "%s", s->name);
    for (const char *p = s->args; *p;) {
        size_t n = strcspn(p, " ");
        if (strncmp(p, "[--", 3) == 0 || strncmp(p, "--", 2) == 0) {
            str_cat(buf, size, " -- because");
            return;
        }
        const char *eq = memchr(p, '=', n);
        if (strncmp(p, "VALUE", n) == 0 || strncmp(p, "MINUTES", n) == 0)
            str_cat(buf, size, " 42.5");
        else if (n == 1 && *p == 'N') /* a record's number */
            str_cat(buf, size, " 3");
        else if (p[0] == '[' && eq) /* an option: name=sample */
            str_cat(buf, size, " %.*s=w%zu", (int)(eq - p - 1), p + 1, strlen(buf));
        else if (strncmp(p, "TITLE", n) == 0)
            str_cat(buf, size, " A long title");
        else if (strncmp(p, "TEXT", n) == 0)
            str_cat(buf, size, " some free text -- with dashes");
        else
            str_cat(buf, size, " w%zu", strlen(buf));
        p += n + strspn(p + n, " ");
    }
}

static void test_every_row_round_trips(void)
{
    for (int k = 0; k < CMD_COUNT; k++) {
        char line[256], err[256];
        cmd c;
        sample_line(&cmd_specs[k], line, sizeof line);
        CHECK_EQ_INT(cmd_parse(line, &c, err, sizeof err), 0);
        CHECK_EQ_INT(c.kind, k);
        strbuf b = {0};
        cmd_format(&c, &b);
        CHECK_EQ_STR(b.s, line);
        sb_free(&b);
        CHECK_EQ_STR(cmd_names[k], cmd_specs[k].name);
        CHECK(cmd_specs[k].journaled && cmd_specs[k].help[0]);
    }
}

static void check_refused(const char *line, const char *want)
{
    cmd c;
    char err[512];
    CHECK_EQ_INT(cmd_parse(line, &c, err, sizeof err), -1);
    CHECK_EQ_STR(err, want);
}

/* The expectations read from the arguments: counts, optional words, text. */
static void test_messages_follow_the_table(void)
{
    check_refused("choose e1", "usage: choose EVENT OPTION [-- rationale]");
    check_refused("act a poke p1 more", "usage: act ROLE ACTION [TARGET] [-- rationale]");
    check_refused("finish a b", "usage: finish [ENDING]");
    check_refused("fire", "usage: fire EVENT");
    check_refused("note", "usage: note TEXT");
    check_refused("inject all",
                  "usage: inject ROLE|all [via=CHANNEL] [decides=ROLE] [at=resume] TITLE -- text");
    check_refused("inject all chanel=email Cut -- x",
                  "inject has no option 'chanel='; usage: inject ROLE|all [via=CHANNEL] "
                  "[decides=ROLE] [at=resume] TITLE -- text");
    check_refused("inject all via=email via=news Cut -- x", "inject: give via= once, with a value");
    check_refused("inject all via= Cut -- x", "inject: give via= once, with a value");
    check_refused("timer ten", "'ten' is not a number");
    check_refused("timer 5 close now", "usage: timer MINUTES [close]");
    check_refused("end -- early", "end takes no text after '--'");
    check_refused("fire e1 -- now", "fire takes no text after '--'");
    check_refused("set m 5", "set needs a reason after ' -- ': set m 5 -- reason");
    check_refused("inject all Power cut --",
                  "inject needs a text after ' -- ': inject all Power cut -- text");
    check_refused("set m five -- x", "'five' is not a number");
    check_refused("finish 0123456789012345678901234567890123456789012345678901234567890123",
                  "ending '01234567890123456789...' is too long (at most 63 characters)");
    cmd c;
    char err[256];
    CHECK_EQ_INT(cmd_parse("act a poke -- why", &c, err, sizeof err), 0);
    CHECK(!c.c[0] && strcmp(c.text, "why") == 0);
    CHECK_EQ_INT(cmd_parse("finish", &c, err, sizeof err), 0);
    CHECK(!c.a[0]);
    /* Options in any order before the title; a title as long as it likes. */
    const char *line = "inject pm at=resume via=email A title of many more words than eight -- "
                       "The text. || Speak now | Wait";
    CHECK_EQ_INT(cmd_parse(line, &c, err, sizeof err), 0);
    CHECK_EQ_STR(cmd_flag(&c, "via"), "email");
    CHECK_EQ_STR(cmd_flag(&c, "at"), "resume");
    CHECK_EQ_STR(cmd_flag(&c, "decides"), "");
    CHECK_EQ_STR(cmd_flag(&c, "nonesuch"), "");
    CHECK_EQ_STR(c.title, "A title of many more words than eight");
    CHECK_EQ_STR(c.text, "The text. || Speak now | Wait");
    strbuf b = {0};
    cmd_format(&c, &b); /* canonical: the table's order */
    CHECK_EQ_STR(b.s, "inject pm via=email at=resume A title of many more words than eight -- "
                      "The text. || Speak now | Wait");
    sb_free(&b);
    CHECK_EQ_INT(cmd_parse("timer 0.5 close", &c, err, sizeof err), 0);
    CHECK(c.value == 0.5 && !strcmp(c.a, "close"));
}

static void test_lookups(void)
{
    CHECK_EQ_INT(cmd_find("undo", 4), CMD_UNDO);
    CHECK_EQ_INT(cmd_find("undone", 4), CMD_UNDO); /* n bytes, not the whole string */
    CHECK_EQ_INT(cmd_find("help", 4), -1);         /* not a game command */
    CHECK_EQ_INT(cmd_look_find("help", 4), CMD_LOOK_HELP);
    CHECK_EQ_INT(cmd_look_find("?", 1), CMD_LOOK_HELP);
    CHECK_EQ_INT(cmd_look_find("exit", 4), CMD_LOOK_QUIT);
    CHECK_EQ_INT(cmd_look_find("end", 3), -1);
    for (int k = 0; k < CMD_LOOK_COUNT; k++) CHECK(!cmd_look_specs[k].journaled);
}

/* Every list a user reads names every command, once. */
static void test_lists(void)
{
    char err[1024];
    cmd c;
    cmd_unknown("frob\033[A", 7, 1, err, sizeof err);
    CHECK_STR_HAS(err, "unknown command 'frob?[A'");
    for (int k = 0; k < CMD_COUNT; k++) CHECK_STR_HAS(err, cmd_names[k]);
    for (int k = 0; k < CMD_LOOK_COUNT; k++) CHECK_STR_HAS(err, cmd_look_specs[k].name);
    CHECK_EQ_INT(cmd_parse("frob", &c, err, sizeof err), -1);
    CHECK(!strstr(err, "help")); /* the game's own message: game commands only */
    strbuf b = {0};
    cmd_help(&b);
    for (int k = 0; k < CMD_COUNT + CMD_LOOK_COUNT; k++) {
        const cmd_spec *s = k < CMD_COUNT ? &cmd_specs[k] : &cmd_look_specs[k - CMD_COUNT];
        char use[256], row[300];
        cmd_usage(s, use, sizeof use);
        str_fmt(row, sizeof row, "  %s ", use);
        if (!strstr(b.s, row)) str_fmt(row, sizeof row, "  %s\n", use); /* on a line of its own */
        CHECK_STR_HAS(b.s, row);
        CHECK_STR_HAS(b.s, s->help);
    }
    /* The help fits a terminal of 80 columns. */
    for (const char *p = b.s; *p; p += strcspn(p, "\n") + 1)
        CHECK_MSG(strcspn(p, "\n") <= 80, "line of %zu columns: %.*s", strcspn(p, "\n"),
                  (int)strcspn(p, "\n"), p);
    sb_free(&b);
}

int main(void)
{
    test_every_row_round_trips();
    test_messages_follow_the_table();
    test_lookups();
    test_lists();
    return check_report("cmd");
}
