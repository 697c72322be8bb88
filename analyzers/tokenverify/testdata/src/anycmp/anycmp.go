// Package anycmp: a value of an untyped configuration (map[string]any)
// compared with a presented string compares as a string, in variable
// time (zrok's internet-facing basic auth). Near misses: a name, a bool
// and two untyped values.
package anycmp

import "net/http"

func basicAuth(w http.ResponseWriter, r *http.Request, cfg map[string]interface{}) bool {
	inUser, inPass, ok := r.BasicAuth()
	if !ok {
		return false
	}
	users, _ := cfg["users"].([]interface{})
	for _, v := range users {
		um, ok := v.(map[string]interface{})
		if !ok {
			continue
		}
		if um["username"] == inUser && um["password"] == inPass { // want `password from basic authentication compared with ==`
			return true
		}
	}
	return false
}

// --- near misses ---

func names(cfg map[string]any, r *http.Request) bool {
	return cfg["name"] == r.URL.Query().Get("name") || cfg["enabled"] == true || cfg["a"] == cfg["b"]
}
