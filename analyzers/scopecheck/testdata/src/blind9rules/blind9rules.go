package blind9rules // want package:"analyzed"

// Package blind9rules: three classes of blind set 9. A record's owner
// field compared with the caller's own id of any name (MerchantID) read
// from the caller's claims is an ownership check; a middleware that only
// copies the permissions claim into the request's user decides nothing;
// a read route with no check beside reads of the same resource that
// check whose it is made no "any signed-in user" choice.

import (
	"context"
	"errors"
	"net/http"
)

type claims struct {
	Subject    string
	MerchantID string
	Perms      []string
}

type ctxKey struct{}

// token is what the middleware stores: the claims ride inside it, as
// echo-jwt's *jwt.Token does.
type token struct{ Claims any }

func claimsOf(r *http.Request) *claims {
	return r.Context().Value(ctxKey{}).(*token).Claims.(*claims)
}

var sessions = map[string]map[string]any{}

func parse(token string) (map[string]any, error) {
	c, ok := sessions[token]
	if !ok {
		return nil, errors.New("unknown token")
	}
	return c, nil
}

// requireUser authenticates and copies the claims, the permissions
// among them, into the request's user: no access decision.
func requireUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m, err := parse(r.Header.Get("Authorization"))
		if err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		u := &claims{}
		u.Subject, _ = m["sub"].(string)
		u.MerchantID, _ = m["merchant_id"].(string)
		if perms, ok := m["permissions"].([]any); ok {
			for _, p := range perms {
				if s, ok := p.(string); ok {
					u.Perms = append(u.Perms, s)
				}
			}
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, &token{Claims: u})))
	})
}

// requireRefunds decides: it looks for one permission.
func requireRefunds(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, p := range claimsOf(r).Perms {
			if p == "payments:refund" {
				next.ServeHTTP(w, r)
				return
			}
		}
		http.Error(w, "forbidden", http.StatusForbidden)
	})
}

type payment struct {
	MerchantID string
	Refunded   bool
	Amount     int
}

var payments = map[string]*payment{}

// getPayment: the caller's merchant's payment only.
func getPayment(w http.ResponseWriter, r *http.Request) {
	p, ok := payments[r.PathValue("id")]
	if !ok || p.MerchantID != claimsOf(r).MerchantID {
		http.NotFound(w, r)
		return
	}
	b, _ := ledger.Receipt(r.PathValue("id"))
	w.Write(b)
}

// listPayments: filtered by the caller's merchant.
func listPayments(w http.ResponseWriter, r *http.Request) {
	mid := claimsOf(r).MerchantID
	n := 0
	for id, p := range payments {
		if p.MerchantID == mid {
			b, _ := ledger.Receipt(id)
			n += len(b)
		}
	}
	w.WriteHeader(n)
}

// refund: any payment of any merchant.
func refund(w http.ResponseWriter, r *http.Request) {
	payments[r.PathValue("id")].Refunded = true
}

type store struct{}

func (store) restore(id string) { payments[id].Refunded = false }

var db store

// Analytics is the analytics service, out of sight.
type Analytics interface {
	Views(videoID string) (int, error)
}

var analytics Analytics

// Ledger is the accounting service, out of sight.
type Ledger interface {
	Receipt(paymentID string) ([]byte, error)
	Total(merchantID string) int
}

var ledger Ledger

// paymentOf compares with a merchant the request names, not the caller's.
func paymentOf(w http.ResponseWriter, r *http.Request) {
	p, ok := payments[r.PathValue("id")]
	if !ok || p.MerchantID != r.FormValue("merchant_id") {
		http.NotFound(w, r)
		return
	}
	db.restore(r.PathValue("id"))
}

type video struct {
	OwnerID   string
	Published bool
	Views     int
}

var videos = map[string]*video{}

func authn(next http.Handler) http.Handler { return requireUser(next) }

func scoped(scope string, next http.Handler) http.Handler {
	return requireUser(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, p := range claimsOf(r).Perms {
			if p == scope {
				next.ServeHTTP(w, r)
				return
			}
		}
		http.Error(w, "forbidden", http.StatusForbidden)
	}))
}

