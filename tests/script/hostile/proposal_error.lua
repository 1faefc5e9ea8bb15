-- hostile: an on_proposal that fails (check-agent must offer it deals and say so)
return { api_version = 1, turn = function(view, act) end,
  on_proposal = function(view, deal, memory)
    error("no deals with " .. deal.proposer)
  end }
