-- world-2025.lua -- the world's rare-earth supply chain as it stood in 2025Q1,
-- shared by baseline.lua and the 2025 scenarios (include("world-2025")), and
-- by tech-ban-2023.lua for its nations.
--
-- Every figure carries its source. Tags follow shared/data/rare-earths.md:
-- [P] primary text read, [S] secondary report, [E] our estimate or arithmetic.
-- USGS = USGS Mineral Commodity Summaries 2025, Rare Earths (2024e column).
-- Quantities are tonnes of rare-earth oxide (REO) a year for mines and
-- separation plants, tonnes of NdFeB a year for magnet plants and magnet
-- demand, USD millions for money, USD billions for GDP.
--
-- Returns a table: nations, facilities and magnet_recipe (scenario fields as
-- they are), goods(scale) (demand growth, every sector's rate times 'scale'),
-- nations_at(scale) (the nations with magnet demand times 'scale'), and the
-- helpers and constants they are built from. Every include runs this
-- file again, so a scenario may change what it gets without touching another's.

-- Split a nation's yearly magnet demand across sectors. Shares [E]: EV
-- motors were 7% of magnet rare-earth demand in 2023 (IEA GCMO 2024, APS),
-- electronics, industrial motors and wind take most of the rest; defense is
-- tiny in tonnes (<0.1% of world REE, GAO 2024 via Adamas) but must be met.
-- 'demand_scale' is 1 but while nations(scale) builds the nations of
-- another year (tech-ban-2023.lua takes demand back five quarters).
local demand_scale = 1
local function magnets(total, mix)
  mix = mix or { ev = 0.12, wind = 0.10, electronics = 0.30, defense = 0.01, industrial = 0.47 }
  local out = {}
  for sector, share in pairs(mix) do
    out[sector] = { magnet = total * demand_scale * share }
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
-- outlook via greencarcongress [S]); EV fastest, defense slowest. The
-- other uses of oxides (catalysts, polishing, glass, alloys) grow slowly:
-- total REE demand +50-60% by 2040 (IEA GCMO 2025 STEPS [S]), ~3%/yr.
-- goods(scale) multiplies every rate by 'scale' (a sweep parameter).
local GROWTH = {
  magnet = { ev = 0.12, wind = 0.08, electronics = 0.04, defense = 0.03, industrial = 0.06 },
  other = { ev = 0.0, wind = 0.0, electronics = 0.02, defense = 0.03, industrial = 0.03 },
}
-- Reference prices, 2025Q1, China: NdPr oxide ~$58/kg ($49-56 at the end
-- of 2024, rising through 2025 to ~$88 in August: Lynas, Benchmark [S]
-- [E]); the rules' defaults for the rest: standard ore $5.8/kg, Dy/Tb 4:1
-- $370/kg (Dy ~$300, Tb ~$900: Benchmark, Reuters [S] [E]), NdFeB $49/kg.
local function goods(scale)
  local function rates(base, price)
    local g = {}
    for sector, rate in pairs(base) do g[sector] = rate * scale end
    return { growth_per_yr = g, reference_price_usd_per_kg = price }
  end
  return { ore = rates(GROWTH.other, 5.8), light_oxide = rates(GROWTH.other, 58),
           heavy_oxide = rates(GROWTH.other, 370), magnet = rates(GROWTH.magnet, 49) }
end

-- NdFeB is ~30% rare earth; about a quarter of NdPr feed comes back as
-- recycled swarf (not modelled), so 0.22 t of new NdPr oxide per tonne;
-- Dy/Tb ~1.1% on average ("Dy ~4%" only in direct-drive wind) [E]
local MAGNET_RECIPE = { light_oxide_t_per_t = 0.22, heavy_oxide_t_per_t = 0.010 }

