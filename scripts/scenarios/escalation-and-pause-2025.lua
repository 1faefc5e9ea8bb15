-- escalation-and-pause-2025.lua -- China's October 2025 controls and their
-- one-year suspension (7 Nov 2025 to 10 Nov 2026), under which the April
-- 2025 licences stay in force.
--
-- Every figure carries its source. Tags follow shared/data/rare-earths.md:
-- [P] primary text read, [S] secondary report, [E] our estimate or arithmetic.
-- USGS = USGS Mineral Commodity Summaries 2025, Rare Earths (2024e column).
-- Quantities are tonnes of rare-earth oxide (REO) a year for mines and
-- separation plants, tonnes of NdFeB a year for magnet plants and magnet
-- demand, USD millions for money, USD billions for GDP.
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

local BRIEFING = [[
WHAT IT IS
China's export controls on rare earths climbed in rungs: a ban on exporting
processing and magnet technology (December 2023), quotas and traceability
(October 2024), licences for seven heavy rare earths and magnets (April
2025). On 9 October 2025 came the highest rung so far: five more elements
(12 of the 17 rare earths covered), controls on equipment and technology,
presumptive denial for military users, and an extraterritorial rule -- from
1 December, magnets made abroad with 0.1% or more of Chinese-origin rare
earths by value would need a Chinese licence too. After the Kuala Lumpur and
Busan meetings, on 7 November 2025 (Announcement No. 70) China suspended the
October measures until 10 November 2026. The April licences stayed in force.
This scenario starts in 2025Q3 under the April regime.

HOW IT WORKS
Turn 1 (2025Q4) brings the October rules as a tighter licence regime -- fewer
heavy-oxide and magnet requests approved (parameters october_heavy_approval
and october_magnet_approval) -- and, in the same quarter, their suspension
for four quarters. While suspended, a route does not open: the April
licences apply (half of heavy-oxide requests, 85% of magnet requests, as in
the baseline). The suspension counts down by itself; unless someone acts,
the October regime returns in 2026Q4, the quarter of 10 November 2026. The
US tariff on Chinese magnets rises to 25% on 1 January 2026 (2026Q1).

HOW TO USE IT
In the game: choose "escalation-and-pause-2025"; the policy panel shows
China's controls with the turns left in the suspension. Play the United
States or Japan: what do you do in the four quarters of the pause? Headless:
  chokepoint sim --scenario escalation-and-pause-2025 --seed 1 --csv out/pause
and read news.csv for the dates, nations.csv for prices and shortages.

THINGS TO NOTICE
- Nothing changes in 2025Q4: the October rules are suspended before they bite.
- The return in 2026Q4: the price of heavy oxide paid outside China and the
  magnet shortages in Japan, Korea and Germany in the quarters after.
- What the importers' plants under construction can and cannot do in a
  year: compare the pause with a separation plant's five years.

THINGS TO TRY
- chokepoint sweep --scenario escalation-and-pause-2025 --vary pause_quarters=1,4,8
  --seeds 1-10 --csv pause.csv: how much does a longer pause buy?
- --vary october_heavy_approval=0.05,0.2,0.5: how tight must the return be to hurt?
- Play China: would you extend the pause, let it lapse, or trade it for a
  tariff cut in a deal?

LESSON PLAN, 45 MINUTES
 0-5   The timeline of rungs (WHAT IT IS) on the board.
 5-15  Groups predict, quarter by quarter from 2025Q4 to 2027Q2, whether
       Japan's price of heavy oxide is higher or lower than in 2025Q3.
15-35  Play or run eight turns; mark the quarter the October rules return (the
       news feed says so) and record Japan's and Germany's prices and magnet
       shortages.
35-45  Debrief questions 1-3.

LESSON PLAN, 2 x 45 MINUTES
Session 1 as above, ending with: what should an importer do with a year?
Session 2
 0-10  The pause sweep (THINGS TO TRY): shortages against pause length.
10-35  Play 12 turns with agents seated; groups play the US, Japan, the EU
       nations and China. The importers may stockpile, build and bargain; China
       decides whether to extend the pause.
35-45  Debrief questions 4 and 5.

SOURCES
MOFCOM Announcements No. 55-58, 61, 62 (9 Oct 2025) and No. 70 (7 Nov 2025)
[P/S]; Reuters on the Kuala Lumpur framework (25-26 Oct 2025) [S]; MOFCOM
Announcement No. 18 (4 Apr 2025) [P]; USTR Section 301 four-year review
(magnets 25% from 1 Jan 2026) [S]; the world: USGS MCS 2025 and the sources
in baseline.lua; shared/data/rare-earths.md sections 6 and 8.]]

