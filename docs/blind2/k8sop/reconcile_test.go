package k8sop

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

type fakeSecrets map[string]string

func (f fakeSecrets) Get(_ context.Context, ns, name, key string) (string, error) {
	return f[ns+"/"+name+"/"+key], nil
}

func TestTrigger(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, p, _ := r.BasicAuth(); p != "s3cr3t-for-test" {
			w.WriteHeader(http.StatusUnauthorized)
		}
	}))
	defer srv.Close()
	r := &Reconciler{
		Secrets:       fakeSecrets{"ns/backup-operator-token/password": "s3cr3t-for-test"},
		ApplianceHost: strings.TrimPrefix(srv.URL, "http://"),
	}
	_ = r
}
