-- licensing-2025.lua -- China's licensing of seven heavy rare earths and the
-- magnets that contain them (4 Apr 2025), played from the quarter before.
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
On 4 April 2025 China's commerce ministry (MOFCOM Announcement No. 18) put
seven rare earths -- samarium, gadolinium, terbium, dysprosium, lutetium,
scandium and yttrium -- and the magnets containing them under export
licensing, effective at once. This scenario starts in the quarter before
(2025Q1), with the world of the baseline, and the licensing arrives at
turn 1 (2025Q2). China's magnet exports fell to 1,238 t in May, 74% below a
year before; after the US-China frameworks of June and July they recovered
to 5,577 t in July (China customs via press reports). Within a month
Europe's dysprosium oxide went from $250-310 to $700-1,000/kg and terbium
from about $1,000 to $2,000-4,000/kg, while prices inside China held (Argus,
SMM).

HOW IT WORKS
A licensed route passes only the approved share of what the buyer asks for,
and never for defense use. Buyers outside China bid a premium for the
licensed tonnes until what they want fits what is approved, so the price
they pay rises; China's separators, left with unsold oxide, see their home
price fall or hold. Here heavy-oxide licences approve 2.5% of requests
for two quarters (one Korean magnet maker obtained 2.5% of its Dy/Tb needs
over the five months after April), then half of them from 2025Q4; magnet
licences approve about a third of requests in 2025Q2 and most of them from
2025Q3, after the US-China frameworks (the shares the baseline uses). The
technology ban (Dec 2023), China's tracking system (Oct 2024), Vietnam's ore
ban and the US Section 301 tariffs on oxides are in force from the start; MP
Materials stops selling concentrate to China in July 2025 and the US tariff
on Chinese magnets rises to 25% in January 2026.

HOW TO USE IT
In the game: choose "licensing-2025" and play Japan, Germany or the United
States (a buyer) or China. Headless, against the counterfactual:
  chokepoint sim --scenario licensing-2025 --seed 1 --csv out/lic
  chokepoint sim --scenario free-trade --seed 1 --csv out/free
and compare price_heavy_oxide_usd_per_kg of JPN, DEU, USA and CHN at turns
0-4. Agents seated in the game will move the approval shares themselves
(China's "rhythm card" reviews its licences every half year).

THINGS TO NOTICE
- The price of heavy oxide paid in Japan, Germany and the US in 2025Q2 and
  2025Q3, against free-trade at the same turns: by 2025Q3 it has more than
  doubled. China's own price holds.
- Defense demand outside China: licensed material may not serve it.
- What happens to the gap when approvals resume (magnets in 2025Q3, heavy
  oxide in 2025Q4): does the price abroad fall at once?

THINGS TO TRY
- chokepoint sweep --scenario licensing-2025 --vary heavy_approval=0.01,0.025,0.1,0.25,0.5,1
  --seeds 1-10 --turns 8 --csv approval.csv: how does the price abroad depend
  on the share approved?
- --vary heavy_recovery_turn=3,6,12: what if heavy-oxide approvals had stayed
  scarce for longer?
- Play China and set approvals yourself: can you squeeze Japan without
  pushing it to build its own separation plants?

LESSON PLAN, 45 MINUTES
 0-5   The news of 4 April 2025 (WHAT IT IS). Ask: who will pay more, and how
       much more?
 5-10  Everyone writes a prediction for Japan's price of heavy oxide in
       2025Q2, relative to 2025Q1.
10-30  Run licensing-2025 and free-trade with the same seed (or play four turns
       as Japan). Record the heavy-oxide price paid by JPN, DEU, USA and CHN at
       turns 0-4 in a table.
30-45  Compare with the predictions and with Argus's figures ($250-310 to
       $700-1,000/kg for Dy in Europe); debrief questions 1-3.

LESSON PLAN, 2 x 45 MINUTES
Session 1 as above.
Session 2
 0-15  The approval sweep (THINGS TO TRY) on the board: price abroad against
       the share approved. Where is the curve steepest?
15-35  Groups play 12 turns with agents seated: one group plays China, the
       others Japan, Korea, Germany and the US. China chooses its approvals;
       the buyers choose stockpiles, plants and tariffs.
35-45  Debrief questions 4 and 5.

SOURCES
MOFCOM Announcement No. 18 (4 Apr 2025) [P]; China customs magnet exports
May and July 2025 [S]; Argus and SMM price assessments, May 2025 [S]; Star
Group's 2.5% of Dy/Tb needs (Korean press) [S]; IEA commentary 23 Oct 2025
(European magnet prices ~6x China's) [S]; the world: USGS MCS 2025 and the
sources in baseline.lua; shared/data/rare-earths.md sections 4.3 and 6.]]

