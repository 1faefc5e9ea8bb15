-- fuzz_agent.lua -- the agent tests/fuzz/fuzz_agent.c plays: the fuzzer's bytes turned into
-- behaviour. fuzz_agent.c puts the input in D and the seat's number in SEAT (the two lines
-- below are replaced). Each call reads its own slice of D, chosen by the turn, the seat and the
-- deal, so the agent keeps no state outside its memory and plays the same after a save and a
-- load: that is what the harness checks. What it does with the bytes: act.* calls with any
-- arguments, memory of any shape and size (deep, cyclic, with functions and metatables,
-- strings of any bytes, the extreme numbers), proposals and counters of any clause count,
-- answers of any kind, view reads in loops, prints, errors, pairs over keys of every type,
-- metatable tricks, coroutines, and work in C that the budget must meter.
local D = "@@DATA@@"
local SEAT = 0 --@@SEAT@@
local N = #D

local function reader(start)
  local pos = start
  local r = {}
  function r.byte()
    if N == 0 then return 0 end
    local b = D:byte((pos - 1) % N + 1)
    pos = pos + 1
    return b
  end
  function r.pick(list) return list[r.byte() % #list + 1] end
  return r
end

local NAMES = { "magnet", "ore", "light_oxide", "heavy_oxide", "all", "AAA", "BBB", "CCC", "USA",
                "open", "licensed", "banned", "mine", "separation", "magnet_plant", "accept",
                "reject", "", "tariff", "licence", "suspend", "offtake", "coinvest",
                "tech_transfer", "stockpile", "alliance", "nan" }
local INTS = { 0, 1, -1, 2, 7, 100, 4294967296, -4294967296, math.maxinteger, math.mininteger,
               2147483647, -2147483648, 1 << 53, 80, 81 }
local FLOATS = { 0.5, -0.0, 1 / 0, -1 / 0, 0 / 0, 1e308, -1e-300, 3.75, 0.25, 1e6, 2.0 }
local ACTS = { "build_facility", "fund_facility", "idle_facility", "close_facility", "set_tariff",
               "set_export_control", "suspend_export_control", "set_export_quota",
               "set_export_tax", "buy_stockpile", "release_stockpile", "set_subsidy",
               "set_price_floor", "set_tracking", "set_tech_ban", "propose", "answer", "counter" }
local KINDS = { "tariff", "licence", "suspend", "offtake", "coinvest", "tech_transfer",
                "stockpile", "alliance", "bogus" }

-- A value of any kind; 'view' may be nil (on_proposal and init get it too).
local function value(r, view, depth)
  local k = r.byte() % 17
  if k == 0 then return nil
  elseif k == 1 then return true
  elseif k == 2 then return false
  elseif k == 3 then return r.byte() - 128
  elseif k == 4 then return r.pick(INTS)
  elseif k == 5 then return r.pick(FLOATS)
  elseif k == 6 then return r.pick(NAMES)
  elseif k == 7 then -- bytes of any value
    local n, t = r.byte() % 48, {}
    for i = 1, n do t[i] = r.byte() end
    return string.char(table.unpack(t))
  elseif k == 8 then return string.rep(string.char(r.byte()), (r.byte() * 257 + r.byte()) % 20000)
  elseif k == 9 then -- a small table of values
    if depth > 6 then return {} end
    local t = {}
    for i = 1, r.byte() % 6 do
      local key = value(r, view, depth + 1)
      if key ~= nil and key == key then t[key] = value(r, view, depth + 1) end
    end
    return t
  elseif k == 10 then -- a chain of tables, sometimes deeper than memory may be
    local top = {}
    local t = top
    for i = 2, r.byte() % 90 do t.next = {}; t = t.next end
    return top
  elseif k == 11 then return function() return 1 end
  elseif k == 12 then local t = {}; t.self = t; return t
  elseif k == 13 then return setmetatable({}, { __index = function() return 7 end })
  elseif k == 14 then return view and view.me or print
  elseif k == 15 then return coroutine.create(function() end)
  else return r.byte() / 7 end
end

local GOODS = { "ore", "light_oxide", "heavy_oxide", "magnet" }
local NATS = { "AAA", "BBB", "CCC" }
local FACS = { "mine", "separation", "magnet_plant" }

-- A clause the core may well accept (half the time), or one of any shape.
-- Plain data, the kind memory must keep exactly: numbers of every kind, strings of any bytes,
-- booleans, tables of them, and now and then a chain of tables deeper than memory may be.
local function plain(r, depth)
  local k = r.byte() % 9
  if k == 0 then return r.byte() % 2 == 0
  elseif k == 1 then return r.pick(INTS)
  elseif k == 2 then return r.pick(FLOATS)
  elseif k == 3 then return r.byte() - 128
  elseif k == 4 then
    local n, t = r.byte() % 48, {}
    for i = 1, n do t[i] = r.byte() end
    return string.char(table.unpack(t))
  elseif k == 5 then return string.rep(string.char(r.byte()), (r.byte() * 257 + r.byte()) % 20000)
  elseif k == 6 then
    local top, t = {}, nil
    t = top
    for i = 2, r.byte() % 72 do t.next = {}; t = t.next end
    return top
  elseif depth < 5 then
    local t = {}
    for i = 1, r.byte() % 6 do
      local key = plain(r, 9)
      if type(key) ~= "table" and key == key then t[key] = plain(r, depth + 1) end
    end
    return t
  end
  return r.pick(NAMES)
end

local function clause(r, view)
  if r.byte() % 2 == 0 then
    local c = { kind = r.pick(KINDS), from = r.pick(NATS), to = r.pick(NATS) }
    local k = c.kind
    if k == "tariff" then c.good = r.pick(GOODS); c.rate = (r.byte() % 50) / 100
    elseif k == "licence" then c.good = r.pick(GOODS); c.approval_share = (r.byte() % 101) / 100
    elseif k == "suspend" then c.good = r.pick(GOODS)
    elseif k == "offtake" then c.good = r.pick(GOODS); c.tonnes_per_turn = r.byte(); c.price = r.byte()
    elseif k == "stockpile" then c.good = r.pick(GOODS); c.tonnes = r.byte() % 5
    elseif k == "tech_transfer" then c.facility = r.pick(FACS); c.share = 0.5
    elseif k == "coinvest" then c.facility = r.pick(FACS); c.share = 0.5; c.capacity_t_per_yr = 1000 * (1 + r.byte() % 9) end
    return c
  end
  local c = { kind = r.pick(KINDS), from = r.pick(NAMES), to = r.pick(NAMES) }
  if r.byte() % 2 == 0 then c.good = r.pick(NAMES) end
  if r.byte() % 2 == 0 then c.rate = value(r, view, 5) end
  if r.byte() % 2 == 0 then c.tonnes_per_turn = r.pick(INTS) end
  if r.byte() % 3 == 0 then c.facility = r.pick(NAMES); c.share = r.pick(FLOATS) end
  if r.byte() % 3 == 0 then c.capacity_t_per_yr = r.pick(INTS); c.approval_share = 0.5 end
  if r.byte() % 5 == 0 then c.price = value(r, view, 5); c.tonnes = r.pick(FLOATS) end
  if r.byte() % 7 == 0 then c[1] = "unnamed" end
  return c
end

local COUNTS = { 0, 1, 2, 3, 8, 9, 1000 }
local function deal(r, view, clauses)
  local d = { term = r.byte() % 3 == 0 and value(r, view, 5) or r.byte() % 90,
              clauses = {} }
  local n = r.byte() % 4 == 0 and r.byte() or r.pick(COUNTS)
  if r.byte() % 2 == 0 then n = 1 + r.byte() % 3 end -- a count the core takes
  for i = 1, n do
    d.clauses[i] = clauses and clauses[(i - 1) % #clauses + 1] or clause(r, view)
  end
  if r.byte() % 3 == 0 then d.parties = { r.pick(NAMES), r.pick(NAMES), r.pick(NAMES) } end
  return d
end

-- Reading the view, many times over: fields, lists, functions, with any arguments.
local function read_view(r, view)
  local n = r.byte() % 32 == 0 and r.byte() * 4 or r.byte() % 24 -- now and then far too many
  local acc = 0
  local nat = view.nations
  for i = 1, n do
    local ok = pcall(function()
      local x = nat[(i % #nat) + 1]
      acc = acc + x.gdp_busd_per_yr + x.stock_t.magnet + x.policy.tariff("magnet", view.iso3)
      if i % 7 == 0 then acc = acc + #view.news(i % 5) end
      if i % 11 == 0 then acc = acc + #view.facilities_of(x.iso3) + #view.deals() end
      if i % 13 == 0 then local row = view.history.nation(x.iso3, -(i % 3)); acc = acc + (row and row.turn or 0) end
      if i % 17 == 0 then local f = view.facilities[i % #view.facilities + 1]; acc = acc + (f and f.id or 0) end
      if i % 19 == 0 then acc = acc + view.flow("ore", x.iso3, view.iso3) end
    end)
    if not ok then acc = acc + 1 end
  end
  for _, name in ipairs({ "deal", "nation", "news", "facilities_of" }) do
    pcall(view[name], value(r, view, 5))
  end
  pcall(view.history.market, value(r, view, 5), value(r, view, 5))
  return acc
end

-- One step: something from the repertoire. Errors inside pcall are the agent's business; some
-- steps fail the whole call on purpose.
local function step(r, view, act, memory)
  local op = r.byte() % 19
  if op == 18 and act then -- an order the core may well take
    local o = r.byte() % 6
    if o == 0 then act.set_tariff(r.pick(GOODS), r.pick(NATS), (r.byte() % 40) / 100)
    elseif o == 1 then act.build_facility(r.pick(FACS), 100 * (1 + r.byte()), r.pick(NATS))
    elseif o == 2 then act.buy_stockpile(r.pick(GOODS), 1 + r.byte())
    elseif o == 3 then act.set_export_control(r.pick(GOODS), r.pick(NATS), r.pick({ "open", "licensed", "banned" }), (r.byte() % 11) / 10)
    elseif o == 4 then act.suspend_export_control("all", r.pick(NATS), 1 + r.byte() % 8)
    else act.set_export_tax(r.pick(GOODS), (r.byte() % 30) / 100) end
  elseif op == 0 and act then
    local name = r.pick(ACTS)
    if r.byte() % 2 == 0 then name = "can_" .. name end
    local args = {}
    local n = r.byte() % 6
    for i = 1, n do args[i] = value(r, view, 3) end
    pcall(act[name], table.unpack(args, 1, n))
  elseif op == 1 then
    local key = r.pick(NAMES)
    if r.byte() % 16 == 0 then memory[key] = value(r, view, 0) else memory[key] = plain(r, 0) end
  elseif op == 2 then
    memory[r.pick(NAMES)] = nil
  elseif op == 3 then
    local key = value(r, view, 5)
    local kt = type(key)
    if (kt == "string" or kt == "number" or kt == "boolean" or r.byte() % 16 == 0) and key ~= nil
       and key == key then
      memory.box = type(memory.box) == "table" and memory.box or {}
      pcall(rawset, memory.box, key, plain(r, 1))
    end
  elseif op == 4 and view then
    memory.acc = read_view(r, view) % 1000000
  elseif op == 5 and act then
    pcall(act.propose, deal(r, view))
  elseif op == 6 and act and view then
    for _, d in ipairs(view.deals()) do pcall(act.counter, d.id, deal(r, view, d.clauses)) end
  elseif op == 7 and act then
    pcall(act.answer, value(r, view, 5), r.pick(NAMES))
  elseif op == 8 then
    print(value(r, view, 5), r.pick(NAMES), value(r, view, 5))
  elseif op == 9 then
    if r.byte() % 8 == 0 then error(value(r, view, 5)) end
  elseif op == 10 then -- work in C, metered
    local heavy = r.byte() % 32 == 0 -- now and then more than the budget allows
    local s = string.rep("x", r.byte() * (heavy and 256 or 4))
    for i = 1, r.byte() % (heavy and 256 or 16) do s = s .. string.char(i % 256) end
    memory.len = #s
    pcall(string.format, "%s %d %q", value(r, view, 5), value(r, view, 5), value(r, view, 5))
    pcall(select, value(r, view, 5), 1, 2, 3)
    pcall(table.concat, { "a", value(r, view, 5), "b" }, value(r, view, 5))
  elseif op == 11 then -- pairs over every kind of key, in an order that must repeat
    local me = view and view.me or print
    local t = { [1] = "one", [2.5] = "half", x = "x", [true] = "yes" }
    t[me] = "me"; t[{}] = "table"; t[print] = "print"; t[coroutine.create(print)] = "thread"
    t[function() end] = "closure"; t[math.mininteger] = "min"
    local seen = {}
    for _, v in pairs(t) do seen[#seen + 1] = v end
    memory.order = table.concat(seen, ",")
  elseif op == 12 then -- metatable tricks: must be refused, never weak
    pcall(function()
      local mt = {}
      local obj = setmetatable({}, mt)
      if r.byte() % 2 == 0 then mt.__mode = "k" else rawset(mt, "__gc", print) end
    end)
    pcall(setmetatable, {}, { __gc = print })
  elseif op == 13 then -- coroutines
    local co = coroutine.wrap(function(...) coroutine.yield(...); return value(r, view, 5) end)
    pcall(co, value(r, view, 5), value(r, view, 5))
    pcall(co)
    pcall(co)
  elseif op == 14 then -- strings of any bytes, patterns
    local s = value(r, view, 5)
    if type(s) == "string" then
      pcall(string.gsub, s, r.pick({ "%a+", "(.-)%d", "[%z\1-\31]", "x*y*z*" }), "!")
      pcall(string.find, s, value(r, view, 5), value(r, view, 5), value(r, view, 5))
    end
  elseif op == 15 then -- memory may hold bad data for a moment, then fix it
    local bad = value(r, view, 0)
    memory.tmp = bad
    if r.byte() % 3 ~= 0 then memory.tmp = nil end
  elseif op == 16 then -- big integers where the API converts to C's int
    if act then pcall(act.close_facility, r.pick(INTS)); pcall(act.fund_facility, r.pick(INTS), 1) end
    if view then pcall(view.deal, r.pick(INTS)); pcall(view.history.nation, "AAA", r.pick(INTS)) end
  else
    memory.count = (math.type(memory.count) == "integer" and memory.count or 0) + 1
  end
end

local function run(r, view, act, memory)
  for i = 1, 1 + r.byte() % 24 do step(r, view, act, memory) end
end

return {
  api_version = 1,
  name = "fuzz agent",
  init = function(view, memory)
    local r = reader(1 + SEAT * 53)
    memory.seat = SEAT
    if r.byte() % 3 == 0 then run(r, nil, nil, memory) end
  end,
  turn = function(view, act, memory)
    local r = reader(1 + view.turn * 97 + SEAT * 53)
    run(r, view, act, memory)
    local k = r.byte() % 23
    if k == 0 then return value(r, view, 5) end -- any value: a failed turn unless nil or boolean
  end,
  on_proposal = function(view, deal_offered, memory)
    local r = reader(1 + view.turn * 31 + deal_offered.id * 17 + SEAT * 5)
    if r.byte() % 3 == 0 then run(r, view, nil, memory) end
    local k = r.byte() % 8
    if k == 0 then return "accept"
    elseif k == 1 then return "reject"
    elseif k == 2 then return nil
    elseif k == 3 then return r.byte() % 2 == 0
    elseif k == 4 then return deal(r, view, deal_offered.clauses)
    elseif k == 5 then return deal(r, view)
    elseif k == 6 then return value(r, view, 5)
    else return { term = deal_offered.term, clauses = deal_offered.clauses } end
  end,
}
