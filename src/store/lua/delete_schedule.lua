-- delete_schedule: removes a cron schedule; tasks it pushed stay.
-- KEYS[1] schedules hash, KEYS[2] next-tick index, KEYS[3] last-run hash
-- ARGV[1] name
-- Returns DONE, or NOT_FOUND when there is no such schedule.
-- Emits: nothing.
-- Other keys of the queue it names (qkey): none.
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return NOT_FOUND end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return DONE
