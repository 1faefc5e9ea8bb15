-- alliance.lua -- the United States and its allies pooling stockpiles and
-- capacity against China's controls: strategic purchases, releases when the
-- suspended October 2025 controls return, and plants co-funded abroad.
--
-- Every figure carries its source. Tags follow shared/data/rare-earths.md:
-- [P] primary text read, [S] secondary report, [E] our estimate or arithmetic.
-- USGS = USGS Mineral Commodity Summaries 2025, Rare Earths (2024e column).
-- Quantities are tonnes of rare-earth oxide (REO) a year for mines and
-- separation plants, tonnes of NdFeB a year for magnet plants and magnet
-- demand, USD millions for money, USD billions for GDP.
--
-- The alliance's moves are partly history (MP-DoD, the US-Australia
-- framework, India's magnet scheme) and partly the scenario's hypothesis (a
-- pooled stockpile, plants funded in partner nations); each says which.
--
-- The world's mines, plants and demand are those of 2025Q1 (baseline.lua);
-- the game starts two quarters later, in 2025Q3, with the policies of that
-- quarter. Projects under way keep their 2025Q1 progress, so they finish
-- about two quarters later than baseline.lua plans them [E].

-- ---- the world of 2025Q1 ------------------------------------------------------
-- The world of baseline.lua, figure for figure with its sources, from
-- lib/world-2025.lua, so that runs of this scenario and of the other 2025
-- scenarios can be compared turn by turn. Demand growth is the lib's
-- goods(): demand growth by sector, the same as baseline.lua (see the lib).
local world = include("world-2025")
local NATIONS, FACILITIES = world.nations, world.facilities
local MAGNET_RECIPE, goods = world.magnet_recipe, world.goods

-- The alliance in the game: nine nations stand for a wider coalition.
local MEMBERS = { "USA", "JPN", "KOR", "DEU", "FRA", "EST", "AUS", "CAN", "IND" }
-- the members that hold and release a pooled stockpile (the largest buyers)
local STOCKPILERS = { "USA", "JPN", "KOR", "DEU", "FRA" }
-- their names in the news a person reads
local NAMES = { USA = "The United States", JPN = "Japan", KOR = "South Korea", DEU = "Germany", FRA = "France" }
local BUY_TURNS = { 1, 2, 3, 4 }        -- 2025Q4-2026Q3, during the pause
local RETURN_TURN = 5                   -- 2026Q4: the October rules return
-- share of an ordered purchase that reaches the stockpile while licences
-- ration supply and the price is up (a treasury buys fewer tonnes the
-- dearer they are): about 14-20% for heavy oxide, 43-46% for magnets in
-- runs of this file [E]; the releases count on a little less, so that they
-- never ask for more than is there
local FILL = { heavy_oxide = 0.12, magnet = 0.4 }

