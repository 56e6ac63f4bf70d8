-- wrk: each request reads the pemda dashboard page of the newest period as one of the seeded viewers.
-- Arguments: the seed file printed by `spbe-serve seed-load`; optionally the milliseconds each connection waits
-- after an answer before it asks again (a reader reading the page), else none (back to back).
local readers = {}
local period
local next = 0
local pause = 0

function init(args)
  for line in io.lines(args[1]) do
    local id = line:match("^period (%d+)$")
    if id then period = id end
    local token = line:match("^reader (%S+)$")
    if token then table.insert(readers, token) end
  end
  next = math.random(#readers)
  pause = tonumber(args[2] or "0")
end

function delay()
  return pause
end

function request()
  next = next % #readers + 1
  return wrk.format("GET", "/dashboard?period=" .. period, { ["Authorization"] = "Bearer " .. readers[next] })
end
