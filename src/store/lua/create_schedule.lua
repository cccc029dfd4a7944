-- create_schedule: registers a cron schedule unless the name is taken.
-- KEYS[1] schedules hash, KEYS[2] next-tick index
-- ARGV[1] name, ARGV[2] encoded schedule, ARGV[3] first tick (ms), ARGV[4] wake
-- channel, ARGV[5] wake message (tells the other processes' cron loops)
-- Returns DONE, or EXISTS when the name is taken.
-- Emits: nothing.
-- Other keys of the queue it names (qkey): none.
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return EXISTS end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return DONE
