-- index_take: a sweeper takes a queue whose check time has come in a time index
-- (the lease index or the maintenance index), by moving the check time to
-- `hold_until`. Only one sweeper wins a given check. The index holds, per queue, a
-- time by which the queue must be looked at; noting lowers it (ZADD LT).
-- KEYS[1] the index
-- ARGV[1] queue name, ARGV[2] now (ms), ARGV[3] hold_until (ms)
-- Returns DONE taken, NOT_TAKEN not due or taken by another sweeper.
-- Emits: nothing.
-- Other keys of the queue it names (qkey): none.
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) <= tonumber(ARGV[2]) then
  redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
  return DONE
end
return NOT_TAKEN
