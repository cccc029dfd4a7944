-- cron_tick: takes one tick of a cron schedule, so that each tick is acted on by
-- exactly one HTQ process: only the caller that finds the schedule's next tick still
-- at `expected` moves it on, and (when asked) pushes the tick's task.
-- KEYS[1] schedule next-tick index (zset), KEYS[2] last-run hash, KEYS[3] the
-- target queue's settings, KEYS[4] its tasks, KEYS[5] its state
-- ARGV[1] schedule name, ARGV[2] expected tick (ms), ARGV[3] the following tick ('':
-- none ever), ARGV[4] '1' push a task, '0' skip this tick, ARGV[5] task id,
-- ARGV[6] encoded task, ARGV[7] initial state JSON ('' none), ARGV[8] due time
-- (ms), ARGV[9] wake channel, ARGV[10] wake message
-- Returns NOT_TAKEN when the tick was taken by another process (or the schedule is
-- gone), DONE pushed, NO_QUEUE skipped: the queue does not exist, SKIPPED as asked.
-- Emits: pushed.
-- Other keys of the queue it names (qkey): due, events, fdue:<key>, flows, stats.
local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not cur or tonumber(cur) ~= tonumber(ARGV[2]) then return NOT_TAKEN end
if ARGV[3] == '' then
  redis.call('ZREM', KEYS[1], ARGV[1])
else
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
end
if ARGV[4] ~= '1' then return SKIPPED end
if redis.call('EXISTS', KEYS[3]) == 0 then return NO_QUEUE end
local id = ARGV[5]
redis.call('HSET', KEYS[4], id, ARGV[6])
local st = {}
if ARGV[7] ~= '' then
  st = cjson.decode(ARGV[7])
  redis.call('HSET', KEYS[5], id, ARGV[7])
end
enqueue(KEYS[3], st, id, ARGV[8])
emit(KEYS[3], 'pushed', id, 'at', ARGV[8], 'reason', 'schedule ' .. ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('PUBLISH', ARGV[9], ARGV[10])
return DONE
