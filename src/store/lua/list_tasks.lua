-- list_tasks: one page of a queue's tasks in one state (read only).
-- KEYS[1] due, KEYS[2] active, KEYS[3] tasks, KEYS[4] state, KEYS[5] dead
-- ARGV[1] 'scheduled', 'due', 'active' or 'dead', ARGV[2] now (ms), ARGV[3] offset,
-- ARGV[4] page size
-- Returns a flat list: id, score, encoded task, state JSON ('' none), ...
local which, now, offset, count = ARGV[1], ARGV[2], ARGV[3], ARGV[4]
local page
if which == 'due' then
  page = redis.call('ZRANGE', KEYS[1], '-inf', now, 'BYSCORE', 'LIMIT', offset, count, 'WITHSCORES')
elseif which == 'scheduled' then
  page = redis.call('ZRANGE', KEYS[1], '(' .. now, '+inf', 'BYSCORE', 'LIMIT', offset, count, 'WITHSCORES')
else
  local key = KEYS[2]
  if which == 'dead' then key = KEYS[5] end
  page = redis.call('ZRANGE', key, offset, tonumber(offset) + tonumber(count) - 1, 'WITHSCORES')
end
local out = {}
for i = 1, #page, 2 do
  local id = page[i]
  local blob = redis.call('HGET', KEYS[3], id)
  if blob then
    out[#out + 1] = id
    out[#out + 1] = page[i + 1]
    out[#out + 1] = blob
    out[#out + 1] = redis.call('HGET', KEYS[4], id) or ''
  end
end
return out