local BRIEFING = [[
WHAT IT IS
"Even if 31 countries join forces": the claim that no coalition can quickly
replace China's rare-earth industry (the phrase circulates in the debate;
its original source is not in our data). This scenario puts the claim to a
test. It starts in 2025Q3 under China's April 2025 licences; the October 2025
controls are suspended in 2025Q4 and return in 2026Q4. Meanwhile the United
States and its allies -- Japan, South Korea, Germany, France, Estonia,
Australia, Canada and India in the game -- pool what they have: strategic
stockpiles bought during the pause and released when the controls return,
and separation and magnet plants that one member funds in another.

HOW IT WORKS
History first. MP Materials and the US Department of Defense agreed on
10 July 2025 a $110/kg floor for NdPr (about twice China's price) and a
10,000 t/yr magnet plant by 2028 ("10X"). On 20 October 2025 the US and
Australia pledged at least $1bn each toward an $8.5bn project pipeline. On
26 November 2025 India approved Rs 7,280 crore (about $0.8bn) for 6,000 t/yr
of magnet capacity. The scenario's hypothesis adds: from 2025Q4 to 2026Q3
the five largest buyers each buy heavy oxide (buy_heavy_t a quarter) and
magnets (buy_magnet_t a quarter) for their stockpiles; when the October rules
return in 2026Q4 they release them over two quarters (release_share); and
members fund plants in each other's territory: a US separation plant in
Australia and another in Brazil (whose clays hold all four magnet rare
earths), a Japanese heavy-oxide separation plant in Australia, a German one
in Canada. A separation plant takes about five years, a magnet plant about
two: the plants answer after the stockpiles are gone.

HOW TO USE IT
In the game: choose "alliance" and play a member, or China. Headless:
  chokepoint sim --scenario alliance --seed 1 --csv out/alliance
and compare shortage_t of the members with a run without releases:
  chokepoint sweep --scenario alliance --vary release_share=0,0.5,1 --seeds 1-10
  --turns 12 --csv release.csv

THINGS TO NOTICE
- What the purchases do to prices during the pause: stockpiling competes with
  industry for the same scarce tonnes.
- The members' shortages in 2026Q4 and 2027Q1, with and without releases.
- When the co-funded plants produce (the facilities panel, or
  facilities.csv), compared with when the stockpiles run out.

THINGS TO TRY
- --vary invest_scale=0,1,2: more plants, earlier or later relief?
- --vary buy_heavy_t=0,25,100: is a bigger stockpile better, once you count
  the price it costs the members during the pause?
- --vary price_floor=0,110: does the US floor change who builds?
- Play China: would you rather let the October rules return, or extend the
  pause and keep the alliance's plants uneconomic?

LESSON PLAN, 45 MINUTES
 0-5   The quotation and the question: can 31 countries replace one?
 5-15  Groups list what a coalition can do within a year, within five years,
       within ten. Predict which of the game's orders belong in each list.
15-35  Run the release sweep (about a second) and one game of 12 turns; chart
       the members' shortages with and without releases, and mark the quarter
       each co-funded plant first produces.
35-45  Debrief questions 1-3.

LESSON PLAN, 2 x 45 MINUTES
Session 1 as above.
Session 2
 0-10  Recap: stockpiles buy months, plants buy years.
10-35  Play 16 turns with agents seated: groups play the United States, Japan,
       Germany, India and China. Members may buy, release, fund plants
       abroad and propose deals (offtake, co-investment, stockpile sharing);
       China may license, suspend or extend.
35-45  Debrief questions 4 and 5: would 31 countries do better than nine?

SOURCES
MP Materials and US DoD, 10 Jul 2025 [S]; US-Australia critical minerals
framework, 20 Oct 2025 [S]; India PIB, 26 Nov 2025 [S]; EU RESourceEU plan,
Dec 2025 [S]; Lynas and JARE (Mar 2023) [S]; DFC and Serra Verde (Aug 2025)
[S]; MOFCOM Announcements 18 (Apr 2025), 55-62 (Oct 2025) and 70 (Nov 2025)
[P/S]; Adamas on 10-15 years for a full chain outside China [S]; the world:
USGS MCS 2025 and baseline.lua's sources; shared/data/rare-earths.md
sections 5, 6 and 8.]]

