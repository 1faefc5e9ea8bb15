-- sandbox_test.lua -- Lua-side tests of the sandbox an agent runs in: what is there, what is
-- not, deterministic pairs/next/tostring, the bounded pattern matcher, load, metatables,
-- protected calls, coroutines and the seeded math.random. Runs as an agent; prints "ALL OK".

local failed = 0
local function check(cond, what)
  if not cond then
    failed = failed + 1
    print("FAIL " .. what)
  end
end

local function eq(got, want, what)
  check(got == want, what .. ": got " .. tostring(got) .. ", want " .. tostring(want))
end

local function raises(fragment, what, f, ...)
  local ok, msg = pcall(f, ...)
  check(not ok and tostring(msg):find(fragment, 1, true) ~= nil, what .. ": " .. tostring(msg))
end

local function pack(...) return { n = select("#", ...), ... } end
local function same(a, b, what)
  local ok = a.n == b.n
  for i = 1, math.max(a.n, b.n) do ok = ok and a[i] == b[i] end
  local function show(t)
    local s = {}
    for i = 1, t.n do s[i] = tostring(t[i]) end
    return table.concat(s, ",")
  end
  check(ok, what .. ": got " .. show(a) .. ", want " .. show(b))
end

local function test_absent()
  for _, name in ipairs({ "io", "os", "debug", "package", "require", "dofile", "loadfile",
                          "collectgarbage", "warn" }) do
    eq(_G[name], nil, name .. " is absent")
  end
  eq(string.dump, nil, "string.dump is absent")
  raises("math.randomseed", "randomseed", math.randomseed, 1)
end

