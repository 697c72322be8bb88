package formroutes

// formroutes reads a credential form field in one endpoint handler only,
// its handlers taking the application's own request type (as corteza's
// auth handlers do). Another endpoint's form never holds the field;
// middleware, which sees every route's form, and the reader itself do.

import (
	"log"
	"net/http"
)

type authReq struct {
	Response http.ResponseWriter
	Request  *http.Request
}

type store interface {
	ChangePassword(old, new string) error
}

type handlers struct{ s store }

func (h handlers) changePassword(req *authReq) error {
	old := req.Request.PostFormValue("oldPassword")
	log.Printf("change password: %v", req.Request.PostForm) // want `request form with the "oldPassword" field \(read in this package\) reaches log.Printf`
	return h.s.ChangePassword(old, req.Request.PostFormValue("newPassword"))
}

// Near miss: the OAuth 2 authorize endpoint's form is client_id,
// redirect_uri and scope.
func (h handlers) authorize(req *authReq) error {
	log.Printf("authorize: %v", req.Request.Form) // silent: another route's form
	describe(req)
	return nil
}

// describe is called by the authorize endpoint only.
func describe(req *authReq) {
	log.Printf("params: %v", req.Request.Form) // silent: only another route's form
}

// logForms sees every route's form, the password change's included.
func logForms(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("form: %v", r.Form) // want `request form with the "oldPassword" field \(read in this package\) reaches log.Printf`
		next.ServeHTTP(w, r)
	})
}

func (h handlers) wrap(fn func(*authReq) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := fn(&authReq{Response: w, Request: r}); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
		}
	}
}

func (h handlers) routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /password", h.wrap(h.changePassword))
	mux.HandleFunc("GET /authorize", h.wrap(h.authorize))
	return logForms(mux)
}
