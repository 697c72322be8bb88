package vidclient

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestGetAsset(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id, secret, ok := r.BasicAuth()
		if !ok || id != "test-token-id" || secret != "test-token-secret" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Write([]byte(`{"data":{"id":"abc","status":"ready"}}`))
	}))
	defer srv.Close()

	c := New(WithBaseURL(srv.URL), WithCredentials("test-token-id", "test-token-secret"))
	a, err := c.GetAsset(context.Background(), "abc")
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != "ready" {
		t.Fatalf("status = %q", a.Status)
	}
}
