/* lock.c -- the teacher's policy lock: a nation whose policy is locked
 * cannot change it by orders until it is unlocked.
 *
 * A lock is a rule, so it lives in the core: cp_world_check and
 * cp_world_submit (order.c), the turn end (order_apply_pending) and the
 * scenario's schedule (event.c) ask lock_refuses, so all of them refuse a
 * locked nation's policy orders with the same message. Deals are not
 * orders: a deal the nation agreed still takes effect (deal_exec.c), so a
 * lock never puts a nation in breach of its word. The lock is part of the
 * saved state (save.c) and of the state hash once any lock is set (hash.c).
 */
#include "world_internal.h"

int cp_order_kind_is_policy(cp_order_kind kind)
{
    switch (kind) {
    case CP_ORDER_SET_TARIFF:
    case CP_ORDER_SET_EXPORT_CONTROL:
    case CP_ORDER_SUSPEND_EXPORT_CONTROL:
    case CP_ORDER_SET_EXPORT_QUOTA:
    case CP_ORDER_SET_EXPORT_TAX:
    case CP_ORDER_SET_SUBSIDY:
    case CP_ORDER_SET_PRICE_FLOOR:
    case CP_ORDER_SET_TRACKING:
    case CP_ORDER_SET_TECH_BAN:
    case CP_ORDER_SET_EXTRATERRITORIAL:
    case CP_ORDER_SET_FOREIGN_INVESTMENT:
        return 1;
    default:
        return 0;
    }
}

cp_status cp_world_lock_policy(cp_world *w, int nation, int locked, cp_error *err)
{
    if (nation < 0 || nation >= w->nation_count)
        return cp_fail(err, CP_ERR_UNKNOWN_NATION, "lock policy: unknown nation %d", nation);
    if (locked != 0 && locked != 1)
        return cp_fail(err, CP_ERR_BAD_VALUE, "lock policy: locked must be 0 or 1, got %d",
                       locked);
    if (w->policy_locked[nation] != locked)
        news_add(w, CP_NEWS_POLICY, nation, -1, "%s's policy is %s by the teacher",
                 w->nations[nation].name, locked ? "locked" : "unlocked");
    w->policy_locked[nation] = locked;
    if (err) {
        err->code = CP_OK;
        err->message[0] = '\0';
    }
    return CP_OK;
}

int cp_world_policy_locked(const cp_world *w, int nation)
{
    return nation >= 0 && nation < w->nation_count && w->policy_locked[nation];
}

cp_status lock_refuses(const cp_world *w, const cp_order *o, cp_error *err)
{
    if (o->nation < 0 || o->nation >= w->nation_count || !w->policy_locked[o->nation] ||
        !cp_order_kind_is_policy(o->kind))
        return CP_OK;
    return cp_fail(err, CP_ERR_LOCKED, "%s: %s's policy is locked by the teacher; it cannot "
                   "change until unlocked", cp_order_kind_name(o->kind),
                   w->nations[o->nation].iso3);
}
