-- wrk: each request reads the pemda dashboard page of the newest period as one of the seeded viewers.
-- Argument: the seed file printed by `spbe-serve seed-load`.
local readers = {}
local period
local next = 0

function init(args)
  for line in io.lines(args[1]) do
    local id = line:match("^period (%d+)$")
    if id then period = id end
    local token = line:match("^reader (%S+)$")
    if token then table.insert(readers, token) end
  end
  next = math.random(#readers)
end

function request()
  next = next % #readers + 1
  return wrk.format("GET", "/dashboard?period=" .. period, { ["Authorization"] = "Bearer " .. readers[next] })
end
