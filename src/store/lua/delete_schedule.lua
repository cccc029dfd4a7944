-- delete_schedule: removes a cron schedule; tasks it pushed stay.
-- KEYS[1] schedules hash, KEYS[2] next-tick index, KEYS[3] last-run hash
-- ARGV[1] name
-- Returns 1 deleted, 0 no such schedule.
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
return 1
