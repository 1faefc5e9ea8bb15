-- hostile: counters every deal it is offered with 1000 clauses, from on_proposal (its answer)
-- and from act.counter in its turn; a deal holds at most 8, and the core must refuse the
-- count before copying a clause (issue 14, finding 2).
local function huge(deal)
  local c = {}
  for i = 1, 1000 do c[i] = deal.clauses[1] end
  return { term = 4, clauses = c }
end

return {
  api_version = 1,
  on_proposal = function(view, deal)
    return huge(deal)
  end,
  turn = function(view, act, memory)
    for _, d in ipairs(view.deals()) do
      if d.status == "proposed" then
        local ok, why = act.can_counter(d.id, huge(d))
        print("can_counter", ok, why)
        ok, why = act.counter(d.id, huge(d))
        print("counter", ok, why)
      end
    end
  end,
}
