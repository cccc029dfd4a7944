-- replay: runs again, as new attempts, the dead or retained finished tasks of a
-- queue that match a filter: each leaves its set and is due now with a fresh set of
-- attempts (see revive); a retained task stops being a finished one. Looks at a
-- bounded window of the set per call, in score order: the caller starts the next
-- window at the last score looked at, past the entries of that score left in
-- place.
-- KEYS[1] settings, KEYS[2] state
-- ARGV[1] now (ms), ARGV[2] which set: 'dead' or 'done', ARGV[3] for 'done', the
-- finished kind wanted ('s' succeeded, 'c' cancelled, '' either), ARGV[4] and
-- ARGV[5] the score range (when dead-lettered or finished, ms; '-inf'/'+inf' or
-- '(' exclusive as ZRANGE takes them), ARGV[6] last status wanted ('' any),
-- ARGV[7] '1' to filter by flow key, ARGV[8] that key, ARGV[9] entries of the
-- range to skip first (left in place at its first score by earlier calls),
-- ARGV[10] most entries to
-- look at, ARGV[11] most tasks to replay, ARGV[12] wake channel, ARGV[13] wake
-- message
-- Returns {DONE, replayed, entries looked at, entries in the window, the last
-- score looked at ('' when none), entries of that score looked at and left in
-- place} or {NO_QUEUE}.
-- Emits: rescheduled.
-- Other keys of the queue it names (qkey): dead, done, due, events, fdue:<key>, flows, state, stats.
if redis.call('EXISTS', KEYS[1]) == 0 then return {NO_QUEUE} end
local now = tonumber(ARGV[1])
local set = qkey(KEYS[1], ARGV[2])
local finished = ARGV[2] == 'done'
local kind, status, by_flow, flow = ARGV[3], ARGV[6], ARGV[7] == '1', ARGV[8]
local most = tonumber(ARGV[11])
local window = redis.call('ZRANGE', set, ARGV[4], ARGV[5], 'BYSCORE', 'LIMIT',
  tonumber(ARGV[9]), tonumber(ARGV[10]), 'WITHSCORES')
local replayed, looked, last, tail = 0, 0, '', 0
for i = 1, #window, 2 do
  if replayed >= most then break end
  local id, score = window[i], window[i + 1]
  looked = looked + 1
  if score ~= last then last, tail = score, 0 end
  local st = get_state(KEYS[2], id)
  local match = (not finished or kind == '' or st.x == kind)
    and (status == '' or tostring(st.s or 0) == status)
    and (not by_flow or (st.k or '') == flow)
  if match then
    redis.call('ZREM', set, id)
    st.x, st.f = nil, nil
    revive(KEYS[1], id, st)
    enqueue(KEYS[1], st, id, now)
    emit(KEYS[1], 'rescheduled', id, 'at', now, 'reason', 'replayed')
    replayed = replayed + 1
  else
    tail = tail + 1
  end
end
if replayed > 0 then publish(ARGV[12], ARGV[13]) end
return {DONE, replayed, looked, #window / 2, last, tail}
