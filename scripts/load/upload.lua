-- wrk: each request uploads the workbook to one OPD of the seeded pemda, as that OPD's operator (API token).
-- Arguments: the seed file printed by `spbe-serve seed-load`, the workbook. The pemda's own OPD is left out, so
-- the pemda estimate stays.
--
-- Every upload is one the portal has not seen, as an OPD's real upload is: its file name is numbered and the
-- workbook carries the same number as its zip comment (which readers pass over), so the upload's bytes and every
-- report made of it (whose source is the file name) are new files for the portal to write and sync, not blobs
-- it already holds.
local operators, period, workbook
local boundary = "spbe-load-7d1c4e"
local next = 0
local sent = 0
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("thread_number", threads)
end

function init(args)
  for line in io.lines(args[1]) do
    local id = line:match("^period (%d+)$")
    if id then period = id end
    local opd, token = line:match("^operator (%d+) (%S+)$")
    if opd then table.insert(operators, { opd = opd, token = token }) end
  end
  table.remove(operators, 1)
  local file = assert(io.open(args[2], "rb"))
  workbook = file:read("*a")
  file:close()
  -- The end of central directory record, with no comment, ends the file: its last two bytes are the comment's
  -- length.
  assert(workbook:sub(-22, -19) == "PK\5\6", "the workbook's zip ends with a comment")
  workbook = workbook:sub(1, -3)
  next = math.random(#operators)
end

operators = {}

function request()
  next = next % #operators + 1
  sent = sent + 1
  local operator = operators[next]
  local number = string.format("%d-%d", thread_number or 1, sent)
  local body = "--" .. boundary .. "\r\n"
    .. "Content-Disposition: form-data; name=\"file\"; filename=\"inventory-" .. number .. ".xlsx\"\r\n"
    .. "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n"
    .. workbook .. string.char(#number % 256, math.floor(#number / 256)) .. number
    .. "\r\n--" .. boundary .. "--\r\n"
  return wrk.format("POST", "/api/v1/periods/" .. period .. "/opds/" .. operator.opd .. "/submissions", {
    ["Authorization"] = "Bearer " .. operator.token,
    ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
  }, body)
end
