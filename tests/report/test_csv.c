/*
 * test_csv.c -- the one CSV cell writer (engine/report/csv.c): RFC 4180
 * quoting of commas, quotes, CR and LF, records ending in CRLF, and cells a
 * spreadsheet would run as a formula (= + - @, a tab or CR first) turned
 * into text with a leading quote.
 */
#include "../check.h"
#include "report_int.h"

static void cell_is(const char *in, int last, const char *want)
{
    strbuf b = {0};
    csv_cell(&b, in, last);
    CHECK_MSG(b.s && strcmp(b.s, want) == 0, "csv_cell(\"%s\") wrote [%s], not [%s]",
              in ? in : "(null)", b.s ? b.s : "", want);
    sb_free(&b);
}

int main(void)
{
    cell_is("plain", 0, "plain,");
    cell_is("plain", 1, "plain\r\n");
    cell_is("", 0, ",");
    cell_is(NULL, 1, "\r\n");
    cell_is("a,b", 0, "\"a,b\",");
    cell_is("say \"hi\"", 0, "\"say \"\"hi\"\"\",");
    cell_is("two\nlines", 0, "\"two\nlines\",");
    cell_is("cr\rhere", 0, "\"cr\rhere\",");
    cell_is("ünïcödé · ok", 0, "ünïcödé · ok,");
    /* Formulas become text. */
    cell_is("=1+1", 0, "\"'=1+1\",");
    cell_is("+31 6 1234", 0, "\"'+31 6 1234\",");
    cell_is("-2", 0, "\"'-2\",");
    cell_is("@SUM(A1:A9)", 0, "\"'@SUM(A1:A9)\",");
    cell_is("\tTAB", 0, "\"'\tTAB\",");
    cell_is("=HYPERLINK(\"x\")", 1, "\"'=HYPERLINK(\"\"x\"\")\"\r\n");
    cell_is("a=b", 0, "a=b,"); /* only a first character counts */
    strbuf b = {0};
    csv_int(&b, -3, 0), csv_int(&b, 42, 1);
    CHECK_EQ_STR(b.s, "-3,42\r\n"); /* a number is a number */
    sb_free(&b);
    return check_report("csv");
}
