/* proto_json.h -- the one codec between the network protocol's JSON and the core's orders, deal
 * terms and events (docs/network.md). The server reads every client's orders and deals with it
 * and the bot writes its agent's orders with it, so the two cannot disagree on a field's name
 * or meaning. Names are the core's (cp_order_kind_name, cp_good_name, ...), nations by ISO3.
 */
#ifndef CP_PROTO_JSON_H
#define CP_PROTO_JSON_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "chokepoint.h"

/* What reading a client's object gave. */
typedef enum {
    PROTO_OK = 0,
    PROTO_BAD = -1,      /* a field missing, of the wrong type or unknown: 'why' names it */
    PROTO_NOT_YOURS = -2 /* the object names a nation other than the seat ("nation":"CHN") */
} proto_status;

/* The fields an order kind reads, as bits of PROTO_F_*: what `welcome.catalog.orders[].fields`
 * lists and what proto_order_to_json writes. */
enum {
    PROTO_F_GOOD = 1 << 0,
    PROTO_F_PARTNER = 1 << 1,
    PROTO_F_AMOUNT = 1 << 2,
    PROTO_F_FACILITY = 1 << 3,
    PROTO_F_FACILITY_KIND = 1 << 4,
    PROTO_F_MODE = 1 << 5,
    PROTO_F_FLAG = 1 << 6,
    PROTO_F_TURNS = 1 << 7
};
unsigned proto_order_fields(cp_order_kind kind);          /* PROTO_F_* bits it reads */
unsigned proto_order_required(cp_order_kind kind);        /* of those, the ones that must be given */
const char *proto_field_name(unsigned field_bit);         /* "good", "partner", ... */

/* Read the order object 'j' for 'seat' (the nation index the connection plays) into 'out':
 * every field checked for type and name, the nation set from the seat. The core's own checks
 * (cp_world_check) come after: this only reads. 'why' gets "order.amount: a number is needed". */
int proto_order_from_json(const cJSON *j, const cp_world *w, int seat, cp_order *out, char *why,
                          size_t len);
/* The order as the protocol writes it: kind and the fields the kind reads (no nation). Its
 * numbers are raw items printed with the digits that read back as the same double (cJSON's own
 * printing may drop the last bit): print the object to send it; read it back from text. */
cJSON *proto_order_to_json(const cp_world *w, const cp_order *o);

/* Read deal terms {"to":"JPN","parties":[..]?,"term_turns":8,"clauses":[...]} proposed or
 * countered by 'seat' into 'out' (proposer = seat; parties: the seat, "to", any "parties" and
 * every nation a clause names). PROTO_OK, PROTO_BAD with 'why'. */
int proto_deal_from_json(const cJSON *j, const cp_world *w, int seat, cp_deal *out, char *why,
                         size_t len);
/* A deal as the protocol writes it: id, status, proposer, parties, term, clauses. */
cJSON *proto_deal_to_json(const cp_world *w, const cp_deal *d);

/* A teacher's event {"kind":"mine_flood","nation":"CHN","partner":..,"good":..,"facility":..,
 * "magnitude":0.3,"turns":2}. */
int proto_event_from_json(const cJSON *j, const cp_world *w, cp_event *out, char *why, size_t len);

/* Small readers shared by the message handlers: a field of 'obj' that must be a string / a
 * whole number / a finite number. 1 found and right, 0 absent, -1 wrong type ('why' says so,
 * naming 'where.name'). */
int proto_get_string(const cJSON *obj, const char *where, const char *name, const char **out,
                     char *why, size_t len);
int proto_get_int(const cJSON *obj, const char *where, const char *name, int lo, int hi, int *out,
                  char *why, size_t len);
int proto_get_number(const cJSON *obj, const char *where, const char *name, double *out, char *why,
                     size_t len);
/* A nation by ISO3 (case-sensitive, as the core names them); "all" gives CP_ALL when allowed. */
int proto_nation(const cp_world *w, const char *iso, int allow_all);

#endif
