/* test_pattern_diff.c -- the sandbox's pattern matcher against stock Lua's string library.
 *
 * src/script/pattern.c reimplements Lua 5.4's patterns so that every step is charged to an
 * agent's instruction budget. A reimplementation is only worth having if it answers exactly
 * as the original does, so this test generates patterns and subjects from a seeded stream
 * (classes, sets, ranges, quantifiers, anchors, captures, position captures, %b, %f and
 * back-references, plus deliberately malformed ones) and runs string.find, string.match,
 * string.gmatch and string.gsub on both: a plain lua_State with the stock library, and a
 * sandbox whose string table uses pattern.c. Every case must give the same results, captures
 * included, or the same error message. A mismatch prints the case as Lua source, so it can be
 * pasted into a REPL and kept as a fixed case below.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>

#include "check.h"
#include "sandbox.h"

/* The probe both states run: call one of the four functions inside pcall and render what
 * came back as one string. Errors lose their "file:line:" prefix, which names the chunk
 * and differs between the states for reasons that have nothing to do with patterns. */
static const char PROBE[] =
    "local fn, s, p, init, repl = ...\n"
    "local out = {}\n"
    "local function put(...)\n"
    "  local n = select('#', ...)\n"
    "  out[#out + 1] = '#' .. n\n"
    "  for i = 1, n do\n"
    "    local v = select(i, ...)\n"
    "    out[#out + 1] = type(v) .. ':' .. tostring(v)\n"
    "  end\n"
    "end\n"
    "local ok, err = pcall(function()\n"
    "  if fn == 'find' then put(string.find(s, p, init))\n"
    "  elseif fn == 'match' then put(string.match(s, p, init))\n"
    "  elseif fn == 'gmatch' then\n"
    "    local k = 0\n"
    "    for a, b, c in string.gmatch(s, p, init) do\n"
    "      put(a, b, c); k = k + 1; if k > 50 then break end\n"
    "    end\n"
    "  else\n"
    "    local r = repl\n"
    "    if repl == 'TABLE' then r = {a = 'A', b = false, ab = 'X'}\n"
    "    elseif repl == 'FUNC' then r = function(x, y) if x == 'b' then return nil end\n"
    "      return (x or '') .. '|' .. tostring(y) end end\n"
    "    put(string.gsub(s, p, r, init))\n"
    "  end\n"
    "end)\n"
    "if not ok then\n"
    "  err = tostring(err):gsub('^[^:]*:%d+: ', '')\n"
    "  return 'error: ' .. err\n"
    "end\n"
    "return table.concat(out, ' ')\n";

/* ---- the generator ------------------------------------------------------- */

static unsigned long long rng_state = 0x9e3779b97f4a7c15ULL;

static unsigned next_u32(void)
{
    /* splitmix64: a test's own stream, seeded at the top of main */
    unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return (unsigned)((z ^ (z >> 31)) >> 32);
}

static int pick(int n) { return (int)(next_u32() % (unsigned)n); }

/* Subjects draw from a small alphabet so that patterns often match. */
static const char SUBJECT_CHARS[] = "aabbc  1x9_.-()[]%A\tZ";

static void gen_subject(char *out, size_t cap)
{
    size_t n = (size_t)pick(14);
    if (n >= cap)
        n = cap - 1;
    for (size_t i = 0; i < n; i++)
        out[i] = SUBJECT_CHARS[pick((int)sizeof SUBJECT_CHARS - 1)];
    out[n] = 0;
}

static void add(char *out, size_t cap, const char *piece)
{
    size_t len = strlen(out);
    size_t plen = strlen(piece);
    if (len + plen < cap) {
        memcpy(out + len, piece, plen + 1);
    }
}

/* One single-character class: a literal, '.', %x classes, or a set. */
static void gen_class(char *out, size_t cap)
{
    static const char *const classes[] = {
        "a", "b", "c", " ", "1", "x", ".", "%a", "%d", "%s", "%w", "%p", "%l", "%u", "%x",
        "%c", "%g", "%A", "%D", "%S", "%W", "%.", "%%", "%(", "%-", "[ab]", "[^ab]", "[a-c]",
        "[%d_]", "[^%s]", "[]]", "[^]]", "[a-]", "[-a]", "[%a%d]", "[.]", "[%]]", "[z-a]",
    };
    add(out, cap, classes[pick((int)(sizeof classes / sizeof classes[0]))]);
}

