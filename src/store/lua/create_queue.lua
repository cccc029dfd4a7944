-- create_queue: registers a queue's settings unless the name is taken.
-- KEYS[1] queue settings hash
-- ARGV    field, value, field, value, ...
-- Returns 1 created, 0 the queue already exists.
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
