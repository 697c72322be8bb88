// Package dockertest is a stub of github.com/ory/dockertest: it starts
// containers for a test run.
package dockertest

type Pool struct{}

func NewPool(endpoint string) (*Pool, error) { return &Pool{}, nil }

func (p *Pool) Retry(op func() error) error { return op() }
