-- reject_silently.lua -- rejects every deal offered, giving no reason.
return {
  api_version = 1,
  turn = function() end,
  on_proposal = function() return "reject" end,
}
