-- replay: runs again, as new attempts, the dead or retained finished tasks of a
-- queue that match a filter: each leaves its set and is due now with a fresh set of
-- attempts (see revive); a retained task stops being a finished one. Looks at a
-- bounded window of the set per call: the caller moves the window on by the
-- entries left in place.
-- KEYS[1] settings, KEYS[2] state
-- ARGV[1] now (ms), ARGV[2] which set: 'dead' or 'done', ARGV[3] for 'done', the
-- finished kind wanted ('s' succeeded, 'c' cancelled, '' either), ARGV[4] and
-- ARGV[5] the score range (when dead-lettered or finished, ms; '-inf'/'+inf' or
-- '(' exclusive as ZRANGE takes them), ARGV[6] last status wanted ('' any),
-- ARGV[7] '1' to filter by flow key, ARGV[8] that key, ARGV[9] entries of the
-- range to skip first (left in place by earlier calls), ARGV[10] most entries to
-- look at, ARGV[11] most tasks to replay, ARGV[12] wake channel, ARGV[13] wake
-- message
-- Returns {DONE, replayed, entries looked at and left in place, entries looked at,
-- entries in the window} or {NO_QUEUE}.
-- Emits: rescheduled.
-- Other keys of the queue it names (qkey): dead, done, due, events, fdue:<key>, flows, state, stats.
if redis.call('EXISTS', KEYS[1]) == 0 then return {NO_QUEUE} end
local now = tonumber(ARGV[1])
local set = qkey(KEYS[1], ARGV[2])
local finished = ARGV[2] == 'done'
local kind, status, by_flow, flow = ARGV[3], ARGV[6], ARGV[7] == '1', ARGV[8]
local most = tonumber(ARGV[11])
local ids = redis.call('ZRANGE', set, ARGV[4], ARGV[5], 'BYSCORE', 'LIMIT', tonumber(ARGV[9]), tonumber(ARGV[10]))
local replayed, left, looked = 0, 0, 0
for _, id in ipairs(ids) do
  if replayed >= most then break end
  looked = looked + 1
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
    left = left + 1
  end
end
if replayed > 0 then publish(ARGV[12], ARGV[13]) end
return {DONE, replayed, left, looked, #ids}
