-- embargo-2010.lua -- China's informal embargo on Japan (Sep-Nov 2010), the
-- export-quota cuts of 2010-11 and Japan's diversification through Lynas.
--
-- Every figure carries its source. Tags follow shared/data/rare-earths.md:
-- [P] primary text read, [S] secondary report, [E] our estimate or arithmetic.
-- Figures marked "(not in shared/data)" come from the secondary pages named
-- beside them, which report USGS data for 2010; the lead may wish to add
-- them to the data file.
-- Quantities are tonnes of rare-earth oxide (REO) a year for mines and
-- separation plants, tonnes of NdFeB a year for magnet plants and magnet
-- demand, USD millions for money, USD billions for GDP.
--
-- A smaller world than baseline.lua's: the twelve nations that mattered to
-- this episode. China mined about 97% of the world's rare earths in 2010.

-- Split a nation's yearly magnet demand across sectors. Shares [E]: in 2010
-- EVs were few (hybrids), electronics (hard disks, phones) and industrial
-- motors took most; defense is tiny in tonnes but must be met.
local function magnets(total, mix)
  mix = mix or { ev = 0.05, wind = 0.08, electronics = 0.40, defense = 0.01, industrial = 0.46 }
  local out = {}
  for sector, share in pairs(mix) do
    out[sector] = { magnet = total * share }
  end
  return out
end

-- Output at risk in each sector, as a share of GDP [E], as baseline.lua.
local function exposure(gdp_busd, defense_share)
  return {
    ev = gdp_busd * 0.005, wind = gdp_busd * 0.002, electronics = gdp_busd * 0.030,
    defense = gdp_busd * (defense_share or 0.015), industrial = gdp_busd * 0.080,
  }
end

-- Ore types and what each kind of agent weighs, as in 2025 (cited in
-- lib/world-2025.lua): the chain's geology and the personalities did not change.
local world = include("world-2025")
local LIGHT_ORE, weights = world.LIGHT_ORE, world.weights
local SELLER, BUYER, BLOC = world.SELLER, world.BUYER, world.BLOC

