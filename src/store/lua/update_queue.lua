-- update_queue: overwrites settings of an existing queue and wakes every dispatcher,
-- since more concurrency or an unpause may let work start.
-- KEYS[1] queue settings hash
-- ARGV[1] wake channel, ARGV[2] wake message, then field, value, ...
-- Returns 1 updated, 0 no such queue.
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
local was = redis.call('HGET', KEYS[1], 'paused')
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
local now = redis.call('HGET', KEYS[1], 'paused')
if was ~= now then
  if now == '1' then emit(KEYS[1], 'paused', '') else emit(KEYS[1], 'resumed', '') end
end
redis.call('PUBLISH', ARGV[1], ARGV[2])
return 1
