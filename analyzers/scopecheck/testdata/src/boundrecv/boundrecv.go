package boundrecv // want package:"analyzed"

// Per-record tokens: each receipt holds the hash of its own token, and
// the handler checks the presented token with a method of the receipt
// the path names (yopass's read receipts). A token of another receipt
// fails, so the token is that receipt's capability. The receipt may also
// reach a callback of the call that loads it. A record loaded with a
// value the query names, or a check made by the server rather than by
// the record, is authentication only.

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"net/http"
	"os"

	"github.com/gorilla/mux"
)

type receipt struct {
	TokenHash string
	State     string
}

func tokenMatchesHash(token, hash string) bool {
	if token == "" || hash == "" {
		return false
	}
	stored, err := hex.DecodeString(hash)
	if err != nil {
		return false
	}
	h := sha256.Sum256([]byte(token))
	return subtle.ConstantTimeCompare(h[:], stored) == 1
}

func (r receipt) tokenValid(token string) bool {
	return tokenMatchesHash(token, r.TokenHash)
}

type server struct {
	receipts map[string]receipt
	users    map[string]string // token -> user
}

func (s *server) load(id string) (receipt, bool) {
	r, ok := s.receipts[id]
	return r, ok
}

func (s *server) update(id string, f func(r *receipt) error) error {
	r, ok := s.receipts[id]
	if !ok {
		return errors.New("not found")
	}
	if err := f(&r); err != nil {
		return err
	}
	s.receipts[id] = r
	return os.WriteFile("/var/lib/receipts/"+id, []byte(r.State), 0o600)
}

func (s *server) userByToken(token string) (string, error) {
	u, ok := s.users[token]
	if !ok {
		return "", errors.New("no such token")
	}
	return u, nil
}

func (s *server) getReceipt(w http.ResponseWriter, req *http.Request) {
	id := mux.Vars(req)["key"]
	r, ok := s.load(id)
	if !ok {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	if !r.tokenValid(req.Header.Get("X-Receipt-Token")) {
		http.Error(w, "invalid token", http.StatusUnauthorized)
		return
	}
	_ = os.WriteFile("/var/lib/receipts/"+id+".seen", nil, 0o600)
}

func (s *server) revokeReceipt(w http.ResponseWriter, req *http.Request) {
	token := req.Header.Get("X-Receipt-Token")
	err := s.update(mux.Vars(req)["key"], func(r *receipt) error {
		if !r.tokenValid(token) {
			return errors.New("invalid token")
		}
		r.State = "revoked"
		return nil
	})
	if err != nil {
		http.Error(w, err.Error(), http.StatusUnauthorized)
	}
}

// Near misses.

func (s *server) getReceiptByQuery(w http.ResponseWriter, req *http.Request) { // want `handler server.getReceiptByQuery authenticates the caller`
	r, ok := s.load(req.URL.Query().Get("key"))
	if !ok || !r.tokenValid(req.Header.Get("X-Receipt-Token")) {
		http.Error(w, "invalid token", http.StatusUnauthorized)
		return
	}
	_ = os.WriteFile("/var/lib/receipts/"+mux.Vars(req)["key"]+".seen", nil, 0o600)
}

func (s *server) deleteReceipt(w http.ResponseWriter, req *http.Request) { // want `handler server.deleteReceipt authenticates the caller`
	id := mux.Vars(req)["key"]
	if _, err := s.userByToken(req.Header.Get("X-Receipt-Token")); err != nil {
		http.Error(w, "invalid token", http.StatusUnauthorized)
		return
	}
	_ = os.Remove("/var/lib/receipts/" + id)
}

func routes(s *server) *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/receipt/{key}", s.getReceipt).Methods("GET")
	r.HandleFunc("/receipt/{key}/revoke", s.revokeReceipt).Methods("POST")
	r.HandleFunc("/receipt/{key}/q", s.getReceiptByQuery).Methods("GET")
	r.HandleFunc("/receipt/{key}", s.deleteReceipt).Methods("DELETE")
	return r
}
