// Smoke test against a live HTQ: go run ./smoke HOST:PORT TOKEN SINK_URL
package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	htq "github.com/htq/htq/clients/go"
	pb "github.com/htq/htq/clients/go/htqv1"
)

func check(ok bool, what string, args ...any) {
	if !ok {
		fmt.Fprintf(os.Stderr, "failed: "+what+"\n", args...)
		os.Exit(1)
	}
}

func main() {
	addr, token, sink := os.Args[1], os.Args[2], os.Args[3]
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c, err := htq.Dial(addr, token)
	check(err == nil, "dial: %v", err)
	defer c.Close()
	_, err = c.CreateQueue(ctx, &pb.Queue{Name: "go", MaxConcurrency: 2})
	check(err == nil, "create: %v", err)
	events, errs, err := c.Watch(ctx, "go", "")
	check(err == nil, "watch: %v", err)
	time.Sleep(300 * time.Millisecond)
	pushed, err := c.Push(ctx, "go", htq.Get(sink+"?from=go"))
	check(err == nil, "push: %v", err)
	later, err := c.Schedule(ctx, "go", htq.Get(sink), time.Now().Add(time.Hour))
	check(err == nil, "schedule: %v", err)
	t, err := c.GetTask(ctx, "go", later)
	check(err == nil && t.State == pb.TaskState_TASK_STATE_SCHEDULED, "get: %v %v", t, err)
	_, err = c.Cancel(ctx, "go", later)
	check(err == nil, "cancel: %v", err)
	_, err = c.GetTask(ctx, "go", later)
	check(status.Code(err) == codes.NotFound, "cancelled task: %v", err)
	kinds := map[string][]pb.EventKind{}
	for len(kinds[pushed]) < 3 || len(kinds[later]) < 2 {
		select {
		case e, ok := <-events:
			if !ok {
				check(false, "watch ended: %v", <-errs)
			}
			kinds[e.TaskId] = append(kinds[e.TaskId], e.Kind)
		case <-ctx.Done():
			check(false, "events: %v", kinds)
		}
	}
	want := []pb.EventKind{pb.EventKind_EVENT_KIND_PUSHED, pb.EventKind_EVENT_KIND_STARTED, pb.EventKind_EVENT_KIND_SUCCEEDED}
	check(fmt.Sprint(kinds[pushed]) == fmt.Sprint(want), "pushed events: %v", kinds[pushed])
	// Replay: a task that died on a 503 runs again (the caller counts the calls).
	_, err = c.CreateQueue(ctx, &pb.Queue{Name: "go-replay", Retry: &pb.RetryPolicy{MaxAttempts: 1}})
	check(err == nil, "create go-replay: %v", err)
	dead, err := c.Push(ctx, "go-replay", htq.Get(sink+"-fail"))
	check(err == nil, "push: %v", err)
	for {
		t, err := c.GetTask(ctx, "go-replay", dead)
		check(err == nil, "get: %v", err)
		if t.State == pb.TaskState_TASK_STATE_DEAD {
			break
		}
		check(ctx.Err() == nil, "the task never died")
		time.Sleep(50 * time.Millisecond)
	}
	r, err := c.Replay(ctx, "go-replay", htq.ReplayFilter{State: pb.TaskState_TASK_STATE_DEAD, LastStatus: 503})
	check(err == nil && r.Replayed == 1 && !r.More, "replay: %v %v", r, err)
	r, err = c.Replay(ctx, "go-replay", htq.ReplayFilter{LastStatus: 500})
	check(err == nil && r.Replayed == 0, "replay 500: %v %v", r, err)
	bad, _ := htq.Dial(addr, "wrong")
	_, err = bad.CreateQueue(ctx, &pb.Queue{Name: "nope"})
	check(status.Code(err) == codes.Unauthenticated, "wrong token: %v", err)
	bad.Close()
	fmt.Println("ok: go client")
}
