package payhook

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
)

func TestSend(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("Payhook-Signature")
	}))
	defer srv.Close()
	ep := Endpoint{URL: srv.URL + "/hook", Secret: []byte("whsec_test_secret_for_unit_tests")}
	if err := NewSender().Send(context.Background(), ep, []byte(`{}`)); err != nil {
		t.Fatal(err)
	}
	if got == "" {
		t.Fatal("no signature")
	}
}

func TestLocalLedger(t *testing.T) {
	req, _ := http.NewRequest(http.MethodGet, "http://localhost:8025/api/entries", nil)
	req.Header.Set("X-API-Key", "test-ledger-key")
	_ = req
}
