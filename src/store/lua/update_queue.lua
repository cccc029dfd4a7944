-- update_queue: overwrites settings of an existing queue and wakes every dispatcher,
-- since more concurrency or an unpause may let work start.
-- KEYS[1] queue settings hash
-- ARGV[1] wake channel, ARGV[2] wake message, then field, value, ...
-- Returns DONE, or NO_QUEUE.
-- Emits: endpoint_enabled, paused, resumed (not for a partition: its queue emits them).
-- Other keys of the queue it names (qkey): events, fdue:<key>, flows, stats.
if redis.call('EXISTS', KEYS[1]) == 0 then return NO_QUEUE end
local was = redis.call('HGET', KEYS[1], 'paused')
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
settings_written(KEYS[1])
local is = redis.call('HGET', KEYS[1], 'paused')
-- A partition's pause is its queue's, told once by the queue itself.
if was ~= is and redis.call('HEXISTS', KEYS[1], 'partition') == 0 then
  if is == '1' then emit(KEYS[1], 'paused', '') else emit(KEYS[1], 'resumed', '') end
end
-- A topic endpoint resumed is enabled again: its health starts afresh.
if was == '1' and is ~= '1' and redis.call('HDEL', KEYS[1], 'off', 'off_at') > 0 then
  redis.call('HDEL', qkey(KEYS[1], 'stats'), 'cfail')
  emit(KEYS[1], 'endpoint_enabled', '')
end
-- Per-key limits changed: keys held back by the old ones are looked at again now
-- (the next claim holds them again if the new limits say so).
for i = 3, #ARGV, 2 do
  if ARGV[i] == 'fconc' or ARGV[i] == 'frate' or ARGV[i] == 'fburst' then
    local t = redis.call('TIME')
    local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
    local flows = qkey(KEYS[1], 'flows')
    for _, key in ipairs(redis.call('ZRANGE', flows, '(' .. now, '+inf', 'BYSCORE')) do
      local head = first_score(qkey(KEYS[1], 'fdue:' .. key))
      if key ~= '' and head ~= '' then
        redis.call('ZADD', flows, math.max(tonumber(head), now), key)
      end
    end
    break
  end
end
publish(ARGV[1], ARGV[2])
return DONE
