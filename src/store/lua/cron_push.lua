-- cron_push: pushes the task of one tick of a cron schedule into its queue, once:
-- the queue's `cron` hash keeps, per schedule, the last tick pushed, and a tick
-- not after it is not pushed again (another process did, or this one before it
-- died). The tick is then moved on by cron_tick, in the schedules' slot: a process
-- that dies between the two leaves the tick due, and whoever takes it finds it
-- pushed.
-- KEYS[1] the queue's settings, KEYS[2] its tasks, KEYS[3] its state
-- ARGV[1] schedule name, ARGV[2] tick (ms), ARGV[3] task id, ARGV[4] encoded task,
-- ARGV[5] initial state JSON ('' none), ARGV[6] due time (ms), ARGV[7] wake
-- channel, ARGV[8] wake message
-- Returns DONE pushed, NOT_TAKEN pushed before, NO_QUEUE the queue does not exist
-- (or is a partitioned queue's own keys: its tasks go to its partitions).
-- Emits: pushed.
-- Other keys of the queue it names (qkey): cron, due, events, fdue:<key>, flows,
-- stats.
if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'partitions') == 1 then
  return NO_QUEUE
end
local k_cron = qkey(KEYS[1], 'cron')
local last = redis.call('HGET', k_cron, ARGV[1])
if last and tonumber(last) >= tonumber(ARGV[2]) then return NOT_TAKEN end
local id = ARGV[3]
redis.call('HSET', KEYS[2], id, ARGV[4])
local st = {}
if ARGV[5] ~= '' then
  st = cjson.decode(ARGV[5])
  redis.call('HSET', KEYS[3], id, ARGV[5])
end
enqueue(KEYS[1], st, id, ARGV[6])
emit(KEYS[1], 'pushed', id, 'at', ARGV[6], 'reason', 'schedule ' .. ARGV[1])
redis.call('HSET', k_cron, ARGV[1], ARGV[2])
publish(ARGV[7], ARGV[8])
return DONE
