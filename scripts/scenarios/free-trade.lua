-- free-trade.lua -- the counterfactual: baseline's 2025 world with no export
-- controls, no technology ban and no tariffs.
--
-- Every figure carries its source. Tags follow shared/data/rare-earths.md:
-- [P] primary text read, [S] secondary report, [E] our estimate or arithmetic.
-- USGS = USGS Mineral Commodity Summaries 2025, Rare Earths (2024e column).
-- Quantities are tonnes of rare-earth oxide (REO) a year for mines and
-- separation plants, tonnes of NdFeB a year for magnet plants and magnet
-- demand, USD millions for money, USD billions for GDP.

-- ---- the world of 2025Q1 ------------------------------------------------------
-- The world of baseline.lua, figure for figure with its sources, from
-- lib/world-2025.lua, so that runs of this scenario and of the other 2025
-- scenarios can be compared turn by turn. Demand growth is the lib's
-- goods(): demand growth by sector, the same as baseline.lua (see the lib).
local world = include("world-2025")
local NATIONS, FACILITIES = world.nations, world.facilities
local MAGNET_RECIPE, goods = world.magnet_recipe, world.goods

local BRIEFING = [[
WHAT IT IS
A counterfactual: the world of early 2025 as if nobody restricted the trade in
rare earths. The mines, plants, stocks and demand are those of the baseline
(China mines about 69% of the world's rare earths, USGS 2025; it separates
about 91% and makes about 94% of the magnets, IEA 2025), but no nation
controls its exports, China does not ban the export of its processing
technology, and nobody levies a tariff. It is the yardstick for the other
scenarios: play one of them and this one with the same seed, and the
difference between the two runs is what the policies did.

HOW IT WORKS
Each quarter mines dig ore, separation plants split it into NdPr (light) and
Dy/Tb (heavy) oxide, magnet plants make NdFeB magnets, and four markets clear.
Buyers compare landed prices (freight included) and prefer home supply; with
no barriers one world price forms and the prices paid in Tokyo and in
Shanghai differ only by freight. Demand grows about 8% a year for magnet rare
earths (Adamas). Firms outside China build new plants of their own only when
prices stay well above today's for a year: most projects outside China need
$75-85/kg NdPr against about $54 (Benchmark 2024). A mine takes about ten
years from decision to ore, a separation plant about five, a magnet plant
about two. Random events still happen: mine floods, fighting in Myanmar's
Kachin mines, lawsuits against projects.

HOW TO USE IT
In the game: choose "free-trade" and play any nation. Headless:
  chokepoint sim --scenario free-trade --seed 1 --csv out/free
  chokepoint sim --scenario licensing-2025 --seed 1 --csv out/licensing
then chart price_heavy_oxide_usd_per_kg for JPN and CHN from the two
nations.csv files. The AI nations, when they are seated, may impose controls
and tariffs of their own: the counterfactual holds only while nobody does, so
for a clean comparison run it headless (agents are off in `sim`).

THINGS TO NOTICE
- The price of heavy oxide paid in China and in Japan: how far apart, and why.
- Shortages appear even with free trade: demand grows faster than capacity.
- How few new plants outside China are decided while prices stay low.

THINGS TO TRY
- chokepoint sweep --scenario free-trade --vary us_magnet_tariff=0,0.25,0.5
  --seeds 1-10 --csv tariff.csv: who pays a US tariff on Chinese magnets,
  American buyers or Chinese sellers?
- --vary growth_scale=0.5,1,1.5: how fast do shortages grow when demand does?
- --vary random_events=0,1: the same world without accidents.

LESSON PLAN, 45 MINUTES
 0-5   Read WHAT IT IS aloud; ask what "counterfactual" means.
 5-20  In pairs, run free-trade and licensing-2025 with the same seed
       (or play both for eight turns). Write down Japan's and China's price
       of heavy oxide at turns 0, 1, 2 and 8.
20-35  Share on the board: the gap between the two scenarios is the effect
       of the licensing. Which prices moved, which held?
35-45  Debrief questions 1 and 2.

LESSON PLAN, 2 x 45 MINUTES
Session 1 as above, ending with a prediction: who pays a tariff?
Session 2
 0-10  Show the tariff sweep (prepared with the command under THINGS TO TRY,
       about a second to run) as a chart of the US magnet price by tariff.
10-30  Groups take one nation each and play 20 turns of free-trade with agents
       seated, noting when the first nation restricts trade, and why.
30-45  Debrief questions 3 and 4; what would it take to keep trade free?

SOURCES
USGS Mineral Commodity Summaries 2025, Rare Earths; IEA commentary 23 Oct
2025; IEA Global Critical Minerals Outlook 2024; Adamas Intelligence 2024
outlook; Benchmark Mineral Intelligence 2024; S&P Global 2023 (lead times).
Every figure is cited beside it in scripts/scenarios/lib/world-2025.lua;
see shared/data/rare-earths.md.]]

