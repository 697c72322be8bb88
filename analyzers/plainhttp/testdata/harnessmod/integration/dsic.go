// Package integration builds the containers of an integration test run
// in files that are not _test.go files and take no *testing.T.
package integration

import (
	"crypto/tls"
	"net/http"

	"github.com/ory/dockertest/v3"
	"github.com/ory/dockertest/v3/docker"
)

// WaitForDERP polls a container started by dockertest: silent, the file
// imports a container test harness.
func WaitForDERP(pool *dockertest.Pool, url string) error {
	_ = docker.HostConfig{AutoRemove: true}
	client := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	return pool.Retry(func() error {
		_, err := client.Get(url)
		return err
	})
}
