/* serve_main.c -- `chokepoint serve`: the command that runs a class game over the network. It
 * reads the flags, opens the game (new, or resumed from an autosave with its codes), starts
 * CivetWeb, prints the address, the seats' codes, the teacher's code and a QR code, and hands
 * over to the turn clock until the game is over. */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <civetweb.h>

#include "file_io.h"
#include "server.h"

static void usage(FILE *f)
{
    fputs("usage: chokepoint serve --scenario NAME|FILE [--seats ISO3,ISO3,...] [--port N]\n"
          "                        [--bind ADDR] [--turns N] [--turn-seconds N] [--seed K]\n"
          "                        [--load FILE] [--dir DIR] [--web DIR] [--qr|--no-qr]\n"
          "                        [--difficulty easy|normal|hard]\n"
          "A class game over the network: students open the printed address in a browser and\n"
          "join with their seat's code; the teacher joins with the teacher's code.\n"
          "  --scenario S      the scenario (a name under scripts/scenarios/ or a file)\n"
          "  --seats LIST      the nations students play, by ISO3 (USA,JPN,DEU); the others are\n"
          "                    played by their scenario agents. Default: none (agents only)\n"
          "  --port N          the TCP port (default 8600; 0: any free port)\n"
          "  --bind ADDR       the address to listen on (default 0.0.0.0: the school network;\n"
          "                    127.0.0.1: this machine only)\n"
          "  --turns N         quarters to play (default: the scenario's length)\n"
          "  --turn-seconds N  a quarter ends after N seconds even if some seats are not ready\n"
          "                    (default 0: only when every seat is ready or the teacher says)\n"
          "  --seed K          the game's random seed (default 1)\n"
          "  --difficulty L    how well the nations played by agents play: easy, normal or\n"
          "                    hard (default normal; --load keeps the save's unless given)\n"
          "  --load FILE       resume a game from its autosave; the codes in codes.txt beside\n"
          "                    it stay valid\n"
          "  --dir DIR         where the recording, autosaves and codes.txt go (default\n"
          "                    saves/serve-SCENARIO-SEED/, or the folder of --load's file)\n"
          "  --web DIR         the page's files (default: the program's assets/web)\n"
          "  --qr, --no-qr     draw the address as a QR code (default: when stdout is a terminal)\n"
          "Prints 'address: URL', one 'seat: ISO3 NAME CODE' line per seat, 'teacher: CODE',\n"
          "then 'ready'; after the last quarter 'hash: <16 hex>' as sim does, and exits 0.\n"
          "The protocol and how to run a class: docs/network.md.\n",
          f);
}

