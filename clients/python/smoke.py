"""Smoke test against a live HTQ: python smoke.py HOST:PORT TOKEN SINK_URL.

Creates a queue, pushes to the sink (the caller checks delivery too), schedules,
cancels, and watches the events; with the blocking and the asyncio client."""

import asyncio
import datetime as dt
import sys

import grpc

from htq_client import AsyncClient, Client, HtqError, callbacks, endpoint, get, pb, post


def kinds(events, task_id):
    return [pb.EventKind.Name(e.kind) for e in events if e.task_id == task_id]


def sync(target, token, sink):
    with Client(target, token) as htq:
        htq.create_queue("py-sync", max_concurrency=2)
        watch = htq.watch("py-sync")
        import time
        time.sleep(0.3)  # let the watch begin before the first push
        pushed = htq.push("py-sync", post(sink + "?from=py-sync", "hello"))
        later = htq.schedule("py-sync", post(sink, ""), dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=1))
        assert htq.get_task("py-sync", later).state == pb.TASK_STATE_SCHEDULED
        htq.cancel("py-sync", later)
        try:
            htq.get_task("py-sync", later)
            raise AssertionError("a cancelled task was found")
        except HtqError as e:
            assert e.code() == grpc.StatusCode.NOT_FOUND, e
        seen = []
        for event in watch:
            seen.append(event)
            if len(kinds(seen, pushed)) == 3 and len(kinds(seen, later)) == 2:
                break
        assert kinds(seen, pushed) == ["EVENT_KIND_PUSHED", "EVENT_KIND_STARTED", "EVENT_KIND_SUCCEEDED"], seen
        assert kinds(seen, later) == ["EVENT_KIND_SCHEDULED", "EVENT_KIND_CANCELLED"], seen
        # Replay: a task that died on a 503 runs again (the caller counts the calls).
        htq.create_queue("py-replay", retry=pb.RetryPolicy(max_attempts=1))
        dead = htq.push("py-replay", get(sink + "-fail"))
        deadline = time.time() + 10
        while htq.get_task("py-replay", dead).state != pb.TASK_STATE_DEAD:
            assert time.time() < deadline, "the task never died"
            time.sleep(0.05)
        replayed = htq.replay("py-replay", state=pb.TASK_STATE_DEAD, last_status=503)
        assert (replayed.replayed, replayed.more) == (1, False), replayed
        assert htq.replay("py-replay", last_status=500).replayed == 0
        # A topic of two endpoints: one message reaches both (the caller checks).
        topic = htq.create_topic("py-topic", [endpoint("one", sink + "-t1"), endpoint("two", sink + "-t2")],
                                 pause_after_failures=5)
        assert [e.state for e in topic.endpoints] == [pb.ENDPOINT_STATE_ENABLED] * 2, topic
        published = htq.publish("py-topic", "fan-out")
        assert [(d.endpoint, d.task_id) for d in published.deliveries] == \
            [("one", published.message_id), ("two", published.message_id)], published
        htq.add_endpoint("py-topic", endpoint("three", sink + "-t3", max_concurrency=2))
        assert len(htq.get_topic("py-topic").endpoints) == 3
        htq.remove_endpoint("py-topic", "three")
        assert [t.name for t in htq.list_topics()] == ["py-topic"]
        # Callbacks: the success of a task is POSTed to the caller's sink.
        called = htq.push("py-sync", get(sink + "-job"), callbacks=callbacks(on_success=sink + "-cb"))
        print("callback task " + called)
    try:
        with Client(target, "wrong") as bad:
            bad.create_queue("nope")
        raise AssertionError("a wrong token was accepted")
    except HtqError as e:
        assert e.code() == grpc.StatusCode.UNAUTHENTICATED, e


async def asynchronous(target, token, sink):
    async with AsyncClient(target, token) as htq:
        await htq.create_queue("py-async")
        events = htq.watch("py-async")
        await asyncio.sleep(0.3)  # the call is under way; its first read comes below
        pushed = await htq.push("py-async", post(sink + "?from=py-async", "hello"))
        seen = []
        while len(seen) < 3:
            seen.append(await asyncio.wait_for(events.__anext__(), 5))
        assert kinds(seen, pushed) == ["EVENT_KIND_PUSHED", "EVENT_KIND_STARTED", "EVENT_KIND_SUCCEEDED"], seen
        await events.aclose()
        topic = await htq.get_topic("py-topic")
        assert [e.name for e in topic.endpoints] == ["one", "two"], topic


if __name__ == "__main__":
    import signal
    signal.alarm(60)  # never hang a CI run
    target, token, sink = sys.argv[1:4]
    sync(target, token, sink)
    asyncio.run(asynchronous(target, token, sink))
    print("ok: python sync and asyncio clients")
