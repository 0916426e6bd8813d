/*
 * record_fmt.h -- the file bench_record writes and bench_luaonly replays:
 * what a batch's callbacks did, call by call.
 *
 * Text, one record a line; a value is a token after one space:
 *   n (nil)  t / f (booleans)  i<integer>  d<hex float, %a>  s<len>:<bytes>
 *   x (a table or function: nothing the harness can give back)
 *
 *   crisisroom-calls 1            the first line
 *   dir <value>                   the scenario folder
 *   ctor <name>                   a declaration constructor (role, event...)
 *   turns <n>                     g.turns
 *   fn <id> <decl> <depth> <key>...   function <id>: the <decl>-th declaration
 *                                 (1-based), then <depth> keys (i<n> / s<len>:<bytes>)
 *   run <seed>                    a playthrough begins
 *   call <fn> <t|r|s> <turn> <role> <target> <variant> <ended>
 *                                 the engine calls a condition (t), an effect
 *                                 (r) or a score (s) with g in that context
 *   m <name> <nargs> <args>...    the callback calls g:<name>(args) (or
 *                                 math.random); callbacks it sets off follow
 *   r <nres> <results>...         ...which returned these
 *   e                             ...which raised
 *   get <key> <value>             the callback read g.state[key]
 *   set <key> <value>             the callback wrote it
 *   ret <rc>                      the callback returned (host's code)
 *   done                          the end
 */
#ifndef CR_BENCH_RECORD_FMT_H
#define CR_BENCH_RECORD_FMT_H

#define RECORD_MAGIC "crisisroom-calls 1"

#endif