static int parse_int(const char *flag, const char *text, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(text, &end, 10);
    if (errno || end == text || *end || v < lo || v > hi) {
        fprintf(stderr, "chokepoint serve: %s: '%s' is not a whole number from %ld to %ld\n", flag,
                text, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

/* --seats USA,JPN: ISO3 codes, checked against the world later. */
static int parse_seats(const char *text, srv_opts *o)
{
    const char *p = text;
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (n != 3 || o->seat_count >= CP_MAX_NATIONS) {
            fprintf(stderr, "chokepoint serve: --seats: '%.*s' is not an ISO3 code (USA,JPN,...)\n",
                    (int)(n > 40 ? 40 : n), p);
            return -1;
        }
        memcpy(o->seats[o->seat_count], p, 3);
        o->seats[o->seat_count][3] = '\0';
        o->seat_count++;
        p += n + (e ? 1 : 0);
    }
    return 0;
}

static int parse_args(int argc, char **argv, srv_opts *o, int *help)
{
    static const struct option opts[] = {
        {"scenario", required_argument, NULL, 's'}, {"seats", required_argument, NULL, 'S'},
        {"port", required_argument, NULL, 'p'},     {"bind", required_argument, NULL, 'b'},
        {"turns", required_argument, NULL, 't'},    {"turn-seconds", required_argument, NULL, 'T'},
        {"seed", required_argument, NULL, 'k'},     {"load", required_argument, NULL, 'l'},
        {"dir", required_argument, NULL, 'd'},      {"web", required_argument, NULL, 'w'},
        {"qr", no_argument, NULL, 'q'},             {"no-qr", no_argument, NULL, 'Q'},
        {"difficulty", required_argument, NULL, 'D'},
        {"help", no_argument, NULL, 'h'},           {NULL, 0, NULL, 0}};
    char **args = calloc((size_t)argc + 2, sizeof *args);
    if (!args)
        return -1;
    args[0] = (char *)"chokepoint serve";
    for (int i = 0; i < argc; i++)
        args[i + 1] = argv[i];
    optind = 0;
    opterr = 0;
    int rc = 0, c;
    long v = 0;
    while (rc == 0 && (c = getopt_long(argc + 1, args, ":h", opts, NULL)) != -1) {
        switch (c) {
        case 's': snprintf(o->scenario, sizeof o->scenario, "%s", optarg); break;
        case 'S': rc = parse_seats(optarg, o); break;
        case 'p':
            rc = parse_int("--port", optarg, 0, 65535, &v);
            o->port = (int)v;
            break;
        case 'b': snprintf(o->bind, sizeof o->bind, "%s", optarg); break;
        case 't':
            rc = parse_int("--turns", optarg, 1, 100000, &v);
            o->turns = (int)v;
            break;
        case 'T':
            rc = parse_int("--turn-seconds", optarg, 0, 86400, &v);
            o->turn_seconds = (int)v;
            break;
        case 'k': {
            char *end;
            errno = 0;
            o->seed = strtoull(optarg, &end, 10);
            if (errno || end == optarg || *end || optarg[0] == '-') {
                fprintf(stderr, "chokepoint serve: --seed: '%s' is not a non-negative whole number\n",
                        optarg);
                rc = -1;
            }
            break;
        }
        case 'l': snprintf(o->load, sizeof o->load, "%s", optarg); break;
        case 'd': snprintf(o->dir, sizeof o->dir, "%s", optarg); break;
        case 'w': snprintf(o->web, sizeof o->web, "%s", optarg); break;
        case 'q': o->qr = 1; break;
        case 'Q': o->qr = 0; break;
        case 'D':
            if (cps_difficulty_parse(optarg, &o->difficulty) != 0) {
                fprintf(stderr, "chokepoint serve: --difficulty: '%s' is not a difficulty: %s\n",
                        optarg, CPS_DIFFICULTY_CHOICES);
                rc = -1;
            }
            o->difficulty_given = 1;
            break;
        case 'h': *help = 1; break;
        case ':':
            fprintf(stderr, "chokepoint serve: %s needs a value\n", args[optind - 1]);
            rc = -1;
            break;
        default:
            fprintf(stderr, "chokepoint serve: unknown flag '%s'\n", args[optind - 1]);
            rc = -1;
        }
    }
    if (rc == 0 && optind < argc + 1) {
        fprintf(stderr, "chokepoint serve: unexpected argument '%s'\n", args[optind]);
        rc = -1;
    }
    free(args);
    return rc;
}

/* The host students type: the bind address, or for 0.0.0.0 the first non-loopback IPv4
 * address of this machine (127.0.0.1 when there is none). */
static void public_host(const char *bind, char *out, size_t len)
{
    if (strcmp(bind, "0.0.0.0") != 0 && strcmp(bind, "::") != 0) {
        snprintf(out, len, strchr(bind, ':') ? "[%s]" : "%s", bind);
        return;
    }
    snprintf(out, len, "127.0.0.1");
    struct ifaddrs *ifs = NULL;
    if (getifaddrs(&ifs) != 0)
        return;
    for (struct ifaddrs *i = ifs; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != AF_INET || (i->ifa_flags & IFF_LOOPBACK) ||
            !(i->ifa_flags & IFF_UP))
            continue;
        inet_ntop(AF_INET, &((struct sockaddr_in *)(void *)i->ifa_addr)->sin_addr, out,
                  (socklen_t)len);
        break;
    }
    freeifaddrs(ifs);
}

/* Every --seats nation is one of the scenario's (so that the message names --seats, not the
 * session's assignment it becomes); a scenario that does not load is left to cpg_new to report.
 * 0, or -1 after a message. */
static int check_seats(const srv_opts *o)
{
    cp_scenario *sc = malloc(sizeof *sc);
    char err[1024];
    if (!sc || cps_scenario_load(o->scenario, sc, NULL, err, sizeof err) != 0) {
        free(sc);
        return 0;
    }
    int rc = 0;
    for (int i = 0; i < o->seat_count && rc == 0; i++) {
        int found = 0;
        for (int n = 0; n < sc->nation_count; n++)
            found |= strcmp(sc->nations[n].iso3, o->seats[i]) == 0;
        if (!found) {
            fprintf(stderr, "chokepoint serve: --seats: the scenario has no nation '%s'\n", o->seats[i]);
            rc = -1;
        }
        for (int j = 0; j < i && rc == 0; j++)
            if (strcmp(o->seats[i], o->seats[j]) == 0) {
                fprintf(stderr, "chokepoint serve: --seats: %s is named twice\n", o->seats[i]);
                rc = -1;
            }
    }
    free(sc);
    return rc;
}

/* The game: new with the human seats, or loaded from an autosave. NULL after a message. */
static cpg_game *open_game(srv *s)
{
    srv_opts *o = &s->opt;
    cpg_opts go = {0};
    go.autosave_dir = o->dir;
    go.autosave_keep = 8;
    go.seats.difficulty = o->difficulty;
    cpg_error err;
    cpg_game *g;
    if (o->load[0]) {
        char path[1100];
        cpg_save_resolve(o->load, path, sizeof path);
        g = cpg_load(path, o->scenario[0] ? o->scenario : NULL, &go, &err);
        if (g && o->difficulty_given) /* else the save's level plays on */
            cpg_set_difficulty(g, o->difficulty);
        if (g && o->seat_count)
            fprintf(stderr, "chokepoint serve: --seats is ignored with --load: the save's human "
                            "seats are kept\n");
    } else {
        if (check_seats(o) != 0)
            return NULL;
        char text[CP_MAX_NATIONS][16];
        const char *assign[CP_MAX_NATIONS];
        for (int i = 0; i < o->seat_count; i++) {
            snprintf(text[i], sizeof text[i], "%s=none", o->seats[i]);
            assign[i] = text[i];
        }
        g = cpg_new(o->scenario, o->seed, assign, o->seat_count, &go, &err);
        for (int i = 0; g && i < o->seat_count; i++) {
            int n = cp_world_find_nation(cpg_world(g), o->seats[i]);
            if (n < 0 || cpg_seat(g, n, NULL, &err) != 0) {
                if (n < 0)
                    snprintf(err.message, sizeof err.message,
                             "--seats: the scenario has no nation '%s'", o->seats[i]);
                cpg_close(g);
                g = NULL;
            }
        }
    }
    if (!g) {
        fprintf(stderr, "chokepoint serve: %s\n", err.message);
        return NULL;
    }
    if (o->turns > 0)
        cpg_set_length(g, cp_world_turn(cpg_world(g)) + o->turns);
    return g;
}

/* Seat codes: kept from codes.txt on a restart, else new ones, written to codes.txt. */
static int make_codes(srv *s)
{
    char err[1000];
    const cp_world *w = cpg_world(s->g);
    if (s->opt.load[0]) {
        if (srv_codes_read(s, s->opt.dir, err, sizeof err) != 0) {
            fprintf(stderr, "chokepoint serve: %s; new codes are made\n", err);
            memset(s->seat_code, 0, sizeof s->seat_code);
            s->teacher_code[0] = '\0';
        }
    }
    if (!s->teacher_code[0] && srv_code_new(s->teacher_code) != 0)
        goto no_random;
    for (int n = 0; n < cp_world_nation_count(w); n++)
        if (cpg_is_human(s->g, n) && !s->seat_code[n][0] && srv_code_new(s->seat_code[n]) != 0)
            goto no_random;
    if (srv_codes_write(s, s->opt.dir, err, sizeof err) != 0) {
        fprintf(stderr, "chokepoint serve: %s\n", err);
        return -1;
    }
    return 0;
no_random:
    fprintf(stderr, "chokepoint serve: the system's random source failed: %s\n", strerror(errno));
    return -1;
}

/* CivetWeb on --bind:--port; 0 and the port it listens on in s->opt.port, or -1. */
static int start_web(srv *s)
{
    char ports[200], threads[16];
    if (strchr(s->opt.bind, ':'))
        snprintf(ports, sizeof ports, "[%s]:%d", s->opt.bind, s->opt.port);
    else
        snprintf(ports, sizeof ports, "%s:%d", s->opt.bind, s->opt.port);
    /* a WebSocket keeps a worker thread for its life: one for each connection allowed, and a
     * few for plain page requests */
    snprintf(threads, sizeof threads, "%d", SRV_MAX_CONNS + 16);
    const char *options[] = {"listening_ports", ports,
                             "num_threads", threads,
                             "request_timeout_ms", "10000",
                             /* a ping after 30 s of silence: keeps school NATs open, and
                              * a laptop that slept without closing is found when its pings
                              * can no longer be written */
                             "websocket_timeout_ms", "30000",
                             "enable_websocket_ping_pong", "yes",
                             "enable_keep_alive", "no",
                             "enable_directory_listing", "no",
                             NULL};
    srv_thread_stack_init();
    mg_init_library(0);
    if (strchr(s->opt.bind, ':') && !mg_check_feature(8)) {
        fprintf(stderr, "chokepoint serve: --bind %s: this system's CivetWeb was built without IPv6; "
                        "give an IPv4 address (0.0.0.0 for every network, 127.0.0.1 for this "
                        "machine)\n", s->opt.bind);
        return -1;
    }
    struct mg_callbacks cb;
    memset(&cb, 0, sizeof cb);
    struct mg_init_data init = {&cb, s, options};
    unsigned code = 0;
    char why[256] = "";
    struct mg_error_data e = {&code, why, sizeof why};
    s->ctx = mg_start2(&init, &e);
    if (!s->ctx) {
        fprintf(stderr, "chokepoint serve: cannot listen on %s: %s\n", ports,
                why[0] ? why : "in use, or not this machine's address?");
        return -1;
    }
    struct mg_server_port sp[4];
    int n = mg_get_server_ports(s->ctx, 4, sp);
    if (n > 0)
        s->opt.port = sp[0].port;
    srv_static_install(s);
    srv_ws_install(s);
    return 0;
}

int cmd_serve(int argc, char **argv)
{
    static srv s; /* large; one a process */
    memset(&s, 0, sizeof s);
    s.opt.port = 8600;
    s.opt.seed = 1;
    s.opt.qr = -1;
    snprintf(s.opt.bind, sizeof s.opt.bind, "0.0.0.0");
    snprintf(s.opt.web, sizeof s.opt.web, "%.900s/assets/web", cps_data_dir());
    int help = 0;
    if (parse_args(argc, argv, &s.opt, &help) != 0) {
        usage(stderr);
        return 2;
    }
    if (help) {
        usage(stdout);
        return 0;
    }
    if (!s.opt.scenario[0] && !s.opt.load[0]) {
        fprintf(stderr, "chokepoint serve: --scenario NAME (or --load FILE) is needed\n");
        usage(stderr);
        return 2;
    }
    if (!s.opt.dir[0]) {
        if (s.opt.load[0]) {
            char path[1100];
            cpg_save_resolve(s.opt.load, path, sizeof path);
            char *slash = strrchr(path, '/');
            if (slash)
                *slash = '\0';
            snprintf(s.opt.dir, sizeof s.opt.dir, "%.799s", slash ? path : ".");
        } else {
            const char *base = strrchr(s.opt.scenario, '/');
            base = base ? base + 1 : s.opt.scenario;
            int n = (int)strcspn(base, ".");
            snprintf(s.opt.dir, sizeof s.opt.dir, "%.600s/serve-%.*s-%llu", cps_saves_dir(), n, base,
                     (unsigned long long)s.opt.seed);
        }
    }
    char why[1200];
    if (file_mkdirs(s.opt.dir, why, sizeof why) != 0) {
        fprintf(stderr, "chokepoint serve: --dir %s: %s\n", s.opt.dir, why);
        return 1;
    }
    s.g = open_game(&s);
    if (!s.g)
        return 1;
    int rc = 1;
    const cp_world *w = cpg_world(s.g);
    if (make_codes(&s) != 0)
        goto out;
    char rec[1000];
    if (s.opt.load[0])
        snprintf(rec, sizeof rec, "%s/game-from-%d.cprep", s.opt.dir, cp_world_turn(w));
    else
        snprintf(rec, sizeof rec, "%s/game.cprep", s.opt.dir);
    cpg_error err;
    if (cpg_record_start(s.g, rec, s.opt.load[0] ? cp_world_scenario(w)->name : s.opt.scenario,
                         NULL, 0, &err) != 0) {
        fprintf(stderr, "chokepoint serve: %s\n", err.message);
        goto out;
    }
    pthread_mutex_init(&s.mu, NULL);
    pthread_cond_init(&s.wake, NULL);
    s.turn_seconds = s.opt.turn_seconds;
    if (start_web(&s) != 0)
        goto out;
    char host[128];
    public_host(s.opt.bind, host, sizeof host);
    char url[200];
    snprintf(url, sizeof url, "http://%s:%d/", host, s.opt.port);
    printf("address: %s\n", url);
    int humans = 0;
    for (int n = 0; n < cp_world_nation_count(w); n++)
        if (cpg_is_human(s.g, n)) {
            printf("seat: %s %s %s\n", cp_world_nation(w, n)->iso3, cp_world_nation(w, n)->name,
                   s.seat_code[n]);
            humans++;
        }
    printf("teacher: %s\n", s.teacher_code);
    if (s.opt.qr == 1 || (s.opt.qr == -1 && isatty(STDOUT_FILENO)))
        srv_print_qr(url);
    if (!humans)
        printf("note: no human seats (--seats USA,JPN,...): agents play every nation; quarters end "
               "by the timer or the teacher\n");
    printf("folder: %s (recording %s, autosaves, codes.txt)\n", s.opt.dir, rec);
    printf("ready\n");
    fflush(stdout);
    rc = srv_run(&s);
    mg_stop(s.ctx);
out:
    cpg_close(s.g);
    return rc;
}