-- The nations, with every sector's magnet demand times 'scale' (1: 2025Q1).
local function nations(scale)
  demand_scale = scale
  local list = {
    { iso3 = "CHN", name = "China", lat = 35, lon = 104, agent = "rhythm_card",
      reserves_t = 44e6,                       -- USGS [P]
      treasury_musd = 8000, budget_musd_per_yr = 3000,   -- [E]
      gdp_busd_per_yr = 18700,                 -- IMF WEO 2024, rounded [E]
      permitting_factor = 0.25,                -- state groups, quota system [E]
      hurdle_price_ratio = 0.85,               -- state-led groups kept expanding at 2024's multi-year-low prices (mining quota +5.9% with NdPr ~$55, MIIT via Reuters [S]) [E]
      -- the state's quotas set the pace: mining +21.4% in 2023, +5.9% in 2024;
      -- separation +4.2% in 2024 (MIIT via Reuters [S]) [E: 10% a year]
      expansion_cap_per_yr = 0.10,
      -- foreigners may not explore, mine or beneficiate rare earths in China
      -- (the foreign-investment Negative List, NDRC/MOFCOM 2024 edition [S]):
      -- a plant here needs a deal with Beijing
      foreign_investment = "closed",
      ore = { light_share = 0.21, heavy_share = 0.008 }, -- 251 kt light ore + 19 kt ionic-clay quota (Ord Minnett via Reuters [S]) [E]
      tech = { mine = 0.9, separation = 0.95, magnet_plant = 0.9, heavy_separation = 0.95 },
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
      -- clay miners dig wherever prices pay: Kachin's output grew past China's
      -- own clay quota to ~50,000 t REO in 2023 (Ord Minnett via Reuters [S]) [E]
      hurdle_price_ratio = 1.0,
      ore = CLAY_ORE,
      tech = { mine = 0.4, separation = 0.1, magnet_plant = 0.0 },
      demand_t_per_yr = magnets(200), sector_gdp_busd = exposure(65),
      weights = SELLER },

    { iso3 = "AUS", name = "Australia", lat = -25, lon = 134, agent = "resource_seller",
      reserves_t = 5.7e6,                      -- USGS [P]
      treasury_musd = 3000, budget_musd_per_yr = 1500,   -- A$1.65bn Eneabba loan; US-Australia framework >= $1bn (Oct 2025) [S]
      gdp_busd_per_yr = 1800, permitting_factor = 0.8,
      ore = LIGHT_ORE,
      tech = { mine = 0.8, separation = 0.6, magnet_plant = 0.2, heavy_separation = 0.4 },
      demand_t_per_yr = magnets(500), sector_gdp_busd = exposure(1800),
      weights = weights(0.20, 0.45, 0.25, 0.10) },

    { iso3 = "MYS", name = "Malaysia", lat = 4, lon = 102, agent = "resource_seller",
      reserves_t = 30000,                      -- cited 2023 (Reuters [S]); MCS 2026 says 710,000: conflicting
      treasury_musd = 500, budget_musd_per_yr = 200, gdp_busd_per_yr = 420,
      permitting_factor = 0.8, ore = CLAY_ORE,
      -- Lynas expands at today's prices: A$1.5bn of capex over five years,
      -- a self-funded A$180M heavy circuit (Oct 2025) [S] [E]
      hurdle_price_ratio = 1.0,
      -- Lynas Malaysia separated the first Dy/Tb outside China in FY25 [S]
      tech = { mine = 0.3, separation = 0.7, magnet_plant = 0.2, heavy_separation = 0.5 },
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
      hurdle_price_ratio = 1.0,                -- clay miners, as Myanmar's [E]
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
      -- Solvay La Rochelle separates all the rare earths [S]
      tech = { mine = 0.3, separation = 0.7, magnet_plant = 0.4, heavy_separation = 0.5 },
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

    { iso3 = "KAZ", name = "Kazakhstan", lat = 48, lon = 67, agent = "partner_seeker",
      reserves_t = 500000,  -- ministry claims 935,400 t in four areas, unverified (Astana Times [S]) [E]
      treasury_musd = 500, budget_musd_per_yr = 150, gdp_busd_per_yr = 260,
      permitting_factor = 0.8, ore = LIGHT_ORE,
      tech = { mine = 0.4, separation = 0.2, magnet_plant = 0.0 },
      demand_t_per_yr = magnets(100), sector_gdp_busd = exposure(260),
      weights = SELLER },

    { iso3 = "UZB", name = "Uzbekistan", lat = 41, lon = 64, agent = "partner_seeker",
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
  -- heavy separation know-how, where not stated: half the nation's light
  -- separation technology [E]; China does ~99% of heavy processing (CSIS,
  -- Apr 2025 [S]) and "the US has no commercial-scale heavy-REE separation"
  -- (CSIS [S])
  for _, n in ipairs(list) do
    n.tech.heavy_separation = n.tech.heavy_separation or n.tech.separation * 0.5
  end
  demand_scale = 1
  return list
end
local NATIONS = nations(1)

-- Facilities. 'private = true': firms pay for it, and a project still in
-- permitting is built only once prices pay for it (its final investment
-- decision). Projects backed by state money are listed in STATE_BACKED
-- below: free-trade.lua can leave them out to show the market alone.
local FACILITIES = {
    -- China: mining quota 270,000 t (2024, MIIT via Reuters [S]; USGS [P]);
    -- output ~300,000 t (2024, Argus [S]: the quota excludes undocumented
    -- output): the mines can dig ~300 kt [E]
    { name = "China mining quota", kind = "mine", host = "CHN", capacity_t_per_yr = 300000, stage = "operating" },
    -- separation quota 254,000 t (2024) plus ~133 kt of imported feedstock
    -- (China customs 2024 [S]): ~390 kt separated; the plants' nameplate is
    -- larger, ~420 kt [E] (Chinese separators run below capacity)
    { name = "China separation", kind = "separation", host = "CHN", capacity_t_per_yr = 420000, stage = "operating" },
    -- ~300,000 t NdFeB made in 2024 (Argus, Jan 2025 [S]); Chinese makers run
    -- below their nameplate: capacity ~350,000 t [E]
    { name = "China magnet industry", kind = "magnet_plant", host = "CHN", capacity_t_per_yr = 350000, stage = "operating" },
    -- China does ~99% of the world's heavy-REE processing (CSIS, Apr 2025
    -- [S]); world Dy/Tb oxide use ~4 kt/yr (300 kt of magnets at ~1.1%,
    -- plus other uses) [E], so its heavy lines ~5 kt/yr [E]
    { name = "China heavy separation", kind = "heavy_separation", host = "CHN", capacity_t_per_yr = 5000, stage = "operating" },
    -- quota growth of ~6%/yr (5.9% in 2024 [S]) and magnet build-out already
    -- under way [E]; later expansions are decided in play, when China's plants
    -- run hard and prices pay (src/core/facility.c)
    { name = "China quota growth 2026", kind = "mine", host = "CHN", capacity_t_per_yr = 16000, stage = "construction", turns_in_stage = 8 },
    { name = "China quota growth 2027", kind = "mine", host = "CHN", capacity_t_per_yr = 16000, stage = "construction", turns_in_stage = 4 },
    { name = "China separation expansion", kind = "separation", host = "CHN", capacity_t_per_yr = 20000, stage = "construction", turns_in_stage = 5 },
    { name = "China magnet expansion", kind = "magnet_plant", host = "CHN", capacity_t_per_yr = 20000, stage = "construction", turns_in_stage = 2 },

    -- United States
    { name = "Mountain Pass", kind = "mine", host = "USA", capacity_t_per_yr = 45000, stage = "operating" },  -- 45,000+ t REO in 2024 (MP, 22 Jan 2025 [P])
    { name = "Mountain Pass separation", kind = "separation", host = "USA", capacity_t_per_yr = 6000, stage = "operating" }, -- ~1,300 t NdPr in 2024 [P/S] at ~21% NdPr [E]
    -- a record 721 t NdPr in 2025Q3, 1,881 t in nine months (MP [S]): the
    -- circuit ramps toward ~3 kt NdPr a year, ~14 kt of REO [E]
    { name = "Mountain Pass separation ramp-up", kind = "separation", host = "USA", capacity_t_per_yr = 8000, stage = "ramp_up", private = true },
    -- MP's "10X" plan (DoD deal, Jul 2025 [S]): ~10,000 t of magnets a year
    -- by 2028 need ~2,500 t NdPr, ~12 kt of REO separated [E]
    { name = "Mountain Pass separation expansion", kind = "separation", host = "USA", capacity_t_per_yr = 10000, stage = "construction", turns_in_stage = 0 },
    -- ~200 t/yr Dy/Tb, commissioning mid-2026; DoD $150M loan (Jul 2025) [S]
    { name = "Mountain Pass heavy circuit", kind = "heavy_separation", host = "USA", capacity_t_per_yr = 200, stage = "construction", turns_in_stage = 5 },
    { name = "MP Independence", kind = "magnet_plant", host = "USA", capacity_t_per_yr = 1000, stage = "ramp_up" }, -- trial production Jan 2025 [P]
    { name = "Noveon San Marcos", kind = "magnet_plant", host = "USA", capacity_t_per_yr = 2000, stage = "operating" }, -- commercial since 2023 [S]
    { name = "eVAC Sumter", kind = "magnet_plant", host = "USA", capacity_t_per_yr = 2000, stage = "construction", turns_in_stage = 4, private = true }, -- first shipments Dec 2025 [S]

    -- Australia and Malaysia (Lynas: Mt Weld ore, Kalgoorlie cracking, Malaysian separation)
    { name = "Mt Weld", kind = "mine", host = "AUS", capacity_t_per_yr = 13000, stage = "operating" }, -- USGS 2024e [P]
    { name = "Mt Weld expansion", kind = "mine", host = "AUS", capacity_t_per_yr = 16000, stage = "ramp_up", private = true }, -- near complete 2025; MCS 2026 puts AUS at ~29 kt [S] [E]
    { name = "Eneabba refinery", kind = "separation", host = "AUS", capacity_t_per_yr = 17500, stage = "construction", turns_in_stage = 2 }, -- 12,100-23,000 t, commissioning 2027 [S]
    -- Eneabba refines Iluka's own monazite and xenotime from mineral-sands
    -- mining and its stockpiles (nsenergybusiness [S]); their REO [E], sized
    -- to the refinery
    { name = "Iluka mineral sands", kind = "mine", host = "AUS", capacity_t_per_yr = 15000, stage = "construction", turns_in_stage = 2 },
    -- Eneabba is an integrated light + heavy refinery (Iluka [S]); its Dy/Tb capacity [E]
    { name = "Eneabba heavy circuit", kind = "heavy_separation", host = "AUS", capacity_t_per_yr = 300, stage = "construction", turns_in_stage = 2 },
    { name = "Nolans", kind = "mine", host = "AUS", capacity_t_per_yr = 17000, stage = "permitting", turns_in_stage = 12, private = true }, -- 4,440 t NdPr; pre-FID late 2025 [S] [E]
    -- FY25: 6,558 t NdPr, 10,462 t of separated products (Lynas [S]); at
    -- ~24% NdPr in Mt Weld's REO that is ~27 kt of REO separated, and the
    -- nameplate is 10,500 t NdPr [S]: ~28 kt of REO a year [E]
    { name = "Lynas Malaysia", kind = "separation", host = "MYS", funder = "AUS", capacity_t_per_yr = 28000, stage = "operating" },
    -- Lynas's growth to 2030: the Mt Weld expansion "supports ~12,000 t/yr
    -- NdPr" against FY25's 6,558 t, part of >A$1.5bn of capex over five
    -- years (Lynas [S]); the IEA puts Malaysia at 12% of refining by 2030
    -- (GCMO 2024 [S]) [E: ~20 kt more ore dug, ~16 kt more separated]
    { name = "Mt Weld phase 2", kind = "mine", host = "AUS", capacity_t_per_yr = 20000, stage = "construction", turns_in_stage = 2, private = true },
    { name = "Lynas Malaysia expansion", kind = "separation", host = "MYS", funder = "AUS", capacity_t_per_yr = 16000, stage = "construction", turns_in_stage = 2, private = true },
    -- the first separated Dy/Tb outside China, FY25 (Lynas via Rare Earth
    -- Exchanges [S]); tonnage NOT FOUND [E]
    { name = "Lynas Malaysia heavy circuit", kind = "heavy_separation", host = "MYS", funder = "AUS", capacity_t_per_yr = 60, stage = "operating" },
    -- 5,000 t/yr of heavy feedstock, A$180M, full suite within ~2 years
    -- (Creamer Media, 29 Oct 2025 [S]); its Dy/Tb a few hundred t [E]
    { name = "Lynas Malaysia heavy expansion", kind = "heavy_separation", host = "MYS", funder = "AUS", capacity_t_per_yr = 250, stage = "construction", turns_in_stage = 2, private = true },
    { name = "Malaysia mining", kind = "mine", host = "MYS", capacity_t_per_yr = 130, stage = "operating" }, -- USGS [P]

    -- feedstock exporters (USGS 2024e [P] unless noted)
    { name = "Kachin ionic clays", kind = "mine", host = "MMR", capacity_t_per_yr = 31000, stage = "operating" },
    { name = "Laos ionic clays", kind = "mine", host = "LAO", capacity_t_per_yr = 5000, stage = "operating" }, -- 38% of China's 15,125 t MREC imports (giti.sg [S]) [E]
    { name = "Vientiane refinery", kind = "separation", host = "LAO", capacity_t_per_yr = 3000, stage = "construction", turns_in_stage = 7, private = true }, -- Q4 2025 target, unverified [S]
    -- 13,000 t in 2024 (MCS 2025 [P]) on reserves of only 4,500 t; MCS 2026
    -- puts 2025 at 4,800 t [S]: the 2025 figure
    { name = "Thailand monazite", kind = "mine", host = "THA", capacity_t_per_yr = 4800, stage = "operating" },
    { name = "Nigeria monazite", kind = "mine", host = "NGA", capacity_t_per_yr = 13000, stage = "operating" }, -- MCS 2026 revises to ~1,500 t [S]
    { name = "Madagascar monazite", kind = "mine", host = "MDG", capacity_t_per_yr = 2000, stage = "operating" },
    { name = "Vietnam mining", kind = "mine", host = "VNM", capacity_t_per_yr = 300, stage = "operating" },
    { name = "Serra Verde", kind = "mine", host = "BRA", capacity_t_per_yr = 5000, stage = "ramp_up", private = true }, -- commercial 2024, >= 5,000 t target [S]

    -- India, Russia, Canada
    { name = "IREL mines", kind = "mine", host = "IND", capacity_t_per_yr = 2900, stage = "operating" },
    { name = "IREL separation", kind = "separation", host = "IND", capacity_t_per_yr = 3000, stage = "operating" }, -- capacity NOT FOUND [E]
    { name = "Lovozero", kind = "mine", host = "RUS", capacity_t_per_yr = 2500, stage = "operating" },
    { name = "Solikamsk", kind = "separation", host = "RUS", capacity_t_per_yr = 2600, stage = "operating" }, -- ~1% of world output [S]
    { name = "Solikamsk new unit", kind = "separation", host = "RUS", capacity_t_per_yr = 2500, stage = "construction", turns_in_stage = 4 }, -- first output 2027 [S]
    { name = "Glazov magnets", kind = "magnet_plant", host = "RUS", capacity_t_per_yr = 1000, stage = "permitting" }, -- up to 1,000 t by 2028 [S]
    { name = "SRC Saskatoon", kind = "separation", host = "CAN", capacity_t_per_yr = 1500, stage = "operating" }, -- ~400 t/yr NdPr metal [S] [E]

    -- Europe
    { name = "NPM Silmet", kind = "separation", host = "EST", capacity_t_per_yr = 3000, stage = "operating" }, -- Argus [S]
    { name = "Neo Narva", kind = "magnet_plant", host = "EST", capacity_t_per_yr = 2000, stage = "construction", turns_in_stage = 5, private = true }, -- inaugurated Sept 2025 [S]
    { name = "La Rochelle", kind = "separation", host = "FRA", capacity_t_per_yr = 500, stage = "operating" }, -- "several hundred t" in 2025 [S]
    { name = "La Rochelle expansion", kind = "separation", host = "FRA", capacity_t_per_yr = 4000, stage = "permitting", turns_in_stage = 2, private = true }, -- ~4,500 t goal by 2030 [S]
    { name = "German magnet makers", kind = "magnet_plant", host = "DEU", capacity_t_per_yr = 1500, stage = "operating" }, -- Europe 1.3% of 98 kt in 2010 [S]; today NOT FOUND [E]

    -- Japan and Korea
    { name = "Japanese magnet makers", kind = "magnet_plant", host = "JPN", capacity_t_per_yr = 15000, stage = "operating" }, -- 19.3% of 98 kt in 2010 [S]; today NOT FOUND [E]
    { name = "Korean magnet makers", kind = "magnet_plant", host = "KOR", capacity_t_per_yr = 1000, stage = "operating" }, -- "small" [S] [E]

    -- Central Asia: prospects, not yet deposits. Kazakhstan's ministry claims
    -- 935,400 t in four areas (Astana Times, Apr 2025 [S]; independent
    -- experts call them unproven); Cove Kaz Capital explores rare-earth
    -- sites at Gremyachinsky and Akbulak beside its tungsten JV (S&P Global,
    -- Nov 2025 [S]). Uzbekistan signed for rare-earth projects with Denali
    -- Exploration and ReElement Technologies (steelradar [S]) and a
    -- critical-minerals MoU with the US (Feb 2026 [S]). Capacities NOT
    -- FOUND [E]: a usual greenfield mine each, ReElement's refinery small.
    { name = "Cove Kaz rare earths", kind = "mine", host = "KAZ", capacity_t_per_yr = 5000, stage = "announced", private = true },
    { name = "Uzbekistan rare earths (Denali)", kind = "mine", host = "UZB", capacity_t_per_yr = 3000, stage = "announced", private = true },
    { name = "Uzbekistan refinery (ReElement)", kind = "separation", host = "UZB", capacity_t_per_yr = 2000, stage = "announced", private = true },
    -- projects waiting on permits
    { name = "Ngualla", kind = "mine", host = "TZA", capacity_t_per_yr = 16000, stage = "permitting", turns_in_stage = 8, private = true }, -- SML Apr 2023, unbuilt [S] [E]
    { name = "Tanbreez", kind = "mine", host = "GRL", capacity_t_per_yr = 10000, stage = "permitting", turns_in_stage = 4, private = true }, -- capacity NOT FOUND [E]
    { name = "Phalaborwa", kind = "mine", host = "ZAF", capacity_t_per_yr = 8000, stage = "permitting", turns_in_stage = 6, private = true }, -- ~1,850 t/yr magnet REO (PEA) [E]
}

-- Projects that go ahead on state money (loans, equity, defense awards):
-- industrial policy, which free-trade.lua's state_plants = 0 leaves out.
local STATE_BACKED = {
  ["China quota growth 2026"] = true,   -- state quotas (MIIT) [S]
  ["China quota growth 2027"] = true,
  ["China separation expansion"] = true,
  ["China magnet expansion"] = true,
  ["Eneabba refinery"] = true,          -- A$1.65bn government loan [S]
  ["Eneabba heavy circuit"] = true,
  ["Iluka mineral sands"] = true,       -- the refinery's feed
  ["Mountain Pass separation expansion"] = true, -- DoD deal (Jul 2025) [S]
  ["Mountain Pass heavy circuit"] = true, -- DoD $150M loan (Jul 2025) [S]
  ["eVAC Sumter"] = true,               -- DoD $94.1M, 48C $111.8M [S]
  ["Solikamsk new unit"] = true,        -- Rosatom, 7bn RUB [S]
  ["Glazov magnets"] = true,            -- Rosatom [S]
}

-- The facilities without the state-backed projects.
local function market_facilities()
  local out = {}
  for _, f in ipairs(FACILITIES) do
    if not STATE_BACKED[f.name] then out[#out + 1] = f end
  end
  return out
end

-- The facilities with or without the state-backed ones, and with or
-- without every project not yet running.
local function select_facilities(state_backed, projects)
  local out = {}
  for _, f in ipairs(FACILITIES) do
    if (state_backed or not STATE_BACKED[f.name]) and (projects or f.stage == "operating") then
      out[#out + 1] = f
    end
  end
  return out
end

return {
  nations = NATIONS,
  state_backed = STATE_BACKED,
  market_facilities = market_facilities,
  select_facilities = select_facilities,
  nations_at = nations,
  facilities = FACILITIES,
  magnet_recipe = MAGNET_RECIPE,
  goods = goods,
  growth = GROWTH,
  magnets = magnets,
  exposure = exposure,
  weights = weights,
  with_defense = with_defense,
  LIGHT_ORE = LIGHT_ORE,
  CLAY_ORE = CLAY_ORE,
  SELLER = SELLER,
  BUYER = BUYER,
  BLOC = BLOC,
}
