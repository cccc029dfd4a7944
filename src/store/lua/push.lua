-- push: stores a batch of new tasks, all or none.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] tasks
-- ARGV[1] wake channel, ARGV[2] wake message prefix (the due time is appended),
-- ARGV[3] n, then n times: id, due time (ms), encoded task
-- Returns {1, earliest} when the push moved the queue's earliest due time forward
-- (dispatchers were told on the channel), {0} otherwise,
-- {-1} no such queue, {-2, id} a task with that id exists.
if redis.call('EXISTS', KEYS[1]) == 0 then return {-1} end
local n = tonumber(ARGV[3])
for i = 0, n - 1 do
  local id = ARGV[4 + i * 3]
  if redis.call('HEXISTS', KEYS[3], id) == 1 then return {-2, id} end
end
local before = first_score(KEYS[2])
local earliest = nil
for i = 0, n - 1 do
  local id, due = ARGV[4 + i * 3], tonumber(ARGV[5 + i * 3])
  redis.call('HSET', KEYS[3], id, ARGV[6 + i * 3])
  redis.call('ZADD', KEYS[2], due, id)
  if earliest == nil or due < earliest then earliest = due end
end
if before == '' or earliest < tonumber(before) then
  local at = string.format('%d', earliest)
  redis.call('PUBLISH', ARGV[1], ARGV[2] .. at)
  return {1, at}
end
return {0}
