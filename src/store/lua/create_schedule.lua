-- create_schedule: registers a cron schedule unless the name is taken.
-- KEYS[1] schedules hash, KEYS[2] next-tick index
-- ARGV[1] name, ARGV[2] encoded schedule, ARGV[3] first tick (ms), ARGV[4] wake
-- channel, ARGV[5] wake message (tells the other processes' cron loops)
-- Returns 1 created, 0 the name is taken.
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[3], ARGV[1])
redis.call('PUBLISH', ARGV[4], ARGV[5])
return 1