return {
  parameters = {
    april_heavy_approval = { default = 0.5, min = 0, max = 1,
      description = "share of heavy-oxide requests approved under the April 2025 licences (in force throughout)" },
    april_magnet_approval = { default = 0.85, min = 0, max = 1,
      description = "share of magnet requests approved under the April 2025 licences" },
    october_heavy_approval = { default = 0.2, min = 0, max = 1,
      description = "share of heavy-oxide requests approved under the October 2025 rules" },
    october_magnet_approval = { default = 0.5, min = 0, max = 1,
      description = "share of magnet requests approved under the October 2025 rules (0.1% extraterritorial rule)" },
    pause_quarters = { default = 4, min = 1, max = 36,
      description = "length of the suspension in quarters (4: 7 Nov 2025 to 10 Nov 2026)" },
  },

  scenario = function(p)
    local pause = math.floor(p.pause_quarters + 0.5)
    return {
      name = "escalation-and-pause-2025",
      title = "Escalation and pause 2025: the October controls, suspended for a year",
      start = "2025Q3",
      turns = 40,
      briefing = BRIEFING,
      objectives = {
        "Place China's 2023-2025 export controls on a ladder of escalating rungs and say what each rung restricts.",
        "Explain how a suspended control differs from a lifted one: the older regime stays, and the suspended one returns by itself.",
        "Compare the length of a one-year pause with the time an importer needs to build capacity of its own.",
      },
      debrief = {
        "In which quarter did the October controls return, and how did you see it coming?",
        "How did the price of heavy oxide paid in Japan and Germany change in the two quarters after the return? And in China?",
        "Which sectors ran short after the return, and in which nations?",
        "What did the importers do during the pause? Which of their actions could have paid off within the year?",
        "If you played China: what would you ask in exchange for extending the pause?",
      },
      goods = goods(1),
      magnet_recipe = MAGNET_RECIPE,
      leakage_share = 0.15,          -- transshipment through third countries [E]
      leakage_share_tracked = 0.03,  -- with China's tracking system (Order 785, Oct 2024) [E]
      nations = NATIONS,
      facilities = FACILITIES,

      -- in force in July 2025 (2025Q3)
      policies = {
        -- 4 Apr 2025, MOFCOM Announcement No. 18 [P]; after the June-July
        -- frameworks most magnet licences were granted (July exports 5,577 t,
        -- +5.7% y/y [S]), oxide licences scarcer [E, as baseline.lua]
        { nation = "CHN", order = "set_export_control", good = "heavy_oxide", partner = "all",
          mode = "licensed", amount = p.april_heavy_approval },
        { nation = "CHN", order = "set_export_control", good = "magnet", partner = "all",
          mode = "licensed", amount = p.april_magnet_approval },
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
      },

      schedule = {
        -- 9 Oct 2025, MOFCOM Announcements 55-58, 61, 62: Ho, Er, Tm, Eu, Yb
        -- added (12 of 17 REEs), equipment and technology, presumptive
        -- denial for military users, the 0.1% extraterritorial rule from
        -- 1 Dec 2025 [P/S]. As a regime: fewer requests approved [E]
        { turn = 1, order = { nation = "CHN", order = "set_export_control", good = "heavy_oxide",
                              partner = "all", mode = "licensed", amount = p.october_heavy_approval },
          note = "9 Oct 2025: China extends its controls to 12 of the 17 rare earths and to magnets made abroad with Chinese material" },
        { turn = 1, order = { nation = "CHN", order = "set_export_control", good = "magnet",
                              partner = "all", mode = "licensed", amount = p.october_magnet_approval },
          note = "The 0.1% rule: foreign magnets with Chinese rare earths need a Chinese licence from 1 Dec 2025" },
        -- 7 Nov 2025, Announcement No. 70: the October measures suspended
        -- until 10 Nov 2026; the April regime (No. 18) stays in force [S].
        -- Four quarters: suspended in 2025Q4-2026Q3, back in 2026Q4.
        { turn = 1, order = { nation = "CHN", order = "suspend_export_control", good = "heavy_oxide",
                              partner = "all", turns = pause, mode = "licensed",
                              amount = p.april_heavy_approval },
          note = "7 Nov 2025: China suspends the October measures until 10 Nov 2026; the April licences stay" },
        { turn = 1, order = { nation = "CHN", order = "suspend_export_control", good = "magnet",
                              partner = "all", turns = pause, mode = "licensed",
                              amount = p.april_magnet_approval } },
        -- The 0.1% rule itself (Announcement No. 61 [P/S]): magnets made
        -- abroad with Chinese rare earths need China's licence. Suspended
        -- with the rest in November, it applies when the pause lapses.
        { turn = 1 + pause, order = { nation = "CHN", order = "set_extraterritorial", flag = 1 },
          note = "The pause lapses: magnets made abroad with Chinese rare earths now need China's licence (the 0.1% rule)" },
        -- Section 301: Chinese permanent magnets 0% -> 25% from 1 Jan 2026 [S]
        { turn = 2, order = { nation = "USA", order = "set_tariff", good = "magnet", partner = "CHN", amount = 0.25 },
          note = "Section 301 tariff on Chinese magnets rises to 25% (1 Jan 2026)" },
      },
    }
  end,
}
