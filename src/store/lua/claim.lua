-- claim: hands out due tasks under a lease, within the queue's limits: pause,
-- max_concurrency, the dispatch rate (GCRA: the `pace` hash keeps the theoretical
-- arrival time, field '' for the queue, a flow key's own for that key) and, for
-- tasks with a flow key, the per-key concurrency and rate. First takes back tasks
-- whose lease expired (see recover_expired).
--
-- Tasks without a flow key are taken from `due` in order. Once a queue has flow
-- keys, the `flows` index orders keys by when each may be served next: a key just
-- served goes to the back (score now), a key waiting for a future task, its rate
-- or a free slot is scored then (+inf while at its cap, until a task of it ends),
-- so every ready key is served in turn however many tasks it holds.
-- KEYS[1] settings, KEYS[2] due, KEYS[3] active, KEYS[4] tasks, KEYS[5] state, KEYS[6] dead
-- ARGV[1] now (ms), ARGV[2] most tasks to claim, ARGV[3] lease margin (ms) added to
-- the queue's request timeout, ARGV[4] max lease expiries before dead-lettering,
-- ARGV[5] most expired leases to take back in this call, ARGV[6] the version of the
-- settings the caller holds ('' none)
-- Returns {NO_QUEUE}, else
-- {DONE, blocked, next look ('' none: nothing waits, or paused), earliest lease deadline
--  ('' none), settings (flat field/value list; empty when the caller's version is
--  current), their version, then per claimed task: id, encoded task, state JSON}
-- with blocked 1 when due work waits for a free slot (the `blocked` flag is then set,
-- so the next finishing script wakes the other processes), else 0. The next look
-- is the earliest due time, or the time the rate limit lets the next task start.
-- Emits: dead, evicted, retrying, started.
-- Other keys of the queue it names (qkey): cbox, dead, done, due, events, fdue:<key>, flowact, flows, hist, pace, state, stats, tasks.
local k_queue, k_due, k_active, k_tasks, k_state, k_dead = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
-- The settings this script reads (see queue_conf); the whole hash goes back to the
-- dispatcher only when it does not hold their current version.
local S = queue_conf(k_queue)
if not S.max_concurrency then return {NO_QUEUE} end
-- Settings written before they had versions get one.
if not S.ver then S.ver = settings_written(k_queue) end
local settings = {}
if S.ver ~= ARGV[6] then settings = redis.call('HGETALL', k_queue) end
events_cap = tonumber(S.max_events or '10000') or 10000
local now = tonumber(ARGV[1])
-- Leases that expired are taken back first; the earliest lease says whether any did.
local lease_head = first_score(k_active)
local recovered = 0
if lease_head ~= '' and tonumber(lease_head) < now then
  recovered = recover_expired(k_due, k_active, k_state, k_dead, now, tonumber(ARGV[4]), tonumber(ARGV[5]))
end
local conf = {S.max_concurrency, S.paused, S.timeout_ms, S.rate, S.burst, S.fconc, S.frate, S.fburst}
local k_flows, k_pace, k_fact = qkey(k_queue, 'flows'), qkey(k_queue, 'pace'), qkey(k_queue, 'flowact')
local paused = conf[2] == '1'
local blocked = 0
local claimed = {}
local started, attempts = {}, {}
local count = 0
local rate_next = nil
-- The lease of the tasks claimed here, and the earliest due time left once they
-- are taken (nil: not known yet).
local deadline = nil
local due_next = nil

-- GCRA parameters of a rate (per second) and burst: emission interval and tolerance.
local function gcra(rate, burst)
  local t = 1000 / rate
  return t, (math.max(tonumber(burst) or 1, 1) - 1) * t
end

-- The theoretical arrival time to start from: the stored one, or a little before
-- now when it has passed. Dispatchers wake on a timer and reach Redis a millisecond
-- or two after a token is due; without that little slack (at most half an interval,
-- at most 5 ms) each such delay would be lost and the rate fall short.
local function tat_from(stored, t)
  return math.max(tonumber(stored or '0') or 0, now - math.min(t / 2, 5))
end

-- Whether the queue has flow keys (tasks with one, or their index); only a claim
-- of the last task of a key removes the index, checked again at the end.
local flowing = redis.call('EXISTS', k_flows) == 1

local function due_waiting()
  if flowing then
    return #redis.call('ZRANGE', k_flows, '-inf', now, 'BYSCORE', 'LIMIT', 0, 1) > 0
  end
  return #redis.call('ZRANGE', k_due, '-inf', now, 'BYSCORE', 'LIMIT', 0, 1) > 0
end

if not paused then
  -- No lease left (none before, none taken back): nothing is in flight.
  local active = 0
  if lease_head ~= '' then active = redis.call('ZCARD', k_active) end
  local n = math.min(tonumber(conf[1]) - active, tonumber(ARGV[2]))
  if n <= 0 then
    if due_waiting() then
      redis.call('HSET', k_queue, 'blocked', '1')
      blocked = 1
    end
  end
  local rate = tonumber(conf[4] or '0') or 0
  local q_t, q_tau, q_tat
  if n > 0 and rate > 0 then
    q_t, q_tau = gcra(rate, conf[5])
    q_tat = tat_from(redis.call('HGET', k_pace, ''), q_t)
    local tokens = math.floor((q_tau - (q_tat - now)) / q_t + 1e-9) + 1
    if tokens < n then
      n = math.max(tokens, 0)
      rate_next = true
    end
  end
  if n > 0 then
    deadline = now + tonumber(conf[3]) + tonumber(ARGV[3])
    local lease = tonumber(S.lease_seq or '0') or 0
    -- Starts an attempt of task `id` (its stored task `blob`, its state `raw`).
    local states, leased = {}, {}
    local function start(id, blob, raw)
      local st = {}
      if raw then st = cjson.decode(raw) end
      st.a = (st.a or 0) + 1
      st.t = now
      -- A lease token never handed out before, even across a deleted and
      -- re-created queue: a counter that never falls behind now x 1000.
      lease = math.max(lease + 1, now * 1000)
      st.l = string.format('%d', lease)
      raw = cjson.encode(st)
      states[#states + 1] = id
      states[#states + 1] = raw
      leased[#leased + 1] = deadline
      leased[#leased + 1] = id
      if st.k then redis.call('HINCRBY', k_fact, st.k, 1) end
      started[#started + 1] = id
      attempts[#attempts + 1] = st.a
      claimed[#claimed + 1] = id
      claimed[#claimed + 1] = blob
      claimed[#claimed + 1] = raw
      count = count + 1
    end
    local function take(set, id)
      redis.call('ZREM', set, id)
      local blob = redis.call('HGET', k_tasks, id)
      if not blob then return end
      start(id, blob, redis.call('HGET', k_state, id))
    end
    if not flowing then
      -- The common case in a few calls, whatever the number of tasks. One more
      -- than asked for is read: what is left due first once these are taken.
      local head = redis.call('ZRANGE', k_due, 0, n, 'WITHSCORES')
      local ids = {}
      due_next = ''
      for i = 1, #head, 2 do
        if #ids < n and tonumber(head[i + 1]) <= now then
          ids[#ids + 1] = head[i]
        else
          due_next = head[i + 1]
          break
        end
      end
      if #ids > 0 then
        redis.call('ZREM', k_due, unpack(ids))
        local blobs = redis.call('HMGET', k_tasks, unpack(ids))
        local raws = redis.call('HMGET', k_state, unpack(ids))
        for i, id in ipairs(ids) do
          if blobs[i] then start(id, blobs[i], raws[i]) end
        end
      end
    else
      local fconc = tonumber(conf[6] or '0') or 0
      local frate = tonumber(conf[7] or '0') or 0
      local f_t, f_tau
      if frate > 0 then f_t, f_tau = gcra(frate, conf[8]) end
      while count < n do
        local ready = redis.call('ZRANGE', k_flows, '-inf', now, 'BYSCORE', 'LIMIT', 0, n - count)
        if #ready == 0 then break end
        for _, key in ipairs(ready) do
          if count >= n then break end
          local set = k_due
          if key ~= '' then set = qkey(k_queue, 'fdue:' .. key) end
          local head = redis.call('ZRANGE', set, 0, 0, 'WITHSCORES')
          if #head == 0 then
            redis.call('ZREM', k_flows, key)
          elseif tonumber(head[2]) > now then
            redis.call('ZADD', k_flows, head[2], key)
          else
            local hold, tat = nil, nil
            if key ~= '' and fconc > 0 and (tonumber(redis.call('HGET', k_fact, key) or '0') or 0) >= fconc then
              hold = '+inf'
              redis.call('HSET', k_queue, 'blocked', '1')
            elseif key ~= '' and f_t then
              tat = tat_from(redis.call('HGET', k_pace, key), f_t)
              if tat - now > f_tau + 1e-9 then hold = math.ceil(tat - f_tau) end
            end
            if hold then
              redis.call('ZADD', k_flows, hold, key)
            else
              take(set, head[1])
              if tat then redis.call('HSET', k_pace, key, string.format('%.3f', tat + f_t)) end
              local nh = first_score(set)
              if nh == '' then
                redis.call('ZREM', k_flows, key)
                if key ~= '' and (tonumber(redis.call('HGET', k_pace, key) or '0') or 0) <= now then
                  redis.call('HDEL', k_pace, key)
                end
              else
                redis.call('ZADD', k_flows, math.max(tonumber(nh), now), key)
              end
            end
          end
        end
      end
    end
    if count > 0 then
      redis.call('HSET', k_state, unpack(states))
      redis.call('ZADD', k_active, unpack(leased))
      redis.call('HINCRBY', qkey(k_queue, 'stats'), 'started', count)
      redis.call('HSET', k_queue, 'lease_seq', string.format('%d', lease))
    end
    emit_group(k_queue, 'started', started, {attempt = attempts})
    if q_t and count > 0 then
      q_tat = q_tat + count * q_t
      redis.call('HSET', k_pace, '', string.format('%.3f', q_tat))
    end
    if q_t and count < n then rate_next = nil end
  end
  if rate_next then rate_next = math.ceil(q_tat - q_tau) end
end
-- A paused queue reports no next look: nothing may start until it is resumed, and
-- resuming wakes every dispatcher.
local next_due = ''
if not paused then
  if flowing and redis.call('EXISTS', k_flows) == 1 then
    local first = redis.call('ZRANGE', k_flows, 0, 0, 'WITHSCORES')
    if #first > 0 and first[2] ~= 'inf' then next_due = first[2] end
  elseif due_next then
    next_due = due_next
  else
    next_due = first_score(k_due)
  end
  if rate_next and next_due ~= '' and tonumber(next_due) < rate_next then
    next_due = string.format('%d', rate_next)
  end
end
-- The earliest lease: the one before unless leases were taken back, or ours.
local lease_next = lease_head
if recovered > 0 then
  lease_next = first_score(k_active)
elseif count > 0 and (lease_next == '' or deadline < tonumber(lease_next)) then
  lease_next = string.format('%d', deadline)
end
local result = {DONE, blocked, next_due, lease_next, settings, S.ver}
for _, v in ipairs(claimed) do result[#result + 1] = v end
return result
