package keyparam // want package:"analyzed"

// A helper given the key (telegraf's Firehose listener): the request's
// access key is compared, by the key type's own method, with the
// helper's parameter; the listener passes its configured key there, so
// the comparison is the access decision. Near misses: a key looked up
// per tenant, and a comparison method given something that is no
// credential.

import (
	"crypto/subtle"
	"errors"
	"net/http"
)

// Secret holds a configured secret.
type Secret struct{ b []byte }

// EqualTo compares the secret with ref in constant time.
func (s *Secret) EqualTo(ref []byte) (bool, error) { // want EqualTo:"work\\(reads s.b\\)"
	return subtle.ConstantTimeCompare(s.b, ref) == 1, nil
}

type message struct{ code int }

func (m *message) authenticate(req *http.Request, expected Secret) error {
	key := req.Header.Get("X-Amz-Firehose-Access-Key")
	match, err := expected.EqualTo([]byte(key))
	if err != nil {
		return err
	}
	if !match {
		m.code = http.StatusUnauthorized
		return errors.New("unauthorized")
	}
	return nil
}

type store struct{ rows map[string][]byte }

func (s *store) put(id string, b []byte) { s.rows[id] = b }

// Listener takes records with the one configured access key.
type Listener struct {
	AccessKey Secret
	keys      map[string]Secret
	st        *store
}

func (f *Listener) ServeHTTP(w http.ResponseWriter, req *http.Request) { // want ServeHTTP:"authenticates\\(passes the X-Amz-Firehose-Access-Key header to Secret.EqualTo in message.authenticate\\)" ServeHTTP:"authorizes\\(comparison with the configured key f.AccessKey in message.authenticate\\)" ServeHTTP:"work\\(calls store.put\\)"
	var msg message
	if err := msg.authenticate(req, f.AccessKey); err != nil {
		w.WriteHeader(msg.code)
		return
	}
	f.st.put(req.URL.Query().Get("stream"), nil)
}

// Tenants looks each tenant's key up: the key is the tenant's, and what
// the request may touch is still to be decided.
type Tenants struct {
	keys map[string]Secret
	st   *store
}

func (t *Tenants) keyFor(tenant string) (Secret, bool) {
	k, ok := t.keys[tenant]
	return k, ok
}

func (t *Tenants) ServeHTTP(w http.ResponseWriter, req *http.Request) { // want `handler Tenants.ServeHTTP authenticates the caller` ServeHTTP:"authenticates\\(passes the X-Amz-Firehose-Access-Key header to Secret.EqualTo in message.authenticate\\)" ServeHTTP:"work\\(calls store.put\\)"
	k, ok := t.keyFor(req.Header.Get("X-Tenant"))
	if !ok {
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	var msg message
	if err := msg.authenticate(req, k); err != nil {
		w.WriteHeader(msg.code)
		return
	}
	t.st.put(req.URL.Query().Get("stream"), nil)
}

func Routes(mux *http.ServeMux, f *Listener, t *Tenants) {
	mux.Handle("/firehose", f)
	mux.Handle("/tenants", t)
}
