-- every_order.lua -- one order of every kind through the agent API, for
-- tests/ui/test_human_orders.c to compare, field by field, with the window's builders.
local function fac(view, name)
  for _, f in ipairs(view.facilities) do
    if f.name == name then return f.id end
  end
  error("no facility " .. name)
end

return {
  api_version = 1,
  turn = function(view, act)
    if view.turn == 0 then
      assert(act.build_facility("separation", 3000, "AUS"))
      assert(act.fund_facility(fac(view, "eVAC Sumter"), 50))
      assert(act.idle_facility(fac(view, "Noveon San Marcos")))
      assert(act.close_facility(fac(view, "Mountain Pass separation")))
      assert(act.set_tariff("all", "CHN", 0.1))
      assert(act.set_export_control("heavy_oxide", "CHN", "licensed", 0.4))
      assert(act.set_export_control("magnet", "all", "banned"))
      assert(act.set_export_quota("ore", 2000))
      assert(act.set_export_tax("light_oxide", 0.15))
      assert(act.buy_stockpile("magnet", 250))
      assert(act.set_subsidy("magnet_plant", 0.3))
      assert(act.set_price_floor("light_oxide", 80))
      assert(act.set_tracking())
      assert(act.set_tech_ban(false))
      assert(act.set_extraterritorial())
      assert(act.set_foreign_investment(false))
    elseif view.turn == 1 then
      assert(act.release_stockpile("magnet", 100))
      assert(act.suspend_export_control("magnet", "JPN", 6))
      assert(act.idle_facility(fac(view, "Noveon San Marcos"), false))
    end
  end,
}