return {
  parameters = {
    heavy_approval = { default = 0.025, min = 0, max = 1,
      description = "share of heavy-oxide (Dy/Tb) export requests China approves from 2025Q2" },
    magnet_approval = { default = 0.35, min = 0, max = 1,
      description = "share of magnet export requests China approves in 2025Q2" },
    later_heavy_approval = { default = 0.5, min = 0, max = 1,
      description = "share of heavy-oxide requests approved from heavy_recovery_turn on" },
    later_magnet_approval = { default = 0.85, min = 0, max = 1,
      description = "share of magnet requests approved from magnet_recovery_turn on" },
    magnet_recovery_turn = { default = 2, min = 2, max = 40,
      description = "turn at which magnet approvals resume (2 = 2025Q3, after Geneva and London)" },
    heavy_recovery_turn = { default = 3, min = 2, max = 40,
      description = "turn at which heavy-oxide approvals resume (3 = 2025Q4)" },
  },

  scenario = function(p)
    local magnets_back = math.floor(p.magnet_recovery_turn + 0.5)
    local heavy_back = math.floor(p.heavy_recovery_turn + 0.5)
    return {
      name = "licensing-2025",
      title = "Licensing 2025: China licenses seven heavy rare earths and magnets",
      start = "2025Q1",
      turns = 40,
      briefing = BRIEFING,
      objectives = {
        "Explain how an export licence that approves only part of the requests raises the price abroad while the price at home holds or falls.",
        "Measure a policy's effect against a counterfactual run (free-trade) with the same seed.",
        "Relate the size of the price gap to the share of requests approved.",
      },
      debrief = {
        "By how much did the price of heavy oxide paid in Japan, Germany and the US rise in the quarter of the licensing, compared with free-trade? And in China?",
        "Who collected the difference between the price abroad and China's price?",
        "Why did China's own price not rise with everyone else's?",
        "In the approval sweep, where is the price abroad most sensitive to the share approved? What would a buyer pay to move that share by ten points?",
        "Which nations started building separation or magnet plants after the licensing, and when would they produce?",
      },
      goods = goods(1),
      magnet_recipe = MAGNET_RECIPE,
      leakage_share = 0.15,          -- transshipment through third countries [E]
      leakage_share_tracked = 0.03,  -- with China's tracking system (Order 785, Oct 2024) [E]
      nations = NATIONS,
      facilities = FACILITIES,

      -- what was in force on 1 Jan 2025, before the licensing
      policies = {
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
        -- 4 Apr 2025, MOFCOM Announcement No. 18: licences for Sm, Gd, Tb, Dy,
        -- Lu, Sc, Y and magnets containing them, effective at once [P].
        -- Heavy oxide: one Korean magnet maker obtained 2.5% of its Dy/Tb
        -- needs over the five months after April (ChosunBiz via Rare Earth
        -- Exchanges [S]) -> 2.5% of requests approved in 2025Q2-Q3 [E].
        -- Magnets: May exports 1,238 t, -74% y/y [S]; June partly recovered:
        -- about a third of normal over the quarter [E]
        { turn = 1, order = { nation = "CHN", order = "set_export_control", good = "heavy_oxide",
                              partner = "all", mode = "licensed", amount = p.heavy_approval },
          note = "4 Apr 2025: MOFCOM Announcement No. 18 puts seven heavy rare earths under export licence" },
        { turn = 1, order = { nation = "CHN", order = "set_export_control", good = "magnet",
                              partner = "all", mode = "licensed", amount = p.magnet_approval },
          note = "Magnets containing them need a licence too; May exports fall 74% year on year" },
        -- Jun-Jul 2025, Geneva and London frameworks: magnet approvals
        -- resume, July magnet exports 5,577 t, +5.7% y/y [S] -> 85% [E, as
        -- baseline.lua]
        { turn = magnets_back, order = { nation = "CHN", order = "set_export_control", good = "magnet",
                                         partner = "all", mode = "licensed", amount = p.later_magnet_approval },
          note = "US-China frameworks: magnet exports recover (July 2025: 5,577 t, 5.7% above a year before)" },
        -- oxide licences stay scarcer than magnet licences; from 2025Q4 (the
        -- Kuala Lumpur and Busan meetings of late October) half of the
        -- requests pass [E, as baseline.lua]
        { turn = heavy_back, order = { nation = "CHN", order = "set_export_control", good = "heavy_oxide",
                                       partner = "all", mode = "licensed", amount = p.later_heavy_approval },
          note = "China approves more heavy rare-earth licences after the Busan meeting (Oct 2025)" },
        -- MP Materials stopped selling concentrate to China in July 2025 [P/S]
        { turn = 2, order = { nation = "USA", order = "set_export_control", good = "ore", partner = "CHN", mode = "banned" },
          note = "MP Materials stops selling concentrate to China (July 2025)" },
        -- Section 301: Chinese permanent magnets 0% -> 25% from 1 Jan 2026 [S]
        { turn = 4, order = { nation = "USA", order = "set_tariff", good = "magnet", partner = "CHN", amount = 0.25 },
          note = "Section 301 tariff on Chinese magnets rises to 25% (1 Jan 2026)" },
      },
    }
  end,
}
