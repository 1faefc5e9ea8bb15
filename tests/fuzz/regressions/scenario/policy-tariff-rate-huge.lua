-- minimal.lua with the tariff rate of its second policy set to 1e308 (fuzz regression)
local function weights(a, b, c, d)
  return { security = a, prosperity = b, leverage = c, stability = d }
end

return {
  name = "minimal", title = "Two producers and a buyer", start = "2026Q3", turns = 12,
  briefing = [[A test world.
Second line.]],
  objectives = { "See a price move", "Read a chart" },
  debrief = { "Why did the price move?" },
  goods = {
    magnet = { reference_price_usd_per_kg = 50, substitution = 5,
               growth_per_yr = { ev = 0.2, wind = 0.1 } },
  },
  magnet_recipe = { light_oxide_t_per_t = 0.25, heavy_oxide_t_per_t = 0.01 },
  leakage_share = 0.2, random_events = 0, stock_target_quarters = 1,
  nations = {
    { iso3 = "AAA", name = "Alpha", lat = 10, lon = 20, agent = "do_nothing",
      reserves_t = 1e6, treasury_musd = 500, budget_musd_per_yr = 100, gdp_busd_per_yr = 1000,
      permitting_factor = 0.5, ore = { light_share = 0.2, heavy_share = 0.01 },
      tech = { mine = 0.8, separation = 0.7, magnet = 0.6 },
      stock_t = { ore = 100 }, stockpile_t = { heavy_oxide = 5 },
      demand_t_per_yr = { ev = { magnet = 1000 }, industrial = { light_oxide = 50 } },
      sector_gdp_busd = { ev = 30, defense = 5 },
      weights = weights(0.4, 0.3, 0.2, 0.1) },
    { iso3 = "BBB", name = "Beta", lat = -10, lon = 100,
      reserves_t = 2e5, treasury_musd = 50, gdp_busd_per_yr = 200,
      conflict_risk_per_yr = 0.1 },
    { iso3 = "CCC", lat = 50, lon = 5, agent = "tests/script/fixtures/agents/x.lua",
      gdp_busd_per_yr = 3000, demand_t_per_yr = { wind = { magnet = 800 } } },
  },
  facilities = {
    { name = "Alpha mine", kind = "mine", host = "AAA", capacity_t_per_yr = 20000 },
    { name = "Alpha sep", kind = "separation", host = "AAA", capacity_t_per_yr = 15000,
      stage = "construction", turns_in_stage = 2, stage_turns = { construction = 6 } },
    { kind = "magnet_plant", host = "BBB", funder = "CCC", capacity_t_per_yr = 5000 },
  },
  policies = {
    { nation = "AAA", order = "set_export_control", good = "heavy_oxide", partner = "all",
      mode = "licensed", amount = 0.5, note = "licences" },
    { nation = "CCC", order = "set_tariff", good = "magnet", origin = "AAA", rate = 1e308 },
    { nation = "AAA", order = "set_tracking", flag = true },
  },
  schedule = {
    { turn = 4, order = { nation = "AAA", order = "suspend_export_control", good = "heavy_oxide",
                          partner = "CCC", turns = 4 }, note = "summit" },
    { turn = 6, event = { kind = "conflict", nation = "BBB", magnitude = 0.5, turns = 4 } },
    { turn = 8, order = { nation = "CCC", order = "fund_facility", facility = "Alpha sep",
                          amount_musd = 10 } },
  },
}
