/* test_sandbox_math.c -- an agent's (or a scenario's) math.sin, math.exp and
 * the rest are the core's machine-independent functions (detmath.c), bit for
 * bit, not the C library's; math.atan and math.log keep Lua 5.4's optional
 * second arguments. */
#include <stdint.h>
#include <string.h>

#include <lua.h>

#include "check.h"
#include "chokepoint.h"
#include "sandbox.h"

static const char CHUNK[] =
    "return math.sin(0.5), math.cos(1e5), math.tan(1.2), math.asin(0.25), math.acos(-0.6),\n"
    "       math.atan(0.3), math.atan(0.7, -0.2), math.exp(-3.7), math.log(10),\n"
    "       math.log(3, 2), math.log(2, 10), math.log(5, 7), math.log(8, 2)\n";

static uint64_t bits(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

static void run(int agent_libs)
{
    cps_sandbox_opts o = {0};
    o.mem_cap_bytes = 8 << 20;
    o.budget_instructions = 1000000;
    o.wall_limit_s = 5;
    o.agent_libs = agent_libs;
    char err[512];
    cps_sandbox *sb = cps_sandbox_new(&o, err, sizeof err);
    CHECK(sb != NULL, "a sandbox: %s", err);
    if (!sb)
        return;
    CHECK(cps_sandbox_load_buffer(sb, CHUNK, strlen(CHUNK), "math.lua", err, sizeof err) == 0,
          "the chunk loads: %s", err);
    cps_call_result res;
    CHECK(cps_sandbox_call(sb, 0, 13, 0, &res) == CPS_CALL_OK, "the chunk runs: %s", res.message);
    double want[13] = {cp_sin(0.5),   cp_cos(1e5),   cp_tan(1.2),  cp_asin(0.25),
                       cp_acos(-0.6), cp_atan(0.3),  cp_atan2(0.7, -0.2), cp_exp(-3.7),
                       cp_log(10),    cp_log2(3),    cp_log10(2),  cp_log(5) / cp_log(7),
                       3.0};
    for (int i = 0; i < 13; i++) {
        double got = lua_tonumber(sb->L, i + 1);
        CHECK(bits(got) == bits(want[i]), "%s: result %d is %.17g, the core's is %.17g",
              agent_libs ? "agent" : "scenario", i + 1, got, want[i]);
    }
    cps_sandbox_free(sb);
}

int main(void)
{
    run(1);
    run(0);
    return DONE();
}