-- GDP 2010, nominal, rounded (IMF WEO) [E] (not in shared/data): a scale for
-- the output at risk, not a calibrated figure.
local NATIONS = {
  { iso3 = "CHN", name = "China", lat = 35, lon = 104, agent = "rhythm_card",
    -- reserves 55 Mt of 110 Mt (USGS, 2010, via IBTimes and Mongolia Economy) [S] (not in shared/data)
    reserves_t = 55e6,
    treasury_musd = 5000, budget_musd_per_yr = 2000,   -- [E]
    gdp_busd_per_yr = 6100, permitting_factor = 0.25,  -- state groups, quota system [E]
    hurdle_price_ratio = 1.05,                         -- state-led firms expand near today's prices [E]
    -- the 2007 Catalogue for the Guidance of Foreign Investment Industries
    -- already prohibited foreign rare-earth mining [S]: a plant here needs a deal
    foreign_investment = "closed",
    -- Bayan Obo bastnaesite plus a larger share of southern ionic clays than
    -- today's 19 kt quota: the blend sets the world's Dy/Tb supply [E]
    ore = { light_share = 0.22, heavy_share = 0.022 },
    tech = { mine = 0.85, separation = 0.9, magnet_plant = 0.75 },
    -- China made 79.4% of the world's 98,200 t of sintered NdFeB in 2010
    -- (china.org.cn 2013 [S]) and used most of it [E]
    demand_t_per_yr = (function()
      local d = magnets(52000)
      d.industrial.light_oxide = 1500; d.industrial.heavy_oxide = 150  -- non-magnet uses [E]
      return d
    end)(),
    sector_gdp_busd = exposure(6100),
    stockpile_t = { light_oxide = 5000, heavy_oxide = 500 },   -- state reserves: NOT FOUND [E]
    weights = weights(0.20, 0.30, 0.40, 0.10) },

  { iso3 = "JPN", name = "Japan", lat = 36, lon = 138, agent = "stability_buyer",
    reserves_t = 0,
    -- ~JPY100bn (~$1.0-1.2bn) package 2010-12 (Sojitz 2022 release [P]; press [S])
    treasury_musd = 1100, budget_musd_per_yr = 300,
    gdp_busd_per_yr = 5700, permitting_factor = 1.0, ore = LIGHT_ORE,
    tech = { mine = 0.3, separation = 0.7, magnet_plant = 0.95 },
    -- made 19.3% of 98,200 t of NdFeB in 2010 [S]; most for its own
    -- industry, the rest in exports [E]
    demand_t_per_yr = (function()
      local d = magnets(16000)
      d.industrial.light_oxide = 500; d.industrial.heavy_oxide = 50   -- non-magnet uses [E]
      return d
    end)(),
    sector_gdp_busd = exposure(5700),
    -- commercial inventories held by users: about a quarter of a year [E];
    -- JOGMEC stockpile: tonnage NOT FOUND [E]
    stock_t = { light_oxide = 1200, heavy_oxide = 100 },
    stockpile_t = { light_oxide = 300, heavy_oxide = 30 },
    weights = BUYER },

  { iso3 = "USA", name = "United States", lat = 39, lon = -98, agent = "decoupler",
    -- reserves 13 Mt (USGS 2010 study, via Mongolia Economy and Wikipedia mirrors) [S] (not in shared/data)
    reserves_t = 13e6,
    treasury_musd = 500, budget_musd_per_yr = 200,  -- [E]
    gdp_busd_per_yr = 15000, permitting_factor = 1.0, ore = LIGHT_ORE,
    tech = { mine = 0.6, separation = 0.5, magnet_plant = 0.4 },
    demand_t_per_yr = magnets(9000, { ev = 0.05, wind = 0.08, electronics = 0.38, defense = 0.04, industrial = 0.45 }),
    sector_gdp_busd = exposure(15000, 0.03),
    weights = weights(0.45, 0.25, 0.15, 0.15) },

  { iso3 = "KOR", name = "South Korea", lat = 36, lon = 128, agent = "stability_buyer",
    reserves_t = 0, treasury_musd = 200, budget_musd_per_yr = 80,
    gdp_busd_per_yr = 1100, permitting_factor = 1.0, ore = LIGHT_ORE,
    tech = { mine = 0.2, separation = 0.3, magnet_plant = 0.5 },
    demand_t_per_yr = magnets(5000), sector_gdp_busd = exposure(1100, 0.02),
    weights = BUYER },

  { iso3 = "DEU", name = "Germany", lat = 51, lon = 10, agent = "green_bloc",
    reserves_t = 0, treasury_musd = 300, budget_musd_per_yr = 100,
    gdp_busd_per_yr = 3400, permitting_factor = 1.2, ore = LIGHT_ORE,
    tech = { mine = 0.3, separation = 0.5, magnet_plant = 0.7 },
    demand_t_per_yr = magnets(8000), sector_gdp_busd = exposure(3400),
    weights = BLOC },

  { iso3 = "EST", name = "Estonia", lat = 59, lon = 26, agent = "green_bloc",
    reserves_t = 0, treasury_musd = 30, budget_musd_per_yr = 10,
    gdp_busd_per_yr = 19, permitting_factor = 1.0, ore = LIGHT_ORE,
    tech = { mine = 0.2, separation = 0.7, magnet_plant = 0.2 },
    demand_t_per_yr = magnets(100), sector_gdp_busd = exposure(19),
    stock_t = { ore = 500 },
    weights = BLOC },

  { iso3 = "AUS", name = "Australia", lat = -25, lon = 134, agent = "resource_seller",
    reserves_t = 5.7e6,                      -- USGS MCS 2025 [P]; the 2010 figure not in shared/data
    treasury_musd = 500, budget_musd_per_yr = 200,  -- [E]
    gdp_busd_per_yr = 1300, permitting_factor = 0.8, ore = LIGHT_ORE,
    tech = { mine = 0.7, separation = 0.5, magnet_plant = 0.1 },
    demand_t_per_yr = magnets(300), sector_gdp_busd = exposure(1300),
    weights = weights(0.20, 0.45, 0.25, 0.10) },

  { iso3 = "MYS", name = "Malaysia", lat = 4, lon = 102, agent = "resource_seller",
    reserves_t = 30000,                      -- cited 2023 (Reuters [S])
    treasury_musd = 100, budget_musd_per_yr = 40, gdp_busd_per_yr = 255,
    permitting_factor = 0.8, ore = { light_share = 0.20, heavy_share = 0.06 },
    tech = { mine = 0.3, separation = 0.4, magnet_plant = 0.1 },
    demand_t_per_yr = magnets(300), sector_gdp_busd = exposure(255),
    weights = SELLER },

  { iso3 = "IND", name = "India", lat = 22, lon = 79, agent = "stability_buyer",
    -- 2.8% of 110 Mt (USGS 2010 via cecorp.ca) [S] (not in shared/data)
    reserves_t = 3.1e6,
    treasury_musd = 200, budget_musd_per_yr = 60, gdp_busd_per_yr = 1700,
    permitting_factor = 1.2, ore = LIGHT_ORE,
    tech = { mine = 0.5, separation = 0.5, magnet_plant = 0.2 },
    demand_t_per_yr = magnets(1500), sector_gdp_busd = exposure(1700, 0.02),
    weights = BUYER },

  { iso3 = "BRA", name = "Brazil", lat = -10, lon = -52, agent = "resource_seller",
    reserves_t = 21e6,                       -- USGS MCS 2025 [P]; the 2010 figure not in shared/data
    treasury_musd = 100, budget_musd_per_yr = 30, gdp_busd_per_yr = 2200,
    permitting_factor = 1.0, ore = LIGHT_ORE,
    tech = { mine = 0.4, separation = 0.2, magnet_plant = 0.1 },
    demand_t_per_yr = magnets(800), sector_gdp_busd = exposure(2200),
    weights = SELLER },

  { iso3 = "RUS", name = "Russia", lat = 58, lon = 60, agent = "stability_buyer",
    -- the CIS held 17% of 110 Mt (USGS 2010 via cecorp.ca) [S] (not in shared/data)
    reserves_t = 19e6,
    treasury_musd = 200, budget_musd_per_yr = 60, gdp_busd_per_yr = 1500,
    permitting_factor = 0.6, ore = LIGHT_ORE,
    tech = { mine = 0.5, separation = 0.5, magnet_plant = 0.3 },
    demand_t_per_yr = magnets(1000, { ev = 0.02, wind = 0.05, electronics = 0.30, defense = 0.05, industrial = 0.58 }),
    sector_gdp_busd = exposure(1500, 0.04),
    weights = BUYER },
}

