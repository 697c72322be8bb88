package boundres // want package:"analyzed"

// Sync tokens valid for one repository: the lookup is given the token
// and the repository the path names (seafile's GetEmailByToken(repoID,
// token)), so a token of another repository finds nothing. The handler
// passing the path's repository to the helper that makes that lookup is
// authorized for that repository; one whose lookup ignores the
// repository, or that passes a repository the query names, is not.

import (
	"errors"
	"net/http"
	"os"

	"github.com/gorilla/mux"
)

type repoDB struct {
	tokens map[string]string // repo + "/" + token -> email
	byTok  map[string]string // token -> email
	quota  map[string]int64
}

var db = &repoDB{}

func (d *repoDB) emailByToken(repoID, token string) (string, error) {
	e, ok := d.tokens[repoID+"/"+token]
	if !ok {
		return "", errors.New("no such token")
	}
	return e, nil
}

func (d *repoDB) emailByTokenOnly(token string) (string, error) {
	e, ok := d.byTok[token]
	if !ok {
		return "", errors.New("no such token")
	}
	return e, nil
}

func (d *repoDB) reserve(repoID string, n int64) {
	d.quota[repoID] -= n
	_ = os.WriteFile("/var/lib/quota/"+repoID, nil, 0o600)
}

func validateToken(r *http.Request, repoID string) (string, int) {
	token := r.Header.Get("Authorization")
	email, err := db.emailByToken(repoID, token)
	if err != nil || email == "" {
		return "", http.StatusForbidden
	}
	return email, 0
}

func validateAny(r *http.Request) (string, int) {
	token := r.Header.Get("Authorization")
	email, err := db.emailByTokenOnly(token)
	if err != nil {
		return "", http.StatusForbidden
	}
	return email, 0
}

func quotaCheck(w http.ResponseWriter, r *http.Request) {
	vars := mux.Vars(r)
	repoID := vars["repoid"]
	if _, code := validateToken(r, repoID); code != 0 {
		http.Error(w, "forbidden", code)
		return
	}
	db.reserve(repoID, 1)
}

func quotaCheckAny(w http.ResponseWriter, r *http.Request) { // want `handler quotaCheckAny authenticates the caller`
	repoID := mux.Vars(r)["repoid"]
	if _, code := validateAny(r); code != 0 {
		http.Error(w, "forbidden", code)
		return
	}
	db.reserve(repoID, 1)
}

func quotaCheckQuery(w http.ResponseWriter, r *http.Request) { // want `handler quotaCheckQuery authenticates the caller`
	repoID := r.URL.Query().Get("repo")
	if _, code := validateToken(r, repoID); code != 0 {
		http.Error(w, "forbidden", code)
		return
	}
	db.reserve(mux.Vars(r)["repoid"], 1)
}

func routes() *mux.Router {
	r := mux.NewRouter()
	r.HandleFunc("/repo/{repoid}/quota-check", quotaCheck)
	r.HandleFunc("/repo/{repoid}/quota-any", quotaCheckAny)
	r.HandleFunc("/repo/{repoid}/quota-query", quotaCheckQuery)
	return r
}
