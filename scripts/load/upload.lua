-- wrk: each request uploads the workbook to one OPD of the seeded pemda, as that OPD's operator (API token).
-- Arguments: the seed file printed by `spbe-serve seed-load`, the workbook. The pemda's own OPD is left out, so
-- the pemda estimate stays.
local operators, period, body
local boundary = "spbe-load-7d1c4e"
local next = 0

function init(args)
  for line in io.lines(args[1]) do
    local id = line:match("^period (%d+)$")
    if id then period = id end
    local opd, token = line:match("^operator (%d+) (%S+)$")
    if opd then table.insert(operators, { opd = opd, token = token }) end
  end
  table.remove(operators, 1)
  local file = assert(io.open(args[2], "rb"))
  local data = file:read("*a")
  file:close()
  body = "--" .. boundary .. "\r\n"
    .. "Content-Disposition: form-data; name=\"file\"; filename=\"inventory.xlsx\"\r\n"
    .. "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
    .. data .. "\r\n--" .. boundary .. "--\r\n"
  next = math.random(#operators)
end

operators = {}

function request()
  next = next % #operators + 1
  local operator = operators[next]
  return wrk.format("POST", "/api/v1/periods/" .. period .. "/opds/" .. operator.opd .. "/submissions", {
    ["Authorization"] = "Bearer " .. operator.token,
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  }, body)
end
