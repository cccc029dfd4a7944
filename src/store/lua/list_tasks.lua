-- list_tasks: one page of a queue's tasks in one state (read only).
-- Scheduled and due tasks: those without a flow key by due time, then each flow
-- key's (keys in name order) by due time. Active: by lease deadline. Dead: newest
-- first. Done (retained finished tasks, succeeded or cancelled): newest first.
-- KEYS[1] settings, KEYS[2] tasks, KEYS[3] state
-- ARGV[1] 'scheduled', 'due', 'active', 'dead' or 'done', ARGV[2] now (ms), ARGV[3] offset,
-- ARGV[4] page size
-- Returns {DONE, then per task: id, score, encoded task, state JSON ('' none)}.
-- Emits: nothing.
-- Other keys of the queue it names (qkey): active, dead, done, due, fdue:<key>, flows.
local which, now, offset, count = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local page = {}
if which == 'due' or which == 'scheduled' then
  local lo, hi = '-inf', now
  if which == 'scheduled' then lo, hi = '(' .. now, '+inf' end
  local sets = {qkey(KEYS[1], 'due')}
  local keys = redis.call('ZRANGE', qkey(KEYS[1], 'flows'), 0, -1)
  table.sort(keys)
  for _, key in ipairs(keys) do
    if key ~= '' then sets[#sets + 1] = qkey(KEYS[1], 'fdue:' .. key) end
  end
  for _, set in ipairs(sets) do
    if count <= 0 then break end
    local here = redis.call('ZCOUNT', set, lo, hi)
    if offset >= here then
      offset = offset - here
    else
      local part = redis.call('ZRANGE', set, lo, hi, 'BYSCORE', 'LIMIT', offset, count, 'WITHSCORES')
      offset = 0
      count = count - #part / 2
      for _, v in ipairs(part) do page[#page + 1] = v end
    end
  end
elseif which == 'done' then
  page = redis.call('ZRANGE', qkey(KEYS[1], 'done'), offset, offset + count - 1, 'REV', 'WITHSCORES')
elseif which == 'active' then
  page = redis.call('ZRANGE', qkey(KEYS[1], 'active'), offset, offset + count - 1, 'WITHSCORES')
else
  page = redis.call('ZRANGE', qkey(KEYS[1], 'dead'), offset, offset + count - 1, 'REV', 'WITHSCORES')
end
local out = {DONE}
for i = 1, #page, 2 do
  local id = page[i]
  local blob = redis.call('HGET', KEYS[2], id)
  if blob then
    out[#out + 1] = id
    out[#out + 1] = page[i + 1]
    out[#out + 1] = blob
    out[#out + 1] = redis.call('HGET', KEYS[3], id) or ''
  end
end
return out