/* A pattern: mostly well formed, sometimes broken on purpose. */
static void gen_pattern(char *out, size_t cap)
{
    out[0] = 0;
    int open = 0, closed = 0;
    if (pick(5) == 0)
        add(out, cap, "^");
    int items = 1 + pick(5);
    for (int i = 0; i < items; i++) {
        int r = pick(20);
        if (r < 10) {
            gen_class(out, cap);
            static const char *const quant[] = {"", "", "", "*", "+", "-", "?"};
            add(out, cap, quant[pick(7)]);
        } else if (r < 12) {
            add(out, cap, "(");
            open++;
        } else if (r < 14 && open > 0) {
            add(out, cap, ")");
            open--;
            closed++;
        } else if (r == 14) {
            add(out, cap, "()");
            closed++;
        } else if (r == 15) {
            static const char *const b[] = {"%b()", "%bab", "%b[]", "%b"};
            add(out, cap, b[pick(4)]);
        } else if (r == 16) {
            static const char *const f[] = {"%f[%a]", "%f[%s]", "%f[^a]", "%f[%z]", "%f", "%fa"};
            add(out, cap, f[pick(6)]);
        } else if (r == 17) {
            char ref[4] = {'%', (char)('0' + pick(closed + 2)), 0, 0};
            add(out, cap, ref);
        } else if (r == 18) {
            static const char *const broken[] = {"%", "[a", "[^", "(", ")", "[%", "%1"};
            add(out, cap, broken[pick(7)]);
        } else {
            gen_class(out, cap);
        }
    }
    while (open-- > 0 && pick(4) != 0)
        add(out, cap, ")");
    if (pick(6) == 0)
        add(out, cap, "$");
}

static void gen_repl(char *out, size_t cap)
{
    static const char *const repls[] = {"<%0>", "%1", "%2-%1", "x", "%%", "%", "%9", "%a",
                                        "", "TABLE", "FUNC", "[%1]"};
    snprintf(out, cap, "%s", repls[pick((int)(sizeof repls / sizeof repls[0]))]);
}

/* ---- running a case in both states --------------------------------------- */

typedef struct {
    lua_State *stock;
    cps_sandbox *sb;
} pair;

/* Push the probe and its arguments onto 'L'. */
static void push_case(lua_State *L, int probe_ref, const char *fn, const char *s, const char *p,
                      int init, const char *repl)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, probe_ref);
    lua_pushstring(L, fn);
    lua_pushstring(L, s);
    lua_pushstring(L, p);
    if (init == 0)
        lua_pushnil(L);
    else
        lua_pushinteger(L, init);
    lua_pushstring(L, repl);
}

static int stock_ref, sandbox_ref;

static void run_stock(pair *pr, const char *fn, const char *s, const char *p, int init,
                      const char *repl, char *out, size_t cap)
{
    push_case(pr->stock, stock_ref, fn, s, p, init, repl);
    if (lua_pcall(pr->stock, 5, 1, 0) != LUA_OK)
        snprintf(out, cap, "probe failed: %s", lua_tostring(pr->stock, -1));
    else
        snprintf(out, cap, "%s", lua_tostring(pr->stock, -1));
    lua_pop(pr->stock, 1);
}

static void run_sandbox(pair *pr, const char *fn, const char *s, const char *p, int init,
                        const char *repl, char *out, size_t cap)
{
    lua_State *L = pr->sb->L;
    push_case(L, sandbox_ref, fn, s, p, init, repl);
    cps_call_result res;
    if (cps_sandbox_call(pr->sb, 5, 1, 0, &res) != CPS_CALL_OK) {
        snprintf(out, cap, "probe failed: %s", res.message);
        return;
    }
    snprintf(out, cap, "%s", lua_tostring(L, -1));
    lua_pop(L, 1);
}

/* Stock Lua stops a recursion deeper than 200 calls with "pattern too complex"; the
 * sandbox counts its depth its own way. Both refusing is agreement enough. */
static int both_too_complex(const char *a, const char *b)
{
    return strstr(a, "pattern too complex") && strstr(b, "pattern too complex");
}

static int compare_case(pair *pr, const char *fn, const char *s, const char *p, int init,
                        const char *repl)
{
    char a[4096], b[4096];
    run_stock(pr, fn, s, p, init, repl, a, sizeof a);
    run_sandbox(pr, fn, s, p, init, repl, b, sizeof b);
    if (strcmp(a, b) == 0 || both_too_complex(a, b))
        return 1;
    fprintf(stderr, "mismatch: string.%s(%s, %s, %d, %s)\n", fn, "<s>", "<p>", init, repl);
    fprintf(stderr, "  s = [==[%s]==]\n  p = [==[%s]==]\n", s, p);
    fprintf(stderr, "  stock:   %s\n  sandbox: %s\n", a, b);
    return 0;
}

