-- claim: hands out due tasks under a lease, within the queue's max_concurrency.
-- First takes back tasks whose lease expired (see recover_expired).
-- KEYS[1] settings, KEYS[2] due, KEYS[3] active, KEYS[4] tasks, KEYS[5] state, KEYS[6] dead
-- ARGV[1] now (ms), ARGV[2] most tasks to claim, ARGV[3] lease margin (ms) added to
-- the queue's request timeout, ARGV[4] max lease expiries before dead-lettering,
-- ARGV[5] most expired leases to take back in this call
-- Returns {-1} no such queue, else
-- {code, earliest due ('' none, or paused), earliest lease deadline ('' none), settings (flat
--  field/value list), then per claimed task: id, encoded task, state JSON}
-- with code 1 when due work waits for a free slot (the `blocked` flag is then set,
-- so the next finishing script wakes the other processes), else 0.
local k_queue, k_due, k_active, k_tasks, k_state, k_dead = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
if redis.call('EXISTS', k_queue) == 0 then return {-1} end
local now = tonumber(ARGV[1])
recover_expired(k_due, k_active, k_state, k_dead, now, tonumber(ARGV[4]), tonumber(ARGV[5]))
local settings = redis.call('HGETALL', k_queue)
local conf = redis.call('HMGET', k_queue, 'max_concurrency', 'paused', 'timeout_ms')
local code = 0
local claimed = {}
if conf[2] ~= '1' then
  local free = tonumber(conf[1]) - redis.call('ZCARD', k_active)
  local n = math.min(free, tonumber(ARGV[2]))
  if n > 0 then
    local deadline = now + tonumber(conf[3]) + tonumber(ARGV[3])
    local ids = redis.call('ZRANGEBYSCORE', k_due, '-inf', now, 'LIMIT', 0, n)
    for _, id in ipairs(ids) do
      redis.call('ZREM', k_due, id)
      local blob = redis.call('HGET', k_tasks, id)
      if blob then
        local st = get_state(k_state, id)
        st.a = (st.a or 0) + 1
        st.t = now
        local raw = cjson.encode(st)
        redis.call('HSET', k_state, id, raw)
        redis.call('ZADD', k_active, deadline, id)
        claimed[#claimed + 1] = id
        claimed[#claimed + 1] = blob
        claimed[#claimed + 1] = raw
      end
    end
  elseif #redis.call('ZRANGEBYSCORE', k_due, '-inf', now, 'LIMIT', 0, 1) > 0 then
    redis.call('HSET', k_queue, 'blocked', '1')
    code = 1
  end
end
-- A paused queue reports no due time: nothing may start until it is resumed, and
-- resuming wakes every dispatcher.
local next_due = ''
if conf[2] ~= '1' then next_due = first_score(k_due) end
local result = {code, next_due, first_score(k_active), settings}
for _, v in ipairs(claimed) do result[#result + 1] = v end
return result
