-- hostile: writing into the view
return { api_version = 1, turn = function(view, act)
  act.set_tariff("magnet", "all", 0.5)
  pcall(rawset, view, "me", {})            -- a userdata: rawset refuses
  pcall(function() view.me.stock_t.ore = 1e9 end)
  view.me.treasury_musd = 1e9
end }
