-- baseline.lua -- the world's rare-earth supply chain as it stood in 2025Q1.
--
-- Every figure carries its source. Tags follow shared/data/rare-earths.md:
-- [P] primary text read, [S] secondary report, [E] our estimate or arithmetic.
-- USGS = USGS Mineral Commodity Summaries 2025, Rare Earths (2024e column).
-- Quantities are tonnes of rare-earth oxide (REO) a year for mines and
-- separation plants, tonnes of NdFeB a year for magnet plants and magnet
-- demand, USD millions for money, USD billions for GDP.

-- The world (nations, mines, plants, demand, with a source for every figure)
-- is in lib/world-2025.lua, shared with the other 2025 scenarios; this file
-- adds its demand growth and the policies in force.
local world = include("world-2025")

return {
  name = "baseline",
  title = "Baseline 2025: the chokepoint as it stands",
  start = "2025Q1",
  turns = 40,
  briefing = [[
What it is: the rare-earth supply chain at the start of 2025. China mines about
70% of the world's rare earths, separates about 90% and makes about 94% of the
magnets. Since April 2025 its heavy rare earths (Dy, Tb...) and the magnets
that contain them leave only under licence, never for defense use.

How it works: each quarter mines dig ore, separation plants turn it into NdPr
(light) and Dy/Tb (heavy) oxides, magnet plants turn oxides into magnets, and
four markets clear. A new mine outside China takes about ten years from
decision to ore; a separation plant about five; a magnet plant about two.

Things to notice: who pays the most for heavy oxide, and when new capacity
outside China arrives compared with when it was decided.]],
  objectives = {
    "Explain why a nation that mines little can still control the supply of magnets.",
    "Compare the time a policy takes to bite with the time new capacity takes to arrive.",
  },
  debrief = {
    "Which nations faced shortages first, and which sectors lost output?",
    "When did the first new mine outside China produce ore, and when was it decided?",
    "Did prices in China move the same way as prices elsewhere? Why?",
  },

  -- demand growth by sector and good, cited in lib/world-2025.lua
  goods = world.goods(1),
  -- oxide in a tonne of NdFeB: see lib/world-2025.lua
  magnet_recipe = world.magnet_recipe,
  leakage_share = 0.15,          -- transshipment through third countries [E]
  leakage_share_tracked = 0.03,  -- with China's tracking system (Order 785, Oct 2024) [E]

  -- the seats' goals: those stated here, the rules' derived ones for the rest
  nations = world.with_goals(world.nations, {
    USA = {
      -- the July 2025 Department of Defense agreement with MP Materials aims
      -- at 10,000 t a year of US magnet capacity by 2028 (Reuters) [S]
      { kind = "output_min", plant = "magnet_plant", target = 10000, by_turn = 15 },
      { kind = "shortage_max", good = "magnet", target = 0.10, measure = "average" },
      { kind = "treasury_min", target = 3000, measure = "always" },
    },
    JPN = {
      -- Japan's lesson of 2010: secure Dy/Tb above all (JOGMEC's stake in
      -- Lynas and its stockpiles) [E]
      { kind = "shortage_max", good = "heavy_oxide", target = 0.10, measure = "average" },
      { kind = "shortage_max", good = "magnet", target = 0.05, measure = "average" },
      { kind = "treasury_min", target = 1500, measure = "always" },
    },
  }),
  facilities = world.facilities,

  policies = {
    -- 4 Apr 2025, MOFCOM Announcement No. 18: licences for Sm, Gd, Tb, Dy,
    -- Lu, Sc, Y and magnets containing them [P]; May 2025 magnet exports fell
    -- 74% y/y, then recovered to 5,577 t in July, +5.7% y/y [S]: most magnet
    -- licences granted, oxide licences scarcer (one Korean maker got 2.5% of
    -- its Dy/Tb needs over five months [S]) [E]
    { nation = "CHN", order = "set_export_control", good = "heavy_oxide", partner = "all", mode = "licensed", amount = 0.5 },
    { nation = "CHN", order = "set_export_control", good = "magnet", partner = "all", mode = "licensed", amount = 0.85 },
    -- 21 Dec 2023: ban on exporting extraction, separation and magnet technology [S]
    { nation = "CHN", order = "set_tech_ban", flag = 1 },
    -- Order 785 (1 Oct 2024): product traceability along the chain [P/S]
    { nation = "CHN", order = "set_tracking", flag = 1 },
    -- Vietnam has banned rare-earth ore exports since at least 2021 [S]
    { nation = "VNM", order = "set_export_control", good = "ore", partner = "all", mode = "banned" },
    -- Section 301: "other critical minerals" from China at 25% from 27 Sep 2024 [S]
    { nation = "USA", order = "set_tariff", good = "light_oxide", partner = "CHN", amount = 0.25 },
    { nation = "USA", order = "set_tariff", good = "heavy_oxide", partner = "CHN", amount = 0.25 },
  },

  schedule = {
    -- MP Materials stopped selling concentrate to China in July 2025 [P/S]
    { turn = 2, order = { nation = "USA", order = "set_export_control", good = "ore", partner = "CHN", mode = "banned" },
      note = "MP Materials stops selling concentrate to China (July 2025)" },
    -- 10 Jul 2025, the DoD-MP deal: a $110/kg NdPr floor for ten years,
    -- "about twice China's price" at signing; MP's "10X" magnet capacity of
    -- ~10,000 t a year, commissioning 2028 (MP/DoD, 10-Q [S])
    { turn = 2, order = { nation = "USA", order = "set_price_floor", good = "light_oxide", amount = 110 },
      note = "The Pentagon guarantees MP Materials $110/kg for its NdPr for ten years (July 2025)" },
    { turn = 2, order = { nation = "USA", order = "build_facility", kind = "magnet_plant", host = "USA", amount = 7000 },
      note = "MP's \"10X\" magnet plant, backed by DoD equity: 7,000 t a year more by 2028" },
    -- Section 301: Chinese permanent magnets 0% -> 25% from 1 Jan 2026 [S]
    { turn = 4, order = { nation = "USA", order = "set_tariff", good = "magnet", partner = "CHN", amount = 0.25 },
      note = "Section 301 tariff on Chinese magnets rises to 25% (1 Jan 2026)" },
  },
}
