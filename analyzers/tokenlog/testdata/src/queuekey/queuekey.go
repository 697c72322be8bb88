// Package queuekey: a controller logs the key of the object it takes
// from its work queue; a key named like an API key is still an object's
// "namespace/name" there. A key read from configuration is not.
package queuekey

import (
	"log"
	"os"

	"k8s.io/client-go/util/workqueue"
)

type controller struct {
	appQueue workqueue.TypedRateLimitingInterface[string]
	jobs     *jobQueue
}

type jobQueue struct{ items []string }

func (q *jobQueue) Pop() string {
	it := q.items[0]
	q.items = q.items[1:]
	return it
}

// Near miss: the item client-go's queue hands out.
func (c *controller) processNext() bool {
	appKey, shutdown := c.appQueue.Get()
	if shutdown {
		return false
	}
	defer c.appQueue.Done(appKey)
	log.Printf("reconciling %s", appKey)
	return true
}

// Near miss: a queue type of the program's own.
func (c *controller) nextJob() {
	apiKey := c.jobs.Pop()
	log.Println("job", apiKey)
}

type settings map[string]string

func (s settings) Get(k string) string { return s[k] } // want Get:"tokenlog\\(param 0 flows to result 0\\)"

// A key read from configuration is an API key.
func startup(cfg settings) {
	appKey := cfg.Get("app_key")
	log.Println("using", appKey) // want `API key read by Get\("app_key"\) reaches log.Println`
	apiKey := os.Getenv("API_KEY")
	log.Println(apiKey) // want `API key`
}
