// Package workqueue is a stub of client-go's workqueue.
package workqueue

// TypedInterface is a work queue of items of type T.
type TypedInterface[T comparable] interface {
	Add(item T)
	Get() (item T, shutdown bool)
	Done(item T)
}

// TypedRateLimitingInterface is a rate-limited work queue.
type TypedRateLimitingInterface[T comparable] interface {
	TypedInterface[T]
	AddRateLimited(item T)
}
