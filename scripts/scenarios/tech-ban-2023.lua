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
-- The nations are baseline.lua's (a scenario file cannot read another), with
-- demand taken back five quarters and the mines and plants as they stood in
-- late 2023 (USGS MCS 2025, 2023 column, and the dates in
-- shared/data/rare-earths.md sections 2 and 5). Technology levels are the
-- baseline's, so that the catch-up measured here compares with free-trade.

-- Demand five quarters before 2025Q1: magnet REO demand grows ~8.2%/yr
-- (Adamas 2024 outlook [S]) -> 1.082^-1.25 = 0.906 [E]
local DEMAND_2023 = 0.906

-- Split a nation's yearly magnet demand across sectors. Shares [E]: EV
-- motors were 7% of magnet rare-earth demand in 2023 (IEA GCMO 2024, APS),
-- electronics, industrial motors and wind take most of the rest; defense is
-- tiny in tonnes (<0.1% of world REE, GAO 2024 via Adamas) but must be met.
local function magnets(total, mix)
  mix = mix or { ev = 0.12, wind = 0.10, electronics = 0.30, defense = 0.01, industrial = 0.47 }
  local out = {}
  for sector, share in pairs(mix) do
    out[sector] = { magnet = total * DEMAND_2023 * share }
  end
  return out
end

-- Output at risk in each sector, as a share of GDP [E]: the value of goods
-- that stop when magnets stop (vehicles, turbines, devices, weapons, motors).
local function exposure(gdp_busd, defense_share)
  return {
    ev = gdp_busd * 0.010, wind = gdp_busd * 0.003, electronics = gdp_busd * 0.030,
    defense = gdp_busd * (defense_share or 0.015), industrial = gdp_busd * 0.080,
  }
end

-- Ore types [E]: bastnaesite and monazite carry ~21% NdPr and ~0.4% Dy/Tb of
-- their REO; southern ionic clays ~20% NdPr and ~6% Dy/Tb (Kachin mines give
-- "roughly half of the world's heavy rare earths", Reuters 28 Mar 2025 [S]).
local LIGHT_ORE = { light_share = 0.21, heavy_share = 0.004 }
local CLAY_ORE = { light_share = 0.20, heavy_share = 0.06 }

local function weights(security, prosperity, leverage, stability)
  return { security = security, prosperity = prosperity, leverage = leverage, stability = stability }
end

local SELLER = weights(0.15, 0.50, 0.25, 0.10)
local BUYER = weights(0.45, 0.30, 0.05, 0.20)
local BLOC = weights(0.35, 0.30, 0.10, 0.25)

local function with_defense(mix_defense)
  return { ev = 0.14, wind = 0.10, electronics = 0.28, defense = mix_defense,
           industrial = 0.48 - mix_defense + 0.01 }
end

-- growth by sector [E]: magnet REO demand grows ~8.2%/yr (Adamas 2024
-- outlook via greencarcongress [S]); EV fastest, defense slowest
local GROWTH = { ev = 0.15, wind = 0.08, electronics = 0.04, defense = 0.03, industrial = 0.05 }
local function goods(scale)
  local g = {}
  for sector, rate in pairs(GROWTH) do g[sector] = rate * scale end
  return { ore = { growth_per_yr = g }, light_oxide = { growth_per_yr = g },
           heavy_oxide = { growth_per_yr = g }, magnet = { growth_per_yr = g } }
end

-- NdFeB is ~30% rare earth; about a quarter of NdPr feed comes back as
-- recycled swarf (not modelled), so 0.22 t of new NdPr oxide per tonne
-- (as baseline.lua) [E]. Dy/Tb: 1.35% in late 2023 against baseline's 1.1%
-- in 2025 ("Dy ~4%" only in direct-drive wind), before two more years of
-- thrifting (grain-boundary diffusion) [E]. Heavy oxide is a by-product with
-- no supply-side anchor for its price, so the start is very sensitive to this
-- figure: 1.1% starts it near $40/kg, 1.3% near $220, 1.35% near $320 (Dy
-- averaged $330 in 2023, USGS [P]).
local MAGNET_RECIPE = { light_oxide_t_per_t = 0.22, heavy_oxide_t_per_t = 0.0135 }

