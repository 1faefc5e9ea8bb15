-- tech-ban-2023.lua -- China's ban on exporting rare-earth processing and
-- magnet technology (21 Dec 2023), and the rungs of control that followed.
--
-- Every figure carries its source. Tags follow shared/data/rare-earths.md:
-- [P] primary text read, [S] secondary report, [E] our estimate or arithmetic.
-- USGS = USGS Mineral Commodity Summaries 2025, Rare Earths (2023 column
-- for production in this file).
-- Quantities are tonnes of rare-earth oxide (REO) a year for mines and
-- separation plants, tonnes of NdFeB a year for magnet plants and magnet
-- demand, USD millions for money, USD billions for GDP.

-- ---- the world of 2023Q4 ------------------------------------------------------
-- The nations are baseline.lua's (lib/world-2025.lua), with
-- demand taken back five quarters and the mines and plants as they stood in
-- late 2023 (USGS MCS 2025, 2023 column, and the dates in
-- shared/data/rare-earths.md sections 2 and 5). Technology levels are the
-- baseline's, so that the catch-up measured here compares with free-trade.

-- Demand five quarters before 2025Q1: magnet REO demand grows ~8.2%/yr
-- (Adamas 2024 outlook [S]) -> 1.082^-1.25 = 0.906 [E]
local DEMAND_2023 = 0.906

-- The nations, their demand and the helpers that build them are
-- lib/world-2025.lua's, figure for figure with their sources; magnet demand
-- is scaled by DEMAND_2023, and demand grows as the lib's goods() say.
local world = include("world-2025")
local goods = world.goods

-- NdFeB is ~30% rare earth; about a quarter of NdPr feed comes back as
-- recycled swarf (not modelled), so 0.22 t of new NdPr oxide per tonne
-- (as baseline.lua) [E]. Dy/Tb: 1.1% in late 2023, as in 2025 ("Dy ~4%"
-- only in direct-drive wind) [E]; heavy lines now give Dy/Tb a cost anchor
-- of its own (the heavy lines below), so the opening price no longer hangs
-- on this figure.
local MAGNET_RECIPE = { light_oxide_t_per_t = 0.22, heavy_oxide_t_per_t = 0.011 }

local NATIONS = world.nations_at(DEMAND_2023)

