-- topic_change: creates, changes or deletes a topic and its endpoints' queues in
-- one step (they share the topic's slot).
-- KEYS[1] the topic's hash; then per endpoint concerned, its queue's settings
-- ARGV[1] the topic's version as read ('' to create it: it must not exist),
-- ARGV[2] its new definition (JSON; '' deletes the topic), then per endpoint: what
-- to do ('new': create its queue,
-- which must not exist; 'set': write settings of its queue; 'del': delete its
-- queue), the number of fields f, then f field, value pairs.
-- Returns {DONE, the new version}, {EXISTS} (creating a topic that exists),
-- {EXISTS, i} (endpoint i's queue exists), {NOT_FOUND} (no such topic),
-- {WRONG_STATE} (its version moved since it was read).
-- Emits: nothing (a deleted queue's stream goes with it).
-- Other keys of the queue it names (qkey): all, of a deleted queue (see prelude).
local exists = redis.call('EXISTS', KEYS[1]) == 1
if ARGV[1] == '' then
  if exists then return {EXISTS} end
elseif not exists then
  return {NOT_FOUND}
elseif redis.call('HGET', KEYS[1], 'ver') ~= ARGV[1] then
  return {WRONG_STATE}
end
-- Every check before any write: a refused change leaves nothing.
local steps = {}
local at = 3
for i = 2, #KEYS do
  local what, f = ARGV[at], tonumber(ARGV[at + 1])
  local fields = {}
  for j = at + 2, at + 1 + 2 * f do fields[#fields + 1] = ARGV[j] end
  if what == 'new' and redis.call('EXISTS', KEYS[i]) == 1 then return {EXISTS, i - 1} end
  steps[#steps + 1] = {KEYS[i], what, fields}
  at = at + 2 + 2 * f
end
for _, s in ipairs(steps) do
  if s[2] == 'del' then
    body_delete_queue({s[1]}, {})
  elseif s[2] == 'new' or redis.call('EXISTS', s[1]) == 1 then
    if #s[3] > 0 then redis.call('HSET', s[1], unpack(s[3])) end
    settings_written(s[1])
  end
end
local ver = ''
if ARGV[2] == '' then
  redis.call('DEL', KEYS[1])
else
  redis.call('HSET', KEYS[1], 'def', ARGV[2])
  ver = settings_written(KEYS[1])
end
return {DONE, ver}
