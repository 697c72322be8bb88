// Package plainkey: a local named like a credential that holds a map
// entry read under a key naming something else (a Kubernetes Secret's
// "project" field) is that thing; under a credential's key, or a key that
// only says "value", the name is still the evidence.
package plainkey

import "net/http"

type Secret struct {
	Data map[string][]byte
}

// Near miss: the Secret's project name, matched against the caller's.
func projectMatches(secret Secret, project string) bool {
	projectSecret := string(secret.Data["project"])
	return project == projectSecret
}

// Near miss: the URL a credential is for.
func sameRepo(secret Secret, r *http.Request) bool {
	repoToken := string(secret.Data["url"])
	return r.URL.Query().Get("repo") == repoToken
}

// Under the key of a credential: reported.
func tokenMatches(secret Secret, r *http.Request) bool {
	token := string(secret.Data["token"])
	return r.Header.Get("X-Token") == token // want `compared with ==`
}

// Under a key that only says "value": the name is the evidence.
func valueMatches(secret Secret, r *http.Request) bool {
	apiKey := string(secret.Data["value"])
	return r.Header.Get("X-Api-Key") == apiKey // want `compared with ==`
}