return {
  parameters = {
    buy_heavy_t = { default = 25, min = 0, max = 1000,
      description = "heavy oxide each stockpiling member buys a quarter, 2025Q4-2026Q3 (t)" },
    buy_magnet_t = { default = 250, min = 0, max = 10000,
      description = "magnets each stockpiling member buys a quarter, 2025Q4-2026Q3 (t)" },
    release_share = { default = 1, min = 0, max = 1,
      description = "share of the pooled stockpile released in 2026Q4-2027Q1, when the October rules return" },
    invest_scale = { default = 1, min = 0, max = 5,
      description = "scales the plants the members fund (0 = none, 1 = the scenario's plan)" },
    price_floor = { default = 110, min = 0, max = 1000,
      description = "US price floor for NdPr oxide, USD/kg (MP-DoD, Jul 2025: $110)" },
    october_heavy_approval = { default = 0.2, min = 0, max = 1,
      description = "share of heavy-oxide requests China approves once the October rules return" },
    october_magnet_approval = { default = 0.5, min = 0, max = 1,
      description = "share of magnet requests China approves once the October rules return" },
  },

  scenario = function(p)
    local scale = p.invest_scale
    local policies = {
      -- 4 Apr 2025, MOFCOM Announcement No. 18 [P]; after the June-July
      -- frameworks most magnet licences were granted, oxide licences scarcer
      -- [S/E, as baseline.lua]
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
      -- MP Materials stopped selling concentrate to China in July 2025 [P/S]
      { nation = "USA", order = "set_export_control", good = "ore", partner = "CHN", mode = "banned" },
    }
    -- MP-DoD, 10 Jul 2025: $110/kg NdPr floor for 10 years [S]
    if p.price_floor > 0 then
      policies[#policies + 1] = { nation = "USA", order = "set_price_floor", good = "light_oxide", amount = p.price_floor }
    end
    -- MP "10X": ~9,000 t/yr of magnets added, commissioning 2028 [S]
    if scale > 0 then
      policies[#policies + 1] = { nation = "USA", order = "build_facility", kind = "magnet_plant", amount = 9000 * scale }
    end

    local schedule = {
      -- 9 Oct 2025: the October rules, suspended on 7 Nov 2025 until 10 Nov
      -- 2026 with the April licences in force meanwhile [P/S]; as in
      -- escalation-and-pause-2025.lua
      { turn = 1, order = { nation = "CHN", order = "set_export_control", good = "heavy_oxide",
                            partner = "all", mode = "licensed", amount = p.october_heavy_approval },
        note = "9 Oct 2025: China extends its controls to 12 of the 17 rare earths" },
      { turn = 1, order = { nation = "CHN", order = "set_export_control", good = "magnet",
                            partner = "all", mode = "licensed", amount = p.october_magnet_approval } },
      { turn = 1, order = { nation = "CHN", order = "suspend_export_control", good = "heavy_oxide",
                            partner = "all", turns = RETURN_TURN - 1, mode = "licensed", amount = 0.5 },
        note = "7 Nov 2025: China suspends the October measures until 10 Nov 2026" },
      { turn = 1, order = { nation = "CHN", order = "suspend_export_control", good = "magnet",
                            partner = "all", turns = RETURN_TURN - 1, mode = "licensed", amount = 0.85 } },
      -- Section 301: Chinese permanent magnets 0% -> 25% from 1 Jan 2026 [S]
      { turn = 2, order = { nation = "USA", order = "set_tariff", good = "magnet", partner = "CHN", amount = 0.25 },
        note = "Section 301 tariff on Chinese magnets rises to 25% (1 Jan 2026)" },
    }
    local function add(turn, order, note)
      schedule[#schedule + 1] = { turn = turn, order = order, note = note }
    end

    -- plants funded by one member in another (build_facility with a host)
    if scale > 0 then
      -- US-Australia framework, 20 Oct 2025: >= $1bn each toward $8.5bn [S];
      -- a 10,000 t/yr refinery, the size of Lynas Malaysia (12,000) [E]
      add(1, { nation = "USA", order = "build_facility", kind = "separation", host = "AUS", amount = 10000 * scale },
          "US-Australia framework: the US funds a separation plant in Australia")
      -- DFC up to $465M for Serra Verde, whose ionic clays carry Nd, Pr, Dy
      -- and Tb (Aug 2025) [S]; a 5,000 t/yr plant for its >= 5,000 t REO [S/E]
      add(1, { nation = "USA", order = "build_facility", kind = "separation", host = "BRA", amount = 5000 * scale },
          "The US funds a separation plant for Brazil's Serra Verde clays")
      -- India, 26 Nov 2025: Rs 7,280 crore for 6,000 t/yr of magnets [S]
      add(1, { nation = "IND", order = "build_facility", kind = "magnet_plant", amount = 6000 * scale },
          "India's magnet scheme: 6,000 t/yr of sintered magnets (Rs 7,280 crore)")
      -- Japan (JARE) holds rights to up to 65% of Mt Weld's Dy/Tb (Mar 2023
      -- A$200M into Lynas) [S]; Lynas plans 5,000 t/yr of heavy feed [S]
      -- -> a Japanese-funded plant in Australia [E: the scenario's hypothesis]
      add(2, { nation = "JPN", order = "build_facility", kind = "separation", host = "AUS", amount = 5000 * scale },
          "Japan funds a separation plant in Australia for Mt Weld's heavy rare earths")
      -- RESourceEU (Dec 2025) [S]; Canada's resources exceed 14 Mt (USGS)
      -- [P] -> a German-funded plant in Canada [E: the scenario's hypothesis]
      add(2, { nation = "DEU", order = "build_facility", kind = "separation", host = "CAN", amount = 4000 * scale },
          "Germany funds a separation plant in Canada (RESourceEU)")
      -- Korea aims at no more than 50% from any one country by 2030 [S]
      add(2, { nation = "KOR", order = "build_facility", kind = "magnet_plant", amount = 2000 * scale },
          "South Korea builds a magnet plant of its own")
    end

    -- the pooled stockpile: bought during the pause [E: the hypothesis] ...
    local start_pile = {}
    for _, n in ipairs(NATIONS) do start_pile[n.iso3] = n.stockpile_t or {} end
    for _, iso in ipairs(STOCKPILERS) do
      for _, turn in ipairs(BUY_TURNS) do
        if p.buy_heavy_t > 0 then
          add(turn, { nation = iso, order = "buy_stockpile", good = "heavy_oxide", amount = p.buy_heavy_t })
        end
        if p.buy_magnet_t > 0 then
          add(turn, { nation = iso, order = "buy_stockpile", good = "magnet", amount = p.buy_magnet_t })
        end
      end
      -- ... and released over two quarters when the October rules return:
      -- half of what is sure to be there each time (the starting stockpile
      -- and the expected fill of the purchases)
      for _, good in ipairs({ "heavy_oxide", "magnet" }) do
        local bought = (good == "heavy_oxide" and p.buy_heavy_t or p.buy_magnet_t) * #BUY_TURNS * FILL[good]
        local held = (start_pile[iso][good] or 0) + bought
        local each = p.release_share * held / 2
        if each >= 1 then
          for k = 0, 1 do
            add(RETURN_TURN + k, { nation = iso, order = "release_stockpile", good = good, amount = each },
                k == 0 and good == "heavy_oxide" and (NAMES[iso] .. " releases its stockpile as the October rules return") or nil)
          end
        end
      end
    end

    return {
      name = "alliance",
      title = "Alliance: the United States and its allies pool stockpiles and capacity",
      start = "2025Q3",
      turns = 40,
      briefing = BRIEFING,
      objectives = {
        "Distinguish the instruments that act within a year (stockpiles, releases) from those that act over five to ten years (plants, mines).",
        "Explain why buying a stockpile during a scarcity raises the price the buyers themselves pay.",
        "Evaluate the claim that a coalition cannot quickly replace a dominant supplier, with evidence from the runs.",
      },
      debrief = {
        "How much did the members' shortages fall in 2026Q4 and 2027Q1 thanks to the releases? How long did the stockpile last?",
        "What did the purchases during the pause cost the members, in price and in money?",
        "When did the first co-funded plant produce? What share of the members' needs did it cover?",
        "Which deals did the members strike with each other, and which did they fail to strike?",
        "Would 31 countries have done better than nine? What would they have needed that the nine lacked?",
      },
      goods = goods(1),
      magnet_recipe = MAGNET_RECIPE,
      leakage_share = 0.15,          -- transshipment through third countries [E]
      leakage_share_tracked = 0.03,  -- with China's tracking system (Order 785, Oct 2024) [E]
      nations = NATIONS,
      facilities = FACILITIES,
      policies = policies,
      schedule = schedule,
    }
  end,
}
