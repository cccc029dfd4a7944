-- lease_index_take: a lease sweeper takes a queue whose check time has come, by
-- moving the check time to `hold_until`. Only one sweeper wins a given check.
-- The index holds, per queue, a time by which its expired leases must be looked at;
-- claims lower it (ZADD LT) to their lease deadline.
-- KEYS[1] lease index
-- ARGV[1] queue name, ARGV[2] now (ms), ARGV[3] hold_until (ms)
-- Returns 1 taken, 0 not due or taken by another sweeper.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) <= tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  return 1
end
return 0
