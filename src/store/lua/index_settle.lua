-- index_settle: after a sweep of one queue, sets its next check time. When a
-- claim lowered the entry since the take, that earlier time is kept.
-- KEYS[1] the index (leases or maintenance)
-- ARGV[1] queue name, ARGV[2] the hold_until the take wrote, ARGV[3] the queue's
-- earliest remaining time ('' none)
-- Returns DONE.
-- Emits: nothing.
-- Other keys of the queue it names (qkey): none.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  if ARGV[3] == '' then
    redis.call('ZREM', KEYS[1], ARGV[1])
  else
    redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  end
elseif ARGV[3] ~= '' then
  redis.call('ZADD', KEYS[1], 'LT', ARGV[3], ARGV[1])
end
return DONE
