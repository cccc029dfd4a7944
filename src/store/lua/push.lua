-- push: stores a batch of new tasks, all or none; optionally creates the queue first
-- (legacy addTask does), in the same step.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] tasks, KEYS[4] state
-- ARGV[1] wake channel, ARGV[2] wake message prefix (the due time is appended),
-- ARGV[3] n tasks, ARGV[4] m: settings field/value pairs to create the queue with
-- when it does not exist (0: do not create), then those 2m values, then ARGV[5+2m]:
-- '1' to refuse ids that exist (ids chosen by callers), '0' to skip that check (ids
-- HTQ made, unique by construction), then n times: id, due time (ms), encoded task,
-- initial state JSON ('' none)
-- Returns {code, earliest, created}: code 1 when the push moved the queue's earliest
-- due time forward to `earliest` (dispatchers were told on the channel), 0 when not;
-- created 1 when the queue was created. {-1} no such queue, {-2, id} a task with
-- that id exists.
local n, m = tonumber(ARGV[3]), tonumber(ARGV[4])
local base = 6 + 2 * m
if ARGV[5 + 2 * m] == '1' then
  for i = 0, n - 1 do
    local id = ARGV[base + i * 4]
    if redis.call('HEXISTS', KEYS[3], id) == 1 then return {-2, id} end
  end
end
local created = 0
if redis.call('EXISTS', KEYS[1]) == 0 then
  if m == 0 then return {-1} end
  redis.call('HSET', KEYS[1], unpack(ARGV, 5, 4 + 2 * m))
  created = 1
end
local before = first_score(KEYS[2])
local earliest = nil
-- One variadic HSET and ZADD per chunk instead of two calls per task: most of a
-- batch's cost in Redis is the calls themselves.
local fields, scores, states = {}, {}, {}
local function flush()
  if #fields > 0 then redis.call('HSET', KEYS[3], unpack(fields)) end
  if #scores > 0 then redis.call('ZADD', KEYS[2], unpack(scores)) end
  if #states > 0 then redis.call('HSET', KEYS[4], unpack(states)) end
  fields, scores, states = {}, {}, {}
end
for i = 0, n - 1 do
  local at = base + i * 4
  local id, due, state = ARGV[at], tonumber(ARGV[at + 1]), ARGV[at + 3]
  fields[#fields + 1] = id
  fields[#fields + 1] = ARGV[at + 2]
  scores[#scores + 1] = ARGV[at + 1]
  scores[#scores + 1] = id
  if state ~= '' then
    states[#states + 1] = id
    states[#states + 1] = state
  end
  if earliest == nil or due < earliest then earliest = due end
  if #fields >= 1000 then flush() end
end
flush()
if before == '' or earliest < tonumber(before) then
  local at = string.format('%d', earliest)
  redis.call('PUBLISH', ARGV[1], ARGV[2] .. at)
  return {1, at, created}
end
return {0, '', created}
