-- create_queue: registers a queue's settings unless the name is taken.
-- KEYS[1] queue settings hash
-- ARGV    field, value, field, value, ...
-- Returns DONE, or EXISTS when the queue exists already.
-- Emits: nothing.
-- Other keys of the queue it names (qkey): none.
if redis.call('EXISTS', KEYS[1]) == 1 then return EXISTS end
redis.call('HSET', KEYS[1], unpack(ARGV))
settings_written(KEYS[1])
return DONE
