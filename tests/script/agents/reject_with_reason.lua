-- reject_with_reason.lua -- rejects every deal offered, saying why.
return {
  api_version = 1,
  turn = function() end,
  on_proposal = function() return "reject", "we sell NdPr oxide at market prices only" end,
}
