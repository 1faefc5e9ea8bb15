/* bot.h -- `chokepoint bot`: a headless client that plays one seat of a class game over the
 * network with a Lua agent (bot_main.c), for load tests and so that modders' agents can join.
 */
#ifndef CP_BOT_H
#define CP_BOT_H

/* The command's entry point (src/main.c): the arguments after "bot". Exit status 0 when the
 * game ended (its hash printed), 1 when the connection could not be kept, 2 for a bad command
 * line, a refused code or an agent that does not load. */
int cmd_bot(int argc, char **argv);

#endif
