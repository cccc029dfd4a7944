-- import_task: stores a task brought over from a legacy HTQ Redis, once. The
-- `imported` set remembers every id ever imported into the queue, so running the
-- import again creates nothing twice, even for tasks already performed and gone.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] tasks, KEYS[4] state, KEYS[5] imported
-- ARGV[1] wake channel, ARGV[2] wake message, ARGV[3] id, ARGV[4] due time (ms),
-- ARGV[5] encoded task, ARGV[6] initial state JSON ('' none)
-- Returns DONE imported, EXISTS imported before, NO_QUEUE.
-- Emits: pushed, scheduled.
-- Other keys of the queue it names (qkey): due, events, fdue:<key>, flows, stats.
if redis.call('EXISTS', KEYS[1]) == 0 then return NO_QUEUE end
local id = ARGV[3]
if redis.call('SADD', KEYS[5], id) == 0 then return EXISTS end
redis.call('HSET', KEYS[3], id, ARGV[5])
enqueue(KEYS[1], {}, id, ARGV[4])
if tonumber(ARGV[4]) > tonumber(redis.call('TIME')[1]) * 1000 then
  emit(KEYS[1], 'scheduled', id, 'at', ARGV[4])
else
  emit(KEYS[1], 'pushed', id)
end
if ARGV[6] ~= '' then redis.call('HSET', KEYS[4], id, ARGV[6]) end
publish(ARGV[1], ARGV[2])
return DONE
