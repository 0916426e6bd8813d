/*
 * print_commands.c -- prints the command language as cmd_help() lists it:
 * the README's "The commands of a game" block, which readme_commands.sh
 * holds to it.
 */
#include <stdio.h>

#include "cmd.h"

int main(void)
{
    strbuf b = {0};
    cmd_help(&b);
    fputs(b.s, stdout);
    sb_free(&b);
    return 0;
}