local FACILITIES = {
  -- China: mining quota 255,000 t in 2023 (USGS MCS 2025 [P]); 270,000 t in
  -- 2024 (MIIT via Reuters [S]; USGS [P]), growth of 5.9% in 2024 [S]
  { name = "China mining quota", kind = "mine", host = "CHN", capacity_t_per_yr = 255000, stage = "operating" },
  { name = "China quota growth 2024", kind = "mine", host = "CHN", capacity_t_per_yr = 15000, stage = "construction", turns_in_stage = 12 },
  { name = "China quota growth 2026", kind = "mine", host = "CHN", capacity_t_per_yr = 16000, stage = "construction", turns_in_stage = 3 },
  { name = "China quota growth 2027", kind = "mine", host = "CHN", capacity_t_per_yr = 16000, stage = "permitting", turns_in_stage = 4 },
  -- separation quota 254,000 t in 2024, up 4.2% [S] -> ~244,000 t in 2023,
  -- plus imported feedstock (raw-material imports 217,071 t in 2023, giti.sg
  -- from China customs [S]) [E]; the 2024 growth reaches baseline's 380,000
  { name = "China separation", kind = "separation", host = "CHN", capacity_t_per_yr = 360000, stage = "operating" },
  { name = "China separation growth 2024", kind = "separation", host = "CHN", capacity_t_per_yr = 20000, stage = "construction", turns_in_stage = 7 },
  { name = "China separation expansion", kind = "separation", host = "CHN", capacity_t_per_yr = 20000, stage = "construction", turns_in_stage = 0 },
  -- China's heavy lines: ~99% of the world's heavy-REE separation (CSIS,
  -- Apr 2025 [S]), sized as in lib/world-2025.lua for 2023's demand [E]
  { name = "China heavy separation", kind = "heavy_separation", host = "CHN", capacity_t_per_yr = 4600, stage = "operating" },
  -- NdFeB output 280,000 t in 2023, ~300,000 t in 2024 (Argus [S]); the
  -- makers' nameplate is larger, as in 2025 [E]
  { name = "China magnet industry", kind = "magnet_plant", host = "CHN", capacity_t_per_yr = 320000, stage = "operating" },
  { name = "China magnet growth 2024", kind = "magnet_plant", host = "CHN", capacity_t_per_yr = 20000, stage = "construction", turns_in_stage = 3 },
  { name = "China magnet expansion", kind = "magnet_plant", host = "CHN", capacity_t_per_yr = 20000, stage = "announced" },

  -- United States
  { name = "Mountain Pass", kind = "mine", host = "USA", capacity_t_per_yr = 41600, stage = "operating" },  -- 2023 (USGS MCS 2025 [P])
  { name = "Mountain Pass separation", kind = "separation", host = "USA", capacity_t_per_yr = 6000, stage = "ramp_up" }, -- first separated NdPr Q4 2023 [S]
  -- MP's heavy circuit, ~200 t/yr Dy/Tb, commissioning mid-2026 (DoD $35M, 2022 [S])
  { name = "Mountain Pass heavy circuit", kind = "heavy_separation", host = "USA", capacity_t_per_yr = 200, stage = "permitting", turns_in_stage = 2 },
  { name = "MP Independence", kind = "magnet_plant", host = "USA", capacity_t_per_yr = 1000, stage = "construction", turns_in_stage = 4 }, -- construction ~Apr 2022, trial production Jan 2025 [P/S]
  { name = "Noveon San Marcos", kind = "magnet_plant", host = "USA", capacity_t_per_yr = 2000, stage = "operating" }, -- commercial since 2023 [S]
  { name = "eVAC Sumter", kind = "magnet_plant", host = "USA", capacity_t_per_yr = 2000, stage = "permitting" }, -- groundbreaking Mar 2024, first shipments Dec 2025 [S]

  -- Australia and Malaysia (Lynas: Mt Weld ore, Kalgoorlie cracking, Malaysian separation)
  { name = "Mt Weld", kind = "mine", host = "AUS", capacity_t_per_yr = 16000, stage = "operating" }, -- AUS 16,000 t in 2023 (USGS MCS 2025 [P])
  { name = "Mt Weld expansion", kind = "mine", host = "AUS", capacity_t_per_yr = 10000, stage = "construction", turns_in_stage = 8 }, -- near complete 2025 [S] [E]
  { name = "Eneabba refinery", kind = "separation", host = "AUS", capacity_t_per_yr = 17500, stage = "construction", turns_in_stage = 0 }, -- 12,100-23,000 t, commissioning 2027 [S]
  { name = "Nolans", kind = "mine", host = "AUS", capacity_t_per_yr = 17000, stage = "permitting", turns_in_stage = 7 }, -- 4,440 t NdPr; pre-FID late 2025 [S] [E]
  -- FY25: 6,558 t NdPr, ~27 kt of REO separated (lib/world-2025.lua) [S] [E]
  { name = "Lynas Malaysia", kind = "separation", host = "MYS", funder = "AUS", capacity_t_per_yr = 28000, stage = "operating" },
  -- the first Dy/Tb separated outside China came in FY25 (Lynas [S])
  { name = "Lynas Malaysia heavy circuit", kind = "heavy_separation", host = "MYS", funder = "AUS", capacity_t_per_yr = 60, stage = "construction", turns_in_stage = 2 },
  { name = "Malaysia mining", kind = "mine", host = "MYS", capacity_t_per_yr = 310, stage = "operating" }, -- 2023 (USGS [P])

  -- feedstock exporters (USGS MCS 2025, 2023 column [P] unless noted)
  { name = "Kachin ionic clays", kind = "mine", host = "MMR", capacity_t_per_yr = 43000, stage = "operating" },
  { name = "Laos ionic clays", kind = "mine", host = "LAO", capacity_t_per_yr = 5000, stage = "operating" }, -- 38% of China's 15,125 t MREC imports in 2023 (giti.sg [S]) [E]
  { name = "Vientiane refinery", kind = "separation", host = "LAO", capacity_t_per_yr = 3000, stage = "announced" }, -- MOU, Q4 2025 target, unverified [S]
  { name = "Thailand monazite", kind = "mine", host = "THA", capacity_t_per_yr = 3600, stage = "operating" },
  { name = "Nigeria monazite", kind = "mine", host = "NGA", capacity_t_per_yr = 7200, stage = "operating" },
  { name = "Madagascar monazite", kind = "mine", host = "MDG", capacity_t_per_yr = 2100, stage = "operating" },
  { name = "Vietnam mining", kind = "mine", host = "VNM", capacity_t_per_yr = 300, stage = "operating" },
  { name = "Serra Verde", kind = "mine", host = "BRA", capacity_t_per_yr = 5000, stage = "ramp_up" }, -- commissioning Jun 2023, commercial 2024, >= 5,000 t target [S]

  -- India, Russia, Canada
  { name = "IREL mines", kind = "mine", host = "IND", capacity_t_per_yr = 2900, stage = "operating" },
  { name = "IREL separation", kind = "separation", host = "IND", capacity_t_per_yr = 3000, stage = "operating" }, -- capacity NOT FOUND [E]
  { name = "Lovozero", kind = "mine", host = "RUS", capacity_t_per_yr = 2500, stage = "operating" },
  { name = "Solikamsk", kind = "separation", host = "RUS", capacity_t_per_yr = 2600, stage = "operating" }, -- ~1% of world output [S]
  { name = "Solikamsk new unit", kind = "separation", host = "RUS", capacity_t_per_yr = 2500, stage = "permitting" }, -- first output 2027 [S]
  { name = "Glazov magnets", kind = "magnet_plant", host = "RUS", capacity_t_per_yr = 1000, stage = "announced" }, -- up to 1,000 t by 2028 [S]
  { name = "SRC Saskatoon", kind = "separation", host = "CAN", capacity_t_per_yr = 1500, stage = "construction", turns_in_stage = 6 }, -- first metal summer 2024 [S] [E]

  -- Europe
  { name = "NPM Silmet", kind = "separation", host = "EST", capacity_t_per_yr = 3000, stage = "operating" }, -- Argus [S]
  { name = "Neo Narva", kind = "magnet_plant", host = "EST", capacity_t_per_yr = 2000, stage = "construction", turns_in_stage = 1 }, -- groundbreaking Jul 2023, inaugurated Sept 2025 [S]
  { name = "La Rochelle", kind = "separation", host = "FRA", capacity_t_per_yr = 500, stage = "construction", turns_in_stage = 6 }, -- new line inaugurated 8 Apr 2025 [S] [E]
  { name = "La Rochelle expansion", kind = "separation", host = "FRA", capacity_t_per_yr = 4000, stage = "announced" }, -- ~4,500 t goal by 2030 [S]
  { name = "German magnet makers", kind = "magnet_plant", host = "DEU", capacity_t_per_yr = 1500, stage = "operating" }, -- Europe 1.3% of 98 kt in 2010 [S]; today NOT FOUND [E]

  -- Japan and Korea
  { name = "Japanese magnet makers", kind = "magnet_plant", host = "JPN", capacity_t_per_yr = 15000, stage = "operating" }, -- 19.3% of 98 kt in 2010 [S]; today NOT FOUND [E]
  { name = "Korean magnet makers", kind = "magnet_plant", host = "KOR", capacity_t_per_yr = 1000, stage = "operating" }, -- "small" [S] [E]

  -- projects waiting on permits
  { name = "Ngualla", kind = "mine", host = "TZA", capacity_t_per_yr = 16000, stage = "permitting", turns_in_stage = 3 }, -- SML Apr 2023, unbuilt [S] [E]
  { name = "Tanbreez", kind = "mine", host = "GRL", capacity_t_per_yr = 10000, stage = "announced" }, -- technical report Mar 2025 [S]; capacity NOT FOUND [E]
  { name = "Phalaborwa", kind = "mine", host = "ZAF", capacity_t_per_yr = 8000, stage = "permitting", turns_in_stage = 1 }, -- ~1,850 t/yr magnet REO (PEA) [E]
}