local NATIONS = {
    { iso3 = "CHN", name = "China", lat = 35, lon = 104, agent = "rhythm_card",
      reserves_t = 44e6,                       -- USGS [P]
      treasury_musd = 8000, budget_musd_per_yr = 3000,   -- [E]
      gdp_busd_per_yr = 18700,                 -- IMF WEO 2024, rounded [E]
      permitting_factor = 0.25,                -- state groups, quota system [E]
      hurdle_price_ratio = 1.05,               -- state-led firms expand near today's prices [E]
      ore = { light_share = 0.21, heavy_share = 0.008 }, -- 251 kt light ore + 19 kt ionic-clay quota (Ord Minnett via Reuters [S]) [E]
      tech = { mine = 0.9, separation = 0.95, magnet_plant = 0.9 },
      -- ~300 kt magnets made (Argus), 58 kt exported (Adamas): ~225 kt used [E]
      demand_t_per_yr = (function()
        local d = magnets(225000, { ev = 0.20, wind = 0.12, electronics = 0.25, defense = 0.01, industrial = 0.42 })
        d.industrial.light_oxide = 2000; d.industrial.heavy_oxide = 400  -- non-magnet uses [E]
        return d
      end)(),
      sector_gdp_busd = exposure(18700, 0.015),
      stockpile_t = { light_oxide = 10000, heavy_oxide = 1000 },   -- state reserves: NOT FOUND [E]
      weights = weights(0.20, 0.30, 0.40, 0.10) },

    { iso3 = "USA", name = "United States", lat = 39, lon = -98, agent = "decoupler",
      reserves_t = 1.9e6,                      -- USGS [P]
      treasury_musd = 6000, budget_musd_per_yr = 3000,   -- DoD $400M MP equity + $150M loan, DPA awards (2025) [S]; [E]
      gdp_busd_per_yr = 29000,                 -- IMF WEO 2024 [E]
      permitting_factor = 1.0,
      ore = LIGHT_ORE,
      tech = { mine = 0.7, separation = 0.5, magnet_plant = 0.5 },
      -- ~10 kt/yr of Chinese magnets imported (Adamas to Al Jazeera, Oct 2025 [S]) plus own output
      demand_t_per_yr = (function()
        local d = magnets(13000, with_defense(0.04))
        d.industrial.light_oxide = 500; d.industrial.heavy_oxide = 100
        return d
      end)(),
      sector_gdp_busd = exposure(29000, 0.03),
      stockpile_t = { light_oxide = 500, heavy_oxide = 50 },       -- NDS holdings: NOT FOUND [E]
      weights = weights(0.45, 0.25, 0.15, 0.15) },

    { iso3 = "MMR", name = "Myanmar", lat = 21, lon = 96, agent = "resource_seller",
      reserves_t = 1.0e6,                      -- USGS gives NA [E]
      treasury_musd = 100, budget_musd_per_yr = 40, gdp_busd_per_yr = 65,
      permitting_factor = 0.2, conflict_risk_per_yr = 0.4, -- KIA seized Pangwa/Chipwi Oct 2024 (Reuters [S])
      ore = CLAY_ORE,
      tech = { mine = 0.4, separation = 0.1, magnet_plant = 0.0 },
      demand_t_per_yr = magnets(200), sector_gdp_busd = exposure(65),
      weights = SELLER },

    { iso3 = "AUS", name = "Australia", lat = -25, lon = 134, agent = "resource_seller",
      reserves_t = 5.7e6,                      -- USGS [P]
      treasury_musd = 3000, budget_musd_per_yr = 1500,   -- A$1.65bn Eneabba loan; US-Australia framework >= $1bn (Oct 2025) [S]
      gdp_busd_per_yr = 1800, permitting_factor = 0.8,
      ore = LIGHT_ORE,
      tech = { mine = 0.8, separation = 0.6, magnet_plant = 0.2 },
      demand_t_per_yr = magnets(500), sector_gdp_busd = exposure(1800),
      weights = weights(0.20, 0.45, 0.25, 0.10) },

    { iso3 = "MYS", name = "Malaysia", lat = 4, lon = 102, agent = "resource_seller",
      reserves_t = 30000,                      -- cited 2023 (Reuters [S]); MCS 2026 says 710,000: conflicting
      treasury_musd = 500, budget_musd_per_yr = 200, gdp_busd_per_yr = 420,
      permitting_factor = 0.8, ore = CLAY_ORE,
      tech = { mine = 0.3, separation = 0.7, magnet_plant = 0.2 },
      demand_t_per_yr = magnets(2000), sector_gdp_busd = exposure(420),
      weights = SELLER },

    { iso3 = "VNM", name = "Vietnam", lat = 16, lon = 107, agent = "resource_seller",
      reserves_t = 3.5e6,                      -- USGS (cut from 22 Mt) [P]
      treasury_musd = 300, budget_musd_per_yr = 100, gdp_busd_per_yr = 430,
      permitting_factor = 1.0, ore = LIGHT_ORE,
      tech = { mine = 0.3, separation = 0.3, magnet_plant = 0.2 },
      demand_t_per_yr = magnets(6000), sector_gdp_busd = exposure(430),  -- electronics assembly [E]
      weights = SELLER },

    { iso3 = "LAO", name = "Laos", lat = 19, lon = 102, agent = "resource_seller",
      reserves_t = 500000,                     -- NOT FOUND [E]
      treasury_musd = 50, budget_musd_per_yr = 20, gdp_busd_per_yr = 15,
      permitting_factor = 0.3, ore = CLAY_ORE,
      tech = { mine = 0.4, separation = 0.2, magnet_plant = 0.0 },
      demand_t_per_yr = magnets(100), sector_gdp_busd = exposure(15),
      weights = SELLER },

    { iso3 = "THA", name = "Thailand", lat = 15, lon = 101, agent = "resource_seller",
      -- USGS lists reserves of only 4,500 t against 13,000 t mined in 2024
      -- (output estimated from China's imports); we give 60,000 t so that
      -- Thai output does not vanish in the first quarter [E]
      reserves_t = 60000,
      treasury_musd = 300, budget_musd_per_yr = 100, gdp_busd_per_yr = 520,
      permitting_factor = 0.8, ore = LIGHT_ORE,
      tech = { mine = 0.4, separation = 0.2, magnet_plant = 0.3 },
      demand_t_per_yr = magnets(5000), sector_gdp_busd = exposure(520),
      weights = SELLER },

    { iso3 = "NGA", name = "Nigeria", lat = 9, lon = 8, agent = "resource_seller",
      reserves_t = 500000,                     -- USGS gives NA [E]
      treasury_musd = 100, budget_musd_per_yr = 30, gdp_busd_per_yr = 250,
      permitting_factor = 0.6, ore = LIGHT_ORE,
      tech = { mine = 0.3, separation = 0.1, magnet_plant = 0.0 },
      demand_t_per_yr = magnets(100), sector_gdp_busd = exposure(250),
      weights = SELLER },

    { iso3 = "MDG", name = "Madagascar", lat = -19, lon = 47, agent = "resource_seller",
      reserves_t = 300000,                     -- USGS gives NA [E]
      treasury_musd = 30, budget_musd_per_yr = 10, gdp_busd_per_yr = 16,
      permitting_factor = 0.8, ore = LIGHT_ORE,
      tech = { mine = 0.3, separation = 0.1, magnet_plant = 0.0 },
      demand_t_per_yr = magnets(50), sector_gdp_busd = exposure(16),
      weights = SELLER },

    { iso3 = "BRA", name = "Brazil", lat = -10, lon = -52, agent = "resource_seller",
      reserves_t = 21e6,                       -- USGS [P]
      treasury_musd = 1000, budget_musd_per_yr = 300, gdp_busd_per_yr = 2200,
      permitting_factor = 1.0, ore = { light_share = 0.20, heavy_share = 0.05 }, -- Serra Verde ionic clay, all four magnet REEs [S]
      tech = { mine = 0.5, separation = 0.3, magnet_plant = 0.2 },
      demand_t_per_yr = magnets(2000), sector_gdp_busd = exposure(2200),
      weights = SELLER },

    { iso3 = "IND", name = "India", lat = 22, lon = 79, agent = "stability_buyer",
      reserves_t = 6.9e6,                      -- USGS [P]
      treasury_musd = 2000, budget_musd_per_yr = 900, -- INR 7,280 crore magnet scheme (~$0.8bn, Nov 2025) [S/E]
      gdp_busd_per_yr = 3900, permitting_factor = 1.2, ore = LIGHT_ORE,
      tech = { mine = 0.5, separation = 0.5, magnet_plant = 0.2 },
      demand_t_per_yr = magnets(8000), sector_gdp_busd = exposure(3900, 0.02),
      weights = BUYER },

    { iso3 = "RUS", name = "Russia", lat = 58, lon = 60, agent = "stability_buyer",
      reserves_t = 3.8e6,                      -- USGS (revised) [P]
      treasury_musd = 1000, budget_musd_per_yr = 300, gdp_busd_per_yr = 2100,
      permitting_factor = 0.6, ore = LIGHT_ORE,
      tech = { mine = 0.5, separation = 0.5, magnet_plant = 0.3 },
      demand_t_per_yr = magnets(3000, with_defense(0.05)), sector_gdp_busd = exposure(2100, 0.04),
      weights = BUYER },

    { iso3 = "CAN", name = "Canada", lat = 56, lon = -106, agent = "decoupler",
      reserves_t = 830000,                     -- USGS [P]
      treasury_musd = 1500, budget_musd_per_yr = 500, gdp_busd_per_yr = 2200,
      permitting_factor = 1.3, ore = LIGHT_ORE, -- "about 10 years" to a mine (Mills testimony [S])
      tech = { mine = 0.7, separation = 0.5, magnet_plant = 0.3 },
      demand_t_per_yr = magnets(1500), sector_gdp_busd = exposure(2200),
      weights = BLOC },

    { iso3 = "GRL", name = "Greenland (Denmark)", lat = 72, lon = -40, agent = "resource_seller",
      reserves_t = 1.5e6,                      -- USGS [P]
      treasury_musd = 100, budget_musd_per_yr = 30, gdp_busd_per_yr = 3.3,
      permitting_factor = 1.5, ore = LIGHT_ORE, -- 2021 Uranium Act blocked Kvanefjeld [S]
      tech = { mine = 0.4, separation = 0.1, magnet_plant = 0.0 },
      demand_t_per_yr = magnets(10), sector_gdp_busd = exposure(3.3),
      weights = SELLER },

    { iso3 = "FRA", name = "France", lat = 46.5, lon = 2.5, agent = "green_bloc",
      reserves_t = 0, treasury_musd = 1500, budget_musd_per_yr = 500, gdp_busd_per_yr = 3100,
      permitting_factor = 1.1, ore = LIGHT_ORE,
      tech = { mine = 0.3, separation = 0.7, magnet_plant = 0.4 },
      demand_t_per_yr = magnets(6000), sector_gdp_busd = exposure(3100, 0.02),
      weights = BLOC },

    { iso3 = "EST", name = "Estonia", lat = 59, lon = 26, agent = "green_bloc",
      reserves_t = 0, treasury_musd = 200, budget_musd_per_yr = 60, gdp_busd_per_yr = 42,
      permitting_factor = 1.0, ore = LIGHT_ORE,
      tech = { mine = 0.2, separation = 0.7, magnet_plant = 0.5 },
      demand_t_per_yr = magnets(500), sector_gdp_busd = exposure(42),
      weights = BLOC },

    { iso3 = "DEU", name = "Germany", lat = 51, lon = 10, agent = "green_bloc",
      reserves_t = 0, treasury_musd = 2000, budget_musd_per_yr = 700, gdp_busd_per_yr = 4600,
      permitting_factor = 1.2, ore = LIGHT_ORE,
      tech = { mine = 0.3, separation = 0.5, magnet_plant = 0.7 },
      -- China shipped Germany 1,116 t of magnets in July 2025 alone [S] -> ~14 kt/yr [E]
      demand_t_per_yr = magnets(14000), sector_gdp_busd = exposure(4600),
      weights = BLOC },

    { iso3 = "JPN", name = "Japan", lat = 36, lon = 138, agent = "stability_buyer",
      reserves_t = 0, treasury_musd = 3000, budget_musd_per_yr = 1000, -- JOGMEC; ~JPY100bn package after 2010 [P/S]
      gdp_busd_per_yr = 4100, permitting_factor = 1.0, ore = LIGHT_ORE,
      tech = { mine = 0.3, separation = 0.7, magnet_plant = 0.95 },
      demand_t_per_yr = magnets(25000), sector_gdp_busd = exposure(4100),
      stockpile_t = { light_oxide = 1500, heavy_oxide = 300 },   -- JOGMEC stockpile: tonnage NOT FOUND [E]
      weights = BUYER },

    { iso3 = "KOR", name = "South Korea", lat = 36, lon = 128, agent = "stability_buyer",
      reserves_t = 0, treasury_musd = 1500, budget_musd_per_yr = 400, gdp_busd_per_yr = 1700,
      permitting_factor = 1.0, ore = LIGHT_ORE,
      tech = { mine = 0.2, separation = 0.3, magnet_plant = 0.6 },
      -- 87.9% of Korea's NdFeB magnets came from China in 2022 (KITA [S])
      demand_t_per_yr = magnets(12000), sector_gdp_busd = exposure(1700, 0.02),
      weights = BUYER },

    { iso3 = "KAZ", name = "Kazakhstan", lat = 48, lon = 67, agent = "resource_seller",
      reserves_t = 500000,  -- ministry claims 935,400 t in four areas, unverified (Astana Times [S]) [E]
      treasury_musd = 500, budget_musd_per_yr = 150, gdp_busd_per_yr = 260,
      permitting_factor = 0.8, ore = LIGHT_ORE,
      tech = { mine = 0.4, separation = 0.2, magnet_plant = 0.0 },
      demand_t_per_yr = magnets(100), sector_gdp_busd = exposure(260),
      weights = SELLER },

    { iso3 = "UZB", name = "Uzbekistan", lat = 41, lon = 64, agent = "resource_seller",
      reserves_t = 200000,  -- NOT FOUND [E]
      treasury_musd = 300, budget_musd_per_yr = 100, gdp_busd_per_yr = 100,
      permitting_factor = 0.8, ore = LIGHT_ORE,
      tech = { mine = 0.4, separation = 0.2, magnet_plant = 0.0 },
      demand_t_per_yr = magnets(100), sector_gdp_busd = exposure(100),
      weights = SELLER },

    { iso3 = "TZA", name = "Tanzania", lat = -6, lon = 35, agent = "resource_seller",
      reserves_t = 890000,  -- USGS [P]
      treasury_musd = 100, budget_musd_per_yr = 30, gdp_busd_per_yr = 80,
      permitting_factor = 1.0, ore = LIGHT_ORE,
      tech = { mine = 0.3, separation = 0.1, magnet_plant = 0.0 },
      demand_t_per_yr = magnets(50), sector_gdp_busd = exposure(80),
      weights = SELLER },

    { iso3 = "ZAF", name = "South Africa", lat = -29, lon = 24, agent = "resource_seller",
      reserves_t = 860000,  -- USGS [P]
      treasury_musd = 400, budget_musd_per_yr = 100, gdp_busd_per_yr = 400,
      permitting_factor = 1.0, ore = LIGHT_ORE,
      tech = { mine = 0.5, separation = 0.3, magnet_plant = 0.1 },
      demand_t_per_yr = magnets(500), sector_gdp_busd = exposure(400),
      weights = SELLER },
}

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
  -- NdFeB output 280,000 t in 2023, ~300,000 t in 2024 (Argus [S])
  { name = "China magnet industry", kind = "magnet_plant", host = "CHN", capacity_t_per_yr = 280000, stage = "operating" },
  { name = "China magnet growth 2024", kind = "magnet_plant", host = "CHN", capacity_t_per_yr = 20000, stage = "construction", turns_in_stage = 3 },
  { name = "China magnet expansion", kind = "magnet_plant", host = "CHN", capacity_t_per_yr = 20000, stage = "announced" },

  -- United States
  { name = "Mountain Pass", kind = "mine", host = "USA", capacity_t_per_yr = 41600, stage = "operating" },  -- 2023 (USGS MCS 2025 [P])
  { name = "Mountain Pass separation", kind = "separation", host = "USA", capacity_t_per_yr = 6000, stage = "ramp_up" }, -- first separated NdPr Q4 2023 [S]
  { name = "MP Independence", kind = "magnet_plant", host = "USA", capacity_t_per_yr = 1000, stage = "construction", turns_in_stage = 4 }, -- construction ~Apr 2022, trial production Jan 2025 [P/S]
  { name = "Noveon San Marcos", kind = "magnet_plant", host = "USA", capacity_t_per_yr = 2000, stage = "operating" }, -- commercial since 2023 [S]
  { name = "eVAC Sumter", kind = "magnet_plant", host = "USA", capacity_t_per_yr = 2000, stage = "permitting" }, -- groundbreaking Mar 2024, first shipments Dec 2025 [S]

  -- Australia and Malaysia (Lynas: Mt Weld ore, Kalgoorlie cracking, Malaysian separation)
  { name = "Mt Weld", kind = "mine", host = "AUS", capacity_t_per_yr = 16000, stage = "operating" }, -- AUS 16,000 t in 2023 (USGS MCS 2025 [P])
  { name = "Mt Weld expansion", kind = "mine", host = "AUS", capacity_t_per_yr = 10000, stage = "construction", turns_in_stage = 8 }, -- near complete 2025 [S] [E]
  { name = "Eneabba refinery", kind = "separation", host = "AUS", capacity_t_per_yr = 17500, stage = "construction", turns_in_stage = 0 }, -- 12,100-23,000 t, commissioning 2027 [S]
  { name = "Nolans", kind = "mine", host = "AUS", capacity_t_per_yr = 17000, stage = "permitting", turns_in_stage = 7 }, -- 4,440 t NdPr; pre-FID late 2025 [S] [E]
  { name = "Lynas Malaysia", kind = "separation", host = "MYS", funder = "AUS", capacity_t_per_yr = 12000, stage = "operating" }, -- FY25 10,462 t REO [S]
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
