-- Shared helpers. The store prepends this file to every task script, so each script
-- below can call these functions; they touch only keys the script was given.
--
-- Per-task mutable state lives in the queue's `state` hash as compact JSON:
--   a  attempts started (also the fencing token handed to the worker at claim)
--   i  leases that expired (the HTQ process performing the task died)
--   s  HTTP status of the last reply (0: none)
--   e  last error text
--   t  start of the last attempt, ms
--   r  variable queues: ordinary replies since the start or the last `reset`

local function get_state(k_state, id)
  local raw = redis.call('HGET', k_state, id)
  if raw then return cjson.decode(raw) end
  return {}
end

local function put_state(k_state, id, st)
  redis.call('HSET', k_state, id, cjson.encode(st))
end

-- The check every finishing script starts with: the task is active and its attempt
-- counter still equals the token the worker got at claim. A worker whose lease
-- expired and whose task was claimed again holds an older token and is refused.
-- Returns the task's state, or nil when the lease is not held.
local function held(k_active, k_state, id, token)
  if not redis.call('ZSCORE', k_active, id) then return nil end
  local st = get_state(k_state, id)
  if (st.a or 0) ~= token then return nil end
  return st
end

-- Tells other HTQ processes that a queue has work again, when a claim found it
-- blocked by max_concurrency (the claim set the `blocked` flag).
local function wake_blocked(k_queue, channel, message)
  if redis.call('HDEL', k_queue, 'blocked') == 1 then
    redis.call('PUBLISH', channel, message)
  end
end

-- Takes tasks whose lease ended before `now` out of `active`: each goes back to
-- `due` (at `now`), or to `dead` once its leases expired more than
-- `max_interruptions` times. Returns how many were taken.
local function recover_expired(k_due, k_active, k_state, k_dead, now, max_interruptions, limit)
  local ids = redis.call('ZRANGEBYSCORE', k_active, '-inf', '(' .. now, 'LIMIT', 0, limit)
  for _, id in ipairs(ids) do
    redis.call('ZREM', k_active, id)
    local st = get_state(k_state, id)
    st.i = (st.i or 0) + 1
    st.s = 0
    st.e = 'lease expired: the HTQ process performing the request stopped'
    if st.i > max_interruptions then
      redis.call('ZADD', k_dead, now, id)
    else
      redis.call('ZADD', k_due, now, id)
    end
    put_state(k_state, id, st)
  end
  return #ids
end

-- The earliest score of a sorted set, or '' when it is empty.
local function first_score(key)
  local first = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
  if #first > 0 then return first[2] end
  return ''
end