return {
  parameters = {
    us_magnet_tariff = { default = 0, min = 0, max = 1,
      description = "US tariff on magnets from China (0.25 = 25%); 0 keeps trade free" },
    growth_scale = { default = 1, min = 0, max = 3,
      description = "multiplies every sector's demand growth (1 = about 8%/yr for magnet rare earths, Adamas)" },
    random_events = { default = 1, min = 0, max = 3,
      description = "scale of the random events' rates (0 = none, 1 = the rules' rates)" },
    state_plants = { default = 1, min = 0, max = 1,
      description = "1 keeps the plants built on state money (Eneabba, MP's heavy circuit, eVAC, Rosatom's); 0 leaves them out: the market alone, with no industrial policy" },
    projects = { default = 1, min = 0, max = 1,
      description = "1 keeps the projects on their way (announced, in permitting, building, ramping up); 0 keeps only the plants running today: with growth_scale=0 and random_events=0, the opening world at rest" },
  },

  scenario = function(p)
    local schedule = {}
    if p.us_magnet_tariff > 0 then
      schedule[#schedule + 1] = { turn = 1, order = { nation = "USA", order = "set_tariff",
        good = "magnet", partner = "CHN", amount = p.us_magnet_tariff },
        note = "Experiment: the United States levies a tariff on Chinese magnets" }
    end
    return {
      name = "free-trade",
      title = "Free trade 2025: the world without controls (counterfactual)",
      start = "2025Q1",
      turns = 40,
      briefing = BRIEFING,
      objectives = {
        "Explain what a counterfactual is and why measuring a policy's effect needs one.",
        "Describe how one world price forms when goods move freely, and what separates the prices paid in two nations.",
        "Predict who bears a tariff from how easily buyers and sellers can switch.",
      },
      debrief = {
        "Without controls, how far apart were the prices of heavy oxide in China and in Japan? What made up the gap?",
        "Compared with licensing-2025 at the same seed, which prices moved in the quarter after the licensing, and which held?",
        "Which nations ran short even under free trade, and why did new capacity not close the gap?",
        "In the tariff sweep, what share of the tariff did American buyers pay? Who would pay if the US were China's only customer?",
      },
      goods = goods(p.growth_scale),
      magnet_recipe = MAGNET_RECIPE,
      leakage_share = 0.15,          -- transshipment through third countries [E]
      leakage_share_tracked = 0.03,  -- with a tracking system (China's Order 785, Oct 2024) [E]
      random_events = p.random_events,
      nations = NATIONS,
      facilities = world.select_facilities(p.state_plants >= 0.5, p.projects >= 0.5),
      -- no export controls, no technology ban, no tariffs: the baseline's
      -- April 2025 licences, December 2023 technology ban, Vietnam's ore ban,
      -- Section 301 tariffs and MP's halt of concentrate sales are all left
      -- out. China's tracking system (Order 785, 1 Oct 2024 [P/S]) stays: it
      -- restricts nothing, it only records who buys.
      policies = {
        { nation = "CHN", order = "set_tracking", flag = 1 },
      },
      schedule = schedule,
    }
  end,
}
