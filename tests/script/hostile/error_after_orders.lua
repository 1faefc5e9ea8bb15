-- hostile: an error raised after issuing orders (they must all be withdrawn)
return { api_version = 1, turn = function(view, act)
  assert(act.set_tariff("magnet", "all", 0.5))
  assert(act.set_export_tax("ore", 0.5))
  error("boom after two orders")
end }
