package notifyd

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

const testJWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ0ZXN0In0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

func TestTrigger(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get(apiKeyHeader) != "routing-key-test" {
			t.Errorf("key = %q", r.Header.Get(apiKeyHeader))
		}
	}))
	defer srv.Close()
	p := &Pager{url: srv.URL, key: "routing-key-test"}
	if err := p.Trigger(context.Background(), []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	_ = testJWT
}