local function test_pairs()
  local t = { b = 1, a = 2, [3] = 1, [1] = 1, [2.5] = 1, [true] = 1, c = 3, [false] = 0, [-7] = 1 }
  local order = {}
  for k in pairs(t) do order[#order + 1] = tostring(k) end
  eq(table.concat(order, " "), "-7 1 2.5 3 a b c false true", "pairs order")
  eq(next(t), -7, "next(t) is the first key")
  eq(next(t, "a"), "b", "next after a")
  eq(next(t, true), nil, "next after the last key")
  eq(next({}), nil, "next of an empty table")
  -- clearing fields while iterating is allowed
  local seen = 0
  for k in pairs(t) do t[k] = nil; seen = seen + 1 end
  eq(seen, 9, "clear while iterating")
  eq(next(t), nil, "all cleared")
  -- tables as keys come in creation order
  local keys, objs = {}, {}
  for i = 1, 20 do keys[i] = {}; objs[keys[i]] = i end
  local seq = {}
  for _, v in pairs(objs) do seq[#seq + 1] = v end
  eq(table.concat(seq, ","), "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20", "object keys")
  -- __pairs is honoured
  local proxy = setmetatable({}, { __pairs = function() return function(_, k) if not k then return 1, "x" end end, nil, nil end })
  for k, v in pairs(proxy) do eq(v, "x", "__pairs") end
end

local function test_tostring()
  local a, b = {}, {}
  local sa, sb = tostring(a), tostring(b)
  check(sa:match("^table: %d+$") ~= nil, "table: N, got " .. sa)
  check(tonumber(sb:match("%d+")) > tonumber(sa:match("%d+")), "numbers follow creation")
  eq(tostring(a), sa, "stable")
  eq(tostring(print), "function: builtin", "C functions")
  check(tostring(function() end):match("^function: %d+$") ~= nil, "Lua functions")
  eq(tostring(setmetatable({}, { __tostring = function() return "custom" end })), "custom", "__tostring")
  eq(tostring(nil) .. tostring(true) .. tostring(12) .. tostring(1.5), "niltrue121.5", "plain values")
  raises("'%p' is not available", "%p", string.format, "%p", a)
  eq(string.format("%s", a), sa, "%s of a table")
  eq(string.format("%5.1f|%d|%q|%%|%s", 1.5, 3, "a", "x"), "  1.5|3|\"a\"|%|x", "format")
end

local function test_patterns()
  same(pack(("hello world"):find("o w")), pack(5, 7), "find")
  same(pack(("hello"):find("l+")), pack(3, 4), "find with +")
  same(pack(("hello"):match("(h)(e)")), pack("h", "e"), "captures")
  same(pack(("key = val"):match("^(%w+)%s*=%s*(%w+)$")), pack("key", "val"), "anchored")
  same(pack(("abc"):gsub("%w", "%0%0")), pack("aabbcc", 3), "gsub %0")
  same(pack(("hello world"):gsub("(%w+)", "<%1>")), pack("<hello> <world>", 2), "gsub %1")
  same(pack(("$x and $y"):gsub("%$(%w+)", { x = "1" })), pack("1 and $y", 2), "gsub table")
  same(pack(("abc"):gsub(".", function(c) return c:upper() end, 2)), pack("ABc", 2), "gsub function, max")
  same(pack(("abc"):gsub("x*", "-")), pack("-a-b-c-", 4), "empty matches")
  same(pack(("aaa"):gsub("^a", "b")), pack("baa", 1), "anchored gsub")
  local parts = {}
  for w in ("a,b,,c"):gmatch("([^,]*)") do parts[#parts + 1] = "[" .. w .. "]" end
  eq(table.concat(parts), "[a][b][][c]", "gmatch")
  local pairs_found = {}
  for k, v in ("a=1, b=2"):gmatch("(%w+)=(%w+)") do pairs_found[#pairs_found + 1] = k .. v end
  eq(table.concat(pairs_found, " "), "a1 b2", "gmatch two captures")
  eq(("f(a(b)c)d"):match("%b()"), "(a(b)c)", "%b")
  same(pack(("THE (quick) fox"):gsub("%f[%a]%a+", "W")), pack("W (W) W", 3), "%f")
  same(pack(('say "hi" now'):match('(["\'])(.-)%1')), pack('"', "hi"), "back-reference")
  same(pack(("abc"):match("()b()")), pack(2, 3), "position captures")
  same(pack(("a.b"):find(".", 1, true)), pack(2, 2), "plain find")
  same(pack(("abcabc"):find("b", -2)), pack(5, 5), "negative init")
  eq(("abc"):find("b", 10), nil, "init past the end")
  eq(("x"):match("[%a_][%w_]*"), "x", "sets with classes")
  eq(("a-b"):match("[a%-]+"), "a-", "escaped - in a set")
  eq(("]x"):match("[]]"), "]", "] first in a set")
  eq(("hello"):match(".-l"), "hel", "lazy")
  eq(("hello"):match("l?lo"), "llo", "optional")
  eq(("2025Q3"):match("^(%d%d%d%d)Q([1-4])$"), "2025", "digits and ranges")
  eq(("  trim  "):match("^%s*(.-)%s*$"), "trim", "trim")
  raises("missing ']'", "unclosed set", string.find, "a", "[a")
  raises("ends with '%'", "trailing %", string.find, "a", "%")
  raises("invalid capture index", "bad back-reference", string.find, "a", "%1")
  raises("invalid use of '%' in replacement string", "bad replacement", string.gsub, "a", "a", "%x")
  raises("unfinished capture", "unfinished capture", string.match, "a", "(a")
  -- a pattern that would backtrack for minutes in stock Lua is charged to the budget
  local ok, err = pcall(function() return string.rep("a", 50):find(".-.-.-b") end)
  check(ok, "a modest backtracking pattern still runs: " .. tostring(err))
end

local function test_load_and_metatables()
  eq(load("return 1 + 1")(), 2, "load text")
  eq(load("return x", "chunk", "t", { x = 42 })(), 42, "load with env")
  local f, err = load("\27Lua", "bin", "bt")
  check(f == nil and err:find("binary", 1, true) ~= nil, "binary refused: " .. tostring(err))
  raises("binary chunks are not allowed", "mode b", load, "return 1", "x", "b")
  raises("only strings can be loaded", "reader functions", load, function() return nil end)
  local g, syntax = load("return +", "=bad")
  check(g == nil and syntax:find("bad:1:", 1, true) ~= nil, "syntax error: " .. tostring(syntax))
  raises("__gc is not allowed", "__gc", setmetatable, {}, { __gc = function() end })
  raises("__mode", "__mode", setmetatable, {}, { __mode = "k" })
  local t = setmetatable({}, { __index = function(_, k) return k .. "!" end })
  eq(t.x, "x!", "__index works")
  local locked = setmetatable({}, { __metatable = "locked" })
  raises("protected metatable", "__metatable", setmetatable, locked, {})
  -- __mode and __gc written into a metatable after setmetatable are refused too
  local mt = {}
  local obj = setmetatable({}, mt)
  raises("__mode on a metatable is not allowed", "__mode after", function() mt.__mode = "k" end)
  raises("__gc on a metatable is not allowed", "__gc after", function() mt.__gc = print end)
  raises("__mode on a metatable is not allowed", "rawset __mode", rawset, mt, "__mode", "v")
  eq(rawget(mt, "__mode"), nil, "no __mode was written")
  mt.x = 1; rawset(mt, "y", 2)
  eq(mt.x + mt.y, 3, "other fields are written")
  eq(getmetatable(obj), mt, "getmetatable answers the agent's metatable")
  eq(getmetatable(mt), nil, "a metatable without one of its own shows none")
  eq(rawset({}, "__mode", "k").__mode, "k", "an ordinary table takes any field")
  -- classes that inherit through a metatable of their own keep working
  local Base = { hello = function() return "base" end }
  Base.__index = Base
  local Derived = setmetatable({}, { __index = Base, __call = function(cls) return setmetatable({}, cls) end })
  Derived.__index = Derived
  local d = Derived()
  eq(d.hello(), "base", "inherited method")
  eq(getmetatable(Derived).__index, Base, "getmetatable shows the class's own metatable")
  raises("__mode on a metatable is not allowed", "__mode on a class", function() Derived.__mode = "k" end)
  local log = {}
  local Logged = setmetatable({}, { __newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v) end })
  setmetatable({}, Logged)
  Logged.z = 1
  eq(log[1], "z", "the class's own __newindex still runs")
  raises("__mode on a metatable is not allowed", "through its __newindex", function() Logged.__mode = "k" end)
  setmetatable(mt, nil)
  raises("__mode on a metatable is not allowed", "still guarded", function() mt.__mode = "k" end)
end

local function test_calls_and_coroutines()
  same(pack(pcall(error, "x", 0)), pack(false, "x"), "pcall")
  same(pack(pcall(function(a, b) return a + b end, 1, 2)), pack(true, 3), "pcall results")
  same(pack(xpcall(error, function(m) return "handled: " .. m end, "x", 0)), pack(false, "handled: x"), "xpcall")
  same(pack(xpcall(function(...) return ... end, print, 1, 2)), pack(true, 1, 2), "xpcall results")
  local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
  eq(gen() + gen() + gen(), 6, "coroutine.wrap")
  local co = coroutine.create(function(a) local b = coroutine.yield(a + 1); return b * 2 end)
  same(pack(coroutine.resume(co, 1)), pack(true, 2), "resume 1")
  same(pack(coroutine.resume(co, 5)), pack(true, 10), "resume 2")
  eq(coroutine.status(co), "dead", "dead")
  -- yield across pcall inside a coroutine
  local co2 = coroutine.wrap(function() pcall(function() coroutine.yield("in pcall") end) return "after" end)
  eq(co2(), "in pcall", "yield across pcall")
  eq(co2(), "after", "resume after pcall")
  local werr = coroutine.wrap(function() error("inside", 0) end)
  same(pack(pcall(werr)), pack(false, "inside"), "error through wrap")
end

local function test_libraries(memory)
  eq(utf8.char(8364), "\u{20AC}", "utf8")
  eq(string.rep("ab", 3, ","), "ab,ab,ab", "rep with separator")
  eq(string.rep("", 1e9), "", "rep of nothing is quick")
  raises("resulting string too large", "rep too large", string.rep, "x", 1e12)
  local t = { 5, 2, 8, 1 }
  table.sort(t, function(a, b) return a > b end)
  eq(table.concat(t, ","), "8,5,2,1", "sort with comparator")
  eq(select("#", table.unpack({ 1, 2, 3 })), 3, "unpack")
  local moved = table.move({ 1, 2, 3 }, 1, 3, 2, {})
  eq(moved[2] + moved[4], 4, "move")
  table.insert(t, 1, 9)
  eq(table.remove(t), 1, "insert and remove")
  eq(math.floor(7.9), 7, "math")
  local r = math.random()
  check(r >= 0 and r < 1, "random()")
  local i = math.random(5)
  check(i >= 1 and i <= 5 and math.type(i) == "integer", "random(m)")
  local j = math.random(-3, -1)
  check(j >= -3 and j <= -1, "random(m, n)")
  raises("interval is empty", "random(2, 1)", math.random, 2, 1)
  memory.draws = memory.draws or {}
  memory.draws[#memory.draws + 1] = math.random(1000000)
end

return {
  api_version = 1,
  name = "Sandbox test",
  turn = function(view, act, memory)
    failed = 0
    if view.turn == 0 then
      test_absent()
      test_pairs()
      test_tostring()
      test_patterns()
      test_load_and_metatables()
      test_calls_and_coroutines()
    end
    test_libraries(memory)
    if failed > 0 then error(failed .. " checks failed") end
    print("ALL OK turn " .. view.turn)
  end,
}
