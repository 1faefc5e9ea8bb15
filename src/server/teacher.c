/* teacher.c -- what the teacher's code may do over the network: pause and resume the clock, end
 * the quarter now, set the timer, inject an event, hand a seat to an agent or back to its student,
 * lock or unlock a nation's policy. Each goes through the session or the core and answers
 * teacher_result with their message. Called with srv.mu held. */
#include <stdio.h>
#include <string.h>

#include "proto_json.h"
#include "server.h"

static void result(srv_conn *c, int req, int ok, const char *message)
{
    cJSON *j = cJSON_CreateObject();
    if (!j)
        return;
    cJSON_AddStringToObject(j, "type", "teacher_result");
    if (req >= 0)
        cJSON_AddNumberToObject(j, "req", req);
    cJSON_AddBoolToObject(j, "ok", ok);
    cJSON_AddStringToObject(j, "message", message);
    conn_send(c, j);
    cJSON_Delete(j);
}

/* The "seat" field: a nation of this game, or -1 after an error reply. */
static int seat_of(srv *s, srv_conn *c, int req, const cJSON *m)
{
    char why[200];
    const char *iso = NULL;
    int rc = proto_get_string(m, "teacher", "seat", &iso, why, sizeof why);
    if (rc <= 0) {
        conn_error(c, req, "bad_message", rc ? why : "teacher.seat: missing (an ISO3 code)", 0);
        return -1;
    }
    int n = proto_nation(cpg_world(s->g), iso, 0);
    if (n < 0) {
        conn_error(c, req, "bad_message", "teacher.seat: no such nation in this game", 0);
        return -1;
    }
    return n;
}

void srv_teacher(srv *s, srv_conn *c, int req, const cJSON *m)
{
    char why[300], msg[1500];
    const char *action = NULL;
    int got = proto_get_string(m, "teacher", "action", &action, why, sizeof why);
    if (got <= 0) {
        conn_error(c, req, "bad_message", got ? why : "teacher.action: missing", 0);
        return;
    }
    if (s->over) {
        conn_error(c, req, "game_over", "the game is over", 0);
        return;
    }
    cp_world *w = cpg_world(s->g);
    if (strcmp(action, "pause") == 0 || strcmp(action, "resume") == 0) {
        srv_clock_pause(s, action[0] == 'p');
        result(c, req, 1, s->paused ? "paused" : "resumed");
        srv_broadcast_state(s);
    } else if (strcmp(action, "end_quarter") == 0) {
        s->end_now = 1;
        result(c, req, 1, "the quarter ends now");
    } else if (strcmp(action, "timer") == 0) {
        int seconds;
        int rc = proto_get_int(m, "teacher", "seconds", 0, 86400, &seconds, why, sizeof why);
        if (rc <= 0) {
            conn_error(c, req, "bad_message", rc ? why : "teacher.seconds: missing", 0);
            return;
        }
        srv_clock_set_timer(s, seconds);
        snprintf(msg, sizeof msg, seconds ? "%d seconds a quarter" : "no timer", seconds);
        result(c, req, 1, msg);
        srv_broadcast_state(s);
    } else if (strcmp(action, "inject") == 0) {
        cp_event e;
        if (proto_event_from_json(cJSON_GetObjectItemCaseSensitive(m, "event"), w, &e, why,
                                  sizeof why) != PROTO_OK) {
            conn_error(c, req, "bad_message", why, 0);
            return;
        }
        cp_error err;
        if (cpg_inject(s->g, &e, &err) != CP_OK)
            result(c, req, 0, err.message);
        else
            result(c, req, 1, "the event happens when the quarter ends");
    } else if (strcmp(action, "seat_agent") == 0 || strcmp(action, "seat_human") == 0) {
        int n = seat_of(s, c, req, m);
        if (n < 0)
            return;
        const char *agent = NULL;
        if (action[5] == 'a') {
            int rc = proto_get_string(m, "teacher", "agent", &agent, why, sizeof why);
            if (rc < 0) {
                conn_error(c, req, "bad_message", why, 0);
                return;
            }
            if (!agent || !agent[0]) {
                const cps_scenario_info *info = cpg_info(s->g);
                agent = info && info->agent[n][0] ? info->agent[n] : NULL;
            }
            if (!agent) {
                result(c, req, 0, "teacher.agent: no agent named and the scenario has none for "
                                  "this nation");
                return;
            }
        }
        cpg_error err;
        if (cpg_seat(s->g, n, agent, &err) != 0) {
            result(c, req, 0, err.message);
            return;
        }
        if (!agent && !s->seat_code[n][0]) {
            /* a seat handed to a person for the first time gets a code */
            srv_code_new(s->seat_code[n]);
            char e2[300];
            if (srv_codes_write(s, s->opt.dir, e2, sizeof e2) != 0)
                fprintf(stderr, "serve: %s\n", e2);
            printf("seat: %s %s %s\n", cp_world_nation(w, n)->iso3, cp_world_nation(w, n)->name,
                   s->seat_code[n]);
            fflush(stdout);
        }
        snprintf(msg, sizeof msg, "%s is now played by %s", cp_world_nation(w, n)->name,
                 agent ? agent : "its student");
        result(c, req, 1, msg);
        srv_broadcast_class(s);
        pthread_cond_broadcast(&s->wake);
    } else if (strcmp(action, "lock") == 0 || strcmp(action, "unlock") == 0) {
        int n = seat_of(s, c, req, m);
        if (n < 0)
            return;
        cp_error err;
        if (cp_world_lock_policy(w, n, action[0] == 'l', &err) != CP_OK) {
            result(c, req, 0, err.message);
            return;
        }
        /* a lock is not in the replay format yet: say so where the teacher reads it */
        snprintf(msg, sizeof msg, "%s's policy is %s (note: the game's recording does not hold "
                 "locks yet, so `chokepoint replay` of it differs from this quarter on)",
                 cp_world_nation(w, n)->name, action[0] == 'l' ? "locked" : "unlocked");
        fprintf(stderr, "chokepoint serve: %s\n", msg);
        result(c, req, 1, msg);
        srv_broadcast_state(s);
    } else if (strcmp(action, "debrief") == 0) {
        result(c, req, 0, "not available in serve yet: the debrief pack is written by the "
                          "window (chokepoint play --debrief)");
    } else {
        conn_error(c, req, "bad_message",
                   "teacher.action: pause, resume, end_quarter, timer, inject, seat_agent, "
                   "seat_human, lock, unlock or debrief", 0);
    }
}