local FACILITIES = {
  -- China: 130,000 t in 2010, 97% of the world (USGS via IndexMundi and
  -- Mongolia Economy [S]) (not in shared/data)
  -- Mines and plants could do more than they did: the mining quota was far
  -- below output (undocumented mining), and the plants ran below nameplate
  -- [E]: capacity about 15% above 2010's output.
  -- Of China's 130,000 t, the mining quota covered 89,200 t (MIIT [S]); the
  -- rest came from small and undocumented mines [E: 40,000 t of capacity]
  { name = "China mines", kind = "mine", host = "CHN", capacity_t_per_yr = 110000, stage = "operating" },
  { name = "China undocumented mining", kind = "mine", host = "CHN", capacity_t_per_yr = 40000, stage = "operating" },
  { name = "China separation", kind = "separation", host = "CHN", capacity_t_per_yr = 160000, stage = "operating" }, -- [E]
  -- heavy lines for the Dy/Tb of the southern clays (China separated almost
  -- all of the world's in 2010) [E]
  { name = "China heavy separation", kind = "heavy_separation", host = "CHN", capacity_t_per_yr = 3000, stage = "operating" },
  -- 79.4% of 98,200 t of sintered NdFeB in 2010 (china.org.cn 2013 [S]),
  -- ~78,000 t made [E]
  { name = "China magnet industry", kind = "magnet_plant", host = "CHN", capacity_t_per_yr = 92000, stage = "operating" },

  -- Japan: 19.3% of the 98,200 t [S]; Europe 1.3% [S]
  { name = "Japanese magnet makers", kind = "magnet_plant", host = "JPN", capacity_t_per_yr = 18950, stage = "operating" },
  { name = "European magnet makers", kind = "magnet_plant", host = "DEU", capacity_t_per_yr = 1280, stage = "operating" },
  { name = "Korean magnet makers", kind = "magnet_plant", host = "KOR", capacity_t_per_yr = 500, stage = "operating" }, -- "small" [S] [E]

  -- Lynas: Mt Weld's concentration plant made its first ore in May 2011
  -- (2011Q2) [S]; the Malaysian plant came on line in 2012 [S]. Phase 1 of
  -- 11,000 t REO a year [E] (today Mt Weld gives 13,000 t, Lynas Malaysia
  -- 10,462 t REO in FY25 [S])
  { name = "Mt Weld", kind = "mine", host = "AUS", capacity_t_per_yr = 11000, stage = "construction",
    stage_turns = { construction = 3, ramp_up = 4 } },
  { name = "Lynas Malaysia", kind = "separation", host = "MYS", funder = "AUS", capacity_t_per_yr = 11000,
    stage = "construction", stage_turns = { construction = 8, ramp_up = 4 } },

  -- Mountain Pass (Molycorp) came back into production in 2012 [S]; the US
  -- mined 3,000 t in 2012 and 5,500 t in 2013 (USGS MCS 2016 via docslib [S])
  { name = "Mountain Pass restart", kind = "mine", host = "USA", capacity_t_per_yr = 5500, stage = "construction",
    stage_turns = { construction = 6, ramp_up = 4 } },
  { name = "Mountain Pass separation", kind = "separation", host = "USA", capacity_t_per_yr = 5500, stage = "construction",
    stage_turns = { construction = 7, ramp_up = 4 } }, -- [E]

  -- others, 2010 (USGS via IndexMundi: India 2%, Brazil 0.42%, Malaysia
  -- 0.27% of the world's ~134,000 t [S]; cecorp.ca: India 2,700 t [S])
  { name = "IREL mines", kind = "mine", host = "IND", capacity_t_per_yr = 2700, stage = "operating" },
  { name = "IREL separation", kind = "separation", host = "IND", capacity_t_per_yr = 3000, stage = "operating" }, -- capacity NOT FOUND [E]
  { name = "Brazil monazite", kind = "mine", host = "BRA", capacity_t_per_yr = 550, stage = "operating" },
  { name = "Malaysia mining", kind = "mine", host = "MYS", capacity_t_per_yr = 350, stage = "operating" },
  { name = "Lovozero", kind = "mine", host = "RUS", capacity_t_per_yr = 2500, stage = "operating" }, -- today's figure (USGS MCS 2025 [P]); 2010 NOT FOUND
  { name = "Solikamsk", kind = "separation", host = "RUS", capacity_t_per_yr = 2600, stage = "operating" }, -- ~1% of world output [S]
  { name = "Silmet", kind = "separation", host = "EST", capacity_t_per_yr = 3000, stage = "operating" }, -- NPM Silmet today, Argus [S]
}

local BRIEFING = [[
WHAT IT IS
On 7 September 2010 a Chinese trawler collided with Japanese coast-guard
vessels near the Senkaku (Diaoyu) islands. Within weeks rare-earth shipments
from China to Japan stopped: an informal embargo, never announced, that
lasted about two months. Japan then took more than 90% of its rare earths
from China. At the same time China was cutting its export quotas: the 2010
quota was about 40% below 2009's, and a further cut of about 35% followed for
2011. Dysprosium oxide, $91/kg in January 2009, reached $2,377/kg in August
2011. Japan answered with money: about JPY100bn, including $250M from JOGMEC
and Sojitz into Lynas (March 2011), whose Mt Weld mine in Australia and
separation plant in Malaysia were then being built. This scenario starts in
2010Q3, the quarter of the collision, in a world where China mines 97% of
the rare earths.

HOW IT WORKS
Turn 1 (2010Q4): China stops its oxide exports to Japan (a ban; 15% still
leaks through third countries) and caps its oxide exports at 60% of their
earlier level; turn 2 (2011Q1): the embargo ends and the 2011 quota is 35%
lower again. A quota works like a licence for all buyers at once: exporters
earn a rent, buyers abroad pay more, and China's own users pay less. In
2011Q1 Japan funds a second Lynas separation plant in Malaysia (the scenario
builds it as a Japanese-funded plant; Japan's rights to Lynas output came by
contract). Lynas's first plant produces from 2012, Mountain Pass in the US
restarts in 2012.

HOW TO USE IT
In the game: choose "embargo-2010" and play Japan. Headless:
  chokepoint sim --scenario embargo-2010 --seed 1 --csv out/embargo
and chart JPN's price_light_oxide and price_heavy_oxide, and CHN's, for the
first twelve quarters. For the embargo's own effect, compare with
  chokepoint sweep --scenario embargo-2010 --vary embargo_quarters=0,1
  --seeds 1-5 --turns 12 --csv embargo.csv

THINGS TO NOTICE
- Japan's imports of oxide from China in 2010Q4, and what its magnet makers
  do with the stocks they hold.
- The price gap between China and everyone else that the quotas open.
- When Lynas's plants produce, compared with when the embargo ended.

THINGS TO TRY
- --vary embargo_quarters=0,1,2,4: a longer embargo.
- --vary quota_cut=0,0.4,0.7: how much of the price spike is the quota's?
- --vary lynas_scale=0,1,2: does more money into Lynas change 2012-2015?

LESSON PLAN, 45 MINUTES
 0-5   The story of September 2010 (WHAT IT IS), without the prices.
 5-10  Predict: how high will the price of heavy oxide in Japan go, and when?
10-30  Play Japan for eight turns (or run the sweep above). Record Japan's
       imports from China, its shortages and its price of heavy oxide.
30-45  Reveal the real figures ($91 to $2,377/kg); debrief questions 1-3.

LESSON PLAN, 2 x 45 MINUTES
Session 1 as above.
Session 2
 0-15  From embargo to diversification: Japan's share from China fell from
       about 90% to about 60-70% over 15 years. Why so slowly?
15-35  Groups play 20 turns with agents seated as Japan, the US, Germany and
       China; Japan's group may fund plants abroad and stockpile.
35-45  Debrief questions 4 and 5; compare with the 2025 licensing.

SOURCES
Embargo and Japan's share: NYT via summaries, CNBC/Argus [S]; quota cut
~40% and Dy $2,377/kg (questmetals) [S]; 2010 quota 37% below 2009, further
35% for 2011 (USGS Open-File Report 2011-1042 via IBTimes) [S]; JOGMEC and
Sojitz $250M into Lynas (Sojitz release, 2022) [P]; Mt Weld first ore May
2011, Lynas Malaysia 2012 [S]; China 97% of 2010 mining, 130,000 t (USGS via
IndexMundi) [S]; NdFeB shares 2010 (china.org.cn) [S]; US output 2012-13
(USGS MCS 2016) [S]; shared/data/rare-earths.md sections 4.3, 6 and 8.]]

return {
  parameters = {
    embargo_quarters = { default = 1, min = 0, max = 8,
      description = "quarters China stops oxide exports to Japan from 2010Q4 (the real embargo lasted about two months)" },
    quota_cut = { default = 0.4, min = 0, max = 1,
      description = "cut of China's oxide export quota from 2010Q4, against the earlier level (2010: ~40%)" },
    quota_cut_2011 = { default = 0.35, min = 0, max = 1,
      description = "further cut of the quota from 2011Q1 (2011: ~35%)" },
    crackdown = { default = 0, min = 0, max = 1,
      description = "1: China closes its small and illegal mines from 2011Q2 to 2013Q1 (output fell from 130 to ~105 kt)" },
    hoarding = { default = 1, min = 0, max = 3,
      description = "scales the oxide China's state reserve and traders take off the market in 2011Q2-2012Q1 (1 = a fifth of China's use)" },
    lynas_scale = { default = 1, min = 0, max = 3,
      description = "scales the Lynas plant Japan funds in 2011 (0 = none, 1 = 11,000 t/yr)" },
  },

  scenario = function(p)
    local embargo = math.floor(p.embargo_quarters + 0.5)
    -- China's oxide exports before the cuts, t a quarter: what this world
    -- exports at turn 0 with no quota [E, from a run of this file]
    local EXPORTS = { light_oxide = 1210, heavy_oxide = 99 }
    local schedule = {}
    local function add(turn, order, note)
      schedule[#schedule + 1] = { turn = turn, order = order, note = note }
    end
    for _, good in ipairs({ "light_oxide", "heavy_oxide" }) do
      -- 2010: quota ~40% (37%) below 2009 [S]; 2011: a further ~35% [S]
      add(1, { nation = "CHN", order = "set_export_quota", good = good,
               amount = EXPORTS[good] * (1 - p.quota_cut) },
          good == "light_oxide" and "China cuts its rare-earth export quota by about 40%" or nil)
      add(2, { nation = "CHN", order = "set_export_quota", good = good,
               amount = EXPORTS[good] * (1 - p.quota_cut) * (1 - p.quota_cut_2011) },
          good == "light_oxide" and "China's 2011 export quota is about 35% lower again" or nil)
    end
    if embargo > 0 then
      -- Sep-Nov 2010: unannounced, ~2 months; Japan's China share >90% [S]
      add(1, { nation = "CHN", order = "set_export_control", good = "light_oxide", partner = "JPN", mode = "banned" },
          "After the Senkaku trawler collision, rare-earth shipments from China to Japan stop (informal embargo)")
      add(1, { nation = "CHN", order = "set_export_control", good = "heavy_oxide", partner = "JPN", mode = "banned" })
      add(1 + embargo, { nation = "CHN", order = "set_export_control", good = "light_oxide", partner = "JPN", mode = "open" },
          "Shipments from China to Japan resume")
      add(1 + embargo, { nation = "CHN", order = "set_export_control", good = "heavy_oxide", partner = "JPN", mode = "open" })
    end
    -- 2011: the boom inside China. Nd rose ~750% and Dy ~2,000% in 2011
    -- (IDTechEx [S]), in China too: Beijing closed small and illegal mines
    -- (output 130,000 t in 2010, ~105,000 t in 2011, USGS [S]) for two
    -- years, built a strategic reserve, and traders hoarded [E: purchases
    -- of about a fifth of China's quarterly use of oxide for four quarters,
    -- times the parameter hoarding]
    if p.crackdown > 0 then
      add(3, { nation = "CHN", order = "idle_facility", facility = "China undocumented mining", flag = 1 },
          "China closes small and illegal rare-earth mines (2011)")
      add(11, { nation = "CHN", order = "idle_facility", facility = "China undocumented mining", flag = 0 },
          "Illegal mining returns in China's south as the campaign ends")
    end
    if p.hoarding > 0 then
      for turn = 3, 6 do
        add(turn, { nation = "CHN", order = "buy_stockpile", good = "heavy_oxide", amount = 100 * p.hoarding },
            turn == 3 and "China builds a strategic reserve of rare-earth oxide, and traders hoard (2011)" or nil)
        add(turn, { nation = "CHN", order = "buy_stockpile", good = "light_oxide", amount = 1200 * p.hoarding })
      end
    end
    -- May 2015: China removes its export quotas after losing the WTO case
    -- brought by the US, the EU and Japan (2012-2015) [S]
    for _, good in ipairs({ "light_oxide", "heavy_oxide" }) do
      add(19, { nation = "CHN", order = "set_export_quota", good = good, amount = -1 },
          good == "light_oxide" and "China scraps its rare-earth export quotas after losing the WTO case (May 2015)" or nil)
    end
    if p.lynas_scale > 0 then
      -- Mar 2011: JOGMEC and Sojitz $250M into Lynas, Sojitz sole
      -- distributor in Japan [P/S] -> a second 11,000 t/yr plant in
      -- Malaysia, funded by Japan [E]
      add(2, { nation = "JPN", order = "build_facility", kind = "separation", host = "MYS",
               amount = 11000 * p.lynas_scale },
          "Japan (JOGMEC and Sojitz, $250M) backs Lynas: in the game, a Japanese-funded separation plant in Malaysia")
    end

    return {
      name = "embargo-2010",
      title = "Embargo 2010: China stops rare earths to Japan",
      start = "2010Q3",
      turns = 40,
      briefing = BRIEFING,
      objectives = {
        "Describe how an embargo and an export quota differ: one targets a buyer, the other all buyers.",
        "Explain how stocks held by users soften a short embargo, and why the price abroad rises more than the price in the exporting nation.",
        "Compare the speed of a supply shock with the speed of diversification (Lynas, 2010-2012; Japan's share from ~90% to ~60-70% over 15 years).",
      },
      debrief = {
        "How far did Japan's imports from China fall in 2010Q4, and how did its magnet makers keep going?",
        "How much of the rise in Japan's prices came from the embargo, and how much from the quotas? (Use the sweep.)",
        "Why did prices inside China not spike like prices in Japan?",
        "When did Lynas's plants produce? What did Japan's money buy, and what did it not buy?",
        "Compare 2010 with the 2025 licensing: what had changed in fifteen years, and what had not?",
      },
      goods = {
        -- growth by sector [E]: hybrids and wind growing fastest in 2010
        ore = { reference_price_usd_per_kg = 4.0,
                growth_per_yr = { ev = 0.20, wind = 0.15, electronics = 0.05, defense = 0.03, industrial = 0.05 } },
        -- NdPr oxide about $40/kg in mid-2010 [E]: Nd rose ~750% during 2011
        -- (IDTechEx [S]) to $190-200/kg at the end of 2011 (USGS MCS 2016 [S])
        light_oxide = { reference_price_usd_per_kg = 40,
                growth_per_yr = { ev = 0.20, wind = 0.15, electronics = 0.05, defense = 0.03, industrial = 0.05 } },
        -- Dy/Tb 4:1 about $300/kg in mid-2010 [E]: Dy $91 in Jan 2009 and
        -- $2,377 in Aug 2011 (questmetals [S]), $1,400-1,420 at end-2011 (USGS [P/S])
        heavy_oxide = { reference_price_usd_per_kg = 300,
                growth_per_yr = { ev = 0.20, wind = 0.15, electronics = 0.05, defense = 0.03, industrial = 0.05 } },
        magnet = { reference_price_usd_per_kg = 40,   -- [E]
                growth_per_yr = { ev = 0.20, wind = 0.15, electronics = 0.05, defense = 0.03, industrial = 0.05 } },
      },
      -- ~26% NdPr in sintered NdFeB (rules' default); Dy/Tb about 2% on
      -- average before the thrifting that followed the 2011 spike ("Dy ~4%"
      -- in direct-drive wind and motors [S], none in most disk-drive magnets;
      -- Japan's makers roughly halved Dy use after 2011) [E]
      magnet_recipe = { light_oxide_t_per_t = 0.26, heavy_oxide_t_per_t = 0.02 },
      leakage_share = 0.15,          -- transshipment through third countries [E]
      leakage_share_tracked = 0.03,  -- no tracking system in 2010 [E]
      nations = NATIONS,
      facilities = FACILITIES,
      policies = {},
      schedule = schedule,
    }
  end,
}
