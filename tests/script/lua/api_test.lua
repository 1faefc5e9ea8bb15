-- api_test.lua -- Lua-side tests of the agent API: every view field and function, every action
-- function and its refusals. Runs as the United States' agent in baseline for two turns; it
-- prints "ALL OK" at the end of each turn, or the failed checks and then raises an error.

local failed = 0
local function check(cond, what)
  if not cond then
    failed = failed + 1
    print("FAIL " .. what)
  end
end

-- the call's results (last, so that both arrive) are false and a message containing 'fragment'
local function refused(fragment, what, ok, msg)
  check(ok == false and type(msg) == "string" and msg:find(fragment, 1, true) ~= nil,
        what .. ": got " .. tostring(ok) .. ", " .. tostring(msg))
end

-- the call raises an error whose message contains 'fragment'
local function raises(fragment, what, f, ...)
  local ok, msg = pcall(f, ...)
  check(not ok and tostring(msg):find(fragment, 1, true) ~= nil,
        what .. ": got " .. tostring(ok) .. ", " .. tostring(msg))
end

local function count(iter, t)
  local n = 0
  for _ in iter(t) do n = n + 1 end
  return n
end

local function test_view(view)
  check(view.turn == 0, "turn")
  check(view.date == "2025Q1", "date " .. tostring(view.date))
  check(view.year == 2025 and view.quarter == 1, "year and quarter")
  check(view.turns == 40, "turns")
  check(view.iso3 == "USA", "iso3")
  local me = view.me
  check(me.iso3 == "USA" and me.name == "United States", "me")
  check(me == view.nations.USA and me == view.nation("USA") and me == view.nations[2],
        "one object per nation")
  check(view:nation("CHN") == view.nations.CHN, "view:nation with a colon")
  check(#view.nations == 24, "#nations")
  check(count(ipairs, view.nations) == 24 and count(pairs, view.nations) == 24, "iterate nations")
  check(view.nation("XXX") == nil and view.nations.XXX == nil and view.nations[99] == nil,
        "unknown nations are nil")
  check(tostring(me) == "Nation USA", "tostring of a nation")
  check(getmetatable(view) == "the view is read-only", "metatable is locked")

  -- every field of the own nation, with its type
  local fields = 0
  for name, value in pairs(me) do
    fields = fields + 1
    check(value ~= nil, "me." .. name)
  end
  check(fields >= 40, "me has all its fields (" .. fields .. ")")
  check(type(me.treasury_musd) == "number" and me.treasury_musd > 0, "treasury")
  check(type(me.stock_t.ore) == "number", "stock_t.ore")
  check(type(me.demand_t_per_yr.ev.magnet) == "number", "demand_t_per_yr.ev.magnet")
  check(math.abs(me.weights.security + me.weights.prosperity + me.weights.leverage +
                 me.weights.stability - 1) < 1e-9, "weights")
  check(type(me.tech.mine) == "number" and type(me.sector_gdp_busd.defense) == "number", "tech, sectors")
  check(me.policy.tariff("light_oxide", "CHN") == 0.25, "baseline's section 301 tariff")
  check(me.policy.tracking == false and me.policy.tech_ban == false, "switches")
  check(me.policy.export_quota_t.ore < 0, "no quota")
  check(count(pairs, me.stock_t) == 4 and #me.stock_t == 4, "a GoodTable has four entries")

  -- other nations: public fields yes, private no
  local chn = view.nations.CHN
  check(chn.gdp_busd_per_yr > 0 and chn.reserves_t > 0, "public figures")
  check(chn.policy.tech_ban == true and chn.policy.tracking == true, "China's switches")
  local mode, share, left = chn.policy.export_control("heavy_oxide", "USA")
  check(mode == "licensed" and share == 0.5 and left == 0, "China's licensing: " .. tostring(mode))
  check(chn.policy:tariff("magnet", "USA") == 0, "policy:tariff with a colon")
  raises("treasury_musd of CHN is private", "private field", function() return chn.treasury_musd end)
  raises("stock_t of CHN is private", "private table", function() return chn.stock_t end)
  local visible = 0
  for _ in pairs(chn) do visible = visible + 1 end
  check(visible < fields, "pairs shows others' public fields only")

  -- mistakes are errors with a suggestion
  raises("Nation has no field 'tresury_musd' (did you mean 'treasury_musd'?)", "typo",
         function() return me.tresury_musd end)
  raises("no entry 'oer' here", "vector typo", function() return me.stock_t.oer end)
  raises("did you mean 'ore'", "vector suggestion", function() return me.stock_t.oer end)
  raises("the view is read-only", "write a field", function() me.treasury_musd = 1 end)
  raises("the view is read-only", "write a vector", function() me.stock_t.ore = 1 end)
  raises("the view is read-only", "write the view", function() view.me = {} end)
  raises("table expected", "rawset on the view", rawset, view, "me", 1)
  raises("the view is read-only", "write a list", function() view.nations[1] = false end)
  raises("the view is read-only", "add to a list", function() view.facilities.extra = 1 end)
  check(getmetatable(view.nations) == "the view is read-only", "lists are locked")
  check(#view.facilities == count(ipairs, view.facilities), "# and ipairs agree")
  check(tostring(view.nations) == "view.nations", "tostring of a list")

  -- markets
  check(#view.markets == 4 and count(pairs, view.markets) == 4, "four markets")
  local goods = {}
  for good, market in pairs(view.markets) do
    goods[#goods + 1] = good
    check(market.world_price_usd_per_kg > 0 and market.reference_price_usd_per_kg > 0, good .. " prices")
    check(market.production_t >= 0 and market.traded_t >= 0 and market.shortage_t >= 0, good .. " tonnages")
  end
  check(table.concat(goods, ",") == "ore,light_oxide,heavy_oxide,magnet", "markets in chain order")
  check(tostring(view.markets.magnet) == "Market magnet", "tostring of a market")
  check(view.markets.xyz == nil, "unknown market")

  -- facilities
  local f = view.facilities[1]
  check(#view.facilities > 10 and f.id == 0, "facilities by position")
  check(f.kind == "mine" and f.host == "CHN" and f.funder == "CHN" and f.stage == "operating",
        "first facility: " .. f.kind .. " " .. f.host .. " " .. f.funder .. " " .. f.stage)
  check(type(f.capacity_t_per_yr) == "number" and type(f.stage_turns.construction) == "number",
        "facility numbers")
  check(type(f.private_capital) == "boolean" and type(f.name) == "string", "facility flags")
  check(tostring(f):find("^Facility 0 %(") ~= nil, "tostring of a facility")
  check(view.facilities[#view.facilities + 1] == nil, "past the end")

  -- functions
  check(view.flow("ore", "AUS", "MYS") >= 0, "flow")
  raises("unknown good 'gold'", "flow of an unknown good", view.flow, "gold", "AUS", "MYS")
  raises("unknown nation 'XXX'", "flow from an unknown nation", view.flow, "ore", "XXX", "MYS")
  check(type(view.news()) == "table", "news")
  local row = view.history.nation("USA")
  check(row.turn == 0 and type(row.treasury_musd) == "number" and type(row.imports_t.magnet) == "number",
        "own history row")
  check(rawget(view.history.nation("CHN"), "treasury_musd") == nil, "others' private history is left out")
  -- issue 19: a misspelt or private field of a history row fails and names the right one
  raises("NationRow has no field 'tresury_musd' (did you mean 'treasury_musd'?)", "typo in a row",
         function() return row.tresury_musd end)
  raises("NationRow.treasury_musd of another nation is private", "private field of another's row",
         function() return view.history.nation("CHN").treasury_musd end)
  raises("GoodTable has no field 'magnets' (did you mean 'magnet'?)", "typo in a row's good table",
         function() return row.imports_t.magnets end)
  raises("MarketRow has no field 'world_price' ", "typo in a market row",
         function() return view.history.market("magnet").world_price end)
  raises("Constants has no field 'good' (did you mean 'goods'?)", "typo in the constants",
         function() return view.constants.good end)
  raises("GoodParams has no field 'reference_price' ", "typo in a good's parameters",
         function() return view.constants.goods_params.magnet.reference_price end)
  -- issue 19: a nation's score in parts, as the window shows them, on the nation itself
  local mine = view.me.score_parts
  check(type(mine.security) == "number" and type(mine.total) == "number" and type(mine.weights.leverage) == "number",
        "view.me.score_parts")
  check(mine.total == view.score_parts().total, "the same parts as view.score_parts()")
  check(type(view.nations.CHN.score_parts.leverage) == "number", "another nation's parts are public")
  raises("ScoreParts has no field 'totl' (did you mean 'total'?)", "typo in me.score_parts",
         function() return view.me.score_parts.totl end)
  local parts = view.score_parts()
  raises("ScoreParts has no field 'securty' (did you mean 'security'?)", "typo in score parts",
         function() return parts.securty end)
  raises("the score's parts has no field 'stabilty' (did you mean 'stability'?)", "typo in a quarter's parts",
         function() return parts.quarter.stabilty end)
  local rep = view.report()
  raises("TurnReport has no field 'order' (did you mean 'orders'?)", "typo in the report",
         function() return rep.order end)
  raises("MoneyReport has no field 'budjet' (did you mean 'budget'?)", "typo in the money report",
         function() return rep.money.budjet end)
  for _, g in ipairs(view.goals()) do
    raises("Goal has no field 'staus' (did you mean 'status'?)", "typo in a goal", function() return g.staus end)
    check(g.kind == "shortage_max" or g.plant ~= nil or g.good == nil, "an absent optional field is nil")
  end
  -- the row names the quarter it describes: row 0 is the opening position, dated the quarter before
  check(row.date == "2024Q4" and view.history.market("magnet").date == "2024Q4", "row 0's date " .. tostring(row.date))
  -- facilities the scenario starts part-way along their timelines were announced before the game
  local before, fresh = 0, 0
  for _, fac in ipairs(view.facilities) do
    if fac.stage ~= "announced" or fac.turns_in_stage > 0 then
      check(fac.start_turn < 0, fac.name .. " (" .. fac.stage .. ") began before the game: start_turn " .. fac.start_turn)
      before = before + 1
    elseif fac.start_turn == 0 then
      fresh = fresh + 1
    end
  end
  check(before > 30, "most baseline facilities began before the game: " .. before)
  local mp = view.facilities[1]
  local planned = mp.stage_turns.announced + mp.stage_turns.permitting + mp.stage_turns.construction
                  + mp.stage_turns.ramp_up
  check(mp.stage == "operating" and mp.start_turn == -(planned + mp.turns_in_stage),
        "an operating plant's start: its planned stages and its time operating ago, got " .. mp.start_turn)
  check(view.history.nation("USA", 5) == nil and view.history.nation("USA", -1) == nil, "no future, no past")
  check(view.history.market("magnet").world_price_usd_per_kg > 0, "market history")
  raises("unknown good 'iron'", "history of an unknown good", view.history.market, "iron")

  -- constants (a plain copy)
  local c = view.constants
  check(c.api_version == 1 and c.scenario == "baseline", "constants")
  check(table.concat(c.goods, ",") == "ore,light_oxide,heavy_oxide,magnet", "goods")
  check(#c.order_kinds == 17 and #c.sectors == 5 and #c.facility_kinds == 4 and #c.stages == 7,
        "name lists")
  check(c.goods_params.magnet.reference_price_usd_per_kg > 0, "good params")
  check(c.start_year == 2025 and c.start_quarter == 1, "start")
end

local function test_act(view, act)
  -- set_tariff and its refusals
  check(act.set_tariff("magnet", "CHN", 0.3) == true, "set_tariff")
  check(act.can_set_tariff("magnet", "all", 0.1) == true, "can_set_tariff")
  check(act:can_set_tariff("magnet", "CHN", 0.1) == true, "act:can_ with a colon")
  refused("set_tariff: argument 1 (good): unknown good 'magnets'", "bad good", act.set_tariff("magnets", "CHN", 0.1))
  refused("argument 2 (origin): unknown nation 'XXX'", "bad nation", act.set_tariff("magnet", "XXX", 0.1))
  refused("argument 3 (rate) must be at least 0", "negative rate", act.set_tariff("magnet", "CHN", -0.1))
  refused("tariff rate must be between 0 and 10", "rate too high", act.set_tariff("magnet", "CHN", 20))
  refused("missing argument 3 (rate", "missing argument", act.set_tariff("magnet", "CHN"))
  refused("set_tariff takes at most 3 arguments, got 4", "extra argument", act.set_tariff("magnet", "CHN", 0.1, 4))
  refused("argument 3 (rate): a number, got string", "string for number", act.set_tariff("magnet", "CHN", "0.1"))
  refused("cannot name itself as the partner", "tariff on itself", act.set_tariff("magnet", "USA", 0.1))
  refused("must be at least 0", "can_ refuses alike", act.can_set_tariff("magnet", "CHN", -1))
  check(act.set_tariff("all", "all", 0) == true, "set_tariff on all goods from all")

  -- export controls
  check(act.set_export_control("ore", "CHN", "banned") == true, "set_export_control")
  check(act.can_set_export_control("magnet", "all", "licensed", 0.5) == true, "licensed share")
  refused("unknown mode 'closed'", "bad mode", act.set_export_control("ore", "CHN", "closed"))
  refused("argument 4 (approval_share) must be a share in 0..1", "share", act.set_export_control("ore", "CHN", "licensed", 2))
  refused("has no export control", "nothing to suspend", act.suspend_export_control("magnet", "CHN", 4))
  refused("argument 3 (turns): a whole number of turns, got 0", "zero turns", act.suspend_export_control("magnet", "CHN", 0))
  refused("a whole number of turns", "fractional turns", act.suspend_export_control("magnet", "CHN", 1.5))

  -- quotas, taxes, floors, subsidies, switches
  check(act.set_export_quota("magnet", 100) == true, "set_export_quota")
  check(act.can_set_export_quota("magnet") == true, "quota removal (nil)")
  check(act.set_export_tax("ore", 0.05) == true, "set_export_tax")
  refused("export tax rate must be between 0 and 5", "tax too high", act.set_export_tax("ore", 6))
  refused("unknown good 'all'", "tax needs one good", act.set_export_tax("all", 0.1))
  check(act.set_price_floor("light_oxide", 60) == true, "set_price_floor")
  check(act.set_subsidy("separation", 0.2) == true, "set_subsidy")
  check(act.can_set_subsidy("magnet", 0.1) == true, "'magnet' is accepted for magnet_plant")
  refused("unknown facility kind 'refinery'", "bad kind", act.set_subsidy("refinery", 0.2))
  refused("must be a share in 0..1", "subsidy share", act.set_subsidy("separation", 2))
  check(act.set_tracking(true) == true and act.can_set_tracking() == true, "set_tracking")
  refused("argument 1 (on): true or false, got string", "flag type", act.set_tracking("yes"))
  check(act.can_set_tech_ban(false) == true, "set_tech_ban")

  -- stockpiles
  check(act.buy_stockpile("magnet", 10) == true, "buy_stockpile")
  refused("but USA has", "cannot afford", act.buy_stockpile("magnet", 1e6))
  refused("argument 2 (tonnes) must be positive", "zero tonnes", act.buy_stockpile("magnet", 0))
  refused("cannot release", "empty stockpile", act.release_stockpile("magnet", 5))

  -- facilities
  check(act.build_facility("magnet_plant", 1000) == true, "build at home")
  check(act.can_build_facility("separation", 1000, "AUS") == true, "build abroad")
  -- the issue's case: a US-funded 40 kt mine inside China, refused saying why
  refused("China does not consent: it is closed to foreign investment and has no deal with United States",
          "a mine in China without its consent", act.build_facility("mine", 40000, "CHN"))
  refused("capacity (t/yr) must be between 100 and 500000", "too small", act.build_facility("mine", 50))
  refused("argument 3 (host): unknown nation 'XXX' (an ISO3 code)", "bad host", act.build_facility("mine", 1000, "XXX"))
  local building, producing
  for _, f in ipairs(view.facilities) do
    if f.host == "USA" and f.stage == "construction" then building = f end
    if f.host == "USA" and f.stage == "operating" then producing = f end
  end
  check(building ~= nil and producing ~= nil, "USA has a plant under construction and one producing")
  check(act.fund_facility(building.id, 10) == true, "fund_facility by id")
  check(act.can_fund_facility(building, 10) == true, "fund_facility with a Facility")
  refused("belongs to CHN, not USA", "someone else's facility", act.fund_facility(0, 10))
  refused("unknown facility 99999", "unknown facility", act.fund_facility(99999, 10))
  refused("a facility id (f.id) or a facility from view.facilities", "name for id", act.fund_facility("Mountain Pass", 10))
  refused("is built already", "fund a producing plant", act.fund_facility(producing.id, 10))
  check(act.can_idle_facility(producing.id) == true, "can idle a producing plant")
  refused("is not producing", "idle a construction site", act.idle_facility(building.id))
  refused("is not idled", "resume a running plant", act.idle_facility(producing.id, false))
  check(act.can_close_facility(producing) == true, "can close own plant")
  refused("belongs to CHN", "close someone else's", act.close_facility(0))
end

-- turn 1: what turn 0 ordered has taken effect; then the per-turn order limit
local function test_effects(view, act)
  local p = view.me.policy
  check(p.tariff("magnet", "CHN") == 0, "the later all-goods order set the magnet tariff to 0")
  check(p.export_control("ore", "CHN") == "banned", "ore export ban applied")
  check(p.export_tax.ore == 0.05 and p.subsidy.separation == 0.2, "tax and subsidy applied")
  check(p.tracking == true and p.price_floor_usd_per_kg.light_oxide == 60, "tracking and floor")
  check(p.export_quota_t.magnet == 100, "quota applied")
  check(view.me.stockpile_t.magnet > 0, "stockpile bought")

  -- the report of turn 0's orders, the goals, the score in parts
  local r = view.report()
  check(r.turn == 1 and #r.orders > 5, "a report of the quarter's orders")
  local bought = nil
  for _, o in ipairs(r.orders) do
    if o.kind == "buy_stockpile" then bought = o end
    check(o.outcome == "done" or o.outcome == "partial" or o.outcome == "refused", "an outcome")
  end
  check(bought and bought.done > 0 and math.abs(bought.done - view.me.stockpile_t.magnet) < 1e-6
        and bought.price_usd_per_kg > 0, "the purchase: tonnes bought and the price")
  local m, sum = r.money, 0
  for _, k in ipairs({ "budget", "construction", "stockpile", "subsidy", "price_floor", "tariffs",
                       "export_tax" }) do sum = sum + m[k] end
  check(math.abs(m.before_musd + sum - m.after_musd) < 1e-6 and m.after_musd == view.me.treasury_musd,
        "the treasury's parts add up")
  local goals = view.goals()
  -- baseline states the United States' goals (the others' are derived)
  check(#goals == 3 and goals[1].kind == "output_min" and goals[1].plant == "magnet_plant"
        and goals[1].target == 10000 and goals[1].by_turn == 15 and goals[1].derived == false
        and goals[1].status == "behind" and goals[1].text:find("10000 t/yr of magnet making", 1, true)
        and goals[2].good == "magnet" and goals[3].measure == "always", "the scenario's goals")
  local parts = view.score_parts()
  local total = parts.security * parts.weights.security + parts.prosperity * parts.weights.prosperity
                + parts.leverage * parts.weights.leverage + parts.stability * parts.weights.stability
  check(math.abs(total - view.me.score) < 1e-6 and parts.total == view.me.score, "the parts make the score")
  check(view.score_parts("CHN", 0) ~= nil and view.score_parts("CHN", 5) == nil, "others' parts, no future")
  check(view.nation("CHN").policy.investment_closed == true, "China is closed to foreign investment")
  local ok, msg, n = true, nil, 0
  while ok do
    ok, msg = act.set_tracking(true)
    n = n + 1
  end
  check(n == 65, "64 orders a turn, got " .. n)
  refused("too many orders this turn (at most 64)", "order limit", ok, msg)
end

return {
  api_version = 1,
  name = "API test",
  init = function(view, memory)
    check(view.turn == 0 and view.me.iso3 == "USA", "init sees the view")
    memory.init = true
  end,
  turn = function(view, act, memory)
    failed = 0
    check(memory.init == true, "memory from init")
    if view.turn == 0 then
      test_view(view)
      test_act(view, act)
    elseif view.turn == 1 then
      test_effects(view, act)
      -- issue 19: the default news is this turn's, so an agent reading it every turn sees each item once
      local news = view.news()
      check(#news > 0, "news after a quarter")
      for _, item in ipairs(news) do check(item.turn == view.turn, "default news is this turn's: " .. item.turn) end
      check(#view.news(0) >= #news, "news(0) holds it all")
      raises("News has no field 'txt' (did you mean 'text'?)", "typo in a news item",
             function() return news[1].txt end)
      -- the row of this turn holds the quarter just played, and says so
      local row = view.history.nation("USA")
      check(row.turn == 1 and row.date == "2025Q1", "row 1 describes 2025Q1, got " .. tostring(row.date))
      memory.row = row -- a row kept in memory is plain data (it loses its checks in a save)
    end
    if failed > 0 then error(failed .. " checks failed") end
    print("ALL OK turn " .. view.turn)
  end,
}