local BRIEFING = [[
WHAT IT IS
On 21 December 2023 China revised its Catalogue of Technologies Prohibited
and Restricted from Export: the technologies to extract and separate rare
earths, to make their metals and alloys, and to make NdFeB, samarium-cobalt
and cerium magnets may no longer be exported. It was the first rung of the
ladder that followed: traceability of every tonne (October 2024), licences
for seven heavy rare earths and magnets (April 2025), wider controls and
their suspension (October and November 2025). This scenario starts in 2023Q4
with the mines and plants of the time: China mined 255,000 of the world's
376,000 t of rare-earth oxide in 2023 (USGS) and made 280,000 t of magnets
(Argus).

HOW IT WORKS
Each stage of the chain -- mining, separation, magnet making -- has a
technology level per nation (0 to 1): it sets yields, and how fast plants are
built. Every quarter each nation closes 1% of its gap to the leader (hiring
engineers, buying equipment and licences), and nations with plants running
learn by doing. When the leader bans the export of its technology, the
catch-up falls to a fifth. China leads mining and separation (0.90 and
0.95); in magnet making Japan's makers lead. The later rungs arrive on their
historical dates (parameter later_rungs): US tariffs of 25% on Chinese oxides
(September 2024), China's tracking system (October 2024), the Kachin
Independence Army's seizure of Myanmar's mines (October 2024), the licences of
April 2025, MP Materials' halt of concentrate sales to China (July 2025), the
October rules and their suspension, the US tariff on magnets (January 2026).

HOW TO USE IT
In the game: choose "tech-ban-2023" and watch the technology panel of the
nations building separation plants: the United States, Australia, France,
India. Headless, with and without the ban:
  chokepoint sweep --scenario tech-ban-2023 --vary tech_ban=0,1 --seeds 1-5
  --csv ban.csv
A technology level is not in the CSV: read it in the game, or compare yields
(separated_t against mined_t) and how soon new plants reach full output.

THINGS TO NOTICE
- The separation technology of the US, Australia, France and India after ten
  years, with and without the ban.
- A technology ban does nothing in a quarter; its effect accumulates.
- Under the ban, which stage stays furthest behind? Why does the ban not slow
  magnet making in this model? (Hint: who leads it?)

THINGS TO TRY
- --vary tech_ban=0,1 with later_rungs=0: the ban alone, without the later
  controls.
- Play the United States: how much does funding plants at home speed up the
  catch-up (learning by doing), compared with the ban's slowing of it?
- Play China: lift the ban in 2026 in exchange for something in a deal.

LESSON PLAN, 45 MINUTES
 0-5   The ladder of rungs on the board; the first rung is today's topic.
 5-15  Why ban the export of know-how rather than goods? Groups list what
       a nation needs to build a separation plant besides money.
15-35  Run the game 40 turns (or the sweep) with and without the ban; record
       the separation technology of USA, AUS and FRA at turns 0, 20, 40.
35-45  Debrief questions 1-3.

LESSON PLAN, 2 x 45 MINUTES
Session 1 as above.
Session 2
 0-15  Follow the later rungs in the news feed: which rung changed prices,
       which changed quantities, which changed nothing at first?
15-35  Groups play 16 turns with agents seated as the US, Japan, France and
       China, from 2023Q4, trying to shorten (or, for China, lengthen) the
       time to a working chain outside China.
35-45  Debrief questions 4 and 5.

SOURCES
MOFCOM and MOST, revised Catalogue of Technologies Prohibited and Restricted
from Export, 21 Dec 2023 (Reuters, The Hindu) [S]; USGS Mineral Commodity
Summaries 2025 (2023 production) [P]; Argus (China's NdFeB output) [S];
State Council Order 785 [P/S]; Reuters on Kachin (Oct 2024 - Feb 2025) [S];
MOFCOM Announcements 18, 55-62 and 70 [P/S]; USTR Section 301 review [S];
Adamas (10-15 years to a full chain outside China) [S];
shared/data/rare-earths.md sections 1, 2, 6 and 8.]]

return {
  parameters = {
    tech_ban = { default = 1, min = 0, max = 1,
      description = "1: China bans the export of processing and magnet technology from 2024Q1; 0: it does not" },
    later_rungs = { default = 1, min = 0, max = 1,
      description = "1: the later controls and tariffs of 2024-2026 arrive on their dates; 0: the ban alone" },
  },

  scenario = function(p)
    local schedule = {}
    local function add(turn, order, note)
      schedule[#schedule + 1] = { turn = turn, order = order, note = note }
    end
    if p.tech_ban >= 0.5 then
      -- 21 Dec 2023: ban on exporting REE extraction/separation, metal/alloy
      -- and magnet technologies (Reuters / The Hindu [S]); announced in the
      -- last days of the starting quarter, in force from the first played
      add(1, { nation = "CHN", order = "set_tech_ban", flag = 1 },
          "21 Dec 2023: China bans the export of rare-earth extraction, separation and magnet technology")
    end
    if p.later_rungs >= 0.5 then
      -- Section 301: "other critical minerals" from China at 25% from 27 Sep 2024 [S]
      add(3, { nation = "USA", order = "set_tariff", good = "light_oxide", partner = "CHN", amount = 0.25 },
          "Section 301: 25% US tariff on Chinese critical minerals (27 Sep 2024)")
      add(3, { nation = "USA", order = "set_tariff", good = "heavy_oxide", partner = "CHN", amount = 0.25 })
      -- Order 785 (1 Oct 2024): product traceability along the chain [P/S]
      add(4, { nation = "CHN", order = "set_tracking", flag = 1 },
          "1 Oct 2024: China's Rare Earth Management Regulations track every tonne")
      -- 4 Apr 2025, MOFCOM Announcement No. 18 [P]; shares as in
      -- licensing-2025.lua: 2.5% of heavy-oxide requests (a Korean maker's
      -- 2.5% of its Dy/Tb needs over five months [S]), about a third of
      -- magnet requests (May exports -74% y/y [S]) [E]
      add(6, { nation = "CHN", order = "set_export_control", good = "heavy_oxide", partner = "all",
               mode = "licensed", amount = 0.025 },
          "4 Apr 2025: MOFCOM Announcement No. 18 puts seven heavy rare earths under export licence")
      add(6, { nation = "CHN", order = "set_export_control", good = "magnet", partner = "all",
               mode = "licensed", amount = 0.35 })
      -- July 2025: magnet exports recover to 5,577 t (+5.7% y/y) [S] -> 85% [E];
      -- MP Materials stops selling concentrate to China [P/S]
      add(7, { nation = "CHN", order = "set_export_control", good = "magnet", partner = "all",
               mode = "licensed", amount = 0.85 },
          "US-China frameworks: magnet exports recover (July 2025)")
      add(7, { nation = "USA", order = "set_export_control", good = "ore", partner = "CHN", mode = "banned" },
          "MP Materials stops selling concentrate to China (July 2025)")
      -- 9 Oct 2025 rules, suspended on 7 Nov 2025 until 10 Nov 2026 with the
      -- April licences in force (half of heavy-oxide requests, 85% of magnet
      -- requests) [P/S]; as in escalation-and-pause-2025.lua
      add(8, { nation = "CHN", order = "set_export_control", good = "heavy_oxide", partner = "all",
               mode = "licensed", amount = 0.2 },
          "9 Oct 2025: China extends its controls to 12 of the 17 rare earths")
      add(8, { nation = "CHN", order = "set_export_control", good = "magnet", partner = "all",
               mode = "licensed", amount = 0.5 })
      add(8, { nation = "CHN", order = "suspend_export_control", good = "heavy_oxide", partner = "all",
               turns = 4, mode = "licensed", amount = 0.5 },
          "7 Nov 2025: China suspends the October measures until 10 Nov 2026; the April licences stay")
      add(8, { nation = "CHN", order = "suspend_export_control", good = "magnet", partner = "all",
               turns = 4, mode = "licensed", amount = 0.85 })
      -- Section 301: Chinese permanent magnets 0% -> 25% from 1 Jan 2026 [S]
      add(9, { nation = "USA", order = "set_tariff", good = "magnet", partner = "CHN", amount = 0.25 },
          "Section 301 tariff on Chinese magnets rises to 25% (1 Jan 2026)")
      -- Oct 2024: the KIA seizes the Pangwa and Chipwi mining hubs; China's
      -- imports from Myanmar -89% y/y by Feb 2025 (Reuters [S]) [E: half of
      -- the output for two quarters]
      schedule[#schedule + 1] = { turn = 4, event = { kind = "conflict", nation = "MMR",
        magnitude = 0.5, turns = 2 }, note = "The Kachin Independence Army seizes Myanmar's rare-earth mines (Oct 2024)" }
    end

    return {
      name = "tech-ban-2023",
      title = "Technology ban 2023: China stops exporting its processing know-how",
      start = "2023Q4",
      turns = 40,
      briefing = BRIEFING,
      objectives = {
        "Explain why a nation that controls processing can restrict know-how as well as goods, and why the effect builds up slowly.",
        "Compare a technology ban with an export control: what each restricts, when each bites, who can work around it.",
        "Place the December 2023 ban on the ladder of China's controls from 2023 to 2025.",
      },
      debrief = {
        "How far did the separation technology of the US, Australia and France get in ten years, with and without the ban?",
        "Which later rung moved prices first? Which moved nothing for a year or more?",
        "Why did the ban not slow magnet making in this model? Is that plausible?",
        "What could an importer do to learn faster under the ban?",
        "If you were China, when would you lift the ban, and what would you ask for it?",
      },
      goods = (function()
        local g = goods(1)
        -- NdPr Dec 2023 $56 (Lynas [S]); Nd oxide 2023 average $78 (USGS [P]) -> $60 [E]
        g.light_oxide.reference_price_usd_per_kg = 60
        -- Dy $330 and Tb $1,298 (USGS, 2023 averages [P]) make a 4:1 blend of
        -- $524; the 2024 averages ($260, $810) make $370: late 2023 -> $440 [E]
        g.heavy_oxide.reference_price_usd_per_kg = 440
        return g
      end)(),
      magnet_recipe = MAGNET_RECIPE,
      leakage_share = 0.15,          -- transshipment through third countries [E]
      leakage_share_tracked = 0.03,  -- with China's tracking system, from Oct 2024 [E]
      nations = NATIONS,
      facilities = FACILITIES,
      policies = {
        -- Vietnam has banned rare-earth ore exports since at least 2021 [S]
        { nation = "VNM", order = "set_export_control", good = "ore", partner = "all", mode = "banned" },
      },
      schedule = schedule,
    }
  end,
}