func getVideo(w http.ResponseWriter, r *http.Request) {
	v, ok := videos[r.PathValue("id")]
	if !ok || (v.OwnerID != claimsOf(r).Subject && !v.Published) {
		http.NotFound(w, r)
		return
	}
	w.WriteHeader(v.Views)
}

func videoStats(w http.ResponseWriter, r *http.Request) {
	n, err := analytics.Views(r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.WriteHeader(n)
}

func publishVideo(w http.ResponseWriter, r *http.Request) { videos[r.PathValue("id")].Published = true }

var albums = map[string]*video{}

func getAlbum(w http.ResponseWriter, r *http.Request) {
	n, err := analytics.Views(r.PathValue("id"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.WriteHeader(n)
}

func publishAlbum(w http.ResponseWriter, r *http.Request) { albums[r.PathValue("id")].Published = true }

// session is the caller's, with the teams it belongs to.
type session struct{ teams map[string]bool }

func (s *session) inTeam(id string) bool     { return s.teams[id] }
func (s *session) teamName(id string) string { return id }

type sessKey struct{}

func sessionOf(r *http.Request) *session {
	s, _ := r.Context().Value(sessKey{}).(*session)
	return s
}

// requireTeamMember tests the caller's membership of the team the path
// names: an access decision.
func requireTeamMember(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s := sessionOf(r); s == nil || !s.inTeam(r.PathValue("team")) {
			http.Error(w, "not a member of this team", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// requireTeamName only reads the team's name: no decision.
func requireTeamName(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s := sessionOf(r); s == nil || s.teamName(r.PathValue("team")) == "" {
			http.Error(w, "no team", http.StatusBadRequest)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func Routes() *http.ServeMux {
	mux := http.NewServeMux()
	// Near misses: the caller's merchant decides.
	mux.Handle("GET /payments/{id}", requireUser(http.HandlerFunc(getPayment)))
	mux.Handle("GET /payments", requireUser(http.HandlerFunc(listPayments)))
	// Positives: copying the permissions claim decided nothing, and a
	// merchant named by the request is not the caller's.
	mux.Handle("POST /payments/{id}/refund", requireUser(http.HandlerFunc(refund)))     // want `route "POST /payments/\{id\}/refund" is registered under authenticating middleware`
	mux.Handle("POST /payments/{id}/restore", requireUser(http.HandlerFunc(paymentOf))) // want `route "POST /payments/\{id\}/restore" is registered under authenticating middleware`
	// Near miss: the middleware checks the permission.
	mux.Handle("POST /refunds/{id}", requireUser(requireRefunds(http.HandlerFunc(refund))))

	// Positive: stats of any video, beside a read that checks the owner.
	mux.Handle("POST /videos/{id}/publish", scoped("videos:publish", http.HandlerFunc(publishVideo)))
	mux.Handle("GET /videos/{id}", authn(http.HandlerFunc(getVideo)))
	mux.Handle("GET /videos/{id}/stats", authn(http.HandlerFunc(videoStats))) // want `route "GET /videos/\{id\}/stats" is registered under authenticating middleware`

	// Near miss: no read of albums checks anything, the write is scoped:
	// reads are open to every signed-in user by choice.
	mux.Handle("POST /albums/{id}/publish", scoped("albums:publish", http.HandlerFunc(publishAlbum)))
	mux.Handle("GET /albums/{id}", authn(http.HandlerFunc(getAlbum)))

	// Near miss: the team's membership is tested.
	mux.Handle("POST /teams/{team}/refunds/{id}", requireUser(requireTeamMember(http.HandlerFunc(refund))))
	// Positive: the team's name is read, nothing decided.
	mux.Handle("POST /teams/{team}/payments/{id}/refund", requireUser(requireTeamName(http.HandlerFunc(refund)))) // want `route "POST /teams/\{team\}/payments/\{id\}/refund" is registered under authenticating middleware`
	return mux
}
