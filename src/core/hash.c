/* hash.c -- a 64-bit fingerprint of the world's state after a turn.
 *
 * Equal hashes mean equal games: the replay checker, the save round-trip
 * tests, the determinism tests and tournament rows all compare it. So it
 * covers every field a save holds, no fewer: two worlds that would save
 * differently hash differently (tests/core/test_hash_fields.c perturbs each
 * saved field of a rich game in turn and checks). It once folded in a
 * hand-picked list (stocks, money, prices, the facilities' timelines, a
 * running hash of applied orders standing for the policy tables) and
 * missed the rest: two worlds whose export-control suspension had 3 and 8
 * turns left hashed the same, and so did premiums, demand and the ledgers.
 *
 * The list is the save format's own field list (save.c), walked in a mode
 * that folds each field instead of writing it: a field added to the save
 * is hashed without anyone remembering to. Doubles are folded by their
 * bits (-0.0 as 0.0: the same state), strings by their bytes. What only
 * grows -- the history, the news, the deal log -- is folded in as it is
 * added and kept as running hashes (world_internal.h), and the scenario,
 * which never changes, is hashed once when the world is made or loaded:
 * a hash then costs the same at turn 4,000 as at turn 4.
 */
#include "world_internal.h"

uint64_t cp_world_hash(const cp_world *w)
{
    return save_hash_world(w, 0x43484f4b45504f49ULL); /* "CHOKEPOI" */
}
