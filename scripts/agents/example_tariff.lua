-- example_tariff.lua -- the ten-line agent of docs/agents.md: answer licences with a tariff.
return {
  api_version = 1,
  turn = function(view, act)
    local mode = view.nations.CHN.policy.export_control("magnet", view.iso3)
    local rate = mode == "open" and 0 or 0.25
    if view.iso3 ~= "CHN" and view.me.policy.tariff("magnet", "CHN") ~= rate then
      act.set_tariff("magnet", "CHN", rate)
    end
  end,
}