static int make_probe(lua_State *L, int *ref)
{
    if (luaL_loadbuffer(L, PROBE, sizeof PROBE - 1, "=probe") != LUA_OK)
        return -1;
    *ref = luaL_ref(L, LUA_REGISTRYINDEX);
    return 0;
}

static pair pair_open(void)
{
    pair pr;
    pr.stock = luaL_newstate();
    luaL_openlibs(pr.stock);
    cps_sandbox_opts o = {0};
    o.mem_cap_bytes = 64u << 20;
    o.budget_instructions = 50000000;
    o.wall_limit_s = 30;
    o.agent_libs = 1;
    char err[256];
    pr.sb = cps_sandbox_new(&o, err, sizeof err);
    if (!pr.sb || !pr.stock || make_probe(pr.stock, &stock_ref) != 0 ||
        make_probe(pr.sb->L, &sandbox_ref) != 0) {
        fprintf(stderr, "cannot set up the two Lua states: %s\n", pr.sb ? "probe" : err);
        exit(2);
    }
    return pr;
}

static void pair_close(pair *pr)
{
    lua_close(pr->stock);
    cps_sandbox_free(pr->sb);
}

/* ---- the tests ----------------------------------------------------------- */

/* Cases that once differed or sit on an edge of the language, kept by hand. */
static void fixed_cases(void)
{
    static const struct {
        const char *fn, *s, *p;
        int init;
        const char *repl;
    } cases[] = {
        {"find", "hello world", "o w", 0, ""},
        {"find", "hello", "l+", -2, ""},
        {"find", "hello", "", 10, ""},
        {"find", "hello", "", 6, ""},
        {"match", "  key = value ", "^%s*(%w+)%s*=%s*(%w+)", 0, ""},
        {"match", "THE (quick) fox", "%((%a+)%)", 0, ""},
        {"match", "f(a(b)c)d", "%b()", 0, ""},
        {"match", "THE (quick) fox", "%f[%a]%a+", 5, ""},
        {"match", "aaa", "(a*(.)%2)", 0, ""},
        {"match", "abc", "()b()", 0, ""},
        {"gmatch", "one two  three", "%a+", 0, ""},
        {"gmatch", "abc", "", 0, ""},
        {"gmatch", "k=v, a=b", "(%w+)=(%w+)", 0, ""},
        {"gsub", "hello world", "o", 0, "0"},
        {"gsub", "hello world", "(o)", 0, "[%1]"},
        {"gsub", "abc", "", 0, "-"},
        {"gsub", "a b ab", "%w+", 0, "TABLE"},
        {"gsub", "a b c", "(%w)", 0, "FUNC"},
        {"gsub", "abc", "%w", 2, "%0%0"},
        {"gsub", "abc", "%w", 0, "%2"},
        {"gsub", "abc", "%w", 0, "%"},
        {"find", "a", "%", 0, ""},
        {"find", "a", "[a", 0, ""},
        {"find", "a", "(()", 0, ""},
        {"find", "a", "%1", 0, ""},
        {"find", "a", "%b", 0, ""},
        {"find", "a", "%f", 0, ""},
        {"find", "a.b", ".", 0, ""},
    };
    pair pr = pair_open();
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        CHECK(compare_case(&pr, cases[i].fn, cases[i].s, cases[i].p, cases[i].init,
                           cases[i].repl),
              "fixed case %zu differs (above)", i);
    pair_close(&pr);
}

/* Generated cases: 'n' patterns, each tried with every function on a few subjects. */
static void generated_cases(void)
{
    enum { PATTERNS = 4000, MAX_REPORTS = 10 };
    static const char *const fns[] = {"find", "match", "gmatch", "gsub"};
    pair pr = pair_open();
    int cases = 0, mismatches = 0;
    for (int i = 0; i < PATTERNS && mismatches < MAX_REPORTS; i++) {
        char p[128], s[32], repl[16];
        gen_pattern(p, sizeof p);
        for (int k = 0; k < 3; k++) {
            gen_subject(s, sizeof s);
            gen_repl(repl, sizeof repl);
            int init = pick(4) == 0 ? pick(9) - 4 : 0;
            const char *fn = fns[pick(4)];
            cases++;
            if (!compare_case(&pr, fn, s, p, init, repl))
                mismatches++;
        }
    }
    CHECK(mismatches == 0, "%d of %d generated cases differ from stock Lua (above)", mismatches,
          cases);
    printf("generated cases compared: %d\n", cases);
    pair_close(&pr);
}

int main(int argc, char **argv)
{
    if (argc > 1)
        rng_state = strtoull(argv[1], NULL, 10);
    RUN(fixed_cases);
    RUN(generated_cases);
    return DONE();
}
