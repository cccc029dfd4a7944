-- cron_tick: moves a cron schedule from one tick to the next, so that each tick
-- is acted on once: only the caller that finds the schedule's next tick still at
-- `expected` moves it on. A tick's task is pushed before, by cron_push (in the
-- queue's slot, exactly once whoever pushes).
-- KEYS[1] schedule next-tick index (zset), KEYS[2] last-run hash
-- ARGV[1] schedule name, ARGV[2] expected tick (ms), ARGV[3] the following tick ('':
-- none ever), ARGV[4] '1' the tick pushed a task (recorded as the last run)
-- Returns DONE, or NOT_TAKEN when another process moved the tick first (or the
-- schedule is gone).
-- Emits: nothing.
-- Other keys of the queue it names (qkey): none.
local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not cur or tonumber(cur) ~= tonumber(ARGV[2]) then return NOT_TAKEN end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
else
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
end
if ARGV[4] == '1' then redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
return DONE
